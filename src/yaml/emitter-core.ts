/**
 * The output state of libyaml's emitter as go-yaml ports it (`emitterc.go`): column tracking,
 * `whitespace`/`indention` flags, the indent stack, and the primitive writers `put`,
 * `put_break`, `write_indent` and `write_indicator`. The scalar writers (scalar-writers.ts)
 * and the block structure (emitter.ts) build on it.
 */

export interface EmitterOptions {
  /** best_indent (go-yaml default 2). */
  indent: number;
  /** best_width (go-yaml default 80). */
  width: number;
}

export class EmitterCore {
  private readonly out: string[] = [];
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  private readonly indents: number[] = [];
  flowLevel = 0;
  readonly bestIndent: number;
  readonly bestWidth: number;

  constructor(opts: EmitterOptions) {
    this.bestIndent = opts.indent;
    this.bestWidth = opts.width;
  }

  text(): string {
    return this.out.join('');
  }

  /** put: one ASCII character. */
  put(ch: string): void {
    this.out.push(ch);
    this.column++;
  }

  /** write: one character of the value (any code point counts as one column). */
  write(cp: number): void {
    this.out.push(String.fromCodePoint(cp));
    this.column++;
  }

  /** put_break: a line feed; go-yaml also sets `indention` here. */
  putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }

  /** increase_indent(flow, indentless). */
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? this.bestIndent : 0;
    } else if (!indentless) {
      this.indent += this.bestIndent;
    }
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** write_indent: break the line unless already at a fresh indentation, then pad. */
  writeIndent(): void {
    const indent = this.indent >= 0 ? this.indent : 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** write_indicator(indicator, need_whitespace, is_whitespace, is_indention). */
  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
}
