/**
 * Go's unicode/utf8 over JavaScript strings and byte arrays.
 *
 * Go strings are byte sequences; ours are UTF-16. A Go string may hold bytes that are not valid
 * UTF-8 (`trunc`, `substr` and `slice` can cut a rune). Such a byte survives in a JS string as a
 * lone low surrogate U+DC80..U+DCFF, one per byte ("surrogate escape", src/util/go-bytes.ts;
 * sprig's unicode.ts re-exports these conversions). The conversions:
 * - a JS string becomes UTF-8 bytes; an escaped byte becomes that byte again; any other lone
 *   surrogate (which no Go string can hold) becomes U+FFFD, as `TextEncoder` does;
 * - bytes become a JS string by decoding rune by rune exactly like `utf8.DecodeRune`; each
 *   byte that does not start a valid rune becomes its escape, so the round trip keeps it.
 */

import { goStringBytes, hasEscapedBytes, isEscapedByte } from '../util/go-bytes.js';

export { hasEscapedBytes, isEscapedByte };

export const RUNE_ERROR = 0xfffd;
export const MAX_RUNE = 0x10ffff;

const ESCAPE_BASE = 0xdc00;

/** The escape of a raw byte 0x80..0xFF (a byte below 0x80 is itself). */
export function escapeByte(b: number): string {
  return String.fromCharCode(b < 0x80 ? b : ESCAPE_BASE + b);
}

/** The UTF-8 bytes of a JS string (Go's `[]byte(s)`), escaped bytes as themselves. */
export const utf8Bytes: (s: string) => Uint8Array = goStringBytes;

/** Go's `len(s)`: UTF-8 bytes of a JS string (escaped bytes 1, other lone surrogates 3). */
export function utf8Len(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80 || isEscapedByte(c)) n += 1;
    else if (c < 0x800) n += 2;
    else if (c < 0x10000) n += 3;
    else n += 4;
  }
  return n;
}

/** utf8.ValidRune: in range and not a surrogate. */
export function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= MAX_RUNE);
}

/** utf8.DecodeRune: the rune at `i` and its width; `(RUNE_ERROR, 1)` for invalid input. */
export function decodeRune(b: Uint8Array, i: number): { r: number; size: number } {
  const n = b.length - i;
  if (n <= 0) return { r: RUNE_ERROR, size: 0 };
  const c0 = b[i] ?? 0;
  if (c0 < 0x80) return { r: c0, size: 1 };
  const bad = { r: RUNE_ERROR, size: 1 };
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  let r: number;
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    need = 1;
    r = c0 & 0x1f;
  } else if (c0 >= 0xe0 && c0 <= 0xef) {
    need = 2;
    r = c0 & 0x0f;
    if (c0 === 0xe0) lo = 0xa0;
    if (c0 === 0xed) hi = 0x9f;
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    need = 3;
    r = c0 & 0x07;
    if (c0 === 0xf0) lo = 0x90;
    if (c0 === 0xf4) hi = 0x8f;
  } else {
    return bad;
  }
  if (n < need + 1) return bad;
  for (let k = 1; k <= need; k++) {
    const c = b[i + k] ?? 0;
    const min = k === 1 ? lo : 0x80;
    const max = k === 1 ? hi : 0xbf;
    if (c < min || c > max) return bad;
    r = (r << 6) | (c & 0x3f);
  }
  return { r, size: need + 1 };
}

/** Go's `string(b)` seen from JavaScript: valid runes decoded, every invalid byte escaped. */
export function bytesToString(b: Uint8Array): string {
  let out = '';
  let start = 0;
  let i = 0;
  // Fast path chunks of ASCII.
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (i > start) out += asciiSlice(b, start, i);
    const { r, size } = decodeRune(b, i);
    out += size === 1 && r === RUNE_ERROR ? escapeByte(c) : String.fromCodePoint(r);
    i += size;
    start = i;
  }
  if (i > start) out += asciiSlice(b, start, i);
  return out;
}

/**
 * The same Go string with escaped bytes that form valid UTF-8 together (`"\xc3" + "\xa9"`)
 * decoded into their rune, as Go, which only sees the bytes, reads them.
 */
export function normalizeEscapes(s: string): string {
  return hasEscapedBytes(s) ? bytesToString(utf8Bytes(s)) : s;
}

function asciiSlice(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k += 4096) {
    s += String.fromCharCode(...b.subarray(k, Math.min(to, k + 4096)));
  }
  return s;
}

/** Runes of a JS string as code points (escaped bytes and lone surrogates become U+FFFD). */
export function runesOf(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? RUNE_ERROR;
    out.push(c >= 0xd800 && c <= 0xdfff ? RUNE_ERROR : c);
  }
  return out;
}

/** utf8.RuneCountInString for a JS string. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** utf8.AppendRune seen from JavaScript: invalid runes encode as U+FFFD. */
export function runeToString(r: number): string {
  return String.fromCodePoint(validRune(r) ? r : RUNE_ERROR);
}
