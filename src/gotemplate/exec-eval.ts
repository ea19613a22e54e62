/**
 * Expression evaluation of Go's executor (golang/go:src/text/template/exec.go `evalPipeline`,
 * `evalCommand`, `evalField`, ...): pipelines, commands, constants, variables, field chains on
 * maps, structs and their methods, and function lookup. Calls and argument conversion live in
 * exec-call.ts.
 *
 * Every function sets `s.iface` (see ExecState) for the value it returns, because Go's messages
 * and nil handling depend on whether a value sits in an interface{}-typed slot.
 */
import type {
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  VariableNode,
} from './ast.js';
import { BUILTINS } from './builtins.js';
import { zeroOfElem } from './param-types.js';
import { evalArg, evalCall } from './exec-call.js';
import type { ExecState, Final } from './exec-state.js';
import { MISSING } from './exec-state.js';
import { nodeToString } from './parser.js';
import { quote as goQuote } from './strconv-quote.js';
import type { GoFuncValue, GoValue } from './values.js';
import { GoInt, GoStruct, isMap, mapGet, typeName, typeTag } from './values.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Evaluate a pipeline; each command's value is the next command's final argument. Declared
 * variables are pushed (or assigned); callers pop them. The result is never interface-typed (Go
 * digs into interface values after each command).
 */
export function evalPipeline(s: ExecState, pipe: PipeNode | null): GoValue {
  s.iface = false;
  if (pipe === null) return null;
  s.node = pipe;
  let value: Final = MISSING;
  const cmds = pipe.cmds;
  for (let i = 0; i < cmds.length; i++) value = evalCommand(s, cmds[i]!, value);
  const result = value === MISSING ? null : value;
  const decl = pipe.decl;
  for (let i = 0; i < decl.length; i++) {
    const name = decl[i]!.ident[0]!;
    if (pipe.isAssign) s.setVar(name, result, false);
    else s.push(name, result, false);
  }
  s.iface = false;
  return result;
}

function notAFunction(s: ExecState, args: readonly ArgNode[], final: Final): void {
  if (args.length > 1 || final !== MISSING)
    s.errorf(`can't give argument to non-function ${nodeToString(args[0]!)}`);
}

function evalCommand(s: ExecState, cmd: CommandNode, final: Final): GoValue {
  const first = cmd.args[0]!;
  switch (first.type) {
    case 'field':
      return evalFieldNode(s, first, cmd.args, final);
    case 'chain':
      return evalChainNode(s, first, cmd.args, final);
    case 'identifier':
      return evalFunction(s, first, cmd, cmd.args, final);
    case 'pipe':
      // Parenthesized pipeline: its arguments are inside; it takes no final value.
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, first);
    case 'variable':
      return evalVariableNode(s, first, cmd.args, final);
  }
  s.node = first;
  notAFunction(s, cmd.args, final);
  s.iface = false;
  switch (first.type) {
    case 'bool':
      return first.value;
    case 'dot':
      s.iface = s.dotIface;
      return s.dot;
    case 'nil':
      return s.errorf('nil is not a command');
    case 'number':
      return idealConstant(s, first);
    case 'string':
      return first.text;
  }
}

/**
 * A number constant with no type context (exec.go `idealConstant`): floats by syntax, else int
 * (character constants such as 'a' are ints too, as in Go's executor).
 */
export function idealConstant(s: ExecState, c: NumberNode): GoValue {
  s.node = c;
  s.iface = false;
  const t = c.text;
  if (c.isComplex) return s.errorf(`complex constant ${t} is not supported`);
  if (c.isFloat && !isHexInt(t) && !t.startsWith("'") && /[.eEpP]/.test(t)) return c.float64;
  if (c.isInt) return new GoInt(c.int64, 'int');
  if (c.isUint) s.errorf(`${t} overflows int`);
  return null;
}

function isHexInt(t: string): boolean {
  return t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
}

export function evalFieldNode(
  s: ExecState,
  field: FieldNode,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  s.node = field;
  return evalFieldChain(s, s.dot, s.dotIface, field, field.ident, 0, args, final);
}

export function evalChainNode(
  s: ExecState,
  chain: ChainNode,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  s.node = chain;
  if (chain.field.length === 0) s.errorf('internal error: no fields in evalChainNode');
  if (chain.node.type === 'nil')
    s.errorf(`indirection through explicit nil in ${nodeToString(chain)}`);
  // (pipeline).Field1.Field2: evaluate the operand, then walk the fields.
  const base = evalArg(s, 'any', undefined, chain.node);
  return evalFieldChain(s, base, s.iface, chain, chain.field, 0, args, final);
}

export function evalVariableNode(
  s: ExecState,
  variable: VariableNode,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  s.node = variable;
  const value = s.varValue(variable.ident[0]!);
  if (variable.ident.length === 1) {
    if (args !== null) notAFunction(s, args, final);
    else if (final !== MISSING)
      s.errorf(`can't give argument to non-function ${nodeToString(variable)}`);
    return value;
  }
  return evalFieldChain(s, value, s.iface, variable, variable.ident, 1, args, final);
}

/** `.X.Y.Z` from `receiver`; only the last field receives the arguments. */
function evalFieldChain(
  s: ExecState,
  receiver: GoValue,
  iface: boolean,
  node: Node,
  ident: readonly string[],
  start: number,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  const last = ident.length - 1;
  for (let i = start; i < last; i++) {
    receiver = evalField(s, ident[i]!, node, null, MISSING, receiver, iface);
    iface = s.iface;
  }
  return evalField(s, ident[last]!, node, args, final, receiver, iface);
}

export function evalFunction(
  s: ExecState,
  node: IdentifierNode,
  cmd: Node,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  s.node = node;
  const name = node.ident;
  let fn = s.env.funcs.get(name);
  let builtin = false;
  if (fn === undefined) {
    fn = BUILTINS.get(name);
    builtin = true;
    if (fn === undefined) s.errorf(`${goQuote(name)} is not a defined function`);
  }
  const value = evalCall(s, fn, { builtin, node: cmd, name, args, final });
  // A function result declared interface{} that is nil is a nil interface.
  s.iface = value === null;
  return value;
}

function methodsOf(receiver: GoValue): Readonly<Record<string, GoFuncValue>> | undefined {
  if (receiver instanceof GoStruct) return receiver.goType.methods;
  if (Array.isArray(receiver) || isMap(receiver)) return typeTag(receiver)?.methods;
  return undefined;
}

/**
 * `.Field` (or `.Method args`) on a receiver (exec.go `evalField`): methods first, then struct
 * fields or map keys, with the missingkey option deciding what an absent key yields.
 */
function evalField(
  s: ExecState,
  fieldName: string,
  node: Node,
  args: readonly ArgNode[] | null,
  final: Final,
  receiver: GoValue,
  iface: boolean,
): GoValue {
  if (receiver === null) {
    if (iface) s.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    if (s.env.missingKey === 'error') s.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
    s.iface = false;
    return null;
  }
  const methods = methodsOf(receiver);
  if (methods !== undefined && hasOwn.call(methods, fieldName)) {
    const value = evalCall(s, methods[fieldName]!, {
      builtin: false,
      node,
      name: fieldName,
      args,
      final,
      receiver,
    });
    s.iface = value === null;
    return value;
  }
  const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
  if (receiver instanceof GoStruct) {
    if (receiver.fieldNames.includes(fieldName)) {
      if (hasArgs) s.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      const value = receiver.field(fieldName);
      // A nil field is treated as a nil interface{} (struct field types are not modelled).
      s.iface = value === null;
      return value;
    }
  } else if (isMap(receiver)) {
    if (hasArgs) s.errorf(`${fieldName} is not a method but has arguments`);
    return mapField(s, receiver, fieldName);
  }
  return s.errorf(
    `can't evaluate field ${fieldName} in type ${iface ? 'interface {}' : typeName(receiver)}`,
  );
}

function mapField(s: ExecState, m: Record<string, GoValue>, key: string): GoValue {
  const tag = typeTag(m);
  const elemIface = tag?.elem === undefined || tag.elem === 'interface {}';
  const value = mapGet(m, key);
  if (value !== undefined) {
    s.iface = elemIface;
    return value;
  }
  s.iface = false;
  switch (s.env.missingKey) {
    case 'default':
      return null;
    case 'error':
      return s.errorf(`map has no entry for key ${goQuote(key)}`);
    case 'zero':
      if (elemIface) {
        s.iface = true;
        return null;
      }
      return zeroOfElem(tag!.elem);
  }
}
