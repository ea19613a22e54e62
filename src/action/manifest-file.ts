/**
 * `command: template` writes the rendered manifest to a file (output `manifest-path`); the
 * summary shows its start, collapsed, with the number of documents.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateOutput } from './summary-data.js';
import { sideEffect } from '../runtime/side-effects.js';

/** Above this many bytes the summary shows only the start of the manifest. */
export const MANIFEST_PREVIEW_BYTES = 64 * 1024;

/** Documents of a manifest: `---`-separated parts with more than comments in them. */
export function countDocuments(manifest: string): number {
  return manifest
    .split(/^---[ \t]*$/m)
    .filter((d) => d.split('\n').some((l) => l.trim() !== '' && !l.trimStart().startsWith('#')))
    .length;
}

/** The start of `text`, cut at the last line break within `limit` bytes. */
function preview(text: string, limit: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= limit) return { text, truncated: false };
  const cut = Buffer.from(text, 'utf8').subarray(0, limit).toString('utf8');
  const nl = cut.lastIndexOf('\n');
  return { text: nl > 0 ? cut.slice(0, nl + 1) : cut, truncated: true };
}

export function writeManifestFile(opts: {
  dir: string;
  release: string;
  manifest: string;
}): TemplateOutput {
  sideEffect(); // a file: closes the side-effect latch (src/runtime/side-effects.ts)
  mkdirSync(opts.dir, { recursive: true });
  const path = join(opts.dir, `hookline-${opts.release.replace(/[^A-Za-z0-9._-]/g, '_')}.yaml`);
  writeFileSync(path, opts.manifest);
  const p = preview(opts.manifest, MANIFEST_PREVIEW_BYTES);
  return {
    path,
    documents: countDocuments(opts.manifest),
    bytes: Buffer.byteLength(opts.manifest),
    preview: p.text,
    truncated: p.truncated,
  };
}
