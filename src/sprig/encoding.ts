/**
 * sprig's encodings and hashes (Masterminds/sprig strings.go base64encode/base32encode, crypto.go sha1sum,
 * sha256sum, adler32sum). Decoding failures are not errors in sprig: the Go error text
 * (`illegal base64 data at input byte N`, offsets in bytes as encoding/base64 and encoding/base32
 * compute them) becomes the result.
 */
import { createHash } from 'node:crypto';
import type { GoFuncValue } from '../gotemplate/values.js';
import { fn } from '../gotemplate/functions.js';
import { utf8Bytes, utf8String } from './unicode.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const NL = 0x0a;
const CR = 0x0d;
const PAD = 0x3d;

class CorruptInput extends Error {}

const corrupt = (name: string, at: number) =>
  new CorruptInput(`illegal ${name} data at input byte ${at}`);

function decodeMap(alphabet: string): Int16Array {
  const m = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}

const B64_MAP = decodeMap(B64);
const B32_MAP = decodeMap(B32);

/** encoding/base64 StdEncoding.DecodeString (decodeQuantum), newlines skipped. */
function base64Decode(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw corrupt('base64', si - j);
      }
      const c = src[si++] as number;
      const v = B64_MAP[c] as number;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (c === NL || c === CR) {
        j--;
        continue;
      }
      if (c !== PAD || j < 2) throw corrupt('base64', si - 1);
      si = afterPadding(src, si, j);
      dlen = j;
      break;
    }
    const val =
      ((dbuf[0] as number) << 18) |
      ((dbuf[1] as number) << 12) |
      ((dbuf[2] as number) << 6) |
      (dbuf[3] as number);
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
  }
  return Uint8Array.from(out);
}

/** The padding checks of decodeQuantum; returns the index after the padding. */
function afterPadding(src: Uint8Array, si0: number, j: number): number {
  let si = si0;
  const skipNewlines = () => {
    while (si < src.length && (src[si] === NL || src[si] === CR)) si++;
  };
  if (j === 2) {
    skipNewlines();
    if (si === src.length) throw corrupt('base64', src.length);
    if (src[si] !== PAD) throw corrupt('base64', si - 1);
    si++;
  }
  skipNewlines();
  if (si < src.length) throw corrupt('base64', si);
  return si;
}

/** encoding/base32 StdEncoding.DecodeString: newlines stripped first, then 8-byte quanta. */
function base32Decode(input: Uint8Array): Uint8Array {
  const src = input.filter((c) => c !== NL && c !== CR);
  const olen = src.length;
  const out: number[] = [];
  let pos = 0;
  let end = false;
  while (pos < olen && !end) {
    const dbuf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (pos === olen) throw corrupt('base32', olen - j);
      const c = src[pos++] as number;
      const remaining = olen - pos;
      if (c === PAD && j >= 2 && remaining < 8) {
        if (remaining + j < 7) throw corrupt('base32', olen);
        for (let k = 0; k < 7 - j; k++) {
          if (remaining > k && src[pos + k] !== PAD)
            throw corrupt('base32', olen - remaining + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw corrupt('base32', olen - remaining - 1);
        break;
      }
      const v = B32_MAP[c] as number;
      if (v < 0) throw corrupt('base32', olen - remaining - 1);
      dbuf[j++] = v;
    }
    out.push(...base32Quantum(dbuf, dlen));
  }
  return Uint8Array.from(out);
}

/** Pack eight 5-bit values into up to five bytes, keeping the bytes `dlen` symbols determine. */
function base32Quantum(d: number[], dlen: number): number[] {
  let bits = 0n;
  for (const v of d) bits = (bits << 5n) | BigInt(v);
  const bytes = Array.from({ length: 5 }, (_, i) => Number((bits >> BigInt(32 - 8 * i)) & 0xffn));
  const count = { 2: 1, 4: 2, 5: 3, 7: 4, 8: 5 }[dlen] ?? 0;
  return bytes.slice(0, count);
}

function base32Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const symbols = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) {
      out += k < symbols ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

function decodeOrMessage(decode: (b: Uint8Array) => Uint8Array, s: string): string {
  try {
    return utf8String(decode(utf8Bytes(s)));
  } catch (err) {
    if (err instanceof CorruptInput) return err.message;
    throw err;
  }
}

/** hash/adler32.Checksum. */
function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (const x of b) {
    a = (a + x) % 65521;
    s = (s + a) % 65521;
  }
  return (s * 65536 + a) >>> 0;
}

const hex = (algo: string, s: string) => createHash(algo).update(utf8Bytes(s)).digest('hex');
const s1 = { params: ['string'] } as const;

export const encodingFuncs: GoFuncValue[] = [
  fn('b64enc', s1, (s: string) => Buffer.from(utf8Bytes(s)).toString('base64')),
  fn('b64dec', s1, (s: string) => decodeOrMessage(base64Decode, s)),
  fn('b32enc', s1, (s: string) => base32Encode(utf8Bytes(s))),
  fn('b32dec', s1, (s: string) => decodeOrMessage(base32Decode, s)),
  fn('sha1sum', s1, (s: string) => hex('sha1', s)),
  fn('sha256sum', s1, (s: string) => hex('sha256', s)),
  fn('adler32sum', s1, (s: string) => String(adler32(utf8Bytes(s)))),
];
