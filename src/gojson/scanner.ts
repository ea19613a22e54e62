/**
 * encoding/json's validating state machine (golang/go:src/encoding/json/scanner.go), used by
 * Unmarshal's checkValid before decoding: same states, same messages, same byte offsets.
 */
import { JsonSyntaxError } from './errors.js';
import { quoteRune } from '../gotemplate/strconv.js';

type Step = (s: Scanner, c: number) => boolean;

const PARSE_OBJECT_KEY = 0;
const PARSE_OBJECT_VALUE = 1;
const PARSE_ARRAY_VALUE = 2;
const MAX_NESTING_DEPTH = 10000;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean =>
  isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** quoteChar: how the scanner names a byte in messages (a byte ≥ 0x80 prints as U+00XX). */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  return quoteRune(c);
}

class Scanner {
  step: Step = stateBeginValue;
  endTop = false;
  readonly parseState: number[] = [];
  err: JsonSyntaxError | undefined;
  bytes = 0;

  error(c: number, context: string): false {
    this.step = stateError;
    this.err = new JsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`, this.bytes);
    return false;
  }

  push(c: number, state: number): boolean {
    this.parseState.push(state);
    if (this.parseState.length <= MAX_NESTING_DEPTH) return true;
    return this.error(c, 'exceeded max depth');
  }

  pop(): void {
    this.parseState.pop();
    if (this.parseState.length === 0) {
      this.step = stateEndTop;
      this.endTop = true;
    } else {
      this.step = stateEndValue;
    }
  }
}

const stateError: Step = () => false;

function stateBeginValueOrEmpty(s: Scanner, c: number): boolean {
  if (isSpace(c)) return true;
  if (c === 0x5d) return stateEndValue(s, c);
  return stateBeginValue(s, c);
}

function stateBeginValue(s: Scanner, c: number): boolean {
  if (isSpace(c)) return true;
  switch (c) {
    case 0x7b:
      s.step = stateBeginStringOrEmpty;
      return s.push(c, PARSE_OBJECT_KEY);
    case 0x5b:
      s.step = stateBeginValueOrEmpty;
      return s.push(c, PARSE_ARRAY_VALUE);
    case 0x22:
      s.step = stateInString;
      return true;
    case 0x2d:
      s.step = stateNeg;
      return true;
    case 0x30:
      s.step = state0;
      return true;
    case 0x74:
      s.step = literal('true', 1);
      return true;
    case 0x66:
      s.step = literal('false', 1);
      return true;
    case 0x6e:
      s.step = literal('null', 1);
      return true;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return true;
  }
  return s.error(c, 'looking for beginning of value');
}

function stateBeginStringOrEmpty(s: Scanner, c: number): boolean {
  if (isSpace(c)) return true;
  if (c === 0x7d) {
    s.parseState[s.parseState.length - 1] = PARSE_OBJECT_VALUE;
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
}

function stateBeginString(s: Scanner, c: number): boolean {
  if (isSpace(c)) return true;
  if (c === 0x22) {
    s.step = stateInString;
    return true;
  }
  return s.error(c, 'looking for beginning of object key string');
}

function stateEndValue(s: Scanner, c: number): boolean {
  const n = s.parseState.length;
  if (n === 0) {
    s.step = stateEndTop;
    s.endTop = true;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s.step = stateEndValue;
    return true;
  }
  switch (s.parseState[n - 1]) {
    case PARSE_OBJECT_KEY:
      if (c === 0x3a) {
        s.parseState[n - 1] = PARSE_OBJECT_VALUE;
        s.step = stateBeginValue;
        return true;
      }
      return s.error(c, 'after object key');
    case PARSE_OBJECT_VALUE:
      if (c === 0x2c) {
        s.parseState[n - 1] = PARSE_OBJECT_KEY;
        s.step = stateBeginString;
        return true;
      }
      if (c === 0x7d) {
        s.pop();
        return true;
      }
      return s.error(c, 'after object key:value pair');
    default:
      if (c === 0x2c) {
        s.step = stateBeginValue;
        return true;
      }
      if (c === 0x5d) {
        s.pop();
        return true;
      }
      return s.error(c, 'after array element');
  }
}

/** After the top-level value only spaces may follow; the error is reported one byte later. */
function stateEndTop(s: Scanner, c: number): boolean {
  if (!isSpace(c)) s.error(c, 'after top-level value');
  return true;
}

function stateInString(s: Scanner, c: number): boolean {
  if (c === 0x22) {
    s.step = stateEndValue;
    return true;
  }
  if (c === 0x5c) {
    s.step = stateInStringEsc;
    return true;
  }
  if (c < 0x20) return s.error(c, 'in string literal');
  return true;
}

function stateInStringEsc(s: Scanner, c: number): boolean {
  if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
    s.step = stateInString;
    return true;
  }
  if (c === 0x75) {
    s.step = hexEscape(4);
    return true;
  }
  return s.error(c, 'in string escape code');
}

function hexEscape(left: number): Step {
  return (s, c) => {
    if (!isHex(c)) return s.error(c, 'in \\u hexadecimal character escape');
    s.step = left === 1 ? stateInString : hexEscape(left - 1);
    return true;
  };
}

function stateNeg(s: Scanner, c: number): boolean {
  if (c === 0x30) {
    s.step = state0;
    return true;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return true;
  }
  return s.error(c, 'in numeric literal');
}

function state1(s: Scanner, c: number): boolean {
  if (isDigit(c)) return true;
  return state0(s, c);
}

function state0(s: Scanner, c: number): boolean {
  if (c === 0x2e) {
    s.step = stateDot;
    return true;
  }
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return true;
  }
  return stateEndValue(s, c);
}

function stateDot(s: Scanner, c: number): boolean {
  if (isDigit(c)) {
    s.step = stateDot0;
    return true;
  }
  return s.error(c, 'after decimal point in numeric literal');
}

function stateDot0(s: Scanner, c: number): boolean {
  if (isDigit(c)) return true;
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return true;
  }
  return stateEndValue(s, c);
}

function stateE(s: Scanner, c: number): boolean {
  if (c === 0x2b || c === 0x2d) {
    s.step = stateESign;
    return true;
  }
  return stateESign(s, c);
}

function stateESign(s: Scanner, c: number): boolean {
  if (isDigit(c)) {
    s.step = stateE0;
    return true;
  }
  return s.error(c, 'in exponent of numeric literal');
}

function stateE0(s: Scanner, c: number): boolean {
  if (isDigit(c)) return true;
  return stateEndValue(s, c);
}

/** The states after `t`, `tr`, `tru` … of true/false/null. */
function literal(word: string, at: number): Step {
  return (s, c) => {
    const want = word.charCodeAt(at);
    if (c !== want) return s.error(c, `in literal ${word} (expecting '${word[at]}')`);
    s.step = at + 1 === word.length ? stateEndValue : literal(word, at + 1);
    return true;
  };
}

/** checkValid: throws Go's SyntaxError for invalid JSON (scanner.eof included). */
export function checkValid(data: Uint8Array): void {
  const s = new Scanner();
  for (const c of data) {
    s.bytes++;
    s.step(s, c);
    // stateEndTop records its error but fails only on the next byte or at EOF: same result.
    if (s.err) throw s.err;
  }
  if (s.endTop) return;
  s.step(s, 0x20);
  if (s.endTop) return;
  throw s.err ?? new JsonSyntaxError('unexpected end of JSON input', s.bytes);
}
