/**
 * Parser for Go templates: a port of golang/go:src/text/template/parse/parse.go (Go 1.22+,
 * with `break`/`continue`, `else with`, `=` assignments and the paren-depth limit `maxStackDepth`).
 *
 * `parse` returns the tree set exactly like Go's `parse.Parse`: the top-level template under its
 * name and one tree per `define`/`block`. Errors are thrown as TemplateParseError with Go's
 * message and line (`template: NAME:LINE: DETAIL`).
 */
import type {
  IfNode,
  ListItem,
  ListNode,
  PipeNode,
  RangeNode,
  TemplateNode,
  Tree,
  WithNode,
} from './ast.js';
import { TemplateParseError } from './errors.js';
import { Lexer } from './lexer.js';
import type { Item } from './lexer.js';
import { unquote } from './parse-strconv.js';
import { pipeline } from './parser-commands.js';
import { commitFast, fastAction, type FastPipeline } from './parser-fast.js';
import type { ElseNode, EndNode, ParseShared } from './parser-state.js';
import { addTree, markerString, TreeParser } from './parser-state.js';

export { isEmptyTree, nodeToString } from './node-string.js';
export { MAX_STACK_DEPTH } from './parser-commands.js';
export { MAX_CONTROL_DEPTH } from './parser-state.js';

/** Go's parse.Mode flags. */
export interface ParseMode {
  /** Keep `{{/* comments *\/}}` as CommentNodes (Go's ParseComments). */
  readonly parseComments?: boolean;
  /** Do not check that functions are defined (Go's SkipFuncCheck). */
  readonly skipFuncCheck?: boolean;
}

export interface ParseOptions {
  /**
   * The functions templates may call: the caller's FuncMap plus text/template's builtins
   * (`and`, `call`, `html`, `index`, `slice`, `js`, `len`, `not`, `or`, `print`, `printf`,
   * `println`, `urlquery`, `eq`, `ge`, `gt`, `le`, `lt`, `ne`). A function named `break` or
   * `continue` turns that keyword into an identifier, as in Go.
   */
  readonly funcs: ReadonlySet<string> | ((name: string) => boolean);
  readonly mode?: ParseMode;
  /** Action delimiters; `{{` and `}}` when empty or absent. */
  readonly leftDelim?: string;
  readonly rightDelim?: string;
  /**
   * Read simple actions with the fast path (parser-fast.ts); default true. The trees are the
   * same either way (tests parse both ways).
   */
  readonly fastPath?: boolean;
}

/** Parse `text` as the template `name`; returns every tree it defines, keyed by name. */
export function parse(name: string, text: string, options: ParseOptions): Map<string, Tree> {
  const funcs = options.funcs;
  const hasFunction = typeof funcs === 'function' ? funcs : (n: string) => funcs.has(n);
  const lex = new Lexer(text, {
    leftDelim: options.leftDelim,
    rightDelim: options.rightDelim,
    emitComment: options.mode?.parseComments ?? false,
    breakOK: !hasFunction('break'),
    continueOK: !hasFunction('continue'),
  });
  const shared: ParseShared = {
    lex,
    treeSet: new Map(),
    hasFunction,
    skipFuncCheck: options.mode?.skipFuncCheck ?? false,
    parseName: name,
    text,
    controlDepth: 0,
    fastPath: options.fastPath ?? true,
    items: [],
    cmds: [],
    args: [],
    names: [],
  };
  const t = new TreeParser(shared, name);
  try {
    parseTop(t);
    addTree(t);
  } catch (e) {
    // A safety net behind the depth limits: never leak a stack overflow. V8's overflow is a
    // RangeError, and the only one parsing can raise (the lexer and parser build no array or
    // string of a computed length), so its class is enough.
    if (e instanceof RangeError) {
      throw new TemplateParseError({
        templateName: name,
        line: lex.line,
        detail: 'max expression depth exceeded',
      });
    }
    throw e;
  }
  return shared.treeSet;
}

/** The top level: like itemList, plus `{{define}}`s; runs to EOF (parse.go `parse`). */
function parseTop(t: TreeParser): void {
  const pos = t.peek().pos;
  const items = t.shared.items;
  const base = items.length;
  while (t.peek().type !== 'eof') {
    if (t.peek().type === 'leftDelim') {
      const delim = t.next();
      const fast = fastTop(t, delim);
      if (fast !== null) {
        items.push(fast);
        continue;
      }
      if (t.nextNonSpace().type === 'define') {
        parseDefinition(new TreeParser(t.shared, 'definition')); // named once we know it
        continue;
      }
      t.backup2(delim);
    }
    const n = textOrAction(t);
    if (n.type === 'end' || n.type === 'else') t.errorf(`unexpected ${markerString(n)}`);
    items.push(n);
  }
  t.root = { type: 'list', pos, nodes: items.splice(base) };
}

/** `{{define "name"}} itemList {{end}}`; the define keyword is past. */
function parseDefinition(t: TreeParser): void {
  const context = 'define clause';
  const name = t.expectOneOf('string', 'rawString', context);
  const unquoted = unquote(name.val);
  if (unquoted === undefined) t.errorf('invalid syntax');
  t.name = unquoted;
  t.expect('rightDelim', context);
  const { list, next } = itemList(t);
  t.root = list;
  if (next.type !== 'end') t.errorf(`unexpected ${markerString(next)} in ${context}`);
  addTree(t);
}

/** The top level's try at the fast path, right after a left delimiter (not `define`). */
function fastTop(t: TreeParser, delim: Item): ListItem | null {
  t.actionLine = delim.line;
  try {
    return fastAction(t, false, parseControl) as ListItem | null;
  } finally {
    t.actionLine = 0;
  }
}

/**
 * itemList:
 *
 *     textOrAction*
 *
 * Terminates at {{end}} or {{else}}, returned separately.
 */
function itemList(t: TreeParser): { list: ListNode; next: ElseNode | EndNode } {
  const pos = t.peekNonSpace().pos;
  const items = t.shared.items;
  const base = items.length;
  while (t.peekNonSpace().type !== 'eof') {
    const n = textOrAction(t);
    if (n.type === 'end' || n.type === 'else') {
      return { list: { type: 'list', pos, nodes: items.splice(base) }, next: n };
    }
    items.push(n);
  }
  return t.errorf('unexpected EOF');
}

type Parsed = ListItem | ElseNode | EndNode;

/**
 * textOrAction:
 *
 *     text | comment | action
 */
function textOrAction(t: TreeParser): Parsed {
  const token = t.nextNonSpace();
  switch (token.type) {
    case 'text':
      return { type: 'text', pos: token.pos, text: token.val };
    case 'leftDelim':
      t.actionLine = token.line;
      try {
        return fastAction(t, true, parseControl) ?? action(t);
      } finally {
        t.actionLine = 0;
      }
    case 'comment':
      return { type: 'comment', pos: token.pos, text: token.val };
  }
  return t.unexpected(token, 'input');
}

/**
 * Action:
 *
 *     control
 *     command ("|" command)*
 *
 * The left delimiter is past; the first word could be a keyword such as range.
 */
function action(t: TreeParser): Parsed {
  const token = t.nextNonSpace();
  switch (token.type) {
    case 'block':
      return blockControl(t);
    case 'break':
    case 'continue':
      return loopControl(t, token);
    case 'else':
      return elseControl(t);
    case 'end':
      return { type: 'end', pos: t.expect('rightDelim', 'end').pos };
    case 'if':
    case 'range':
    case 'with':
      return parseControl(t, token.type);
    case 'template':
      return templateControl(t);
  }
  t.backup();
  const first = t.peek();
  // Variables declared here are not popped: they persist until the enclosing "end".
  return {
    type: 'action',
    pos: first.pos,
    line: first.line,
    pipe: pipeline(t, 'command', 'rightDelim'),
  };
}

/** `{{break}}` or `{{continue}}`, only inside a range; the keyword is past. */
function loopControl(t: TreeParser, keyword: Item): ListItem {
  const name = keyword.type === 'break' ? 'break' : 'continue';
  const token = t.nextNonSpace();
  if (token.type !== 'rightDelim') t.unexpected(token, `{{${name}}}`);
  if (t.rangeDepth === 0) t.errorf(`{{${name}}} outside {{range}}`);
  return { type: name, pos: keyword.pos, line: keyword.line };
}

/**
 * The body of if/range/with:
 *
 *     {{KEYWORD pipeline}} itemList {{end}}
 *     {{KEYWORD pipeline}} itemList {{else}} itemList {{end}}
 *
 * `{{else if ...}}` (and `{{else with ...}}` in a with) is parsed as `{{else}}{{if ...}}` whose
 * `{{end}}` also closes the outer action, exactly as Go rewrites it.
 */
function parseControl(
  t: TreeParser,
  context: 'if' | 'range' | 'with',
  fast?: FastPipeline,
): IfNode | RangeNode | WithNode {
  const varsLength = t.vars.length;
  t.enterControl();
  try {
    let pipe: PipeNode;
    if (fast === undefined) {
      pipe = pipeline(t, context, 'rightDelim');
    } else {
      commitFast(t, fast);
      pipe = fast.pipe;
    }
    if (context === 'range') t.rangeDepth++;
    const { list, next } = itemList(t);
    if (context === 'range') t.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.type === 'else') {
      if (context !== 'range' && t.peek().type === context) {
        t.next(); // Consume the "if" or "with" token.
        elseList = { type: 'list', pos: next.pos, nodes: [parseControl(t, context)] };
      } else {
        const rest = itemList(t);
        elseList = rest.list;
        if (rest.next.type !== 'end') t.errorf(`expected end; found ${markerString(rest.next)}`);
      }
    }
    return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  } finally {
    t.popVars(varsLength);
    t.exitControl();
  }
}

/** `{{else}}`, or the else of `{{else if`/`{{else with` (the keyword is left pending). */
function elseControl(t: TreeParser): ElseNode {
  const peek = t.peekNonSpace();
  if (peek.type === 'if' || peek.type === 'with')
    return { type: 'else', pos: peek.pos, line: peek.line };
  const token = t.expect('rightDelim', 'else');
  return { type: 'else', pos: token.pos, line: token.line };
}

/**
 * Block:
 *
 *     {{block stringValue pipeline}} itemList {{end}}
 *
 * Defines the template and invokes it; the pipeline is mandatory.
 */
function blockControl(t: TreeParser): TemplateNode {
  const context = 'block clause';
  const token = t.nextNonSpace();
  const name = parseTemplateName(t, token, context);
  const pipe = pipeline(t, context, 'rightDelim');
  const block = new TreeParser(t.shared, name);
  t.enterControl();
  try {
    const { list, next } = itemList(block);
    block.root = list;
    if (next.type !== 'end') t.errorf(`unexpected ${markerString(next)} in ${context}`);
  } finally {
    t.exitControl();
  }
  addTree(block);
  return { type: 'template', pos: token.pos, line: token.line, name, pipe };
}

/**
 * Template:
 *
 *     {{template stringValue pipeline?}}
 */
function templateControl(t: TreeParser): TemplateNode {
  const context = 'template clause';
  const token = t.nextNonSpace();
  const name = parseTemplateName(t, token, context);
  let pipe = null;
  if (t.nextNonSpace().type !== 'rightDelim') {
    t.backup();
    // Variables declared here are not popped: they persist until the enclosing "end".
    pipe = pipeline(t, context, 'rightDelim');
  }
  return { type: 'template', pos: token.pos, line: token.line, name, pipe };
}

function parseTemplateName(t: TreeParser, token: Item, context: string): string {
  if (token.type !== 'string' && token.type !== 'rawString') return t.unexpected(token, context);
  const name = unquote(token.val);
  if (name === undefined) t.errorf('invalid syntax');
  return name;
}
