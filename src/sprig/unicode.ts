/**
 * Go's view of strings for the sprig ports: UTF-8 bytes (Go strings are byte strings, so `len`,
 * slicing and goutils' byte loops work on bytes), the `unicode` package's predicates and simple
 * case mappings, and the runtime panics that slicing raises (golang/go:src/runtime/error.go).
 */
import { FuncError } from '../gotemplate/functions.js';

/**
 * Invalid UTF-8 bytes survive a round trip through JS strings as lone low surrogates
 * U+DC80..U+DCFF (one per byte, "surrogate escape", gotemplate/go-utf8.ts): Go keeps such bytes
 * in strings, `quote` prints them as `\xNN`, JSON as `\ufffd`. Any other lone surrogate is U+FFFD.
 *
 * `utf8Bytes` is Go's `[]byte(s)`, `utf8String` Go's `string(b)` (valid runes decoded, each
 * invalid byte escaped), `byteLength` Go's `len(s)` (an escaped byte counts 1).
 */
export {
  utf8Bytes,
  bytesToString as utf8String,
  utf8Len as byteLength,
} from '../gotemplate/go-utf8.js';

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

/** strconv.Quote (Go's `%q` of a string): Go escapes, printable runes kept, invalid bytes `\xNN`. */
export { quote as goQuote } from '../gotemplate/strconv-quote.js';
