/**
 * A content-addressed cache of chart archives, provenance files and OCI manifests, so repeated
 * runs download nothing a digest already names. Root: `$HOOKLINE_CACHE_DIR`, else
 * `$RUNNER_TOOL_CACHE/hookline`, else `$XDG_CACHE_HOME/hookline` (default `~/.cache/hookline`).
 * Files are `sha256/<hex>`; a read re-hashes the bytes, so a corrupt file is a miss.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function cacheRoot(env: (name: string) => string | undefined): string {
  const explicit = env('HOOKLINE_CACHE_DIR');
  if (explicit) return explicit;
  const tool = env('RUNNER_TOOL_CACHE');
  if (tool) return join(tool, 'hookline');
  const xdg = env('XDG_CACHE_HOME') || join(env('HOME') ?? '', '.cache');
  return join(xdg, 'hookline');
}

export class ContentCache {
  /** Reads and writes of this process, for tests and `--debug`. */
  hits = 0;
  misses = 0;

  constructor(readonly root: string) {}

  private file(digest: string): string | null {
    const m = /^sha256:([a-f0-9]{64})$/.exec(digest);
    return m ? join(this.root, 'sha256', m[1]!) : null;
  }

  get(digest: string): Uint8Array | undefined {
    const f = this.file(digest);
    if (!f) return undefined;
    let data: Uint8Array;
    try {
      data = new Uint8Array(readFileSync(f));
    } catch {
      this.misses++;
      return undefined;
    }
    if (`sha256:${createHash('sha256').update(data).digest('hex')}` !== digest) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return data;
  }

  /** Store bytes under their digest (written to a temporary name, then renamed). */
  put(data: Uint8Array): string {
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    const f = this.file(digest)!;
    try {
      mkdirSync(join(this.root, 'sha256'), { recursive: true });
      const tmp = `${f}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, data);
      renameSync(tmp, f);
    } catch {
      // a cache that cannot be written is only slower
    }
    return digest;
  }
}
