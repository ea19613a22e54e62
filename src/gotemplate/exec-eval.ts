/**
 * Expression evaluation of Go's executor (golang/go:src/text/template/exec.go `evalPipeline`,
 * `evalCommand`, `evalField`, `evalCall`, `evalArg`, `validateType`): pipelines, commands,
 * constants, variables, field chains on maps, structs and their methods, function lookup, and
 * calls: arity checks, argument conversion to the declared parameter types (see functions.ts),
 * the pipeline's final value as last argument, short-circuit `and`/`or`, and
 * `error calling NAME: MSG` for functions that fail with FuncError. One file, as in exec.go:
 * evaluation and calls recurse into each other.
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
import { BUILTINS, callBuiltin, lengthOfNil } from './builtins.js';
import type { ExecState, Final } from './exec-state.js';
import { MISSING, isStackOverflow } from './exec-state.js';
import type { ParamType } from './functions.js';
import { FuncError } from './functions.js';
import { assignable, canBeNil, goTypeName, zeroOfElem } from './param-types.js';
import { nodeToString } from './parser.js';
import { quote as goQuote } from './strconv-quote.js';
import type { GoFuncValue, GoTypeInfo, GoValue } from './values.js';
import {
  GoInt,
  GoStruct,
  isMap,
  isTrue,
  mapGet,
  typeName,
  typeTag,
  untypedView,
} from './values.js';

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
  const value = evalCall(s, fn, builtin, cmd, name, args, final, undefined);
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
  const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
  if (isMap(receiver)) {
    // The common case (.Values.x): one look at the map's type for both methods and elements.
    const tag = typeTag(receiver);
    const methods = tag?.methods;
    if (methods === undefined || !hasOwn.call(methods, fieldName)) {
      if (hasArgs) s.errorf(`${fieldName} is not a method but has arguments`);
      return mapField(s, receiver, fieldName, tag);
    }
  }
  const methods = methodsOf(receiver);
  if (methods !== undefined && hasOwn.call(methods, fieldName)) {
    const value = evalCall(s, methods[fieldName]!, false, node, fieldName, args, final, receiver);
    s.iface = value === null;
    return value;
  }
  if (receiver instanceof GoStruct) {
    if (receiver.fieldNames.includes(fieldName)) {
      if (hasArgs) s.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      const value = receiver.field(fieldName);
      // A nil field is treated as a nil interface{} (struct field types are not modelled).
      s.iface = value === null;
      return value;
    }
  }
  return s.errorf(
    `can't evaluate field ${fieldName} in type ${iface ? 'interface {}' : typeName(receiver)}`,
  );
}

function mapField(
  s: ExecState,
  m: Record<string, GoValue>,
  key: string,
  tag: GoTypeInfo | undefined,
): GoValue {
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

/**
 * Call `fn` (exec.go `evalCall`). `builtin`: builtins get special treatment for and/or
 * (short-circuit), len and call; `node`: where errors of the call itself are reported; `args`:
 * the command's words (`args[0]` names the function and is not passed); `receiver`: for
 * methods, passed to the implementation as `this`. Positional rather than an options object:
 * this runs for every function call of a render (issue 10).
 */
export function evalCall(
  s: ExecState,
  fn: GoFuncValue,
  builtin: boolean,
  node: Node,
  name: string,
  args: readonly ArgNode[] | null,
  final: Final,
  receiver: GoValue | undefined,
): GoValue {
  const { params, variadic, structTypes } = fn.signature;
  const nArgs = args === null ? 0 : args.length - 1;
  const numIn = final === MISSING ? nArgs : nArgs + 1;
  let numFixed = nArgs;
  if (variadic !== undefined) {
    numFixed = params.length;
    if (numIn < numFixed)
      s.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${nArgs}`);
  } else if (numIn !== params.length) {
    s.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
  }
  if (builtin && (name === 'and' || name === 'or'))
    return shortCircuit(s, name === 'or', args, final);

  const argv: GoValue[] = new Array<GoValue>(numIn);
  let lastIface = false;
  let i = 0;
  for (; i < numFixed && i < nArgs; i++) {
    argv[i] = evalArg(s, params[i]!, structTypes?.[i], args![i + 1]!);
    lastIface = s.iface;
  }
  if (variadic !== undefined) {
    for (; i < nArgs; i++) {
      argv[i] = evalArg(s, variadic, structTypes?.[i], args![i + 1]!);
      lastIface = s.iface;
    }
  }
  if (final !== MISSING) {
    // The final value fills the next fixed parameter, or else the variadic tail.
    let t: ParamType = params[params.length - 1]!;
    let index = params.length - 1;
    if (variadic !== undefined) {
      index = numIn - 1 < numFixed ? numIn - 1 : params.length;
      t = numIn - 1 < numFixed ? params[numIn - 1]! : variadic;
    }
    argv[i] = validateType(s, final, t, structTypes?.[index]);
    lastIface = false;
  }
  if (builtin && name === 'len' && argv[0] === null) {
    return callFailed(s, node, name, new FuncError(lengthOfNil(lastIface)));
  }
  try {
    if (builtin && name === 'call') return callBuiltin(argv);
    return fn.impl.apply(receiver, argv);
  } catch (e) {
    if (e instanceof FuncError) {
      // A function that wrapped a stack overflow (a nested execute too deep) gets it unwrapped,
      // so the enclosing template call reports the depth limit.
      if (isStackOverflow(e.cause)) throw e.cause;
      return callFailed(s, node, name, e);
    }
    throw e;
  }
}

function callFailed(s: ExecState, node: Node, name: string, e: FuncError): never {
  s.node = node;
  return s.errorf(`error calling ${name}: ${e.message}`, e);
}

/** Go 1.18+ `and`/`or`: evaluate arguments left to right, stop at the deciding one. */
function shortCircuit(
  s: ExecState,
  isOr: boolean,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  let value: GoValue = null;
  const n = args === null ? 0 : args.length;
  for (let i = 1; i < n; i++) {
    value = evalArg(s, 'any', undefined, args![i]!);
    if (isTrue(value) === isOr) return value;
  }
  return final === MISSING ? value : final;
}

/** exec.go `validateType`: a computed value must be assignable to the parameter type. */
export function validateType(
  s: ExecState,
  v: GoValue,
  t: ParamType,
  structType: string | undefined,
): GoValue {
  if (t === 'any') return v;
  if (v === null) {
    if (canBeNil(t, structType)) return null;
    s.errorf(`invalid value; expected ${goTypeName(t, structType)}`);
  }
  if (!assignable(v, t, structType)) {
    s.errorf(`wrong type for value; expected ${goTypeName(t, structType)}; got ${typeName(v)}`);
  }
  // reflect's Call converts a named map (chartutil.Values) to the unnamed parameter type: the
  // function sees the same map as a plain map[string]interface{}.
  return t === 'map' && isMap(v) ? untypedView(v) : v;
}

/**
 * exec.go `evalArg`: evaluate one argument for a parameter of type `t`. Computed values are
 * validated; constants are converted by the parameter type (an integer constant becomes an int
 * of the parameter's type, a string constant only fits a string parameter).
 */
export function evalArg(
  s: ExecState,
  t: ParamType,
  structType: string | undefined,
  n: ArgNode,
): GoValue {
  s.node = n;
  let value: GoValue;
  switch (n.type) {
    case 'dot': {
      const iface = s.dotIface;
      value = validateType(s, s.dot, t, structType);
      s.iface = iface;
      return value;
    }
    case 'nil':
      if (!canBeNil(t, structType)) s.errorf(`cannot assign nil to ${goTypeName(t, structType)}`);
      s.iface = false;
      return null;
    case 'field':
      value = evalFieldNode(s, n, null, MISSING);
      return validateType(s, value, t, structType);
    case 'variable':
      value = evalVariableNode(s, n, null, MISSING);
      return validateType(s, value, t, structType);
    case 'pipe':
      value = evalPipeline(s, n);
      return validateType(s, value, t, structType);
    case 'identifier':
      value = evalFunction(s, n, n, null, MISSING);
      return validateType(s, value, t, structType);
    case 'chain':
      value = evalChainNode(s, n, null, MISSING);
      return validateType(s, value, t, structType);
  }
  s.iface = false;
  switch (t) {
    case 'any':
      if (n.type === 'bool') return n.value;
      if (n.type === 'number') return idealConstant(s, n);
      return n.text;
    case 'bool':
      if (n.type === 'bool') return n.value;
      return s.errorf(`expected bool; found ${nodeToString(n)}`);
    case 'string':
      if (n.type === 'string') return n.text;
      return s.errorf(`expected string; found ${nodeToString(n)}`);
    case 'float64':
      if (n.type === 'number' && n.isFloat) return n.float64;
      return s.errorf(`expected float; found ${nodeToString(n)}`);
    case 'int':
    case 'int64':
      if (n.type === 'number' && n.isInt) return new GoInt(n.int64, t);
      return s.errorf(`expected integer; found ${nodeToString(n)}`);
    case 'uint32':
      if (n.type === 'number' && n.isUint) return new GoInt(n.uint64, t);
      return s.errorf(`expected unsigned integer; found ${nodeToString(n)}`);
    default:
      return s.errorf(
        `can't handle ${nodeToString(n)} for arg of type ${goTypeName(t, structType)}`,
      );
  }
}
