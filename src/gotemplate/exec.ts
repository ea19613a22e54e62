/**
 * The walk half of Go's text/template executor (golang/go:src/text/template/exec.go, Go 1.22+
 * semantics plus Go 1.24's range over integers): text, actions, if/with/else (with), range with
 * break/continue, and template calls. Expressions are evaluated in exec-eval.ts.
 *
 * Control flow: `walkList` returns a flow code instead of throwing for break/continue.
 */
import type {
  ActionNode,
  BranchFields,
  ListNode,
  ListItem,
  RangeNode,
  TemplateNode,
  Tree,
} from './ast.js';
import { evalPipeline } from './exec-eval.js';
import type { ExecEnv } from './exec-state.js';
import { ExecState, GO_MAX_EXEC_DEPTH, MAX_EXEC_DEPTH, isStackOverflow } from './exec-state.js';
import { formatValue } from './fmt.js';
import { TemplateError } from './errors.js';
import { nodeToString } from './parser.js';
import { quote as goQuote } from './strconv-quote.js';
import type { GoValue } from './values.js';
import {
  GoFuncValue,
  GoInt,
  GoStruct,
  isMap,
  isTrue,
  sortedKeys,
  typeName,
  typeTag,
} from './values.js';

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
type Flow = typeof NORMAL | typeof BREAK | typeof CONTINUE;

/** Execute `tree` with `data` as dot and `$`; returns the output. Throws TemplateExecError. */
export function executeTree(env: ExecEnv, tree: Tree, data: GoValue): string {
  const s = new ExecState(env, tree, data);
  try {
    walkList(s, tree.root);
  } catch (e) {
    if (isStackOverflow(e)) throw new TemplateError(tree.name, DEPTH_MESSAGE);
    throw e;
  }
  return s.out.join('');
}

const DEPTH_MESSAGE = `exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`;

function walkList(s: ExecState, list: ListNode): Flow {
  const nodes = list.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const flow = walkNode(s, nodes[i]!);
    if (flow !== NORMAL) return flow;
  }
  return NORMAL;
}

function walkNode(s: ExecState, node: ListItem): Flow {
  s.node = node;
  switch (node.type) {
    case 'text':
      s.out.push(node.text);
      return NORMAL;
    case 'action': {
      // Variables declared by the action persist until the enclosing {{end}}; a declaration
      // prints nothing.
      const value = evalPipeline(s, node.pipe);
      if (node.pipe.decl.length === 0) printValue(s, node, value);
      return NORMAL;
    }
    case 'comment':
      return NORMAL;
    case 'if':
      return walkIfOrWith(s, node, false);
    case 'with':
      return walkIfOrWith(s, node, true);
    case 'range':
      return walkRange(s, node);
    case 'template':
      walkTemplate(s, node);
      return NORMAL;
    case 'break':
      return BREAK;
    case 'continue':
      return CONTINUE;
  }
}

/** `if` and `with` differ only in that `with` sets dot (exec.go `walkIfOrWith`). */
function walkIfOrWith(s: ExecState, node: BranchFields, setsDot: boolean): Flow {
  const mark = s.mark();
  const value = evalPipeline(s, node.pipe);
  let flow: Flow = NORMAL;
  if (isTrue(value)) {
    if (setsDot) {
      const dot = s.dot;
      const dotIface = s.dotIface;
      s.dot = value;
      s.dotIface = false;
      flow = walkList(s, node.list);
      s.dot = dot;
      s.dotIface = dotIface;
    } else {
      flow = walkList(s, node.list);
    }
  } else if (node.elseList !== null) {
    flow = walkList(s, node.elseList);
  }
  s.pop(mark);
  return flow;
}

/** Element of []interface{} / value of map[string]interface{}: statically interface-typed. */
function holdsInterfaces(container: GoValue[] | Record<string, GoValue>): boolean {
  const elem = typeTag(container)?.elem;
  return elem === undefined || elem === 'interface {}';
}

function walkRange(s: ExecState, r: RangeNode): Flow {
  s.node = r;
  const outerMark = s.mark();
  const value = evalPipeline(s, r.pipe);
  const dot = s.dot;
  const dotIface = s.dotIface;
  const iter = new RangeIteration(s, r);
  if (Array.isArray(value)) {
    const iface = holdsInterfaces(value);
    for (let i = 0; i < value.length && iter.run(i, value[i]!, iface); i++);
  } else if (value instanceof Uint8Array) {
    for (let i = 0; i < value.length && iter.run(i, new GoInt(value[i]!, 'uint8'), false); i++);
  } else if (isMap(value)) {
    const iface = holdsInterfaces(value);
    const keys = sortedKeys(value);
    for (let i = 0; i < keys.length && iter.run(keys[i]!, value[keys[i]!]!, iface); i++);
  } else if (value instanceof GoInt) {
    // Go 1.24: range over an integer yields 0..n-1 of the same type, one variable only.
    if (r.pipe.decl.length > 1)
      s.errorf(`can't use ${printable(value)} to iterate over more than one variable`);
    for (let i = 0n; i < value.value && iter.run(null, new GoInt(i, value.type), false); i++);
  } else if (value !== null) {
    s.errorf(`range can't iterate over ${printable(value)}`);
  }
  s.dot = dot;
  s.dotIface = dotIface;
  if (!iter.ran && r.elseList !== null) walkList(s, r.elseList);
  s.pop(outerMark);
  return NORMAL;
}

/** One range loop's per-iteration bookkeeping (exec.go `oneIteration`). */
class RangeIteration {
  ran = false;
  private readonly mark: number;

  constructor(
    private readonly s: ExecState,
    private readonly r: RangeNode,
  ) {
    this.mark = s.mark();
  }

  /** Runs the body once; returns false on {{break}}. A numeric key is a slice index (Go int). */
  run(key: number | string | null, elem: GoValue, iface: boolean): boolean {
    const { s, r } = this;
    const decl = r.pipe.decl;
    this.ran = true;
    const index = decl.length > 1 && typeof key === 'number' ? new GoInt(key) : key;
    if (decl.length > 0) {
      if (!r.pipe.isAssign) s.setTopVar(1, elem, iface);
      else if (decl.length > 1) s.setVar(decl[0]!.ident[0]!, index, false);
      else s.setVar(decl[0]!.ident[0]!, elem, iface);
    }
    if (decl.length > 1) {
      if (!r.pipe.isAssign) s.setTopVar(2, index, false);
      else s.setVar(decl[1]!.ident[0]!, elem, iface);
    }
    s.dot = elem;
    s.dotIface = iface;
    const flow = walkList(s, r.list);
    s.pop(this.mark);
    return flow !== BREAK;
  }
}

/** `{{template "name" pipeline}}`: fresh variables, `$` = dot = the pipeline's value. */
function walkTemplate(s: ExecState, t: TemplateNode): void {
  s.node = t;
  const tree = s.env.lookup(t.name);
  if (tree === undefined) s.errorf(`template ${goQuote(t.name)} not defined`);
  const depth = s.env.depth;
  if (depth.value >= MAX_EXEC_DEPTH) s.errorf(DEPTH_MESSAGE);
  // Variables declared by the pipeline persist in the caller.
  const dot = evalPipeline(s, t.pipe);
  const caller = { tree: s.tree, varBase: s.varBase, dot: s.dot, dotIface: s.dotIface };
  const mark = s.mark();
  depth.value++;
  s.tree = tree;
  s.varBase = mark;
  s.push('$', dot, false);
  s.dot = dot;
  s.dotIface = false;
  try {
    walkList(s, tree.root);
  } catch (e) {
    if (isStackOverflow(e)) {
      s.node = t;
      s.tree = caller.tree;
      s.errorf(DEPTH_MESSAGE);
    }
    throw e;
  }
  depth.value--;
  s.pop(mark);
  s.tree = caller.tree;
  s.varBase = caller.varBase;
  s.dot = caller.dot;
  s.dotIface = caller.dotIface;
}

/** exec.go `printValue`: nil prints `<no value>`, pointers print what they point to. */
function printValue(s: ExecState, node: ActionNode, value: GoValue): void {
  s.node = node;
  if (typeof value === 'string') {
    s.out.push(value);
    return;
  }
  if (value === null) {
    s.out.push('<no value>');
    return;
  }
  if (value instanceof GoFuncValue)
    s.errorf(`can't print ${nodeToString(node)} of type ${typeName(value)}`);
  s.out.push(printable(value));
}

/** fmt's %v of a value as the executor prints it (a pointer to a struct prints the struct). */
function printable(value: GoValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof GoInt && !value.type.startsWith('time.')) return value.value.toString();
  const text = formatValue(value);
  if (value instanceof GoStruct && value.goType.kind === 'ptr' && text.startsWith('&'))
    return text.slice(1);
  return text;
}
