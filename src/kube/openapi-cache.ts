/**
 * A disk cache of servers' /openapi/v2 documents, as client-go's disk HTTP cache keeps them for
 * Helm and kubectl (`~/.kube/cache/http`): one file per server, holding the document's ETag and
 * the part validation reads (openapi-models.ts `reducedDocument`, ~6% of the 3.7 MB a 1.20 server
 * sends). A command sends the ETag as If-None-Match and, on 304, reads the file instead of
 * downloading, decompressing and parsing the document again. The cache holds only the server's
 * published schema (no object, no credential). A file that cannot be read is a miss, one that
 * cannot be written is skipped: the cache never fails a command.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedOpenApi {
  etag: string;
  document: unknown;
}

export interface OpenApiCache {
  read(server: string): CachedOpenApi | undefined;
  write(server: string, entry: CachedOpenApi): void;
}

/** The file of `server` (its URL, made a file name; node:crypto is not loaded for a hash). */
function fileOf(dir: string, server: string): string {
  return join(dir, `openapi-v2-${server.replace(/[^A-Za-z0-9.-]/g, '_')}.json`);
}

export function diskOpenApiCache(dir: string): OpenApiCache {
  return {
    read(server) {
      try {
        const entry = JSON.parse(readFileSync(fileOf(dir, server), 'utf8')) as CachedOpenApi;
        return typeof entry.etag === 'string' && entry.etag !== '' ? entry : undefined;
      } catch {
        return undefined;
      }
    },
    write(server, entry) {
      const file = fileOf(dir, server);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, JSON.stringify(entry));
        renameSync(tmp, file);
      } catch {
        try {
          rmSync(tmp, { force: true });
        } catch {
          // nothing was written
        }
      }
    },
  };
}

/**
 * Where hookline keeps its cache: HOOKLINE_CACHE_HOME, else `$XDG_CACHE_HOME/hookline`, else
 * `~/.cache/hookline` (Helm's HELM_CACHE_HOME and `~/.cache/helm` alike); undefined without
 * any of them.
 */
export function cacheHome(env: (name: string) => string | undefined): string | undefined {
  const own = env('HOOKLINE_CACHE_HOME');
  if (own) return own;
  const xdg = env('XDG_CACHE_HOME');
  if (xdg) return join(xdg, 'hookline');
  const home = env('HOME');
  return home ? join(home, '.cache', 'hookline') : undefined;
}
