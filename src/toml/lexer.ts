/**
 * A TOML lexer producing the item stream BurntSushi/toml's parser consumes (lex.go): table
 * headers, keys, and values. Lexing errors become an `error` item so that the parser reports
 * them with its current key, as BurntSushi does. Error wording follows lex.go for the common
 * cases. The syntax is TOML 1.1 as v1.6.0 reads it by default (its `tomlNext` paths): inline
 * tables may span lines, hold comments and end with a trailing comma; datetimes and times may
 * leave out the seconds; strings take `\e` and `\xHH` (lexer-cursor.ts).
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
import { goRune, LexCursor, LexError, runeOrEOF } from './lexer-cursor.js';

const BARE = /[A-Za-z0-9_-]/;
const DATETIME =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?|^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?/;
const NUMBERISH = /^[+-]?[0-9A-Za-z_.+-]+/;

export class Lexer extends LexCursor {
  readonly items: Item[] = [];

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
    while (
      this.i < this.s.length &&
      this.peek() !== '\n' &&
      !(this.peek() === '\r' && this.peek(1) === '\n')
    ) {
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
    this.fail(
      `expected a top-level item to end with a newline, comment, or EOF, but got ${goRune(d)} instead`,
    );
  }

  private tableHeader(): void {
    const array = this.peek(1) === '[';
    this.i += array ? 2 : 1;
    this.emit(array ? 'arrayTableStart' : 'tableStart', '');
    this.skipWs();
    if (this.peek() === ']')
      this.fail('unexpected end of table name (table names cannot be empty)');
    this.keyParts(']');
    if (array) {
      if (this.peek(1) !== ']')
        this.fail(
          `expected end of table array name delimiter ']', but got ${goRune(this.peek(1))} instead`,
        );
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
      if (end === '=' && (c === '=' || c === ''))
        this.fail(first ? "unexpected '=': key name appears blank" : "unexpected '='");
      if (end === '=' && c === '.')
        this.fail(first ? "unexpected '.': keys cannot start with a '.'" : "unexpected '.'");
      if (end === ']' && (c === ']' || c === ''))
        this.fail('unexpected end of table name (table names cannot be empty)');
      if (end === ']' && c === '.')
        this.fail('unexpected table separator (table names cannot be empty)');
      if (c === '"' || c === "'") {
        this.emit('string', this.quotedString(c === '"' ? '"' : "'"));
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
      this.fail(
        `expected '.' or ']' to end table name, but got ${quoteRune(n.codePointAt(0) ?? 0)} instead`,
      );
    }
  }

  private value(): void {
    const c = this.peek();
    const rest = this.s.slice(this.i, this.i + 64);
    if (c === '"') this.emit('string', this.quotedString('"'));
    else if (c === "'") this.emit('rawString', this.quotedString("'"));
    else if (c === '[') this.array();
    else if (c === '{') this.inlineTable();
    else if (/^(true|false)(?![A-Za-z0-9_])/.test(rest)) {
      const v = rest.startsWith('true') ? 'true' : 'false';
      this.guard(v.length);
      this.i += v.length;
      this.emit('bool', v);
    } else {
      const dt = DATETIME.exec(rest);
      if (dt && !/^[0-9A-Za-z_.]/.test(rest.slice(dt[0].length))) {
        this.guard(dt[0].length);
        this.i += dt[0].length;
        this.emit('datetime', dt[0]);
        return;
      }
      if (c === '') this.fail('unexpected EOF; expected value');
      if (c === '.') this.fail("floats must start with a digit, not '.'");
      if (/^\p{L}/u.test(rest) && !/^(inf|nan)(?![\p{L}])/u.test(rest)) {
        // lexBool: a word that is not true/false/inf/nan.
        const word = /^\p{L}+/u.exec(rest)?.[0] ?? c;
        this.guard(word.length);
        this.fail(`expected value but found ${quote(word)} instead`);
      }
      const num = /^[0-9+-]|^(inf|nan)/.test(rest) ? NUMBERISH.exec(rest) : null;
      if (!num) this.fail(`expected value but found ${goRune(c)} instead`);
      this.guard(num[0].length);
      this.i += num[0].length;
      this.emitNumber(num[0]);
    }
  }

  private emitNumber(t: string): void {
    if (/^[+-]?(inf|nan)$/.test(t)) return this.emit('float', t);
    if (/^[+-]?[0-9_]+$/.test(t) || /^0x[0-9A-Fa-f_]+$|^0o[0-7_]+$|^0b[01_]+$/.test(t))
      return this.emit('integer', t);
    if (/^[+-]?[0-9_]+(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/.test(t) && /[.eE]/.test(t))
      return this.emit('float', t);
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

  /**
   * lexInlineTableValue / lexInlineTableValueEnd with tomlNext: whitespace, newlines and
   * comments may surround the pairs, and a comma may follow the last one.
   */
  private inlineTable(): void {
    this.i++;
    this.emit('inlineTableStart', '');
    for (;;) {
      this.skipWsNlComments();
      const c = this.peek();
      if (c === '}') break;
      if (c === ',') this.fail('unexpected comma');
      this.emit('keyStart', '');
      this.keyParts('=');
      this.emit('keyEnd', '');
      this.i++;
      this.skipWs();
      this.value();
      this.skipWsNlComments();
      const d = this.peek();
      if (d === ',') {
        this.i++;
        continue;
      }
      if (d === '}') break;
      this.fail(
        `expected a comma or an inline table terminator '}', but got ${runeOrEOF(d)} instead`,
      );
    }
    this.i++;
    this.emit('inlineTableEnd', '');
  }
}
