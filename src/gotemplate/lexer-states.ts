/**
 * State functions of the template lexer (golang/go:src/text/template/parse/lex.go). Each scans
 * from the lexer's position and returns the next state, or null once it emitted an item.
 */
import {
  EOF,
  formatRune,
  hasLeftTrimMarker,
  hasRightTrimMarker,
  isAlphaNumeric,
  isSpace,
  leftTrimLength,
  rightTrimLength,
  countNewlines,
  TRIM_MARKER_LEN,
} from './lexer-chars.js';
import { KEYWORDS } from './lexer-items.js';
import type { Lexer } from './lexer.js';
import { isPrint, quote as goQuote } from './strconv.js';

export type StateFn = (l: Lexer) => StateFn | null;

const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

/** Scan until an opening action delimiter. */
export function lexText(l: Lexer): StateFn | null {
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
function lexLeftDelim(l: Lexer): StateFn | null {
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
function lexComment(l: Lexer): StateFn | null {
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
function lexRightDelim(l: Lexer): StateFn | null {
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
export function lexInsideAction(l: Lexer): StateFn | null {
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
function lexSpace(l: Lexer): StateFn | null {
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
function lexIdentifier(l: Lexer): StateFn | null {
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

function lexField(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: Lexer): StateFn | null {
  if (l.atTerminator()) return l.emit('variable'); // Just "$".
  return lexFieldOrVariable(l, 'variable');
}

/** `.Alphanumeric` or `$Alphanumeric`; the `.` or `$` has been scanned. */
function lexFieldOrVariable(l: Lexer, type: 'field' | 'variable'): StateFn | null {
  if (l.atTerminator()) return l.emit(type === 'variable' ? 'variable' : 'dot');
  let r: number;
  do r = l.next();
  while (isAlphaNumeric(r));
  l.backup();
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
  return l.emit(type);
}

/** A character constant; the opening quote has been scanned. Syntax is checked by the parser. */
function lexChar(l: Lexer): StateFn | null {
  return scanQuoted(l, 0x27, 'unterminated character constant') ? l.emit('charConstant') : null;
}

function lexQuote(l: Lexer): StateFn | null {
  return scanQuoted(l, 0x22, 'unterminated quoted string') ? l.emit('string') : null;
}

/** Shared loop of lexChar/lexQuote: backslash escapes, no newline. False after an error. */
function scanQuoted(l: Lexer, quote: number, message: string): boolean {
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

function lexRawQuote(l: Lexer): StateFn | null {
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
function lexNumber(l: Lexer): StateFn | null {
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

function quoteForError(l: Lexer): string {
  return goQuote(l.input.slice(l.start, l.pos));
}

function scanNumber(l: Lexer): boolean {
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
