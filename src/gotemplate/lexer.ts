/**
 * Lexer for Go templates: a port of golang/go:src/text/template/parse/lex.go (Go 1.22+: pull
 * based `nextItem`, trim markers, comments, `=` assignment, `break`/`continue` keywords, Go 1.13
 * number literals).
 *
 * Positions are UTF-16 offsets into the source (Go counts UTF-8 bytes); `line` follows Go's
 * bookkeeping exactly (the line where the item starts), since parse errors report it.
 */
import { countNewlines, EOF, hasRightTrimMarker, isSpace, TRIM_MARKER_LEN } from './lexer-chars.js';
import type { Item, ItemType } from './lexer-items.js';
import { lexInsideAction, lexText, type StateFn } from './lexer-states.js';

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
