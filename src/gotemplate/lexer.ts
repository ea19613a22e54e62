/**
 * Lexer for Go templates: a port of golang/go:src/text/template/parse/lex.go (Go 1.22+: pull
 * based `nextItem`, trim markers, comments, `=` assignment, `break`/`continue` keywords, Go 1.13
 * number literals).
 *
 * Positions are UTF-16 offsets into the source (Go counts UTF-8 bytes); `line` follows Go's
 * bookkeeping exactly (the line where the item starts), since parse errors report it.
 *
 * lex.go is a machine of state functions that read one rune at a time (`next`, `backup`, `peek`).
 * This port scans the same grammar directly over the string's UTF-16 code units (issue 10: the
 * lexer was the largest part of parsing a large chart): each `nextItem` runs one scanning method
 * that returns the item, `pos` only moves forward (Go's one-rune backups become look-aheads), and
 * `line` is kept as the line at `pos` by counting the newlines of what is consumed. Non-ASCII
 * runes are decoded only where Go's classes need them (letters and digits of identifiers, error
 * messages). The items, their lines and the error messages are Go's (the state-function port is
 * kept in the tests as the reference the scanner is checked against).
 */
import {
  formatRune,
  isAlphaNumeric,
  leftTrimLength,
  rightTrimLength,
  TRIM_MARKER_LEN,
} from './lexer-chars.js';
import type { Item, ItemType } from './lexer-items.js';
import { KEYWORDS } from './lexer-items.js';
import { isPrint, quote as goQuote } from './strconv.js';

export { type Item, type ItemType, isKeyword, itemString } from './lexer-items.js';
export { EOF, isSpace } from './lexer-chars.js';

export interface LexerOptions {
  /** Left action delimiter; `{{` when empty or absent (as Go). */
  readonly leftDelim?: string;
  /** Right action delimiter; `}}` when empty or absent. */
  readonly rightDelim?: string;
  /** Emit `comment` items (Go's ParseComments mode). */
  readonly emitComment?: boolean;
  /** `break` is a keyword (false when a function named `break` exists). Default true. */
  readonly breakOK?: boolean;
  /** `continue` is a keyword (false when a function named `continue` exists). Default true. */
  readonly continueOK?: boolean;
}

const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const C_NL = 0x0a;
const C_MINUS = 0x2d;

/** Go's lexer `isSpace` on a code unit: space, tab, carriage return, newline. */
function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** ASCII letters, digits and underscore: the common case of lex.go `isAlphaNumeric`. */
function isAsciiWord(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
  );
}

/** The code point at `i` (NaN past the end, as charCodeAt). */
function runeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? (s.codePointAt(i) as number) : c;
}

export class Lexer {
  readonly leftDelim: string;
  readonly rightDelim: string;
  emitComment: boolean;
  breakOK: boolean;
  continueOK: boolean;
  /** The input being scanned (emptied after a lexical error, as Go does). */
  input: string;
  pos = 0;
  start = 0;
  parenDepth = 0;
  /** The line at `pos`. */
  line = 1;
  /** The line at `start`. */
  startLine = 1;
  insideAction = false;
  /** {@link newlineAtOrAfter}'s memory: the first newline at or after newlineFrom (-1: none yet). */
  private newlineFrom = 0;
  private newlineAt = -1;
  private readonly rightDelim0: number;
  private readonly leftDelimLen: number;
  private readonly rightDelimLen: number;

  constructor(input: string, options: LexerOptions = {}) {
    this.input = input;
    this.leftDelim = options.leftDelim || '{{';
    this.rightDelim = options.rightDelim || '}}';
    this.emitComment = options.emitComment ?? false;
    this.breakOK = options.breakOK ?? true;
    this.continueOK = options.continueOK ?? true;
    this.rightDelim0 = this.rightDelim.charCodeAt(0);
    this.leftDelimLen = this.leftDelim.length;
    this.rightDelimLen = this.rightDelim.length;
  }

  /** The next item; after the end (or an error) it keeps returning EOF-ish items like Go. */
  nextItem(): Item {
    for (;;) {
      const item = this.insideAction ? this.lexInsideAction() : this.lexText();
      if (item !== null) return item;
    }
  }

  /** The item from `start` to `pos` (Go's thisItem); `line` must already be the line at pos. */
  private item(type: ItemType): Item {
    const item: Item = {
      type,
      pos: this.start,
      val: this.input.slice(this.start, this.pos),
      line: this.startLine,
    };
    this.start = this.pos;
    this.startLine = this.line;
    return item;
  }

  /**
   * A delimiter item from `start` to `pos`: its text is always the delimiter itself, so the
   * item shares that string instead of slicing a new one for every action.
   */
  private delimItem(type: 'leftDelim' | 'rightDelim', delim: string): Item {
    const item: Item = { type, pos: this.start, val: delim, line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return item;
  }

  /**
   * The first newline at or after `from` (Infinity if none), remembered with where the search
   * started: the lexer only moves forward, so a long line is scanned once, not once per action
   * on it (issue 10: a Grafana dashboard is a 12 KB line of 150 actions, and counting the
   * newlines of each item with a plain indexOf scanned to the line's end every time).
   */
  newlineAtOrAfter(from: number): number {
    if (this.newlineAt < 0 || from < this.newlineFrom || from > this.newlineAt) {
      const i = this.input.indexOf('\n', from);
      this.newlineFrom = from;
      this.newlineAt = i < 0 ? Infinity : i;
    }
    return this.newlineAt;
  }

  /** The number of newlines in input[from, to). */
  private newlines(from: number, to: number): number {
    let n = 0;
    for (let i = this.newlineAtOrAfter(from); i < to; i = this.newlineAtOrAfter(i + 1)) n++;
    return n;
  }

  /** Skip the pending input from `start` to `pos`, counting its newlines. */
  private ignore(): void {
    this.line += this.newlines(this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  /** An error item; scanning stops: the input is dropped, as Go does. */
  private errorf(message: string): Item {
    const item: Item = { type: 'error', pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    this.newlineAt = -1;
    return item;
  }

  /** Is the right delimiter at `at`? */
  rightDelimAt(at: number): boolean {
    const input = this.input;
    if (input.charCodeAt(at) !== this.rightDelim0) return false;
    return this.rightDelimLen === 1 || input.startsWith(this.rightDelim, at);
  }

  /** A trim marker and the right delimiter at `at` (` -}}`)? */
  trimmedRightDelimAt(at: number): boolean {
    const input = this.input;
    return (
      isSpaceCode(input.charCodeAt(at)) &&
      input.charCodeAt(at + 1) === C_MINUS &&
      this.rightDelimAt(at + TRIM_MARKER_LEN)
    );
  }

  /** lex.go `atTerminator` at `at`: may this character follow an identifier? */
  private atTerminator(at: number): boolean {
    const input = this.input;
    if (at >= input.length) return true; // EOF
    const c = input.charCodeAt(at);
    switch (c) {
      case 0x20:
      case 0x09:
      case 0x0d:
      case 0x0a:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.rightDelimAt(at);
  }

  /** End of the run of alphanumerics (lex.go `isAlphaNumeric`) starting at `from`. */
  private wordEnd(from: number): number {
    const input = this.input;
    let i = from;
    for (;;) {
      const c = input.charCodeAt(i);
      if (isAsciiWord(c)) {
        i++;
        continue;
      }
      if (!(c >= 0x80)) return i; // ASCII non-word, or NaN at the end
      const r = runeAt(input, i);
      if (!isAlphaNumeric(r)) return i;
      i += r > 0xffff ? 2 : 1;
    }
  }

  /** Scan until an opening action delimiter (lex.go lexText, lexLeftDelim, lexComment). */
  private lexText(): Item | null {
    const input = this.input;
    const x = input.indexOf(this.leftDelim, this.pos);
    if (x < 0) {
      this.pos = input.length;
      if (this.pos > this.start) {
        this.line += this.newlines(this.start, this.pos);
        return this.item('text');
      }
      return this.item('eof');
    }
    const afterDelim = x + this.leftDelimLen;
    const trimmed =
      input.charCodeAt(afterDelim) === C_MINUS && isSpaceCode(input.charCodeAt(afterDelim + 1));
    if (x > this.pos) {
      // Text up to the delimiter, less the spaces a trim marker removes.
      const trimLength = trimmed ? rightTrimLength(input, this.start, x) : 0;
      this.pos = x - trimLength;
      this.line += this.newlines(this.start, this.pos);
      const item = this.item('text');
      this.pos = x;
      this.ignore();
      if (item.val.length > 0) return item;
    }
    // lexLeftDelim: the delimiter is at pos.
    this.pos = afterDelim;
    const afterMarker = trimmed ? TRIM_MARKER_LEN : 0;
    if (input.startsWith(LEFT_COMMENT, afterDelim + afterMarker)) {
      this.pos += afterMarker;
      this.ignore();
      return this.lexComment();
    }
    const item = this.delimItem('leftDelim', this.leftDelim);
    this.insideAction = true;
    this.pos += afterMarker;
    this.ignore();
    this.parenDepth = 0;
    return item;
  }

  /** A comment; the left comment marker is at pos. Null when comments are not emitted. */
  private lexComment(): Item | null {
    const input = this.input;
    const x = input.indexOf(RIGHT_COMMENT, this.pos + LEFT_COMMENT.length);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + RIGHT_COMMENT.length;
    const trimSpaces = this.trimmedRightDelimAt(this.pos);
    if (!trimSpaces && !this.rightDelimAt(this.pos)) {
      return this.errorf('comment ends before closing delimiter');
    }
    this.line += this.newlines(this.start, this.pos);
    const item = this.item('comment');
    if (trimSpaces) this.pos += TRIM_MARKER_LEN;
    this.pos += this.rightDelimLen;
    if (trimSpaces) this.pos += leftTrimLength(input, this.pos);
    this.ignore();
    return this.emitComment ? item : null;
  }

  /**
   * Skip an action the parser read directly from `input` (parser-fast.ts): everything from pos
   * up to `at`, where the right delimiter (or, `trimmed`, its trim marker) starts, then the
   * delimiter itself. Returns the rightDelim item, as lexing the action would have ended.
   */
  finishAction(at: number, trimmed: boolean): Item {
    this.pos = at;
    this.ignore();
    return this.lexRightDelim(trimmed);
  }

  /** The right delimiter, possibly after a trim marker, is at pos (lex.go lexRightDelim). */
  private lexRightDelim(trimSpaces: boolean): Item {
    if (trimSpaces) {
      this.pos += TRIM_MARKER_LEN;
      this.ignore();
    }
    this.pos += this.rightDelimLen;
    const item = this.delimItem('rightDelim', this.rightDelim);
    if (trimSpaces) {
      this.pos += leftTrimLength(this.input, this.pos);
      this.ignore();
    }
    this.insideAction = false;
    return item;
  }

  /** The elements inside action delimiters (lex.go lexInsideAction). */
  private lexInsideAction(): Item {
    const input = this.input;
    const pos = this.pos;
    const trimmed = this.trimmedRightDelimAt(pos);
    if (trimmed || this.rightDelimAt(pos)) {
      return this.parenDepth === 0
        ? this.lexRightDelim(trimmed)
        : this.errorf('unclosed left paren');
    }
    if (pos >= input.length) return this.errorf('unclosed action');
    const c = input.charCodeAt(pos);
    switch (c) {
      case 0x20:
      case 0x09:
      case 0x0d:
      case 0x0a:
        return this.lexSpace();
      case 0x3d: // =
        this.pos = pos + 1;
        return this.item('assign');
      case 0x3a: // :
        if (input.charCodeAt(pos + 1) !== 0x3d) return this.errorf('expected :=');
        this.pos = pos + 2;
        return this.item('declare');
      case 0x7c: // |
        this.pos = pos + 1;
        return this.item('pipe');
      case 0x22: // "
        return this.lexQuoted(0x22, 'string', 'unterminated quoted string');
      case 0x60: // `
        return this.lexRawQuote();
      case 0x24: // $
        return this.lexVariable();
      case 0x27: // '
        return this.lexQuoted(0x27, 'charConstant', 'unterminated character constant');
      case 0x28: // (
        this.pos = pos + 1;
        this.parenDepth++;
        return this.item('leftParen');
      case 0x29: // )
        this.pos = pos + 1;
        this.parenDepth--;
        return this.parenDepth < 0
          ? this.errorf('unexpected right paren')
          : this.item('rightParen');
      case 0x2e: {
        // Special look-ahead for ".field"; a digit makes it a number.
        const d = input.charCodeAt(pos + 1);
        if (pos + 1 < input.length && !(d >= 0x30 && d <= 0x39)) return this.lexField();
        return this.lexNumber();
      }
      case 0x2b: // +
      case 0x2d: // -
        return this.lexNumber();
    }
    if (c >= 0x30 && c <= 0x39) return this.lexNumber();
    if (isAsciiWord(c)) return this.lexIdentifier();
    if (c < 0x80) {
      this.pos = pos + 1;
      return isPrint(c)
        ? this.item('char')
        : this.errorf(`unrecognized character in action: ${formatRune(c)}`);
    }
    const r = runeAt(input, pos);
    if (isAlphaNumeric(r)) return this.lexIdentifier();
    return this.errorf(`unrecognized character in action: ${formatRune(r)}`);
  }

  /** A run of spaces at pos; takes care of a trim-marked right delimiter (lex.go lexSpace). */
  private lexSpace(): Item {
    const input = this.input;
    let end = this.pos;
    let newlines = 0;
    for (;;) {
      const c = input.charCodeAt(end);
      if (c === C_NL) newlines++;
      else if (!(c === 0x20 || c === 0x09 || c === 0x0d)) break;
      end++;
    }
    // " -}}": the last space belongs to the trim marker.
    if (input.charCodeAt(end) === C_MINUS && this.rightDelimAt(end + 1)) {
      end--;
      if (input.charCodeAt(end) === C_NL) newlines--;
      if (end === this.pos) return this.lexRightDelim(true); // On the delimiter: go right to it.
    }
    this.pos = end;
    this.line += newlines;
    return this.item('space');
  }

  /** An alphanumeric word: keyword, boolean, identifier (lex.go lexIdentifier). */
  private lexIdentifier(): Item {
    const end = this.wordEnd(this.pos);
    this.pos = end;
    if (!this.atTerminator(end)) return this.badCharacter(end);
    const word = this.input.slice(this.start, end);
    const keyword = KEYWORDS.get(word);
    if (keyword !== undefined) {
      if ((keyword === 'break' && !this.breakOK) || (keyword === 'continue' && !this.continueOK)) {
        return this.item('identifier');
      }
      return this.item(keyword);
    }
    if (word === 'true' || word === 'false') return this.item('bool');
    return this.item('identifier');
  }

  /** lex.go's `bad character %#U` for the rune at `at` that ends a word. */
  private badCharacter(at: number): Item {
    return this.errorf(`bad character ${formatRune(runeAt(this.input, at))}`);
  }

  /** `.Alphanumeric`, or `.` alone (lex.go lexField); the `.` is at pos. */
  private lexField(): Item {
    const after = this.pos + 1;
    this.pos = after;
    if (this.atTerminator(after)) return this.item('dot');
    return this.lexWordAfterSigil('field');
  }

  /** `$Alphanumeric`, or `$` alone (lex.go lexVariable); the `$` is at pos. */
  private lexVariable(): Item {
    this.pos++;
    if (this.atTerminator(this.pos)) return this.item('variable');
    return this.lexWordAfterSigil('variable');
  }

  private lexWordAfterSigil(type: 'field' | 'variable'): Item {
    const end = this.wordEnd(this.pos);
    this.pos = end;
    if (!this.atTerminator(end)) return this.badCharacter(end);
    return this.item(type);
  }

  /** A quoted string or character constant: backslash escapes, no newline. */
  private lexQuoted(quote: number, type: ItemType, message: string): Item {
    const input = this.input;
    let i = this.pos + 1;
    for (;;) {
      let c = input.charCodeAt(i);
      if (c === 0x5c) {
        i++;
        c = input.charCodeAt(i);
        if (i < input.length && c !== C_NL) {
          i++;
          continue;
        }
      }
      if (i >= input.length || c === C_NL) return this.errorf(message);
      i++;
      if (c === quote) break;
    }
    this.pos = i;
    return this.item(type);
  }

  private lexRawQuote(): Item {
    const input = this.input;
    const x = input.indexOf('`', this.pos + 1);
    if (x < 0) return this.errorf('unterminated raw quoted string');
    this.pos = x + 1;
    this.line += this.newlines(this.start, this.pos);
    return this.item('rawString');
  }

  /**
   * A number: decimal, octal, hex, binary, float or imaginary. Like Go this accepts some invalid
   * spellings ("089", "0x0.2"); the parser (strconv) rejects them.
   */
  private lexNumber(): Item {
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${this.quoteForError()}`);
    const sign = this.input.charCodeAt(this.pos);
    if (sign === 0x2b || sign === C_MINUS) {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!this.scanNumber() || this.input.charCodeAt(this.pos - 1) !== 0x69) {
        return this.errorf(`bad number syntax: ${this.quoteForError()}`);
      }
      return this.item('complex');
    }
    return this.item('number');
  }

  private quoteForError(): string {
    return goQuote(this.input.slice(this.start, this.pos));
  }

  /** Consume one character of `valid` (all ASCII) at pos. */
  private accept(valid: string): boolean {
    const c = this.input.charCodeAt(this.pos);
    if (c < 0x80 && valid.includes(String.fromCharCode(c))) {
      this.pos++;
      return true;
    }
    return false;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid)) {
      // absorb
    }
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      // Note: a leading 0 does not mean octal in floats.
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 10 + 1 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 16 + 6 + 1 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i'); // Imaginary?
    // The next thing mustn't be alphanumeric.
    const input = this.input;
    const c = input.charCodeAt(this.pos);
    if (isAsciiWord(c) || (c >= 0x80 && isAlphaNumeric(runeAt(input, this.pos)))) {
      this.pos += runeAt(input, this.pos) > 0xffff ? 2 : 1;
      return false;
    }
    return true;
  }
}
