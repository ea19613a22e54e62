/**
 * A TOML 1.0 lexer producing the item stream BurntSushi/toml's parser consumes (lex.go):
 * table headers, keys, and values. Lexing errors become an `error` item so that the parser
 * reports them with its current key, as BurntSushi does. Error wording follows lex.go for the
 * common cases.
 */

export type ItemType =
  | 'tableStart'
  | 'tableEnd'
  | 'arrayTableStart'
  | 'arrayTableEnd'
  | 'keyStart'
  | 'keyEnd'
  | 'text'
  | 'string'
  | 'rawString'
  | 'integer'
  | 'float'
  | 'bool'
  | 'datetime'
  | 'arrayStart'
  | 'arrayEnd'
  | 'inlineTableStart'
  | 'inlineTableEnd'
  | 'error'
  | 'eof';

export interface Item {
  readonly typ: ItemType;
  /** Text, or for strings the decoded value. */
  readonly val: string;
  readonly line: number;
}

import { quote, quoteRune } from '../gotemplate/strconv.js';

const BARE = /[A-Za-z0-9_-]/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?|^\d{2}:\d{2}:\d{2}(?:\.\d+)?/;
const NUMBERISH = /^[+-]?[0-9A-Za-z_.+-]+/;

class LexError extends Error {}

export class Lexer {
  private i = 0;
  private line = 1;
  readonly items: Item[] = [];

  constructor(private readonly s: string) {}

  run(): Item[] {
    try {
      this.top();
      this.emit('eof', '');
    } catch (e) {
      if (!(e instanceof LexError)) throw e;
      this.emit('error', e.message);
    }
    return this.items;
  }

  private emit(typ: ItemType, val: string): void {
    this.items.push({ typ, val, line: this.line });
  }

  /**
   * Report a lexing error. BurntSushi counts a newline as soon as it is read, so an error on a
   * newline character is on the next line, and errors at EOF are reported one line up.
   */
  private fail(msg: string, opts: { prevLine?: boolean } = {}): never {
    const c = this.peek();
    if (this.i >= this.s.length) this.line--;
    else if (c === '\n' && !opts.prevLine) this.line++;
    throw new LexError(msg);
  }

  private peek(n = 0): string {
    return this.s[this.i + n] ?? '';
  }

  private skipWs(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }

  /** Whitespace, newlines and comments (inside arrays and between top-level items). */
  private skipWsNlComments(): void {
    for (;;) {
      this.skipWs();
      const c = this.peek();
      if (c === '\n') {
        this.i++;
        this.line++;
      } else if (c === '\r' && this.peek(1) === '\n') {
        this.i += 2;
        this.line++;
      } else if (c === '#') {
        this.comment();
      } else {
        return;
      }
    }
  }

  private comment(): void {
    this.i++;
    while (this.i < this.s.length && this.peek() !== '\n' && !(this.peek() === '\r' && this.peek(1) === '\n')) {
      const c = this.peek().charCodeAt(0);
      if ((c < 0x20 && c !== 0x09) || c === 0x7f) this.fail(`control characters are not allowed: ${JSON.stringify(this.peek())}`);
      this.i++;
    }
  }

  private top(): void {
    for (;;) {
      this.skipWsNlComments();
      if (this.i >= this.s.length) return;
      if (this.peek() === '[') this.tableHeader();
      else {
        this.emit('keyStart', '');
        this.keyParts('=');
        this.emit('keyEnd', '');
        this.i++; // '='
        this.skipWs();
        this.value();
      }
      this.endOfLine();
    }
  }

  private endOfLine(): void {
    this.skipWs();
    const c = this.peek();
    if (c === '#') this.comment();
    const d = this.peek();
    if (this.i >= this.s.length || d === '\n' || (d === '\r' && this.peek(1) === '\n')) return;
    this.fail(`expected a top-level item to end with a newline, comment, or EOF, but got ${goRune(d)} instead`);
  }

  private tableHeader(): void {
    const array = this.peek(1) === '[';
    this.i += array ? 2 : 1;
    this.emit(array ? 'arrayTableStart' : 'tableStart', '');
    this.skipWs();
    if (this.peek() === ']') this.fail('unexpected end of table name (table names cannot be empty)');
    this.keyParts(']');
    if (array) {
      if (this.peek(1) !== ']') this.fail(`expected end of table array name delimiter ']', but got ${goRune(this.peek(1))} instead`);
      this.i += 2;
      this.emit('arrayTableEnd', '');
    } else {
      this.i++;
      this.emit('tableEnd', '');
    }
  }

  /** Dotted key parts up to `end` (not consumed): lexKeyStart/lexTableNameStart and friends. */
  private keyParts(end: string): void {
    for (let first = true; ; first = false) {
      this.skipWs();
      const c = this.peek();
      if (end === '=' && (c === '=' || c === '')) this.fail(first ? "unexpected '=': key name appears blank" : "unexpected '='");
      if (end === '=' && c === '.') this.fail(first ? "unexpected '.': keys cannot start with a '.'" : "unexpected '.'");
      if (end === ']' && (c === ']' || c === '')) this.fail('unexpected end of table name (table names cannot be empty)');
      if (end === ']' && c === '.') this.fail('unexpected table separator (table names cannot be empty)');
      if (c === '"' || c === "'") {
        this.emit('string', c === '"' ? this.basicString() : this.literalString());
      } else {
        const start = this.i;
        while (BARE.test(this.peek())) this.i++;
        this.emit('text', this.s.slice(start, this.i));
      }
      this.skipWs();
      const n = this.peek();
      if (n === '.') {
        this.i++;
        continue;
      }
      if (n === end) return;
      if (end === '=') {
        if (n === '') this.fail("unexpected EOF; expected key separator '='");
        this.fail(`expected '.' or '=', but got ${quoteRune(n.codePointAt(0) ?? 0)} instead`);
      }
      this.fail(`expected '.' or ']' to end table name, but got ${quoteRune(n.codePointAt(0) ?? 0)} instead`);
    }
  }

  private value(): void {
    const c = this.peek();
    const rest = this.s.slice(this.i, this.i + 64);
    if (c === '"') this.emit('string', this.basicString());
    else if (c === "'") this.emit('rawString', this.literalString());
    else if (c === '[') this.array();
    else if (c === '{') this.inlineTable();
    else if (/^(true|false)(?![A-Za-z0-9_])/.test(rest)) {
      const v = rest.startsWith('true') ? 'true' : 'false';
      this.i += v.length;
      this.emit('bool', v);
    } else {
      const dt = DATETIME.exec(rest);
      if (dt && !/^[0-9A-Za-z_.]/.test(rest.slice(dt[0].length))) {
        this.i += dt[0].length;
        this.emit('datetime', dt[0]);
        return;
      }
      if (c === '') this.fail('unexpected EOF; expected value');
      if (c === '.') this.fail("floats must start with a digit, not '.'");
      if (/^\p{L}/u.test(rest) && !/^(inf|nan)(?![\p{L}])/u.test(rest)) {
        // lexBool: a word that is not true/false/inf/nan.
        const word = /^\p{L}+/u.exec(rest)?.[0] ?? c;
        this.fail(`expected value but found ${quote(word)} instead`);
      }
      const num = /^[0-9+-]|^(inf|nan)/.test(rest) ? NUMBERISH.exec(rest) : null;
      if (!num) this.fail(`expected value but found ${goRune(c)} instead`);
      this.i += num[0].length;
      this.emitNumber(num[0]);
    }
  }

  private emitNumber(t: string): void {
    if (/^[+-]?(inf|nan)$/.test(t)) return this.emit('float', t);
    if (/^[+-]?[0-9_]+$/.test(t) || /^0x[0-9A-Fa-f_]+$|^0o[0-7_]+$|^0b[01_]+$/.test(t)) return this.emit('integer', t);
    if (/^[+-]?[0-9_]+(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/.test(t) && /[.eE]/.test(t)) return this.emit('float', t);
    this.fail(`invalid number: ${JSON.stringify(t)}`);
  }

  private array(): void {
    this.i++;
    this.emit('arrayStart', '');
    for (;;) {
      this.skipWsNlComments();
      if (this.peek() === ']') break;
      if (this.peek() === ',') this.fail('unexpected comma');
      if (this.i >= this.s.length) this.fail('unexpected EOF; expected value');
      this.value();
      this.skipWsNlComments();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') break;
      this.fail(`expected a comma (',') or array terminator (']'), but got ${runeOrEOF(c)}`);
    }
    this.i++;
    this.emit('arrayEnd', '');
  }

  private inlineTable(): void {
    this.i++;
    this.emit('inlineTableStart', '');
    this.skipWs();
    if (this.peek() === '}') {
      this.i++;
      this.emit('inlineTableEnd', '');
      return;
    }
    for (;;) {
      this.skipWs();
      if (this.peek() === '\n' || this.peek() === '\r') this.fail('newlines not allowed within inline tables', { prevLine: true });
      if (this.peek() === ',') this.fail('unexpected comma');
      this.emit('keyStart', '');
      this.keyParts('=');
      this.emit('keyEnd', '');
      this.i++;
      this.skipWs();
      this.value();
      this.skipWs();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        this.skipWs();
        if (this.peek() === '}') this.fail('trailing comma not allowed in inline tables');
        continue;
      }
      if (c === '}') break;
      if (c === '\n' || c === '\r') this.fail('newlines not allowed within inline tables', { prevLine: true });
      this.fail(`expected a comma or an inline table terminator '}', but got ${runeOrEOF(c)} instead`);
    }
    this.i++;
    this.emit('inlineTableEnd', '');
  }

  private newlineAt(): number {
    if (this.peek() === '\n') return 1;
    if (this.peek() === '\r' && this.peek(1) === '\n') return 2;
    return 0;
  }

  /** "…" or """…""" with escapes decoded. */
  private basicString(): string {
    const multi = this.s.startsWith('"""', this.i);
    this.i += multi ? 3 : 1;
    if (multi) this.i += this.newlineAt();
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('unexpected EOF');
      if (multi && this.s.startsWith('"""', this.i)) {
        let q = 3;
        while (q < 5 && this.peek(q) === '"') q++;
        out += '"'.repeat(q - 3);
        this.i += q;
        return out;
      }
      const c = this.peek();
      if (!multi && c === '"') {
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
      if (c === '\\') {
        out += this.escape(multi);
        continue;
      }
      this.checkControl(c);
      const cp = this.s.codePointAt(this.i) ?? 0;
      out += String.fromCodePoint(cp);
      this.i += cp > 0xffff ? 2 : 1;
    }
  }

  private checkControl(c: string): void {
    const code = c.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) this.fail(`control characters are not allowed: ${JSON.stringify(c)}`);
  }

  private escape(multi: boolean): string {
    const e = this.peek(1);
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (simple[e] !== undefined) {
      this.i += 2;
      return simple[e] ?? '';
    }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const hex = this.s.slice(this.i + 2, this.i + 2 + n);
      if (!new RegExp(`^[0-9A-Fa-f]{${n}}$`).test(hex)) {
        this.fail(`expected ${n} hexadecimal digits after '\\${e}', but got ${JSON.stringify(hex)} instead`);
      }
      const r = parseInt(hex, 16);
      if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) this.fail(`Escaped character '\\${e}${hex}' is not valid UTF-8.`);
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

  /** '…' or '''…''' verbatim. */
  private literalString(): string {
    const multi = this.s.startsWith("'''", this.i);
    this.i += multi ? 3 : 1;
    if (multi) this.i += this.newlineAt();
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('unexpected EOF');
      if (multi && this.s.startsWith("'''", this.i)) {
        let q = 3;
        while (q < 5 && this.peek(q) === "'") q++;
        out += "'".repeat(q - 3);
        this.i += q;
        return out;
      }
      const c = this.peek();
      if (!multi && c === "'") {
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
      this.checkControl(c);
      out += c;
      this.i++;
    }
  }
}

/** Go's %q of a rune (EOF, the empty string here, is rune 0). */
function goRune(c: string): string {
  return quoteRune(c === '' ? 0 : (c.codePointAt(0) ?? 0));
}

/** lex.go runeOrEOF. */
function runeOrEOF(c: string): string {
  return c === '' ? 'end of file' : `'${c}'`;
}
