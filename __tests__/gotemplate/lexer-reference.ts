// The state-function port of golang/go:src/text/template/parse/lex.go that src/gotemplate/lexer.ts
// replaced (issue 10). Kept as the reference the scanning lexer is checked against, item for item
// (lexer-differential.test.ts).
/**
 * Lexer for Go templates: a port of golang/go:src/text/template/parse/lex.go (Go 1.22+: pull
 * based `nextItem`, trim markers, comments, `=` assignment, `break`/`continue` keywords, Go 1.13
 * number literals).
 *
 * Positions are UTF-16 offsets into the source (Go counts UTF-8 bytes); `line` follows Go's
 * bookkeeping exactly (the line where the item starts), since parse errors report it.
 *
 * One file, as lex.go: the Lexer's state and the state functions that drive it (each scans from
 * the lexer's position and returns the next state, or null once it emitted an item).
 */
import {
  countNewlines,
  EOF,
  formatRune,
  hasLeftTrimMarker,
  hasRightTrimMarker,
  isAlphaNumeric,
  isSpace,
  leftTrimLength,
  rightTrimLength,
  TRIM_MARKER_LEN,
} from '../../src/gotemplate/lexer-chars.js';
import type { Item, ItemType } from '../../src/gotemplate/lexer-items.js';
import { KEYWORDS } from '../../src/gotemplate/lexer-items.js';
import { isPrint, quote as goQuote } from '../../src/gotemplate/strconv.js';

interface LexerOptions {
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

export class ReferenceLexer {
  readonly leftDelim: string;
  readonly rightDelim: string;
  emitComment: boolean;
  breakOK: boolean;
  continueOK: boolean;
  /** The input being scanned (emptied after a lexical error, as Go does). */
  input: string;
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  insideAction = false;
  private item: Item = { type: 'eof', pos: 0, val: 'EOF', line: 1 };

  constructor(input: string, options: LexerOptions = {}) {
    this.input = input;
    this.leftDelim = options.leftDelim || '{{';
    this.rightDelim = options.rightDelim || '}}';
    this.emitComment = options.emitComment ?? false;
    this.breakOK = options.breakOK ?? true;
    this.continueOK = options.continueOK ?? true;
  }

  /** The next item; after the end (or an error) it keeps returning EOF-ish items like Go. */
  nextItem(): Item {
    this.item = { type: 'eof', pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn | null = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) state = state(this);
    return this.item;
  }

  /** Consume the next code point; EOF at the end. */
  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) as number;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  /** Step back one code point (a no-op once EOF was seen, as Go's `backup`). */
  backup(): void {
    if (this.atEOF || this.pos <= 0) return;
    const low = this.input.charCodeAt(this.pos - 1);
    const high = this.pos >= 2 ? this.input.charCodeAt(this.pos - 2) : 0;
    const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
    this.pos -= pair ? 2 : 1;
    if (low === 0x0a) this.line--;
  }

  thisItem(type: ItemType): Item {
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

  emit(type: ItemType): null {
    return this.emitItem(this.thisItem(type));
  }

  emitItem(item: Item): null {
    this.item = item;
    return null;
  }

  /** Skip the pending input, counting its newlines (only for text not read with `next`). */
  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    while (this.accept(valid)) {
      // absorb
    }
  }

  /** Emit an error item and stop scanning: the input is dropped, as Go does. */
  errorf(message: string): null {
    this.item = { type: 'error', pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  /** At a right delimiter, possibly preceded by a trim marker (` -}}`)? */
  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    if (
      hasRightTrimMarker(this.input, this.pos) &&
      this.input.startsWith(this.rightDelim, this.pos + TRIM_MARKER_LEN)
    ) {
      return { delim: true, trimSpaces: true };
    }
    return { delim: this.input.startsWith(this.rightDelim, this.pos), trimSpaces: false };
  }

  /** Whether the input is at a character that may follow an identifier (lex.go `atTerminator`). */
  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(this.rightDelim, this.pos);
  }
}

type StateFn = (l: ReferenceLexer) => StateFn | null;

const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

/** Scan until an opening action delimiter. */
function lexText(l: ReferenceLexer): StateFn | null {
  const x = l.input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      // Trim the preceding spaces when the delimiter carries a trim marker.
      let trimLength = 0;
      if (hasLeftTrimMarker(l.input, l.pos + l.leftDelim.length)) {
        trimLength = rightTrimLength(l.input, l.start, l.pos);
      }
      l.pos -= trimLength;
      l.line += countNewlines(l.input, l.start, l.pos);
      const item = l.thisItem('text');
      l.pos += trimLength;
      l.ignore();
      if (item.val.length > 0) return l.emitItem(item);
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input, l.start, l.pos);
    return l.emit('text');
  }
  return l.emit('eof');
}

/** The left delimiter is known to be present, possibly followed by a trim marker. */
function lexLeftDelim(l: ReferenceLexer): StateFn | null {
  l.pos += l.leftDelim.length;
  const afterMarker = hasLeftTrimMarker(l.input, l.pos) ? TRIM_MARKER_LEN : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const item = l.thisItem('leftDelim');
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(item);
}

/** A comment; the left comment marker is known to be present. */
function lexComment(l: ReferenceLexer): StateFn | null {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + RIGHT_COMMENT.length;
  const { delim, trimSpaces } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  l.line += countNewlines(l.input, l.start, l.pos);
  const item = l.thisItem('comment');
  if (trimSpaces) l.pos += TRIM_MARKER_LEN;
  l.pos += l.rightDelim.length;
  if (trimSpaces) l.pos += leftTrimLength(l.input, l.pos);
  l.ignore();
  return l.emitComment ? l.emitItem(item) : lexText;
}

/** The right delimiter is known to be present, possibly preceded by a trim marker. */
function lexRightDelim(l: ReferenceLexer): StateFn | null {
  const { trimSpaces } = l.atRightDelim();
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  const item = l.thisItem('rightDelim');
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(item);
}

/** The elements inside action delimiters. */
function lexInsideAction(l: ReferenceLexer): StateFn | null {
  if (l.atRightDelim().delim) {
    return l.parenDepth === 0 ? lexRightDelim : l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup(); // Put the space back in case we have " -}}".
    return lexSpace;
  }
  switch (r) {
    case 0x3d: // =
      return l.emit('assign');
    case 0x3a: // :
      return l.next() === 0x3d ? l.emit('declare') : l.errorf('expected :=');
    case 0x7c: // |
      return l.emit('pipe');
    case 0x22: // "
      return lexQuote;
    case 0x60: // `
      return lexRawQuote;
    case 0x24: // $
      return lexVariable;
    case 0x27: // '
      return lexChar;
    case 0x28: // (
      l.parenDepth++;
      return l.emit('leftParen');
    case 0x29: // )
      l.parenDepth--;
      return l.parenDepth < 0 ? l.errorf('unexpected right paren') : l.emit('rightParen');
  }
  if (r === 0x2e) {
    // Special look-ahead for ".field"; a digit makes it a number.
    const c = l.input.charCodeAt(l.pos);
    if (l.pos < l.input.length && (c < 0x30 || c > 0x39)) return lexField;
  }
  if (r === 0x2e || r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r <= 0x7f && isPrint(r)) return l.emit('char');
  return l.errorf(`unrecognized character in action: ${formatRune(r)}`);
}

/** A run of spaces; the first one is still unread. Takes care of a trim-marked right delim. */
function lexSpace(l: ReferenceLexer): StateFn | null {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  if (
    hasRightTrimMarker(l.input, l.pos - 1) &&
    l.input.startsWith(l.rightDelim, l.pos - 1 + TRIM_MARKER_LEN)
  ) {
    l.backup(); // Before the space.
    if (numSpaces === 1) return lexRightDelim; // On the delimiter: go right to it.
  }
  return l.emit('space');
}

/** An alphanumeric word: keyword, boolean, identifier. */
function lexIdentifier(l: ReferenceLexer): StateFn | null {
  let r: number;
  do r = l.next();
  while (isAlphaNumeric(r));
  l.backup();
  const word = l.input.slice(l.start, l.pos);
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
  const keyword = KEYWORDS.get(word);
  if (keyword !== undefined) {
    if ((keyword === 'break' && !l.breakOK) || (keyword === 'continue' && !l.continueOK)) {
      return l.emit('identifier');
    }
    return l.emit(keyword);
  }
  if (word === 'true' || word === 'false') return l.emit('bool');
  return l.emit('identifier');
}

function lexField(l: ReferenceLexer): StateFn | null {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: ReferenceLexer): StateFn | null {
  if (l.atTerminator()) return l.emit('variable'); // Just "$".
  return lexFieldOrVariable(l, 'variable');
}

/** `.Alphanumeric` or `$Alphanumeric`; the `.` or `$` has been scanned. */
function lexFieldOrVariable(l: ReferenceLexer, type: 'field' | 'variable'): StateFn | null {
  if (l.atTerminator()) return l.emit(type === 'variable' ? 'variable' : 'dot');
  let r: number;
  do r = l.next();
  while (isAlphaNumeric(r));
  l.backup();
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
  return l.emit(type);
}

/** A character constant; the opening quote has been scanned. Syntax is checked by the parser. */
function lexChar(l: ReferenceLexer): StateFn | null {
  return scanQuoted(l, 0x27, 'unterminated character constant') ? l.emit('charConstant') : null;
}

function lexQuote(l: ReferenceLexer): StateFn | null {
  return scanQuoted(l, 0x22, 'unterminated quoted string') ? l.emit('string') : null;
}

/** Shared loop of lexChar/lexQuote: backslash escapes, no newline. False after an error. */
function scanQuoted(l: ReferenceLexer, quote: number, message: string): boolean {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) {
      l.errorf(message);
      return false;
    }
    if (r === quote) return true;
  }
}

function lexRawQuote(l: ReferenceLexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 0x60) return l.emit('rawString');
  }
}

/**
 * A number: decimal, octal, hex, binary, float or imaginary. Like Go this accepts some invalid
 * spellings ("089", "0x0.2"); the parser (strconv) rejects them.
 */
function lexNumber(l: ReferenceLexer): StateFn | null {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${quoteForError(l)}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${quoteForError(l)}`);
    }
    return l.emit('complex');
  }
  return l.emit('number');
}

function quoteForError(l: ReferenceLexer): string {
  return goQuote(l.input.slice(l.start, l.pos));
}

function scanNumber(l: ReferenceLexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    // Note: a leading 0 does not mean octal in floats.
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 10 + 1 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 16 + 6 + 1 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i'); // Imaginary?
  // The next thing mustn't be alphanumeric.
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}
