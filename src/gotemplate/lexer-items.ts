/**
 * Lexical items of Go templates (golang/go:src/text/template/parse/lex.go `item`, `itemType`).
 */
import { utf8Len } from './go-utf8.js';
import { quote as goQuote } from './strconv.js';

export type ItemType =
  | 'error' // error occurred; value is the text of the error
  | 'bool' // boolean constant
  | 'char' // printable ASCII character; grab bag for comma etc.
  | 'charConstant' // character constant
  | 'comment' // comment text (only in ParseComments mode)
  | 'complex' // complex constant (1+2i); imaginary is just a number
  | 'assign' // equals ('=') introducing an assignment
  | 'declare' // colon-equals (':=') introducing a declaration
  | 'eof'
  | 'field' // alphanumeric identifier starting with '.'
  | 'identifier' // alphanumeric identifier not starting with '.'
  | 'leftDelim' // left action delimiter
  | 'leftParen' // '(' inside action
  | 'number' // simple number, including imaginary
  | 'pipe' // pipe symbol
  | 'rawString' // raw quoted string (includes quotes)
  | 'rightDelim' // right action delimiter
  | 'rightParen' // ')' inside action
  | 'space' // run of spaces separating arguments
  | 'string' // quoted string (includes quotes)
  | 'text' // plain text
  | 'variable' // variable starting with '$', such as '$' or '$1' or '$hello'
  | KeywordType;

/** Keywords (Go orders them after itemKeyword; `item.String()` prints them as `<word>`). */
export type KeywordType =
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export const KEYWORDS: ReadonlyMap<string, KeywordType> = new Map<string, KeywordType>([
  ['.', 'dot'],
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['range', 'range'],
  ['nil', 'nil'],
  ['template', 'template'],
  ['with', 'with'],
]);

const KEYWORD_TYPES: ReadonlySet<ItemType> = new Set(KEYWORDS.values());

export function isKeyword(type: ItemType): boolean {
  return KEYWORD_TYPES.has(type);
}

/** A token or text string returned from the scanner. */
export interface Item {
  readonly type: ItemType;
  /** UTF-16 offset of the item's start in the input. */
  readonly pos: number;
  readonly val: string;
  /** The line number at the start of this item. */
  readonly line: number;
}

/** Go's `item.String()`, used in `unexpected X in Y` messages. */
export function itemString(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.val;
  if (isKeyword(item.type)) return `<${item.val}>`;
  if (utf8Len(item.val) > 10) {
    // %.10q: the precision truncates the operand to 10 runes before quoting.
    return `${goQuote(Array.from(item.val).slice(0, 10).join(''))}...`;
  }
  return goQuote(item.val);
}
