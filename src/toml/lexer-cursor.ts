/**
 * The character-level half of the TOML lexer (BurntSushi/toml lex.go): position and line
 * tracking with lex.go's line rules, and strings (basic, literal, multi-line, escapes, with the
 * TOML 1.1 escapes `\e` and `\xHH` that v1.6.0 accepts).
 *
 * lex.go's `next` refuses, wherever it reads, bytes that are not UTF-8 (`invalid UTF-8 byte:
 * 0xNN`; a literal U+FFFD too, as utf8.DecodeRuneInString reports it the same way) and control
 * characters other than tab, LF and CR-LF (`TOML files cannot contain control characters:
 * '0xNN'`). Bytes that are not UTF-8 are held as U+DC80..U+DCFF (see util/go-bytes.ts). The
 * cursor finds the first such character up front and fails as soon as it is looked at.
 */
import { quote, quoteRune } from '../gotemplate/strconv.js';
import { escapedByteAt } from '../util/go-bytes.js';

export class LexError extends Error {}

const HEX2 = (n: number): string => n.toString(16).padStart(2, '0');

/** lex.go isControl, plus a CR that does not start a CR-LF. */
function isControlAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x0d) return s.charCodeAt(i + 1) !== 0x0a;
  return (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f;
}

/** The error lex.go's `next` raises for the character at `i`, if any. */
function readError(s: string, i: number): string | undefined {
  const c = s.charCodeAt(i);
  if (c === 0xfffd) return 'invalid UTF-8 byte: 0xef';
  if (escapedByteAt(s, i)) return `invalid UTF-8 byte: 0x${HEX2(c - 0xdc00)}`;
  if (isControlAt(s, i)) return `TOML files cannot contain control characters: '0x${HEX2(c)}'`;
  return undefined;
}

function firstReadError(s: string): { at: number; msg: string } | undefined {
  for (let i = 0; i < s.length; i++) {
    const msg = readError(s, i);
    if (msg !== undefined) return { at: i, msg };
  }
  return undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\x1b',
  '"': '"',
  '\\': '\\',
};

const HEX_ESCAPES: Readonly<Record<string, { n: number; word: string }>> = {
  x: { n: 2, word: 'two' },
  u: { n: 4, word: 'four' },
  U: { n: 8, word: 'eight' },
};

export class LexCursor {
  protected i = 0;
  protected line = 1;
  /** The first character lex.go's `next` refuses. */
  private readonly bad: { at: number; msg: string } | undefined;
  /** Where the current string's body starts (lex.go's `lx.start`, for escape errors). */
  private stringStart = 0;

  constructor(protected readonly s: string) {
    this.bad = firstReadError(s);
  }

  /**
   * Report a lexing error. BurntSushi counts a newline as soon as it is read, so an error on a
   * newline character is on the next line, and errors at EOF are reported one line up.
   */
  protected fail(msg: string, opts: { prevLine?: boolean } = {}): never {
    const c = this.s[this.i] ?? '';
    if (this.i >= this.s.length) this.line--;
    else if (c === '\n' && !opts.prevLine) this.line++;
    throw new LexError(msg);
  }

  /**
   * Before consuming a token of `n` characters matched without {@link peek}: lex.go reads every
   * character of it and the one after, so a refused character among them fails first.
   */
  protected guard(n: number): void {
    if (this.bad !== undefined && this.bad.at <= this.i + n) throw new LexError(this.bad.msg);
  }

  /** The character `n` ahead; reading a refused character fails (errLexUTF8, errLexControl). */
  protected peek(n = 0): string {
    if (this.bad !== undefined && this.i + n >= this.bad.at) throw new LexError(this.bad.msg);
    return this.s[this.i + n] ?? '';
  }

  protected newlineAt(): number {
    if (this.peek() === '\n') return 1;
    if (this.peek() === '\r' && this.peek(1) === '\n') return 2;
    return 0;
  }

  /**
   * A string: "…" and """…""" with escapes decoded, '…' and '''…''' verbatim (lex.go lexString,
   * lexMultilineString, lexRawString, lexMultilineRawString). Up to two quotes may end a
   * multi-line string's body.
   */
  protected quotedString(quote: '"' | "'"): string {
    const delim = quote.repeat(3);
    const multi = this.s.startsWith(delim, this.i);
    this.i += multi ? 3 : 1;
    this.stringStart = this.i;
    if (multi) this.i += this.newlineAt();
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('unexpected EOF');
      if (multi && this.s.startsWith(delim, this.i)) {
        let q = 3;
        while (q < 5 && this.peek(q) === quote) q++;
        out += quote.repeat(q - 3);
        this.i += q;
        return out;
      }
      const c = this.peek();
      if (!multi && c === quote) {
        this.i++;
        return out;
      }
      const nl = this.newlineAt();
      if (nl) {
        if (!multi) this.fail('strings cannot contain newlines');
        out += '\n';
        this.i += nl;
        this.line++;
        continue;
      }
      if (c === '\\' && quote === '"') {
        out += this.escape(multi);
        continue;
      }
      const cp = this.s.codePointAt(this.i) ?? 0;
      out += String.fromCodePoint(cp);
      this.i += cp > 0xffff ? 2 : 1;
    }
  }

  protected escape(multi: boolean): string {
    const e = this.peek(1);
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      this.i += 2;
      return simple;
    }
    const hexEscape = HEX_ESCAPES[e];
    if (hexEscape !== undefined) {
      this.i += 2;
      const from = this.i;
      for (let k = 0; k < hexEscape.n; k++) {
        const h = this.peek();
        if (h !== '') this.i += h.length;
        if (!/^[0-9A-Fa-f]$/.test(h)) {
          this.fail(
            `expected ${hexEscape.word} hexadecimal digits after '\\${e}', but got ` +
              `${quote(this.s.slice(this.stringStart, this.i))} instead`,
          );
        }
      }
      const hex = this.s.slice(from, this.i);
      const r = parseInt(hex, 16);
      // parse.go asciiEscapeToUnicode names every escape `\\u` in this message.
      if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
        this.fail(`Escaped character '\\u${hex}' is not valid UTF-8.`);
      return String.fromCodePoint(r);
    }
    if (multi) {
      // Line-ending backslash: skip whitespace and newlines.
      let j = this.i + 1;
      while (this.s[j] === ' ' || this.s[j] === '\t') j++;
      if (this.s[j] === '\n' || (this.s[j] === '\r' && this.s[j + 1] === '\n')) {
        this.i = j;
        for (;;) {
          const nl = this.newlineAt();
          if (nl) {
            this.i += nl;
            this.line++;
          } else if (this.peek() === ' ' || this.peek() === '\t') this.i++;
          else break;
        }
        return '';
      }
    }
    if (e === '') this.fail('unexpected EOF');
    // lexStringEscape lets `\ ` and `\<tab>` through; parse.go replaceEscapes refuses them.
    if (e === ' ' || e === '\t') this.fail(`invalid escape: '\\${e}'`);
    // errLexEscape; lex.go has consumed the escape character (a newline moves the line on).
    if (e === '\n') this.line++;
    this.i += 1 + e.length;
    throw new LexError(`invalid escape in string '\\${e}'`);
  }
}

/** Go's %q of a rune (EOF, the empty string here, is rune 0). */
export function goRune(c: string): string {
  return quoteRune(c === '' ? 0 : (c.codePointAt(0) ?? 0));
}

/** lex.go runeOrEOF. */
export function runeOrEOF(c: string): string {
  return c === '' ? 'end of file' : `'${c}'`;
}
