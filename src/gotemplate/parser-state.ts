/**
 * Parser state for one template tree: the three-token lookahead, variable scope and error
 * reporting of golang/go:src/text/template/parse/parse.go (`Tree.next`, `backup*`, `peek`,
 * `errorf`, `unexpected`, `expect`).
 *
 * As in Go, every `define`/`block` body is parsed by its own TreeParser sharing the lexer: it has
 * its own token buffer, starts with only `$` in scope and outside any `range`.
 */
import type { ArgNode, CommandNode, ListItem, ListNode, Pos, Tree } from './ast.js';
import { lineCol, TemplateParseError } from './errors.js';
import type { Item, ItemType, Lexer } from './lexer.js';
import { itemString } from './lexer.js';
import { isEmptyTree } from './node-string.js';
import { quote as goQuote } from './strconv.js';

/** Parse state shared by the top-level tree and the trees of its `define`s and `block`s. */
export interface ParseShared {
  readonly lex: Lexer;
  readonly treeSet: Map<string, Tree>;
  readonly hasFunction: (name: string) => boolean;
  readonly skipFuncCheck: boolean;
  /** Name of the top-level template (Go's ParseName), used in every error message. */
  readonly parseName: string;
  readonly text: string;
  /** Current nesting of control structures (if/range/with/block), across trees. */
  controlDepth: number;
  /** Whether simple actions may be read by the fast path (parser-fast.ts). */
  readonly fastPath: boolean;
  /**
   * Scratch stacks the lists, pipelines and commands being parsed collect their elements on
   * (strictly nested, so one stack each serves every level): each finished node takes its own
   * slice of exactly its length, and no array grows in the tree (issue 10: less to allocate and
   * for the garbage collector to copy).
   */
  readonly items: ListItem[];
  readonly cmds: CommandNode[];
  readonly args: ArgNode[];
  /** The scratch stack of the names of a field chain (parser-fast.ts `fields`). */
  readonly names: string[];
}

/** `{{else}}` and `{{end}}`: they end item lists and never appear in a finished tree. */
export interface ElseNode {
  readonly type: 'else';
  readonly pos: Pos;
  readonly line: number;
}

export interface EndNode {
  readonly type: 'end';
  readonly pos: Pos;
}

/** Go's String() of the else/end markers, for `unexpected {{end}}` messages. */
export function markerString(n: ElseNode | EndNode): string {
  return n.type === 'else' ? '{{else}}' : '{{end}}';
}

/**
 * Maximum nesting of control structures (if/range/with/block, `else if` chains included). Go has
 * no such limit (its stacks grow); ours keeps deep inputs from overflowing the JavaScript stack.
 */
export const MAX_CONTROL_DEPTH = 1000;

const NO_ITEM: Item = { type: 'eof', pos: 0, val: '', line: 1 };

export class TreeParser {
  name: string;
  root: ListNode | null = null;
  /** Variables in scope, `$` first. */
  vars: string[] = ['$'];
  /** Line of the left delimiter of the action being parsed (0 outside actions). */
  actionLine = 0;
  rangeDepth = 0;
  /** Depth of nested parenthesized pipelines (Go's stackDepth). */
  stackDepth = 0;
  private readonly token: Item[] = [NO_ITEM, NO_ITEM, NO_ITEM];
  private peekCount = 0;

  constructor(
    readonly shared: ParseShared,
    name: string,
  ) {
    this.name = name;
  }

  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.shared.lex.nextItem();
    return this.token[this.peekCount] as Item;
  }

  backup(): void {
    this.peekCount++;
  }

  /** Tokens read ahead and not yet consumed: 0 when the lexer is exactly where parsing is. */
  get buffered(): number {
    return this.peekCount;
  }

  /** Record `item` as the most recently lexed token (after the fast path read an action). */
  setLastToken(item: Item): void {
    this.token[0] = item;
  }

  /** Back up two tokens; the zeroth token is already there. */
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  /** Back up three tokens; the zeroth token is already there. Reverse order: pushing back. */
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = this.shared.lex.nextItem();
    return this.token[0];
  }

  nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.type === 'space');
    return token;
  }

  peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  /**
   * Stop with `template: NAME:LINE: detail`. Like Go, the line is that of the most recently
   * lexed token (token[0]), which may lie past the construct at fault.
   */
  errorf(detail: string): never {
    const last = this.token[0] as Item;
    const { line: posLine, col } = lineCol(this.shared.text, last.pos);
    throw new TemplateParseError({
      templateName: this.shared.parseName,
      line: last.line,
      col: posLine === last.line ? col + 1 : undefined,
      detail,
    });
  }

  /** Complain about a token; error items carry their own message. */
  unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.shared.parseName}:${this.actionLine}`;
        // Avoid "action in action".
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }

  expectOneOf(expected1: ItemType, expected2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected1 && token.type !== expected2) this.unexpected(token, context);
    return token;
  }

  /** Enter an if/range/with/block body, failing past MAX_CONTROL_DEPTH. */
  enterControl(): void {
    if (this.shared.controlDepth >= MAX_CONTROL_DEPTH) {
      this.errorf('max control structure depth exceeded');
    }
    this.shared.controlDepth++;
  }

  exitControl(): void {
    this.shared.controlDepth--;
  }

  /** Trim the variable scope back to `n` entries (at a control structure's end). */
  popVars(n: number): void {
    this.vars.length = n;
  }
}

/** Install a finished tree; an empty body never replaces an existing definition (Tree.add). */
export function addTree(t: TreeParser): void {
  const { treeSet, parseName, text } = t.shared;
  const root = t.root as ListNode;
  const existing = treeSet.get(t.name);
  if (existing === undefined || isEmptyTree(existing.root)) {
    treeSet.set(t.name, { name: t.name, parseName, root, text });
    return;
  }
  if (!isEmptyTree(root)) t.errorf(`template: multiple definition of template ${goQuote(t.name)}`);
}
