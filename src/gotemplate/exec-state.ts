/**
 * Run-time state of one template execution (golang/go:src/text/template/exec.go `state`): the
 * executing tree, the current node for error reports, the variable stack, dot, and the output.
 * Kept apart from the parsed trees so one TemplateSet can run many executions (and re-entrant
 * ones, such as Helm's `include` calling back into the set from inside a function).
 */
import type { Node, Tree } from './ast.js';
import { TemplateError, TemplateExecError, lineCol } from './errors.js';
import type { GoFuncValue } from './values.js';
import { nodeToString } from './parser.js';
import type { GoValue } from './values.js';

export type MissingKey = 'zero' | 'error' | 'default';

/** Shared by a set and all its clones, so nested executions count towards one depth limit. */
export interface DepthCounter {
  value: number;
}

/** What an execution needs from its template set. */
export interface ExecEnv {
  lookup(name: string): Tree | undefined;
  /** The set's functions by name (the builtins are consulted after them). */
  readonly funcs: { get(name: string): GoFuncValue | undefined };
  readonly missingKey: MissingKey;
  readonly depth: DepthCounter;
}

/** Go's `missingVal`: "no value from a previous pipeline command". */
export const MISSING: unique symbol = Symbol('hookline.missingVal');
export type Final = GoValue | typeof MISSING;

/**
 * Go's maxExecDepth: nested `template` calls (here also nested executions from functions such as
 * Helm's `include`). The JS stack usually overflows first; the executor reports that overflow
 * with Go's message too (exec.ts `isStackOverflow`), never as a RangeError.
 */
export const GO_MAX_EXEC_DEPTH = 100000;
export const MAX_EXEC_DEPTH = GO_MAX_EXEC_DEPTH;

/**
 * A JS stack overflow during recursive template calls stands for Go's maxExecDepth error. The
 * check allocates nothing, as it runs close to the stack limit; if reporting overflows again, the
 * next enclosing template call retries with more stack.
 */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes('call stack');
}

export class ExecState {
  tree: Tree;
  /** The node being evaluated, for error locations (Go's `s.at(node)`). */
  node: Node | null = null;
  readonly out: string[] = [];
  /**
   * Variable stack as parallel arrays (name, value, whether the value is interface-typed); only
   * the first `top` entries are live, so popping allocates and frees nothing.
   */
  private readonly names: string[] = [];
  private readonly values: GoValue[] = [];
  private readonly ifaces: boolean[] = [];
  private top = 0;
  /** Variables below this index belong to a calling template and are invisible. */
  varBase = 0;
  dot: GoValue;
  /**
   * True when dot's static Go type is interface{} (an element of []interface{} or a value of
   * map[string]interface{}). Go then reports `interface {}` in messages and a nil dot is a nil
   * interface (`nil pointer evaluating interface {}.X`) rather than an invalid value.
   */
  dotIface = false;
  /** Side channel: whether the value last returned by an eval function is interface-typed. */
  iface = false;

  constructor(
    readonly env: ExecEnv,
    tree: Tree,
    data: GoValue,
  ) {
    this.tree = tree;
    this.dot = data;
    this.push('$', data, false);
  }

  mark(): number {
    return this.top;
  }

  pop(mark: number): void {
    this.top = mark;
  }

  push(name: string, value: GoValue, iface: boolean): void {
    const i = this.top++;
    this.names[i] = name;
    this.values[i] = value;
    this.ifaces[i] = iface;
  }

  /** Overwrite the innermost variable of that name (`$x = value`). */
  setVar(name: string, value: GoValue, iface: boolean): void {
    for (let i = this.top - 1; i >= this.varBase; i--) {
      if (this.names[i] === name) {
        this.values[i] = value;
        this.ifaces[i] = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  /** Overwrite the n-th variable from the top (range iterations). */
  setTopVar(n: number, value: GoValue, iface: boolean): void {
    const i = this.top - n;
    this.values[i] = value;
    this.ifaces[i] = iface;
  }

  /** A variable's value; sets {@link iface}. */
  varValue(name: string): GoValue {
    for (let i = this.top - 1; i >= this.varBase; i--) {
      if (this.names[i] === name) {
        this.iface = this.ifaces[i]!;
        return this.values[i]!;
      }
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  /** Go's `s.errorf`: an error located at the current node of the executing tree. */
  errorf(detail: string, cause?: unknown): never {
    const node = this.node;
    const tree = this.tree;
    if (node === null) throw new TemplateError(tree.name, detail);
    const { line, col } = lineCol(tree.text, node.pos);
    throw new TemplateExecError(
      {
        fileName: tree.parseName,
        line,
        col,
        templateName: tree.name,
        context: nodeToString(node),
        detail,
      },
      cause === undefined ? undefined : { cause },
    );
  }
}
