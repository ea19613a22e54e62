/**
 * Go's builtin template functions (golang/go:src/text/template/funcs.go `builtins`): and, or,
 * not, len, index, slice, call, print, printf, println, html, js, urlquery and the comparisons.
 * A set's own FuncMap is searched first, so e.g. sprig's `slice` replaces the builtin.
 *
 * `and`/`or` short-circuit and `call` needs the callee, so the executor (exec-call.ts) handles
 * those three itself; their entries here carry the signatures Go declares.
 */
import { COMPARISONS } from './compare.js';
import { htmlEscapeString, jsEscapeString, queryEscape } from './escape.js';
import { sprint, sprintf, sprintln } from './fmt.js';
import type { FuncMap, ParamType } from './functions.js';
import { FuncError, fn, funcMap } from './functions.js';
import { assignable, canBeNil, goTypeName, isIntParam, zeroOfElem } from './param-types.js';
import { byteAt, byteLength, sliceBytes } from './text-util.js';
import type { GoValue } from './values.js';
import {
  GoFuncValue,
  GoInt,
  GoStruct,
  isMap,
  isTrue,
  mapGet,
  tagType,
  typeName,
  typeTag,
} from './values.js';

/** reflect.Value.Type() of a value after indirect(): a pointer's element type. */
function indirectTypeName(v: GoValue): string {
  const name = typeName(v);
  return v instanceof GoStruct && v.goType.kind === 'ptr' ? name.replace(/^\*/, '') : name;
}

/** `len` of a nil argument: a nil interface{} is a nil pointer, an untyped nil has no type. */
export function lengthOfNil(nilInterface: boolean): string {
  return nilInterface ? 'len of nil pointer' : 'reflect: call of reflect.Value.Type on zero Value';
}

function length(item: GoValue): GoValue {
  if (typeof item === 'string') return new GoInt(byteLength(item));
  if (Array.isArray(item) || item instanceof Uint8Array) return new GoInt(item.length);
  if (isMap(item)) return new GoInt(Object.keys(item).length);
  if (item === null) throw new FuncError(lengthOfNil(false));
  throw new FuncError(`len of type ${indirectTypeName(item)}`);
}

/** funcs.go `indexArg`: an integer in [0, cap]. */
function indexArg(index: GoValue, cap: number): number {
  if (index === null) throw new FuncError('cannot index slice/array with nil');
  if (!(index instanceof GoInt))
    throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  const x = BigInt.asIntN(64, index.value);
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function indexOnce(item: GoValue, index: GoValue): GoValue {
  if (item === null) throw new FuncError('index of nil pointer');
  if (typeof item === 'string') {
    const x = indexArg(index, byteLength(item));
    if (x === byteLength(item)) throw new FuncError('reflect: string index out of range');
    return new GoInt(byteAt(item, x), 'uint8');
  }
  if (Array.isArray(item) || item instanceof Uint8Array) {
    const x = indexArg(index, item.length);
    if (x === item.length) throw new FuncError('reflect: slice index out of range');
    return item instanceof Uint8Array ? new GoInt(item[x]!, 'uint8') : item[x]!;
  }
  if (isMap(item)) {
    const key = prepareArg(index, 'string', undefined);
    const value = mapGet(item, key as string);
    if (value !== undefined) return value;
    return zeroOfElem(typeTag(item)?.elem);
  }
  throw new FuncError(`can't index item of type ${indirectTypeName(item)}`);
}

/** index x 1 2 3 is x[1][2][3]; a missing map key yields the element type's zero value. */
function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null) throw new FuncError('index of untyped nil');
  for (const i of indexes) item = indexOnce(item, i);
  return item;
}

/** slice x 1 2 is x[1:2]; slice x is x[:]; slice x 1 2 3 is x[1:2:3]. */
function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = byteLength(item);
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    len = item.length;
  } else {
    throw new FuncError(`can't slice item of type ${indirectTypeName(item)}`);
  }
  const idx = [0, len, 0];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len)));
  const [from, to, max] = idx as [number, number, number];
  if (from > to) throw new FuncError(`invalid slice index: ${from} > ${to}`);
  if (indexes.length === 3 && to > max) throw new FuncError(`invalid slice index: ${to} > ${max}`);
  if (typeof item === 'string') return sliceBytes(item, from, to);
  if (item instanceof Uint8Array) return item.subarray(from, to);
  const out = item.slice(from, to);
  const tag = typeTag(item);
  return tag === undefined ? out : tagType(out, tag);
}

/** funcs.go `prepareArg` for `call`: assignable, or an integer convertible to an integer type. */
function prepareArg(value: GoValue, t: ParamType, structType: string | undefined): GoValue {
  if (value === null) {
    if (!canBeNil(t, structType))
      throw new FuncError(`value is nil; should be of type ${goTypeName(t, structType)}`);
    return null;
  }
  if (assignable(value, t, structType)) return value;
  if (value instanceof GoInt && isIntParam(t)) return new GoInt(value.value, t);
  throw new FuncError(`value has type ${typeName(value)}; should be ${goTypeName(t, structType)}`);
}

/** `call fn args...` (Go 1.22 funcs.go `call`); argv[0] is the function value. */
export function callBuiltin(argv: readonly GoValue[]): GoValue {
  const f = argv[0] ?? null;
  const args = argv.slice(1);
  if (f === null) throw new FuncError('call of nil');
  if (!(f instanceof GoFuncValue)) throw new FuncError(`non-function of type ${typeName(f)}`);
  const { params, variadic, structTypes } = f.signature;
  if (variadic !== undefined && args.length < params.length) {
    throw new FuncError(`wrong number of args: got ${args.length} want at least ${params.length}`);
  }
  if (variadic === undefined && args.length !== params.length) {
    throw new FuncError(`wrong number of args: got ${args.length} want ${params.length}`);
  }
  const converted = args.map((arg, i) => {
    const t = i < params.length ? params[i]! : variadic!;
    try {
      return prepareArg(arg, t, structTypes?.[i]);
    } catch (e) {
      if (e instanceof FuncError) throw new FuncError(`arg ${i}: ${e.message}`, { cause: e });
      throw e;
    }
  });
  return f.impl(...converted);
}

/** funcs.go `evalArgs`: one string as is, else fmt.Sprint with nil shown as `<no value>`. */
function evalArgs(args: readonly GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null ? '<no value>' : a)));
}

/** and/or without short-circuit; the executor evaluates them lazily instead. */
function logical(isOr: boolean) {
  return (...args: GoValue[]): GoValue => {
    for (const a of args) if (isTrue(a) === isOr) return a;
    return args[args.length - 1] ?? null;
  };
}

const variadicAny = { params: [] as ParamType[], variadic: 'any' } as const;
const atLeastOne = { params: ['any'] as ParamType[], variadic: 'any' } as const;

export const BUILTINS: FuncMap = funcMap(
  fn('and', atLeastOne, logical(false)),
  fn('or', atLeastOne, logical(true)),
  fn('not', { params: ['any'] }, (v: GoValue) => !isTrue(v)),
  fn('len', { params: ['any'], returnsError: true }, length),
  fn('index', { ...atLeastOne, returnsError: true }, index),
  fn('slice', { ...atLeastOne, returnsError: true }, slice),
  fn('call', { ...atLeastOne, returnsError: true }, (...argv: GoValue[]) => callBuiltin(argv)),
  fn('print', variadicAny, (...args: GoValue[]) => sprint(args)),
  fn('printf', { params: ['string'], variadic: 'any' }, (format: string, ...args: GoValue[]) =>
    sprintf(format, args),
  ),
  fn('println', variadicAny, (...args: GoValue[]) => sprintln(args)),
  fn('html', variadicAny, (...args: GoValue[]) => htmlEscapeString(evalArgs(args))),
  fn('js', variadicAny, (...args: GoValue[]) => jsEscapeString(evalArgs(args))),
  fn('urlquery', variadicAny, (...args: GoValue[]) => queryEscape(evalArgs(args))),
  ...COMPARISONS,
);
