/**
 * strconv quoting (golang/go:src/strconv/quote.go): Quote, QuoteToASCII, QuoteRune,
 * QuoteRuneToASCII, CanBackquote, IsPrint, Unquote.
 *
 * Quoting works on UTF-8 bytes so that `%q` of a []byte or of a string holding invalid UTF-8
 * prints `\xff` exactly as Go does; JS strings are first encoded (escaped bytes U+DC80..U+DCFF
 * become their byte, see go-utf8.ts; other lone surrogates become U+FFFD).
 */
import {
  bytesToString,
  decodeRune,
  MAX_RUNE,
  RUNE_ERROR,
  utf8Bytes,
  validRune,
} from './go-utf8.js';

const LOWER_HEX = '0123456789abcdef';

// unicode.IsPrint: categories L, M, N, P, S plus U+0020. JavaScript's Unicode tables may be a
// version newer than Go's; the few code points assigned in between are the only difference.
// Made on first use: creating it costs ~0.7 ms of every start-up, and only text beyond Latin-1
// asks (issue 10).
let printable: RegExp | undefined;

/** strconv.IsPrint / unicode.IsPrint. */
export function isPrint(r: number): boolean {
  if (r <= 0xff) {
    if (r >= 0x20 && r <= 0x7e) return true;
    if (r >= 0xa1 && r <= 0xff) return r !== 0xad;
    return false;
  }
  if (!validRune(r)) return false;
  printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
  return printable.test(String.fromCodePoint(r));
}

interface QuoteMode {
  readonly quote: '"' | "'";
  readonly asciiOnly: boolean;
}

function hexDigits(r: number, n: number): string {
  let s = '';
  for (let shift = (n - 1) * 4; shift >= 0; shift -= 4) {
    s += LOWER_HEX[Math.floor(r / 2 ** shift) % 16];
  }
  return s;
}

function escapeRune(r: number, mode: QuoteMode): string {
  if (r === mode.quote.charCodeAt(0) || r === 0x5c) return '\\' + String.fromCharCode(r);
  if (mode.asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) {
    return String.fromCodePoint(r);
  }
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hexDigits(r, 2);
  if (!validRune(r)) r = RUNE_ERROR;
  return r < 0x10000 ? '\\u' + hexDigits(r, 4) : '\\U' + hexDigits(r, 8);
}

/** quoteWith over bytes (strconv's appendQuotedWith). */
export function quoteBytes(
  b: Uint8Array,
  mode: QuoteMode = { quote: '"', asciiOnly: false },
): string {
  let out = mode.quote as string;
  for (let i = 0; i < b.length;) {
    const c = b[i] ?? 0;
    let r = c;
    let width = 1;
    if (c >= 0x80) ({ r, size: width } = decodeRune(b, i));
    if (width === 1 && r === RUNE_ERROR) {
      out += '\\x' + hexDigits(c, 2);
    } else {
      out += escapeRune(r, mode);
    }
    i += width;
  }
  return out + mode.quote;
}

/** Printable ASCII without `"` and `\\`: quoted as is (the common case, no UTF-8 round trip). */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** strconv.Quote. */
export function quote(s: string): string {
  if (PLAIN_ASCII.test(s)) return `"${s}"`;
  return quoteBytes(utf8Bytes(s));
}

/** strconv.QuoteToASCII. */
export function quoteToASCII(s: string): string {
  return quoteBytes(utf8Bytes(s), { quote: '"', asciiOnly: true });
}

function runeBytes(r: number): Uint8Array {
  return utf8Bytes(String.fromCodePoint(validRune(r) ? r : RUNE_ERROR));
}

/** strconv.QuoteRune (invalid runes print as U+FFFD). */
export function quoteRune(r: number): string {
  return quoteBytes(runeBytes(r), { quote: "'", asciiOnly: false });
}

/** strconv.QuoteRuneToASCII. */
export function quoteRuneToASCII(r: number): string {
  return quoteBytes(runeBytes(r), { quote: "'", asciiOnly: true });
}

/** strconv.CanBackquote (over a string or raw bytes). */
export function canBackquote(s: string | Uint8Array): boolean {
  const b = typeof s === 'string' ? utf8Bytes(s) : s;
  for (let i = 0; i < b.length;) {
    const { r, size } = decodeRune(b, i);
    i += size;
    if (size > 1) {
      if (r === 0xfeff) return false;
      continue;
    }
    if (r === RUNE_ERROR) return false;
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

function unhex(c: string | undefined): number {
  if (c === undefined) return -1;
  const v = parseInt(c, 16);
  return Number.isNaN(v) ? -1 : v;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 0x5c,
};

/** One character of a quoted literal: [code point or byte, is it a byte, consumed length]. */
function unquoteChar(
  s: string,
  i: number,
  q: string,
): { value: number; isByte: boolean; next: number } {
  const c = s[i] ?? '';
  if (c === q && (q === "'" || q === '"')) throw new Error('syntax');
  if (c !== '\\') {
    const cp = s.codePointAt(i) ?? 0;
    return { value: cp, isByte: false, next: i + (cp > 0xffff ? 2 : 1) };
  }
  const e = s[i + 1];
  if (e === undefined) throw new Error('syntax');
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) return { value: simple, isByte: false, next: i + 2 };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    let v = 0;
    for (let j = 0; j < n; j++) {
      const d = unhex(s[i + 2 + j]);
      if (d < 0) throw new Error('syntax');
      v = v * 16 + d;
    }
    if (e !== 'x' && v > MAX_RUNE) throw new Error('syntax');
    return { value: v, isByte: e === 'x', next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    let v = e.charCodeAt(0) - 48;
    for (let j = 0; j < 2; j++) {
      const d = (s[i + 2 + j] ?? '').charCodeAt(0) - 48;
      if (!(d >= 0 && d <= 7)) throw new Error('syntax');
      v = v * 8 + d;
    }
    if (v > 255) throw new Error('syntax');
    return { value: v, isByte: true, next: i + 4 };
  }
  if ((e === "'" || e === '"') && e === q)
    return { value: e.charCodeAt(0), isByte: false, next: i + 2 };
  throw new Error('syntax');
}

/** strconv.ErrSyntax as strconv.Unquote returns it (Unquote wraps no NumError). */
export class UnquoteError extends Error {
  constructor() {
    super('invalid syntax');
    this.name = 'UnquoteError';
  }
}

/**
 * strconv.Unquote. Byte escapes (`\xff`, `\377`) that do not form valid UTF-8 stay raw bytes,
 * held as escaped bytes (see go-utf8.ts).
 */
export function unquote(s: string): string {
  const fail = (): UnquoteError => new UnquoteError();
  const n = s.length;
  const q = s[0] ?? '';
  if (n < 2 || q !== s[n - 1]) throw fail();
  const body = s.slice(1, n - 1);
  if (q === '`') {
    if (body.includes('`')) throw fail();
    return body.replace(/\r/g, '');
  }
  if ((q !== '"' && q !== "'") || body.includes('\n')) throw fail();
  const bytes: number[] = [];
  let count = 0;
  try {
    for (let i = 0; i < body.length; count++) {
      const { value, isByte, next } = unquoteChar(body, i, q);
      i = next;
      if (isByte || value < 0x80) bytes.push(value);
      else bytes.push(...utf8Bytes(String.fromCodePoint(validRune(value) ? value : RUNE_ERROR)));
    }
  } catch {
    throw fail();
  }
  if (q === "'" && count !== 1) throw fail();
  return bytesToString(new Uint8Array(bytes));
}
