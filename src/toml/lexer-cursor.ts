/**
 * The character-level half of the TOML lexer (BurntSushi/toml lex.go): position and line
 * tracking with lex.go's line rules, and strings (basic, literal, multi-line, escapes).
 */
import { quoteRune } from '../gotemplate/strconv.js';

export class LexError extends Error {}

export class LexCursor {
  protected i = 0;
  protected line = 1;

  constructor(protected readonly s: string) {}

  /**
   * Report a lexing error. BurntSushi counts a newline as soon as it is read, so an error on a
   * newline character is on the next line, and errors at EOF are reported one line up.
   */
  protected fail(msg: string, opts: { prevLine?: boolean } = {}): never {
    const c = this.peek();
    if (this.i >= this.s.length) this.line--;
    else if (c === '\n' && !opts.prevLine) this.line++;
    throw new LexError(msg);
  }

  protected peek(n = 0): string {
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
      this.checkControl(c);
      const cp = this.s.codePointAt(this.i) ?? 0;
      out += String.fromCodePoint(cp);
      this.i += cp > 0xffff ? 2 : 1;
    }
  }

  protected checkControl(c: string): void {
    const code = c.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f)
      this.fail(`control characters are not allowed: ${JSON.stringify(c)}`);
  }

  protected escape(multi: boolean): string {
    const e = this.peek(1);
    const simple: Record<string, string> = {
      b: '\b',
      t: '\t',
      n: '\n',
      f: '\f',
      r: '\r',
      '"': '"',
      '\\': '\\',
    };
    if (simple[e] !== undefined) {
      this.i += 2;
      return simple[e] ?? '';
    }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const hex = this.s.slice(this.i + 2, this.i + 2 + n);
      if (!new RegExp(`^[0-9A-Fa-f]{${n}}$`).test(hex)) {
        this.fail(
          `expected ${n} hexadecimal digits after '\\${e}', but got ${JSON.stringify(hex)} instead`,
        );
      }
      const r = parseInt(hex, 16);
      if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
        this.fail(`Escaped character '\\${e}${hex}' is not valid UTF-8.`);
      this.i += 2 + n;
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
    this.fail(
      `invalid escape character ${goRune(e)}; only the following escape characters are allowed: ` +
        '\\b, \\t, \\n, \\f, \\r, \\", \\\\, \\uXXXX, and \\UXXXXXXXX',
    );
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
