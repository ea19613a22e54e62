/**
 * Public API of the Go template engine: a set of named templates sharing a FuncMap and options
 * (golang/go:src/text/template/template.go `Template` with its `common` part, plus Execute).
 *
 * Helm's engine parses every chart file into one set, binds `include`/`tpl` late with
 * {@link TemplateSet.setFuncs}, and `tpl` parses into a {@link TemplateSet.clone}. Executions are
 * re-entrant: a function may call {@link TemplateSet.execute} on the set (or a clone) while a
 * template is running; all of them share one depth counter so runaway recursion fails cleanly.
 */
import type { Tree } from './ast.js';
import { BUILTINS } from './builtins.js';
import { executeTree } from './exec.js';
import type { DepthCounter, ExecEnv, MissingKey } from './exec-state.js';
import { GO_MAX_EXEC_DEPTH, MAX_EXEC_DEPTH } from './exec-state.js';
import { TemplateError } from './errors.js';
import type { FuncMap } from './functions.js';
import { isEmptyTree } from './node-string.js';
import { parse } from './parser.js';
import { quote } from './strconv-quote.js';
import type { GoValue } from './values.js';

export type { MissingKey } from './exec-state.js';

export interface TemplateSetOptions {
  readonly funcs: FuncMap;
  /** Go's `missingkey` option; `default` (Go's default) and `zero` both print `<no value>`. */
  readonly missingKey?: MissingKey;
  readonly leftDelim?: string;
  readonly rightDelim?: string;
  /**
   * Name of the set's root template, used only in `no template "x" associated with template
   * "NAME"` (Helm's engine names it `gotpl`).
   */
  readonly name?: string;
}

/** `ExecuteTemplate` of a name the set does not hold (template.go message). */
export class NoSuchTemplateError extends Error {
  constructor(
    readonly templateName: string,
    readonly setName: string,
  ) {
    super(
      `template: no template ${quote(templateName)} associated with template ${quote(setName)}`,
    );
    this.name = 'NoSuchTemplateError';
  }
}

export class TemplateSet implements ExecEnv {
  readonly missingKey: MissingKey;
  readonly depth: DepthCounter;
  private readonly options: TemplateSetOptions;
  private trees: Map<string, Tree>;
  private ownTrees: boolean;
  private funcMap: FuncMap;
  private ownFuncs: boolean;

  constructor(opts: TemplateSetOptions) {
    this.options = opts;
    this.missingKey = opts.missingKey ?? 'default';
    this.depth = { value: 0 };
    this.trees = new Map();
    this.ownTrees = true;
    this.funcMap = new Map(opts.funcs);
    this.ownFuncs = true;
  }

  /** The set's functions (the builtins are consulted after them). */
  get funcs(): FuncMap {
    return this.funcMap;
  }

  /**
   * Parse `text` as template `name`, adding it and its `define`s to the set. A later definition
   * replaces an earlier one, except that an empty body (only space and comments) never replaces
   * an existing template (template.go `associate`). Throws TemplateParseError.
   */
  parse(name: string, text: string): void {
    this.addTrees(this.parseTrees(name, text));
  }

  /**
   * Parse `text` as template `name` against this set's functions without adding it: the
   * result can be cached and added to clones with {@link addTrees} (Helm's `tpl` parses the
   * same strings again and again). Throws TemplateParseError.
   */
  parseTrees(name: string, text: string): ReadonlyMap<string, Tree> {
    return parse(name, text, {
      funcs: (fname: string) => this.funcMap.has(fname) || BUILTINS.has(fname),
      leftDelim: this.options.leftDelim,
      rightDelim: this.options.rightDelim,
    });
  }

  /** Add parsed trees with Go's `associate` rule (an empty body never replaces a template). */
  addTrees(parsed: ReadonlyMap<string, Tree>): void {
    if (!this.ownTrees) {
      this.trees = new Map(this.trees);
      this.ownTrees = true;
    }
    for (const [treeName, tree] of parsed) {
      if (this.trees.has(treeName) && isEmptyTree(tree.root)) continue;
      this.trees.set(treeName, tree);
    }
  }

  has(name: string): boolean {
    return this.trees.has(name);
  }

  lookup(name: string): Tree | undefined {
    return this.trees.get(name);
  }

  /**
   * Execute template `name` with `data` as dot and `$`; returns the output. Throws
   * TemplateExecError (or TemplateError / NoSuchTemplateError without a node).
   */
  execute(name: string, data: GoValue): string {
    const tree = this.trees.get(name);
    if (tree === undefined) throw new NoSuchTemplateError(name, this.options.name ?? '');
    const depth = this.depth;
    if (depth.value >= MAX_EXEC_DEPTH) {
      throw new TemplateError(name, `exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`);
    }
    const saved = depth.value;
    depth.value++;
    try {
      return executeTree(this, tree, data);
    } finally {
      depth.value = saved;
    }
  }

  /** A copy sharing trees and functions copy-on-write, and the depth counter. */
  clone(): TemplateSet {
    const copy = Object.create(TemplateSet.prototype) as TemplateSet;
    Object.assign(copy, {
      options: this.options,
      missingKey: this.missingKey,
      depth: this.depth,
      trees: this.trees,
      ownTrees: false,
      funcMap: this.funcMap,
      ownFuncs: false,
    });
    this.ownTrees = false;
    this.ownFuncs = false;
    return copy;
  }

  /** Add or replace functions (template.go `Funcs`). */
  setFuncs(funcs: FuncMap): void {
    if (!this.ownFuncs) {
      this.funcMap = new Map(this.funcMap);
      this.ownFuncs = true;
    }
    for (const [name, f] of funcs) this.funcMap.set(name, f);
  }
}
