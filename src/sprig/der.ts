/**
 * Minimal DER encoding/decoding and PEM, enough to build X.509 certificates the way Go's
 * crypto/x509 and encoding/asn1 do, and to read back the parts of a CA certificate Go uses
 * (raw subject, SubjectKeyId, public key). Mirrors golang/go:src/encoding/asn1 and encoding/pem.
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV. */
export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

export const seq = (...items: Buffer[]): Buffer => tlv(TAG.SEQUENCE, Buffer.concat(items));
export const set = (...items: Buffer[]): Buffer => tlv(TAG.SET, Buffer.concat(items));
export const octets = (b: Buffer): Buffer => tlv(TAG.OCTET_STRING, b);
export const nullDer = (): Buffer => tlv(TAG.NULL, Buffer.alloc(0));
export const bool = (v: boolean): Buffer => tlv(TAG.BOOLEAN, Buffer.from([v ? 0xff : 0x00]));
/** [n] EXPLICIT (constructed context tag). */
export const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 | n, inner);

/** A non-negative INTEGER, minimal big-endian with a leading zero when the top bit is set. */
export function integer(v: bigint): Buffer {
  if (v < 0n) throw new RangeError('negative INTEGER');
  const bytes: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) bytes.unshift(Number(x & 0xffn));
  if (bytes.length === 0 || bytes[0] & 0x80) bytes.unshift(0);
  return tlv(TAG.INTEGER, Buffer.from(bytes));
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(TAG.OID, Buffer.from(out));
}

export function bitString(bytes: Buffer, unusedBits = 0): Buffer {
  return tlv(TAG.BIT_STRING, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

/** encoding/asn1's choice for an untagged Go string: PrintableString when possible. */
export function goString(s: string): Buffer {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? TAG.PRINTABLE_STRING : TAG.UTF8_STRING, Buffer.from(s, 'utf8'));
}

/** A time.Time as encoding/asn1 marshals it: UTCTime for 1950..2049, else GeneralizedTime. */
export function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, Buffer.from(p(y % 100) + rest));
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(p(y, 4) + rest));
}

/** A decoded TLV: tag, content bytes and the full encoding. */
export interface Node {
  readonly tag: number;
  readonly content: Buffer;
  readonly raw: Buffer;
}

export class DerError extends Error {}

/** Read one TLV at `offset`. */
export function readNode(buf: Buffer, offset = 0): Node {
  if (offset + 2 > buf.length) throw new DerError('asn1: syntax error: data truncated');
  const tag = buf[offset];
  let len = buf[offset + 1];
  let head = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || offset + 2 + n > buf.length)
      throw new DerError('asn1: syntax error: data truncated');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i];
    head += n;
  }
  const end = offset + head + len;
  if (end > buf.length) throw new DerError('asn1: syntax error: data truncated');
  return { tag, content: buf.subarray(offset + head, end), raw: buf.subarray(offset, end) };
}

/** The children of a constructed node. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let off = 0; off < node.content.length;) {
    const child = readNode(node.content, off);
    out.push(child);
    off += child.raw.length;
  }
  return out;
}

export function decodeOid(content: Buffer): string {
  const parts: number[] = [];
  let v = 0;
  for (const b of content) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export function decodeInteger(content: Buffer): bigint {
  let v = 0n;
  for (const b of content) v = (v << 8n) | BigInt(b);
  if (content.length > 0 && content[0] & 0x80) v -= 1n << BigInt(content.length * 8);
  return v;
}

/** pem.EncodeToMemory: 64-column base64 body. */
export function pemEncode(type: string, der: Buffer): string {
  const b64 = der.toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.map((l) => l + '\n').join('')}-----END ${type}-----\n`;
}

/** pem.Decode of the first block (undefined when there is none). */
export function pemDecode(text: string): { type: string; bytes: Buffer } | undefined {
  const re =
    /-----BEGIN ([^\n-]*)-----\r?\n((?:[^:\n]*:[^\n]*\r?\n)*)(?:\r?\n)?([\s\S]*?)-----END \1-----/g;
  for (const m of text.matchAll(re)) {
    const body = m[3].replace(/[ \t\r\n]/g, '');
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(body) && body.length % 4 === 0) {
      return { type: m[1], bytes: Buffer.from(body, 'base64') };
    }
  }
  return undefined;
}
