/**
 * Byte-level string access for the builtins. Go strings are UTF-8 byte strings, JS strings are
 * UTF-16: `len`, `index` and `slice` count bytes (golang/go:src/text/template/funcs.go). An
 * escaped byte (U+DC80..U+DCFF, see go-utf8.ts) is one byte.
 */
import { bytesToString, utf8Bytes, utf8Len } from './go-utf8.js';

/** True when every code unit is ASCII (byte offsets equal UTF-16 offsets). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Go's `len(s)`. */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : utf8Len(s);
}

/** Go's `s[i]` (the caller checks bounds). */
export function byteAt(s: string, index: number): number {
  return isAscii(s) ? s.charCodeAt(index) : utf8Bytes(s)[index]!;
}

/**
 * Go's `s[from:to]`. A cut inside a multi-byte sequence leaves stray bytes, held as escaped
 * bytes so that printing writes them unchanged, as Go does.
 */
export function sliceBytes(s: string, from: number, to: number): string {
  if (isAscii(s)) return s.slice(from, to);
  return bytesToString(utf8Bytes(s).subarray(from, to));
}
