/**
 * A minimal tar reader (ustar, pax `path`/`size` records, GNU long names), enough for chart
 * archives. Mirrors what Go's archive/tar hands Helm: one header per entry with its type flag,
 * name and size; pax and GNU long-name records are applied to the entry that follows.
 */

export interface TarEntry {
  name: string;
  /** Go's tar type flag character: '0' file, '5' dir, '1' hard link, '2' symlink … */
  type: string;
  size: number;
  data: Uint8Array;
}

export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarError';
  }
}

const BLOCK = 512;
const decoder = new TextDecoder();

function cString(buf: Uint8Array, start: number, len: number): string {
  let end = start;
  while (end < start + len && buf[end] !== 0) end++;
  return decoder.decode(buf.subarray(start, end));
}

function octal(buf: Uint8Array, start: number, len: number): number {
  // GNU base-256 encoding for large sizes.
  if (((buf[start] ?? 0) & 0x80) !== 0) {
    let n = 0;
    for (let i = start + 1; i < start + len; i++) n = n * 256 + (buf[i] ?? 0);
    return n;
  }
  const s = cString(buf, start, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

function isZeroBlock(buf: Uint8Array, off: number): boolean {
  for (let i = off; i < off + BLOCK; i++) if (buf[i] !== 0) return false;
  return true;
}

function checksumOk(buf: Uint8Array, off: number): boolean {
  const want = octal(buf, off + 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (buf[off + i] ?? 0);
  return sum === want;
}

/** Parse pax extended header records (`<len> <key>=<value>\n`). */
function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = decoder.decode(data);
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) break;
    const len = parseInt(text.slice(i, sp), 10);
    if (!(len > 0)) throw new TarError('archive/tar: invalid tar header');
    const rec = text.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

/** Read every entry of an uncompressed tar stream (pax/GNU meta entries are folded in). */
export function readTar(buf: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let off = 0;
  let pendingName: string | null = null;
  let pendingSize: number | null = null;
  while (off + BLOCK <= buf.length) {
    if (isZeroBlock(buf, off)) break;
    if (!checksumOk(buf, off)) throw new TarError('archive/tar: invalid tar header');
    const type = String.fromCharCode(buf[off + 156] || 0x30);
    let name = cString(buf, off, 100);
    const magic = cString(buf, off + 257, 6);
    if (magic.startsWith('ustar')) {
      const prefix = cString(buf, off + 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    let size = octal(buf, off + 124, 12);
    const dataStart = off + BLOCK;
    if (pendingSize !== null && type !== 'x' && type !== 'L') size = pendingSize;
    if (dataStart + size > buf.length) throw new TarError('unexpected EOF');
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      const pax = parsePax(data);
      if (pax.has('path')) pendingName = pax.get('path') as string;
      if (pax.has('size')) pendingSize = Number(pax.get('size'));
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      pendingName = cString(data, 0, data.length);
      continue;
    }
    if (pendingName !== null) name = pendingName;
    pendingName = null;
    pendingSize = null;
    entries.push({
      name,
      type,
      size,
      data: type === '0' || type === '\0' || type === '7' ? data : new Uint8Array(0),
    });
  }
  return entries;
}
