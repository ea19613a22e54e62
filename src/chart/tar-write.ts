/**
 * A minimal ustar writer for packaging a chart directory as `NAME-VERSION.tgz` (what
 * `dependency update` does with `file://` dependencies). Entries are `NAME/<file>`, mode 0644;
 * names longer than 100 bytes use the ustar prefix field. Pure (gzip is node:zlib).
 */
import { gzipSync } from 'node:zlib';
import type { BufferedFile } from './types.js';

const encoder = new TextEncoder();

function writeString(buf: Uint8Array, off: number, len: number, s: string): void {
  const b = encoder.encode(s);
  buf.set(b.subarray(0, len), off);
}

function writeOctal(buf: Uint8Array, off: number, len: number, n: number): void {
  writeString(buf, off, len, `${n.toString(8).padStart(len - 1, '0')}\0`);
}

function header(name: string, size: number, mtime: number): Uint8Array {
  const h = new Uint8Array(512);
  let prefix = '';
  let base = name;
  if (encoder.encode(name).length > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  writeString(h, 0, 100, base);
  writeOctal(h, 100, 8, 0o644);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, mtime);
  h.fill(0x20, 148, 156);
  h[156] = 0x30;
  writeString(h, 257, 6, 'ustar\0');
  writeString(h, 263, 2, '00');
  writeString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  writeString(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** gzip(tar) of `files` under the directory `root`. */
export function writeChartArchive(
  root: string,
  files: readonly BufferedFile[],
  mtime: Date,
): Uint8Array {
  const parts: Uint8Array[] = [];
  const t = Math.floor(mtime.getTime() / 1000);
  for (const f of files) {
    parts.push(header(`${root}/${f.name}`, f.data.length, t));
    parts.push(f.data);
    const pad = (512 - (f.data.length % 512)) % 512;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const tar = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    tar.set(p, off);
    off += p.length;
  }
  return new Uint8Array(gzipSync(tar));
}
