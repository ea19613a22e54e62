/**
 * Character classes as Go's `unicode` package defines them, for the template lexer
 * (golang/go:src/unicode/graphic.go, src/text/template/parse/lex.go `isAlphaNumeric`);
 * unicode.IsPrint is strconv-quote.ts's `isPrint`.
 */
import { isPrint } from './strconv-quote.js';

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** lex.go `isAlphaNumeric`: underscore, unicode.IsLetter or unicode.IsDigit. */
export function isAlphaNumeric(r: number): boolean {
  if (r < 0) return false;
  if (r < 0x80) {
    return (
      r === 0x5f || (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a)
    );
  }
  const s = String.fromCodePoint(r);
  return LETTER.test(s) || DIGIT.test(s);
}

/** fmt's `%#U`: `U+0023 '#'`, without the quoted character when it is not printable. */
export function formatRune(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}

// Lexer helpers shared by lexer.ts and lexer-states.ts (lex.go).

export const EOF = -1;
const TRIM_MARKER = '-';
/** A trim marker plus the space before or after it. */
export const TRIM_MARKER_LEN = 2;

/** Go's lexer `isSpace`: space, tab, carriage return, newline. */
export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

export function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export function hasLeftTrimMarker(s: string, at: number): boolean {
  return at + 1 < s.length && s[at] === TRIM_MARKER && isSpace(s.charCodeAt(at + 1));
}

export function hasRightTrimMarker(s: string, at: number): boolean {
  return at + 1 < s.length && isSpace(s.charCodeAt(at)) && s[at + 1] === TRIM_MARKER;
}

/** Length of the run of space characters ending at `to` (not before `from`). */
export function rightTrimLength(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(s.charCodeAt(i - 1))) i--;
  return to - i;
}

export function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i - from;
}
