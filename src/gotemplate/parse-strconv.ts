/**
 * strconv.Unquote and strconv.UnquoteChar as the template parser uses them
 * (golang/go:src/strconv/quote.go): string and raw-string tokens, and character constants.
 * Every other strconv function the parser needs comes from strconv.ts.
 *
 * These stay apart from strconv-quote.ts's `unquote` because that one accepts surrogate
 * escapes (`"\ud800"`, which Go's UnquoteChar rejects with ErrSyntax: the parser must report
 * it) and does not export UnquoteChar; once it does both, this file can go.
 *
 * Go strings are bytes; ours are UTF-16. `\x` and octal escapes denote single bytes in Go, so an
 * unquoted string is assembled as UTF-8 bytes and decoded at the end: escapes that spell valid
 * UTF-8 come out exactly, lone invalid bytes become U+FFFD (the one place we cannot match Go).
 */

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
