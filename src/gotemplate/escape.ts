/**
 * The escapers behind the `html`, `js` and `urlquery` builtins
 * (golang/go:src/text/template/funcs.go HTMLEscapeString, JSEscapeString; net/url QueryEscape).
 */
import { isEscapedByte, utf8Bytes } from './go-utf8.js';
import { isPrint } from './strconv-quote.js';

const HTML_REPLACEMENTS: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/** template.HTMLEscapeString. */
export function htmlEscapeString(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) => HTML_REPLACEMENTS[c]!);
}

const JS_REPLACEMENTS: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

function upperHex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/**
 * template.JSEscapeString: quotes and markup characters escaped, control and unprintable runes as
 * \uXXXX. An invalid byte (an escaped byte, see go-utf8.ts) decodes to U+FFFD, which is
 * printable, so Go writes the byte itself.
 */
export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named = JS_REPLACEMENTS[ch];
    if (named !== undefined) out += named;
    else if (c < 0x20) out += `\\u00${upperHex(c, 2)}`;
    else if (c < 0x80 || isPrint(c) || isEscapedByte(c)) out += ch;
    else out += `\\u${upperHex(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c, 4)}`;
  }
  return out;
}

function unreservedByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x2d ||
    b === 0x2e ||
    b === 0x5f ||
    b === 0x7e
  );
}

/** url.QueryEscape: space becomes `+`, everything but [A-Za-z0-9-_.~] is %XX-escaped. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    if (unreservedByte(b)) out += String.fromCharCode(b);
    else if (b === 0x20) out += '+';
    else out += `%${upperHex(b, 2)}`;
  }
  return out;
}
