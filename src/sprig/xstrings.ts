/**
 * Ports of huandu/xstrings v1.3.3 (convert.go) as sprig 3.2.3 uses them: ToCamelCase (upper camel
 * case, the rest of each word kept as is), ToSnakeCase/ToKebabCase (word splitting by
 * `nextWord`). Operates on runes. (xstrings.Shuffle is sprig's `shuffle`, in random.ts.)
 */
import {
  fromRunes,
  isLetter,
  isNumber,
  isPunct,
  isSpace,
  isUpper,
  runes,
  toLowerRune,
  toUpperRune,
} from './unicode.js';

const isConnector = (r: number): boolean => r === 0x2d || r === 0x5f || isSpace(r);

/** xstrings.ToCamelCase: "http_server" → "HttpServer", "_complex__case_" → "_Complex_Case_". */
export function toCamelCase(str: string): string {
  const rs = runes(str);
  if (rs.length === 0) return '';
  const out: number[] = [];
  let i = 0;
  let r0 = 0;
  for (; i < rs.length;) {
    r0 = rs[i++] as number;
    if (!isConnector(r0)) {
      r0 = toUpperRune(r0);
      break;
    }
    out.push(r0);
  }
  if (i >= rs.length) {
    // Go writes the last decoded rune again here, even when it was a connector ("__" → "___").
    out.push(r0);
    return fromRunes(out);
  }
  while (i < rs.length) {
    const r1 = r0;
    r0 = rs[i++] as number;
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) r0 = toUpperRune(r0);
    else out.push(r1);
  }
  out.push(r0);
  return fromRunes(out);
}

enum Word {
  Invalid,
  Number,
  UpperCase,
  Alphabet,
  Connector,
  Punct,
  Other,
}

interface Token {
  wt: Word;
  word: number[];
  rest: number[];
}

/** xstrings count.go isAlphabet: a letter that is not a CJK ideograph. */
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  return !(r >= 0x20000 && r <= 0x2b81d);
}

/** Consume runes while `pred` holds, starting at `from`. */
function span(rs: number[], from: number, pred: (r: number) => boolean): number {
  let i = from;
  while (i < rs.length && pred(rs[i] as number)) i++;
  return i;
}

/** xstrings nextWord: the next word of a kind and the remaining runes. */
function nextWord(rs: number[]): Token {
  if (rs.length === 0) return { wt: Word.Invalid, word: [], rest: [] };
  const r = rs[0] as number;
  let end: number;
  let wt: Word;
  if (isConnector(r)) {
    wt = Word.Connector;
    end = span(rs, 1, isConnector);
  } else if (isPunct(r)) {
    wt = Word.Punct;
    end = span(rs, 1, isPunct);
  } else if (isUpper(r)) {
    wt = Word.UpperCase;
    end = upperWordEnd(rs);
  } else if (isAlphabet(r)) {
    wt = Word.Alphabet;
    end = span(rs, 1, (c) => isAlphabet(c) && !isUpper(c));
  } else if (isNumber(r)) {
    wt = Word.Number;
    end = span(rs, 1, isNumber);
  } else {
    wt = Word.Other;
    end = span(rs, 1, (c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return { wt, word: rs.slice(0, end), rest: rs.slice(end) };
}

/** An upper-case word: "HTTPServer" splits as "HTTP" + "Server", "Foo" stays whole. */
function upperWordEnd(rs: number[]): number {
  if (rs.length === 1) return 1;
  const r = rs[1] as number;
  if (isUpper(r)) {
    const end = span(rs, 1, isUpper);
    return end < rs.length && isAlphabet(rs[end] as number) ? end - 1 : end;
  }
  if (isAlphabet(r)) return span(rs, 1, (c) => isAlphabet(c) && !isUpper(c));
  return 1;
}

function writeLower(out: number[], wt: Word, word: number[], connector: number): void {
  if (wt !== Word.UpperCase && wt !== Word.Connector) {
    out.push(...word);
    return;
  }
  for (const r of word) {
    if (isConnector(r)) out.push(connector);
    else if (isUpper(r)) out.push(toLowerRune(r));
    else out.push(r);
  }
}

/** xstrings camelCaseToLowerCase: the shared body of ToSnakeCase and ToKebabCase. */
export function camelCaseToLowerCase(str: string, connectorChar: string): string {
  const connector = connectorChar.codePointAt(0) as number;
  let tok = nextWord(runes(str));
  if (tok.word.length === 0) return '';
  const out: number[] = [];
  const separated = (wt: Word) => wt !== Word.Invalid && wt !== Word.Punct && wt !== Word.Connector;
  while (tok.rest.length > 0) {
    if (tok.wt !== Word.Connector) writeLower(out, tok.wt, tok.word, connector);
    const prev = tok.wt;
    const last = tok.word;
    tok = nextWord(tok.rest);
    if (prev === Word.Number) {
      while (tok.wt === Word.Alphabet || tok.wt === Word.Number) {
        writeLower(out, tok.wt, tok.word, connector);
        tok = nextWord(tok.rest);
      }
      if (separated(tok.wt)) out.push(connector);
    } else if (prev === Word.Connector) {
      writeLower(out, prev, last, connector);
    } else if (prev !== Word.Punct) {
      tok = afterWord(out, tok, connector);
    }
  }
  writeLower(out, tok.wt, tok.word, connector);
  return fromRunes(out);
}

/** The `default:` branch of camelCaseToLowerCase: a word followed by something. */
function afterWord(out: number[], tok0: Token, connector: number): Token {
  let tok = tok0;
  const separated = (wt: Word) => wt !== Word.Invalid && wt !== Word.Punct && wt !== Word.Connector;
  if (tok.wt !== Word.Number) {
    if (tok.wt !== Word.Connector && tok.wt !== Word.Punct) out.push(connector);
    return tok;
  }
  if (tok.rest.length === 0) return tok;
  const last = tok.word;
  tok = nextWord(tok.rest);
  if (tok.wt !== Word.Alphabet) {
    writeLower(out, Word.Number, last, connector);
    if (tok.wt !== Word.Connector && tok.wt !== Word.Punct) out.push(connector);
    return tok;
  }
  out.push(connector);
  writeLower(out, Word.Number, last, connector);
  while (tok.wt === Word.Alphabet || tok.wt === Word.Number) {
    writeLower(out, tok.wt, tok.word, connector);
    tok = nextWord(tok.rest);
  }
  if (separated(tok.wt)) out.push(connector);
  return tok;
}
