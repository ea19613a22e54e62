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
   * Parse `text` as template `name`, adding it and its `define`s to the set: Go's
   * `t.New(name).Parse(text)`, with {@link Template.addParseTree}'s rules. Throws
   * TemplateParseError.
   */
  parse(name: string, text: string): Template {
    return this.new(name).parse(text);
  }

  /**
   * A new template `name` of this set, not yet associated with it (template.go `New`): only a
   * later Parse/AddParseTree puts it in the set.
   */
  new(name: string): Template {
    return new Template(this, name);
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

  /**
   * Add parsed trees (as from {@link parseTrees}) under their own names, as Parse does with
   * each tree it returns. Equivalent to `new(name).addParseTree(name, tree)` for each.
   */
  addTrees(parsed: ReadonlyMap<string, Tree>): void {
    for (const [treeName, tree] of parsed) this.associate(treeName, tree);
  }

  /**
   * template.go `associate`: put `tree` in the set under `name` unless a template of that name
   * exists and `tree` is empty (parse.IsEmptyTree: only space and comments). Returns whether
   * the set now holds `tree` under `name`.
   */
  associate(name: string, tree: Tree): boolean {
    if (this.trees.has(name) && isEmptyTree(tree.root)) return false;
    if (!this.ownTrees) {
      this.trees = new Map(this.trees);
      this.ownTrees = true;
    }
    this.trees.set(name, tree);
    return true;
  }

  has(name: string): boolean {
    return this.trees.has(name);
  }

  lookup(name: string): Tree | undefined {
    return this.trees.get(name);
  }

  /**
   * Execute the template the set holds under `name` with `data` as dot and `$` (template.go
   * `ExecuteTemplate`); returns the output. Throws TemplateExecError (or TemplateError /
   * NoSuchTemplateError without a node).
   */
  execute(name: string, data: GoValue): string {
    const tree = this.trees.get(name);
    if (tree === undefined) throw new NoSuchTemplateError(name, this.options.name ?? '');
    return this.executeTree(name, tree, data);
  }

  /** Run `tree` (named `name` in errors) on this set, under the shared depth limit. */
  executeTree(name: string, tree: Tree, data: GoValue): string {
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

/**
 * One template of a set (template.go `*Template`): a name, the set it shares, and its own tree.
 * Its tree and the set's entry for its name can differ: a Parse whose body is only blanks and
 * comments gives this template the empty tree but leaves an existing template of the same name
 * in the set, and {@link execute} runs this template's own tree (Helm's `tpl` relies on it).
 */
export class Template {
  private ownTree: Tree | undefined;

  constructor(
    readonly set: TemplateSet,
    readonly name: string,
  ) {}

  /** This template's own tree (undefined before any Parse). */
  get tree(): Tree | undefined {
    return this.ownTree;
  }

  /** template.go `Parse`: parse `text` and add every tree it defines. Throws TemplateParseError. */
  parse(text: string): Template {
    return this.addParseTrees(this.set.parseTrees(this.name, text));
  }

  /** Parse's second half, for trees parsed earlier (and cached) by {@link TemplateSet.parseTrees}. */
  addParseTrees(parsed: ReadonlyMap<string, Tree>): Template {
    for (const [treeName, tree] of parsed) this.addParseTree(treeName, tree);
    return this;
  }

  /**
   * template.go `AddParseTree`: the tree named like this template goes to this template, any
   * other to a new template of the set; the set keeps an existing template when the tree is
   * empty (associate), but a template that has no tree yet gets it anyway.
   */
  addParseTree(name: string, tree: Tree): Template {
    const nt = name === this.name ? this : this.set.new(name);
    if (this.set.associate(name, tree) || nt.ownTree === undefined) nt.ownTree = tree;
    return nt;
  }

  /** template.go `Execute`: run this template's own tree, not the set's entry for its name. */
  execute(data: GoValue): string {
    const tree = this.ownTree;
    if (tree === undefined) {
      throw new TemplateError(this.name, `${quote(this.name)} is an incomplete or empty template`);
    }
    return this.set.executeTree(this.name, tree, data);
  }
}
