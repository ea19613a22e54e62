/**
 * The line numbers BurntSushi/toml v1.6.0 (lex.go) gives lexing errors, on top of the lexer in
 * lexer.ts / lexer-cursor.ts, which reports them as v1.2.1 did. Two rules changed:
 *
 * - `errorf` at EOF moves to the previous line only when the input ends with a newline (v1.2.1
 *   always did, so `one` failed on line 0 instead of line 1);
 * - lexKeyEnd and lexValue report a newline where a `=` or a value belongs on the line the key
 *   is on (errorPrevLine), not on the next one.
 *
 * The cursor's `fail` applies the v1.2.1 rules; this subclass adjusts the line before it does.
 * (Kept apart from the lexer files; folding it into LexCursor.fail is the natural next step.)
 */
import { Lexer } from './lexer.js';

/** Lexing errors lexKeyEnd and lexValue raise for an unexpected rune. */
const PREV_LINE_ON_NEWLINE = [/^expected '\.' or '=', but got /, /^expected value but found /];

export class LexerV16 extends Lexer {
  protected override fail(msg: string, opts: { prevLine?: boolean } = {}): never {
    if (this.i >= this.s.length) {
      // The cursor moves up a line at EOF; v1.6 only does after a final newline.
      if (!this.s.endsWith('\n')) this.line++;
      return super.fail(msg, opts);
    }
    // Not peek(): the character after the error is not read, so it cannot fail instead.
    const newline = this.s[this.i] === '\n';
    const prevLine =
      opts.prevLine === true || (newline && PREV_LINE_ON_NEWLINE.some((re) => re.test(msg)));
    return super.fail(msg, { prevLine });
  }
}
