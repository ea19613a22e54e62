/**
 * A fast path of the template parser for the actions charts are mostly made of (issue 10):
 * `{{ .Values.a.b }}`, `{{- include "x" . | nindent 4 }}`, `{{ $v := default "a" .b }}`,
 * `{{- if (eq .a "b") }}`, `{{ range $k, $v := .m }}`, `{{ else }}`, `{{- end -}}`.
 *
 * Such an action is read straight from the source with charCodeAt instead of token by token
 * through the lexer and the three-token lookahead: on one line, words of ASCII letters, digits
 * and underscores, spaces (no tabs), fields and variables with their chains, identifiers of
 * defined functions, booleans, decimal integers, quoted and raw strings, `.`, parenthesized
 * pipelines, `|`, one declaration or assignment (two in a range), and the keywords `if`, `with`,
 * `range`, `else` and `end`. Anything else, and anything that would be an error, gives up
 * before any state changes (`null`): the general parser then reads the action as before. The
 * nodes built are exactly the general parser's (same fields, positions and lines; the
 * differential test in __tests__/gotemplate/parser-fast.test.ts parses every conformance
 * template and seeded mutations both ways).
 */
import type {
  ArgNode,
  CommandNode,
  IfNode,
  ListItem,
  PipeNode,
  RangeNode,
  VariableNode,
  WithNode,
} from './ast.js';
import type { Item, Lexer } from './lexer.js';
import { KEYWORDS, type KeywordType } from './lexer-items.js';
import { unquote } from './parse-strconv.js';
import { newNumber } from './parse-number.js';
import { NO_DECL } from './parser-commands.js';
import type { ElseNode, EndNode, TreeParser } from './parser-state.js';
import { MAX_CONTROL_DEPTH } from './parser-state.js';

/** A pipeline read by the fast path, not yet committed to the parser and lexer. */
export interface FastPipeline {
  readonly pipe: PipeNode;
  /** Variables the pipeline declares, to put in scope on commit (null: none). */
  readonly decls: readonly string[] | null;
  /** Where the right delimiter (or its trim marker) starts. */
  readonly end: number;
  readonly trimmed: boolean;
}

/** What {@link Scanner.declarations} gives for a pipeline that declares nothing. */
const NO_DECLARATIONS: { readonly decl: VariableNode[]; readonly isAssign: boolean } = {
  decl: NO_DECL,
  isAssign: false,
};

/** Nesting of parenthesized pipelines the fast path reads (deeper ones are left to the parser). */
const MAX_FAST_PARENS = 50;

const SPACE = 0x20;
const MINUS = 0x2d;
const DOT = 0x2e;
const DOLLAR = 0x24;
const PIPE = 0x7c;
const LPAREN = 0x28;
const RPAREN = 0x29;
const DQUOTE = 0x22;
const BACKQUOTE = 0x60;

function isWordChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Reads one action from the source; every method returns null to give up. Commands and
 * pipelines collect their elements on the parser's scratch stacks, as the general parser does
 * (fastAction trims them back when it gives up).
 */
class Scanner implements FastPipeline {
  readonly s: string;
  i: number;
  readonly line: number;
  /** Variables declared so far by the action being read (in scope for the rest of it). */
  decls: string[] | null = null;
  /** The action's pipeline, once read. */
  pipe!: PipeNode;
  /** Where the action's right delimiter (or its trim marker) starts, once read. */
  end = -1;
  trimmed = false;
  /** Position of the second name read by {@link fields} (a chain's position). */
  private chainPos = -1;
  private parens = 0;

  private readonly lex: Lexer;

  constructor(
    private readonly t: TreeParser,
    start: number,
  ) {
    const lex = t.shared.lex;
    this.lex = lex;
    this.s = lex.input;
    this.i = start;
    this.line = lex.line;
  }

  /** Skip spaces, but not the one a trim marker starts with (` -}}`). */
  skipSpaces(): void {
    const s = this.s;
    let i = this.i;
    while (s.charCodeAt(i) === SPACE) {
      if (s.charCodeAt(i + 1) === MINUS && this.lex.rightDelimAt(i + 2)) break;
      i++;
    }
    this.i = i;
  }

  /** End of the ASCII word at `from`; -1 when a non-ASCII character continues it. */
  wordEnd(from: number): number {
    const s = this.s;
    let j = from;
    while (isWordChar(s.charCodeAt(j))) j++;
    return s.charCodeAt(j) >= 0x80 ? -1 : j;
  }

  /** At the action's end (the right delimiter, or a trim marker and it)? Records where. */
  atEnd(): boolean {
    const lex = this.lex;
    this.end = this.i;
    this.trimmed = lex.trimmedRightDelimAt(this.i);
    return this.trimmed || lex.rightDelimAt(this.i);
  }

  /**
   * After an operand: true when the command goes on with another operand, false when it ends
   * here (before `|`, `)` or the delimiter), null when what follows is not for the fast path.
   */
  afterOperand(inParens: boolean): boolean | null {
    const s = this.s;
    const lex = this.lex;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === PIPE) return false;
      if (c === RPAREN) return inParens ? false : null;
      if (c === SPACE) {
        if (lex.trimmedRightDelimAt(this.i)) return inParens ? null : false;
        this.skipSpaces();
        const d = s.charCodeAt(this.i);
        if (d === PIPE || d === RPAREN) continue;
        if (lex.rightDelimAt(this.i) || lex.trimmedRightDelimAt(this.i)) continue;
        return true;
      }
      if (lex.rightDelimAt(this.i)) return inParens ? null : false;
      return null;
    }
  }

  inScope(name: string): boolean {
    return this.t.vars.includes(name) || (this.decls !== null && this.decls.includes(name));
  }

  /**
   * `.Name.Name…` at i (a period then a word start), after `first` when given (a variable's
   * name); null if anything else. The names are collected on the parser's scratch stack so the
   * tree's array has exactly their number (a pushed array keeps room for 17).
   */
  fields(first: string | null): string[] | null {
    const s = this.s;
    const names = this.t.shared.names;
    const base = names.length;
    if (first !== null) names.push(first);
    const start = names.length;
    while (s.charCodeAt(this.i) === DOT) {
      const c = s.charCodeAt(this.i + 1);
      const end = !isWordChar(c) || isDigit(c) ? -1 : this.wordEnd(this.i + 1);
      if (end < 0) {
        names.length = base;
        return null;
      }
      if (names.length - start === 1) this.chainPos = this.i;
      names.push(s.slice(this.i + 1, end));
      this.i = end;
    }
    if (names.length === start) {
      names.length = base;
      return null;
    }
    return names.splice(base);
  }

  operand(): ArgNode | null {
    const s = this.s;
    const pos = this.i;
    const c = s.charCodeAt(pos);
    if (c === DOT) {
      const d = s.charCodeAt(pos + 1);
      if (isWordChar(d)) {
        const names = this.fields(null);
        if (names === null) return null;
        return names.length === 1
          ? { type: 'field', pos, ident: names }
          : { type: 'field', pos: this.chainPos, ident: names };
      }
      this.i = pos + 1;
      return { type: 'dot', pos };
    }
    if (c === DOLLAR) {
      const end = this.wordEnd(pos + 1);
      if (end < 0) return null;
      const name = s.slice(pos, end);
      if (!this.inScope(name)) return null;
      this.i = end;
      if (s.charCodeAt(end) !== DOT) return { type: 'variable', pos, ident: [name] };
      const names = this.fields(name);
      if (names === null) return null;
      return { type: 'variable', pos: end, ident: names };
    }
    if (c === DQUOTE) {
      let j = pos + 1;
      for (;;) {
        const d = s.charCodeAt(j);
        if (d === 0x5c) {
          const e = s.charCodeAt(j + 1);
          if (e === 0x0a || Number.isNaN(e)) return null;
          j += 2;
        } else if (d === DQUOTE) break;
        else if (d === 0x0a || Number.isNaN(d)) return null;
        else j++;
      }
      return this.string(pos, j + 1);
    }
    if (c === BACKQUOTE) {
      const j = s.indexOf('`', pos + 1);
      if (j < 0 || this.lex.newlineAtOrAfter(pos) < j) return null;
      return this.string(pos, j + 1);
    }
    if (c === LPAREN) {
      if (this.parens >= MAX_FAST_PARENS) return null;
      this.parens++;
      this.i = pos + 1;
      const pipe = this.pipeline('parenthesized pipeline', true);
      this.parens--;
      if (pipe === null || s.charCodeAt(this.i) !== RPAREN) return null;
      this.i++;
      return pipe;
    }
    if (isDigit(c)) {
      let j = pos + 1;
      while (isDigit(s.charCodeAt(j))) j++;
      this.i = j;
      const n = newNumber(pos, s.slice(pos, j), 'number');
      return 'error' in n ? null : n;
    }
    if (isWordChar(c)) {
      const end = this.wordEnd(pos);
      if (end < 0) return null;
      const word = s.slice(pos, end);
      if (KEYWORDS.has(word)) return null;
      this.i = end;
      if (word === 'true' || word === 'false') return { type: 'bool', pos, value: word === 'true' };
      const shared = this.t.shared;
      if (!shared.skipFuncCheck && !shared.hasFunction(word)) return null;
      return { type: 'identifier', pos, ident: word };
    }
    return null;
  }

  string(pos: number, end: number): ArgNode | null {
    const quoted = this.s.slice(pos, end);
    const text = unquote(quoted);
    if (text === undefined) return null;
    this.i = end;
    return { type: 'string', pos, quoted, text };
  }

  command(inParens: boolean): CommandNode | null {
    const pos = this.i;
    const args = this.t.shared.args;
    const base = args.length;
    for (;;) {
      const arg = this.operand();
      if (arg === null) return null;
      args.push(arg);
      const more = this.afterOperand(inParens);
      if (more === null) return null;
      if (!more) return { type: 'command', pos, args: args.splice(base) };
    }
  }

  /** One variable name (`$x`) at i, followed by what may follow a variable; null if none. */
  variableName(): string | null {
    const s = this.s;
    if (s.charCodeAt(this.i) !== DOLLAR) return null;
    const end = this.wordEnd(this.i + 1);
    if (end <= this.i + 1) return null;
    const name = s.slice(this.i, end);
    this.i = end;
    return name;
  }

  /** `$x :=`, `$x =` or (in a range) `$k, $v :=` at i; moves past it, or stays and gives []. */
  declarations(
    context: string,
  ): { readonly decl: VariableNode[]; readonly isAssign: boolean } | null {
    const s = this.s;
    const start = this.i;
    const name = this.variableName();
    if (name === null) return NO_DECLARATIONS;
    // Only a space, `,` or `:=` may follow a declared variable (`$x=` is a lexical error).
    const after = s.charCodeAt(this.i);
    if (after !== SPACE && after !== 0x2c && after !== 0x3a) {
      this.i = start;
      return NO_DECLARATIONS;
    }
    const decl: VariableNode[] = [{ type: 'variable', pos: start, ident: [name] }];
    const names = [name];
    this.skipSpaces();
    if (s.charCodeAt(this.i) === 0x2c) {
      if (context !== 'range') return null;
      this.i++;
      this.skipSpaces();
      const second = this.i;
      const name2 = this.variableName();
      if (name2 === null) return null;
      const after2 = s.charCodeAt(this.i);
      if (after2 !== SPACE && after2 !== 0x3a) return null;
      decl.push({ type: 'variable', pos: second, ident: [name2] });
      names.push(name2);
      this.skipSpaces();
    }
    let isAssign: boolean;
    if (s.charCodeAt(this.i) === 0x3a && s.charCodeAt(this.i + 1) === 0x3d) {
      isAssign = false;
      this.i += 2;
    } else if (s.charCodeAt(this.i) === 0x3d && s.charCodeAt(this.i + 1) !== 0x3d) {
      isAssign = true;
      this.i += 1;
    } else {
      if (names.length > 1) return null;
      this.i = start; // A variable used as an operand.
      return NO_DECLARATIONS;
    }
    // What follows the operator must start a command (no space is fine too, as for Go's lexer).
    this.decls = this.decls === null ? names : this.decls.concat(names);
    return { decl, isAssign };
  }

  /**
   * A pipeline up to `)` (inParens) or the right delimiter, not consumed. Mirrors
   * parser-commands.ts `pipeline`, `command` and `checkPipeline`.
   */
  pipeline(context: string, inParens: boolean): PipeNode | null {
    this.skipSpaces();
    const pos = this.i;
    const d = this.declarations(context);
    if (d === null) return null;
    const cmds = this.t.shared.cmds;
    const base = cmds.length;
    for (;;) {
      this.skipSpaces();
      const cmd = this.command(inParens);
      if (cmd === null) return null;
      // Only the first command may start with a non-executable operand.
      if (cmds.length > base) {
        const t = cmd.args[0]!.type;
        if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
          return null;
        }
      }
      cmds.push(cmd);
      if (this.s.charCodeAt(this.i) !== PIPE) break;
      this.i++;
    }
    return {
      type: 'pipe',
      pos,
      line: this.line,
      isAssign: d.isAssign,
      decl: d.decl,
      cmds: cmds.splice(base),
    };
  }

  /** A whole action's pipeline, up to the delimiter; the scanner is then the result. */
  actionPipeline(context: string): FastPipeline | null {
    const pipe = this.pipeline(context, false);
    if (pipe === null || !this.atEnd()) return null;
    this.pipe = pipe;
    return this;
  }
}

/**
 * The keyword spelled by the word `s[from, to)` (all of lexer-items.ts KEYWORDS but `.`), or
 * undefined, without slicing the word out.
 */
function keywordAt(s: string, from: number, to: number): KeywordType | undefined {
  let word: KeywordType;
  switch (to - from) {
    case 2:
      word = 'if';
      break;
    case 3:
      word = s.charCodeAt(from) === 0x65 ? 'end' : 'nil';
      break;
    case 4:
      word = s.charCodeAt(from) === 0x65 ? 'else' : 'with';
      break;
    case 5:
      word =
        s.charCodeAt(from) === 0x72 ? 'range' : s.charCodeAt(from + 1) === 0x6c ? 'block' : 'break';
      break;
    case 6:
      word = 'define';
      break;
    case 8:
      word = s.charCodeAt(from) === 0x74 ? 'template' : 'continue';
      break;
    default:
      return undefined;
  }
  return s.startsWith(word, from) ? word : undefined;
}

/** Put a fast pipeline's variables in scope and move the lexer past its action. */
export function commitFast(
  t: TreeParser,
  f: { readonly decls: readonly string[] | null; readonly end: number; readonly trimmed: boolean },
): Item {
  const decls = f.decls;
  if (decls !== null) for (let k = 0; k < decls.length; k++) t.vars.push(decls[k] as string);
  const item = t.shared.lex.finishAction(f.end, f.trimmed);
  t.setLastToken(item);
  return item;
}

type ControlParser = (
  t: TreeParser,
  context: 'if' | 'range' | 'with',
  fast: FastPipeline,
) => IfNode | RangeNode | WithNode;

/**
 * The action whose left delimiter was just read (nothing buffered), or null to leave it to the
 * general parser. `markers`: whether `{{end}}` and `{{else}}` may be returned (not at the top).
 * `control` parses the body of an if/with/range once its pipeline is read.
 */
export function fastAction(
  t: TreeParser,
  markers: boolean,
  control: ControlParser,
): ListItem | ElseNode | EndNode | null {
  const shared = t.shared;
  const lex = shared.lex;
  if (!shared.fastPath || t.buffered !== 0 || !lex.insideAction) return null;
  const cmdsBase = shared.cmds.length;
  const argsBase = shared.args.length;
  const node = readAction(t, markers, control);
  if (node === null) {
    // Whatever the scanner left on the scratch stacks is the general parser's to redo.
    shared.cmds.length = cmdsBase;
    shared.args.length = argsBase;
  }
  return node;
}

function readAction(
  t: TreeParser,
  markers: boolean,
  control: ControlParser,
): ListItem | ElseNode | EndNode | null {
  const sc = new Scanner(t, t.shared.lex.pos);
  sc.skipSpaces();
  const s = sc.s;
  const c = s.charCodeAt(sc.i);
  if (c >= 0x61 && c <= 0x7a) {
    const end = sc.wordEnd(sc.i);
    if (end < 0) return null;
    const word = keywordAt(s, sc.i, end);
    switch (word) {
      case 'end':
      case 'else': {
        if (!markers) return null;
        sc.i = end;
        sc.skipSpaces();
        if (!sc.atEnd()) return null;
        const delim = commitFast(t, sc);
        return word === 'end'
          ? { type: 'end', pos: delim.pos }
          : { type: 'else', pos: delim.pos, line: delim.line };
      }
      case 'if':
      case 'with':
      case 'range': {
        if (s.charCodeAt(end) !== SPACE) return null;
        if (t.shared.controlDepth >= MAX_CONTROL_DEPTH) return null;
        sc.i = end;
        const f = sc.actionPipeline(word);
        if (f === null) return null;
        return control(t, word, f);
      }
      case undefined:
        break;
      default:
        return null; // Another keyword: left to the general parser.
    }
  }
  const f = sc.actionPipeline('command');
  if (f === null) return null;
  commitFast(t, f);
  return { type: 'action', pos: f.pipe.pos, line: f.pipe.line, pipe: f.pipe };
}
