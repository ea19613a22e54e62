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

/** Go's archive/tar maxSpecialFileSize: pax and GNU long-name records are at most 1 MiB. */
export const MAX_SPECIAL_FILE_SIZE = 1 << 20;

/** An entry's header, as seen before its data is read. */
export interface TarHeader {
  name: string;
  type: string;
  size: number;
}

/**
 * An incremental tar reader: `feed` it chunks of the uncompressed stream and it returns the
 * entries completed so far, so an archive is never held whole. `onHeader` sees each header
 * before its data is buffered (and may throw, as Helm's size checks do); the data of entries
 * that carry none (directories, links) is skipped without buffering. Stops at the end-of-archive
 * block (`done`).
 */
export class TarReader {
  done = false;
  private buf: Uint8Array = new Uint8Array(0);
  private skip = 0;
  private pendingName: string | null = null;
  private pendingSize: number | null = null;

  /**
   * `skipData`: regular files' data is skipped too (entries come with empty `data`), for a
   * pass that only checks headers and sizes.
   */
  constructor(
    private readonly onHeader: (h: TarHeader) => void = () => undefined,
    private readonly skipData = false,
  ) {}

  feed(chunk: Uint8Array): TarEntry[] {
    const out: TarEntry[] = [];
    if (this.done) return out;
    let data = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, data.length);
      this.skip -= n;
      data = data.subarray(n);
    }
    this.buf = this.buf.length === 0 ? data : concat(this.buf, data);
    let off = 0;
    const buf = this.buf;
    while (!this.done && off + BLOCK <= buf.length) {
      if (isZeroBlock(buf, off)) {
        this.done = true;
        break;
      }
      if (!checksumOk(buf, off)) throw new TarError('archive/tar: invalid tar header');
      const type = String.fromCharCode(buf[off + 156] || 0x30);
      let name = cString(buf, off, 100);
      const magic = cString(buf, off + 257, 6);
      if (magic.startsWith('ustar')) {
        const prefix = cString(buf, off + 345, 155);
        if (prefix) name = `${prefix}/${name}`;
      }
      let size = octal(buf, off + 124, 12);
      if (this.pendingSize !== null && type !== 'x' && type !== 'L') size = this.pendingSize;
      const special = type === 'x' || type === 'g' || type === 'L';
      if (special && size > MAX_SPECIAL_FILE_SIZE)
        throw new TarError('archive/tar: header field too long');
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      const hasData =
        special || (!this.skipData && (type === '0' || type === '\0' || type === '7'));
      if (!special) {
        const header = { name: this.pendingName ?? name, type, size };
        // Checked once per header: when its data is still to come, the header is re-read
        // from the buffer on the next feed, so only check when the entry can complete or
        // when it is first seen (tracked by the offset being at a fresh header).
        if (!this.seen) this.onHeader(header);
      }
      if (!hasData) {
        // Data of directories and links is skipped, never buffered.
        this.seen = false;
        const avail = buf.length - (off + BLOCK);
        off += BLOCK;
        if (padded > avail) {
          this.skip = padded - avail;
          off = buf.length;
        } else off += padded;
        if (this.pendingName !== null) name = this.pendingName;
        this.pendingName = null;
        this.pendingSize = null;
        out.push({ name, type, size, data: new Uint8Array(0) });
        continue;
      }
      if (off + BLOCK + padded > buf.length) {
        this.seen = true; // wait for the rest of this entry's data
        break;
      }
      this.seen = false;
      const body = buf.subarray(off + BLOCK, off + BLOCK + size);
      off += BLOCK + padded;
      if (type === 'x') {
        const pax = parsePax(body);
        if (pax.has('path')) this.pendingName = pax.get('path') as string;
        if (pax.has('size')) this.pendingSize = Number(pax.get('size'));
        continue;
      }
      if (type === 'g') continue;
      if (type === 'L') {
        this.pendingName = cString(body, 0, body.length);
        continue;
      }
      if (this.pendingName !== null) name = this.pendingName;
      this.pendingName = null;
      this.pendingSize = null;
      out.push({ name, type, size, data: body });
    }
    this.buf = off >= buf.length ? new Uint8Array(0) : buf.slice(off);
    return out;
  }

  private seen = false;

  /** After the last chunk: an entry cut short is Go's `unexpected EOF`. */
  end(): void {
    if (!this.done && (this.buf.length > 0 || this.skip > 0)) {
      if (this.buf.length >= BLOCK || this.skip > 0) throw new TarError('unexpected EOF');
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Read every entry of an uncompressed tar stream (pax/GNU meta entries are folded in). */
export function readTar(buf: Uint8Array): TarEntry[] {
  const reader = new TarReader();
  const entries = reader.feed(buf);
  reader.end();
  return entries;
}
