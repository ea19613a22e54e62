/**
 * Function and method calls of Go's executor (golang/go:src/text/template/exec.go `evalCall`,
 * `evalArg`, `validateType`): arity checks, argument conversion to the declared parameter types
 * (see functions.ts), the pipeline's final value as last argument, short-circuit `and`/`or`, and
 * `error calling NAME: MSG` for functions that fail with FuncError.
 */
import type { ArgNode, Node } from './ast.js';
import { callBuiltin, lengthOfNil } from './builtins.js';
import {
  evalChainNode,
  evalFieldNode,
  evalFunction,
  evalPipeline,
  evalVariableNode,
  idealConstant,
} from './exec-eval.js';
import type { ExecState, Final } from './exec-state.js';
import { MISSING, isStackOverflow } from './exec-state.js';
import type { ParamType } from './functions.js';
import { FuncError } from './functions.js';
import { nodeToString } from './parser.js';
import type { GoFuncValue, GoValue } from './values.js';
import { GoInt, isMap, isTrue, typeName, untypedView } from './values.js';
import { assignable, canBeNil, goTypeName } from './param-types.js';

export interface CallSite {
  /** Builtins get special treatment for and/or (short-circuit), len and call. */
  readonly builtin: boolean;
  /** The node errors of the call itself are reported at. */
  readonly node: Node;
  readonly name: string;
  /** The command's words; `args[0]` names the function and is not passed. */
  readonly args: readonly ArgNode[] | null;
  readonly final: Final;
  /** For methods: the receiver, passed to the implementation as `this`. */
  readonly receiver?: GoValue;
}

export function evalCall(s: ExecState, fn: GoFuncValue, site: CallSite): GoValue {
  const { name, args, final } = site;
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
  if (site.builtin && (name === 'and' || name === 'or'))
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
  if (site.builtin && name === 'len' && argv[0] === null) {
    return callFailed(s, site, new FuncError(lengthOfNil(lastIface)));
  }
  try {
    if (site.builtin && name === 'call') return callBuiltin(argv);
    return fn.impl.apply(site.receiver, argv);
  } catch (e) {
    if (e instanceof FuncError) {
      // A function that wrapped a stack overflow (a nested execute too deep) gets it unwrapped,
      // so the enclosing template call reports the depth limit.
      if (isStackOverflow(e.cause)) throw e.cause;
      return callFailed(s, site, e);
    }
    throw e;
  }
}

function callFailed(s: ExecState, site: CallSite, e: FuncError): never {
  s.node = site.node;
  return s.errorf(`error calling ${site.name}: ${e.message}`, e);
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
