/**
 * Go's view of strings for the sprig ports: UTF-8 bytes (Go strings are byte strings, so `len`,
 * slicing and goutils' byte loops work on bytes), the `unicode` package's predicates and simple
 * case mappings, and the runtime panics that slicing raises (golang/go:src/runtime/error.go).
 */
import { FuncError } from '../gotemplate/functions.js';

/**
 * Invalid UTF-8 bytes survive a round trip through JS strings as lone low surrogates
 * U+DC80..U+DCFF (one per byte, "surrogate escape"): Go keeps such bytes in strings, and
 * `quote` must print them as `\xNN`, JSON as `\ufffd`. Any other lone surrogate is U+FFFD.
 */
const ESCAPE_BASE = 0xdc00;
const isEscapedByte = (u: number): boolean => u >= 0xdc80 && u <= 0xdcff;

/** The UTF-8 bytes of a string; surrogate-escaped bytes come back as themselves. */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0xfffd;
    if (isEscapedByte(c)) out.push(c - ESCAPE_BASE);
    else pushRune(out, c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return Uint8Array.from(out);
}

function pushRune(out: number[], c: number): void {
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  else
    out.push(
      0xf0 | (c >> 18),
      0x80 | ((c >> 12) & 0x3f),
      0x80 | ((c >> 6) & 0x3f),
      0x80 | (c & 0x3f),
    );
}

/** The length of the valid UTF-8 sequence at `i` (utf8.DecodeRune's rules), or 0. */
function validSequence(b: Uint8Array, i: number): number {
  const c0 = b[i] as number;
  if (c0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = b[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (c0 >= 0xc2 && c0 <= 0xdf) return cont(1) ? 2 : 0;
  if (c0 >= 0xe0 && c0 <= 0xef) {
    const lo = c0 === 0xe0 ? 0xa0 : 0x80;
    const hi = c0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    const lo = c0 === 0xf0 ? 0x90 : 0x80;
    const hi = c0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

const decoder = new TextDecoder('utf-8');

/** Bytes back to a string: valid runes decoded, each invalid byte surrogate-escaped. */
export function utf8String(b: Uint8Array): string {
  let out = '';
  let start = 0;
  let i = 0;
  while (i < b.length) {
    const n = validSequence(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out +=
      decoder.decode(b.subarray(start, i)) + String.fromCharCode(ESCAPE_BASE + (b[i] as number));
    i++;
    start = i;
  }
  return out + decoder.decode(b.subarray(start));
}

/** Go's `len(s)`: the UTF-8 length (an escaped byte counts 1). */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (isEscapedByte(c)) n += 1;
    else if (c >= 0xd800 && c <= 0xdfff) n += 3;
    else n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The code points of a string (Go's `[]rune(s)`: invalid bytes and lone surrogates → U+FFFD). */
export function runes(s: string): number[] {
  return Array.from(s, (ch) => {
    const c = ch.codePointAt(0) ?? 0xfffd;
    return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
  });
}

export function fromRunes(rs: readonly number[]): string {
  let out = '';
  for (const r of rs) out += String.fromCodePoint(r);
  return out;
}

const char = (r: number): string => String.fromCodePoint(r);

/** unicode.IsSpace: the White_Space property (Latin-1: \t \n \v \f \r space U+0085 U+00A0). */
export const isSpace = (r: number): boolean => /\p{White_Space}/u.test(char(r));
export const isUpper = (r: number): boolean => /\p{Lu}/u.test(char(r));
export const isLower = (r: number): boolean => /\p{Ll}/u.test(char(r));
export const isTitle = (r: number): boolean => /\p{Lt}/u.test(char(r));
export const isLetter = (r: number): boolean => /\p{L}/u.test(char(r));
export const isDigit = (r: number): boolean => /\p{Nd}/u.test(char(r));
export const isNumber = (r: number): boolean => /\p{N}/u.test(char(r));
export const isPunct = (r: number): boolean => /\p{P}/u.test(char(r));
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export const isPrint = (r: number): boolean =>
  r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(char(r));

/** A one-rune case mapping; Go's simple mappings never expand (ß stays ß in upper case). */
function simpleMap(r: number, mapped: string): number {
  const cps = runes(mapped);
  return cps.length === 1 ? (cps[0] as number) : r;
}

export function toUpperRune(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  return simpleMap(r, char(r).toUpperCase());
}

export function toLowerRune(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69; // İ: Go's simple lower mapping is plain i
  return simpleMap(r, char(r).toLowerCase());
}

/** unicode.ToTitle: upper case except for the Latin digraphs, which have title forms. */
export function toTitleRune(r: number): number {
  if (r >= 0x1c4 && r <= 0x1c6) return 0x1c5;
  if (r >= 0x1c7 && r <= 0x1c9) return 0x1c8;
  if (r >= 0x1ca && r <= 0x1cc) return 0x1cb;
  if (r >= 0x1f1 && r <= 0x1f3) return 0x1f2;
  return toUpperRune(r);
}

/** strings.ToUpper / strings.ToLower: rune by rune, simple mappings. */
export const goUpper = (s: string): string => fromRunes(runes(s).map(toUpperRune));
export const goLower = (s: string): string => fromRunes(runes(s).map(toLowerRune));

/** A Go runtime panic, as text/template reports it (`runtime error: ...`). */
export function runtimeError(detail: string): FuncError {
  return new FuncError(`runtime error: ${detail}`);
}

/**
 * Go's `s[lo:hi]` on a string's bytes, panicking like the runtime does: the high bound is checked
 * against the length first, then against the low bound. `hi` undefined means `s[lo:]`.
 */
export function sliceBytes(b: Uint8Array, lo: number, hi?: number): Uint8Array {
  const len = b.length;
  if (hi === undefined) {
    if (lo < 0) throw runtimeError(`slice bounds out of range [${lo}:]`);
    if (lo > len) throw runtimeError(`slice bounds out of range [${lo}:${len}]`);
    return b.subarray(lo);
  }
  if (hi < 0) throw runtimeError(`slice bounds out of range [:${hi}]`);
  if (hi > len) throw runtimeError(`slice bounds out of range [:${hi}] with length ${len}`);
  if (lo < 0) throw runtimeError(`slice bounds out of range [${lo}:]`);
  if (lo > hi) throw runtimeError(`slice bounds out of range [${lo}:${hi}]`);
  return b.subarray(lo, hi);
}

/** strconv.Quote (Go's `%q` of a string): Go escapes, printable runes kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0xfffd;
    if (r === 0x22 || r === 0x5c) out += '\\' + char(r);
    else if (isEscapedByte(r)) out += '\\x' + (r - ESCAPE_BASE).toString(16).padStart(2, '0');
    else if (r >= 0xd800 && r <= 0xdfff) out += '\ufffd';
    else if (isPrint(r)) out += char(r);
    else out += escapeRune(r);
  }
  return out + '"';
}

const SHORT_ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

function escapeRune(r: number): string {
  const short = SHORT_ESCAPES[r];
  if (short) return short;
  if (r < 0x20 || r === 0x7f) return '\\x' + r.toString(16).padStart(2, '0');
  if (r < 0x10000) return '\\u' + r.toString(16).padStart(4, '0');
  return '\\U' + r.toString(16).padStart(8, '0');
}
