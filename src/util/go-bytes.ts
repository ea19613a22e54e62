/**
 * Go strings as bytes. Go strings are byte sequences and may hold bytes that are not valid UTF-8
 * (sprig's `trunc`/`substr`/`abbrev` and the `slice` builtin cut runes apart). hookline holds
 * such a byte in a JS string as a lone low surrogate U+DC80..U+DCFF, one code unit per byte
 * 0x80..0xFF ("surrogate escape", the convention of gotemplate/go-utf8.ts and
 * sprig/unicode.ts). Writing a rendered string out as Go would means encoding every escaped
 * byte as the byte itself and everything else as UTF-8; a lone surrogate that is not an escape
 * (no Go string can hold one) becomes U+FFFD, as TextEncoder writes it.
 */

const ESCAPE_BASE = 0xdc00;

/** True for a code unit in U+DC80..U+DCFF (an escaped byte unless it ends a surrogate pair). */
export function isEscapedByte(unit: number): boolean {
  return unit >= 0xdc80 && unit <= 0xdcff;
}

/**
 * True when the code unit at `i` is an escaped byte: in range and not the low half of a
 * surrogate pair (U+10080 is D800 DC80, and its low half is no escape).
 */
export function escapedByteAt(s: string, i: number): boolean {
  if (!isEscapedByte(s.charCodeAt(i))) return false;
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  return !(prev >= 0xd800 && prev <= 0xdbff);
}

/** True when `s` holds an escaped byte. */
export function hasEscapedBytes(s: string): boolean {
  // A regex scan finds candidates far faster than a loop over code units (render hot path).
  if (!ESCAPE_UNIT.test(s)) return false;
  for (let i = 0; i < s.length; i++) if (escapedByteAt(s, i)) return true;
  return false;
}

/** Any code unit in U+DC80..U+DCFF (no `u` flag: the regex sees code units, as the loop does). */
const ESCAPE_UNIT = /[\uDC80-\uDCFF]/;

const encoder = new TextEncoder();

/** The bytes of a Go string held in `s`: escaped bytes as themselves, the rest as UTF-8. */
export function goStringBytes(s: string): Uint8Array {
  if (!hasEscapedBytes(s)) return encoder.encode(s);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    size += b.length;
  };
  for (let i = 0; i < s.length; i++) {
    if (!escapedByteAt(s, i)) continue;
    if (i > start) push(encoder.encode(s.slice(start, i)));
    push(Uint8Array.of(s.charCodeAt(i) - ESCAPE_BASE));
    start = i + 1;
  }
  if (start < s.length) push(encoder.encode(s.slice(start)));
  const out = new Uint8Array(size);
  let n = 0;
  for (const c of chunks) {
    out.set(c, n);
    n += c.length;
  }
  return out;
}

/**
 * What a stream writer should write for `s`: the string itself when it holds no escaped byte
 * (the stream encodes it as UTF-8), else its Go bytes.
 */
export function goStringOutput(s: string): string | Uint8Array {
  return hasEscapedBytes(s) ? goStringBytes(s) : s;
}

// ignoreBOM: Go's string(bytes) keeps a byte-order mark (the chart loader strips it from files).
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    const lowOk = c === 0xe0 ? c1 >= 0xa0 : c === 0xed ? c1 < 0xa0 : true;
    return lowOk && cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    const lowOk = c === 0xf0 ? c1 >= 0x90 : c === 0xf4 ? c1 < 0x90 : true;
    return lowOk && cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Go's `string(bytes)`: the bytes as a Go string, valid UTF-8 decoded and every other byte kept
 * as an escaped byte (U+DC80+b), so nothing is lost (TextDecoder would turn them into U+FFFD).
 */
export function goStringFromBytes(b: Uint8Array): string {
  try {
    return strictDecoder.decode(b);
  } catch {
    // Not valid UTF-8: decode run by run below.
  }
  let out = '';
  let start = 0;
  let i = 0;
  while (i < b.length) {
    const n = validSequenceLength(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += strictDecoder.decode(b.subarray(start, i)) + String.fromCharCode(ESCAPE_BASE + b[i]!);
    i++;
    start = i;
  }
  return out + strictDecoder.decode(b.subarray(start));
}
