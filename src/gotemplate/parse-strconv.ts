/**
 * The parts of Go's strconv the template parser relies on (golang/go:src/strconv/quote.go,
 * atoi.go): Quote, Unquote, UnquoteChar, and base-0 ParseInt/ParseUint.
 *
 * Go strings are bytes; ours are UTF-16. `\x` and octal escapes denote single bytes in Go, so an
 * unquoted string is assembled as UTF-8 bytes and decoded at the end: escapes that spell valid
 * UTF-8 come out exactly, lone invalid bytes become U+FFFD (the one place we cannot match Go).
 */
import { isPrintRune } from './lexer-chars.js';

/** Number of bytes of the UTF-8 encoding of `s`. */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x0b, '\\v'],
]);

/** strconv.Quote: a double-quoted Go string literal with Go's escapes (`%q` of a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let r = ch.codePointAt(0) as number;
    if (r === 0x22 || r === 0x5c) {
      out += `\\${ch}`;
      continue;
    }
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd; // a lone surrogate: Go's RuneError
    if (isPrintRune(r)) {
      out += String.fromCodePoint(r);
      continue;
    }
    const simple = SIMPLE_ESCAPES.get(r);
    if (simple !== undefined) out += simple;
    else if (r < 0x20 || r === 0x7f) out += `\\x${r.toString(16).padStart(2, '0')}`;
    else if (r < 0x10000) out += `\\u${r.toString(16).padStart(4, '0')}`;
    else out += `\\U${r.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export interface UnquotedChar {
  /** The code point, or a byte value for `\x`/octal escapes (`multibyte` false). */
  readonly value: number;
  /** True when `value` is a code point to encode as UTF-8 rather than a single byte. */
  readonly multibyte: boolean;
  readonly tail: string;
}

function unhex(c: string | undefined): number {
  if (c === undefined || !/^[0-9a-fA-F]$/.test(c)) return -1;
  return parseInt(c, 16);
}

const ESCAPE_VALUES: ReadonlyMap<string, number> = new Map([
  ['a', 0x07],
  ['b', 0x08],
  ['f', 0x0c],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
  ['v', 0x0b],
  ['\\', 0x5c],
]);

/** strconv.UnquoteChar: decode the first character or escape of `s`; undefined on ErrSyntax. */
export function unquoteChar(s: string, quote: string): UnquotedChar | undefined {
  if (s.length === 0) return undefined;
  const c = s.codePointAt(0) as number;
  if (s[0] === quote && (quote === "'" || quote === '"')) return undefined;
  if (c >= 0x80) return { value: c, multibyte: true, tail: s.slice(c > 0xffff ? 2 : 1) };
  if (c !== 0x5c) return { value: c, multibyte: false, tail: s.slice(1) };
  if (s.length <= 1) return undefined;
  const e = s[1] as string;
  const rest = s.slice(2);
  const simple = ESCAPE_VALUES.get(e);
  if (simple !== undefined) return { value: simple, multibyte: false, tail: rest };
  if (e === 'x' || e === 'u' || e === 'U') return hexEscape(e, rest);
  if (e >= '0' && e <= '7') return octalEscape(e, rest);
  if (e === "'" || e === '"') {
    return e === quote ? { value: e.charCodeAt(0), multibyte: false, tail: rest } : undefined;
  }
  return undefined;
}

function hexEscape(kind: string, rest: string): UnquotedChar | undefined {
  const n = kind === 'x' ? 2 : kind === 'u' ? 4 : 8;
  if (rest.length < n) return undefined;
  let v = 0;
  for (let j = 0; j < n; j++) {
    const x = unhex(rest[j]);
    if (x < 0) return undefined;
    v = v * 16 + x;
  }
  const tail = rest.slice(n);
  if (kind === 'x') return { value: v, multibyte: false, tail };
  if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined; // !utf8.ValidRune
  return { value: v, multibyte: true, tail };
}

function octalEscape(first: string, rest: string): UnquotedChar | undefined {
  let v = first.charCodeAt(0) - 0x30;
  if (rest.length < 2) return undefined;
  for (let j = 0; j < 2; j++) {
    const x = rest.charCodeAt(j) - 0x30;
    if (x < 0 || x > 7) return undefined;
    v = (v << 3) | x;
  }
  if (v > 255) return undefined;
  return { value: v, multibyte: false, tail: rest.slice(2) };
}

const UTF8 = new TextDecoder('utf-8');

/**
 * strconv.Unquote for double-quoted and raw (backquoted) strings; undefined on ErrSyntax
 * (Go's message for that is `invalid syntax`). Raw strings drop carriage returns, as Go does.
 */
export function unquote(s: string): string | undefined {
  const n = s.length;
  if (n < 2 || s[0] !== s[n - 1]) return undefined;
  const quote = s[0] as string;
  const body = s.slice(1, n - 1);
  if (quote === '`') return body.includes('`') ? undefined : body.replaceAll('\r', '');
  if (quote !== '"') return undefined;
  if (!body.includes('\\') && !body.includes('\n') && !body.includes('"')) return body;
  const bytes: number[] = [];
  let rest = body;
  while (rest.length > 0) {
    if (rest[0] === '\n') return undefined;
    const ch = unquoteChar(rest, quote);
    if (ch === undefined) return undefined;
    if (ch.value < 0x80 || !ch.multibyte) bytes.push(ch.value);
    else bytes.push(...new TextEncoder().encode(String.fromCodePoint(ch.value)));
    rest = ch.tail;
  }
  return UTF8.decode(new Uint8Array(bytes));
}

/**
 * atoi.go `underscoreOK`: underscores only between digits, or between a base prefix and a digit.
 */
export function underscoreOK(str: string): boolean {
  let saw = '^';
  let i = 0;
  let s = str;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1] as string)) {
    i = 2;
    saw = '0'; // the base prefix counts as a digit for "underscore as digit separator"
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && /^[a-fA-F]$/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const UINT64_LIMIT = 1n << 64n;

/** strconv.ParseUint(s, 0, 64); undefined on a syntax or range error. */
export function parseUint64(str: string): bigint | undefined {
  if (str.length === 0) return undefined;
  let s = str;
  let base = 10n;
  if (s[0] === '0') {
    const p = s.length >= 3 ? (s[1] as string).toLowerCase() : '';
    base = p === 'b' ? 2n : p === 'o' ? 8n : p === 'x' ? 16n : 8n;
    s = s.slice(base === 8n && p !== 'o' ? 1 : 2);
  }
  let underscores = false;
  let n = 0n;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d < 0 || BigInt(d) >= base) return undefined;
    n = n * base + BigInt(d);
    if (n >= UINT64_LIMIT) return undefined;
  }
  if (underscores && !underscoreOK(str)) return undefined;
  return n;
}

function digitValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 0x30;
  const l = c.toLowerCase();
  if (l >= 'a' && l <= 'z' && l.length === 1) return l.charCodeAt(0) - 0x61 + 10;
  return -1;
}

/** strconv.ParseInt(s, 0, 64); undefined on a syntax or range error. */
export function parseInt64(str: string): bigint | undefined {
  if (str.length === 0) return undefined;
  let s = str;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  const un = parseUint64(s);
  if (un === undefined) return undefined;
  if (!neg && un >= 1n << 63n) return undefined;
  if (neg && un > 1n << 63n) return undefined;
  return neg ? -un : un;
}
