/**
 * The comparison builtins eq, ne, lt, le, gt, ge (golang/go:src/text/template/funcs.go, Go 1.18+
 * semantics as shipped with Helm 3): basic kinds compare within their kind, signed and unsigned
 * integers compare by value, ints never equal floats; `eq` also compares nil and comparable
 * non-basic values and rejects maps, slices and funcs.
 */
import { sprintf } from './fmt.js';
import { FuncError, fn } from './functions.js';
import type { GoFuncValue, GoValue } from './values.js';
import { GoInt, GoStruct, compareGoStrings, kindName, typeName } from './values.js';

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';
const errNoComparison = 'missing argument for comparison';

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: GoValue): BasicKind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float';
  }
  if (v instanceof GoInt) return v.isUnsigned() ? 'uint' : 'int';
  return 'invalid';
}

/** reflect.Kind of a non-basic value; nil is `invalid`. */
function reflectKind(v: GoValue): string {
  if (v === null) return 'invalid';
  if (v instanceof Uint8Array) return 'slice';
  return kindName(v);
}

/** reflect.Type.Comparable for non-basic values (struct fields are checked by value). */
function comparable(v: GoValue): boolean {
  if (v === null || basicKind(v) !== 'invalid') return true;
  if (v instanceof GoStruct) {
    if (v.goType.kind === 'ptr') return true;
    return v.fieldNames.every((name) => comparable(v.field(name)));
  }
  return false;
}

/** Go's == on comparable values of the same kind. */
function goEqual(a: GoValue, b: GoValue): boolean {
  if (a === b) return true;
  const ka = basicKind(a);
  if (ka !== basicKind(b)) return false;
  if (ka === 'int' || ka === 'uint')
    return (a as GoInt).type === (b as GoInt).type && (a as GoInt).value === (b as GoInt).value;
  if (ka !== 'invalid') return false;
  if (a instanceof GoStruct && b instanceof GoStruct && a.goType.kind === 'struct') {
    return (
      a.goType.name === b.goType.name &&
      a.fieldNames.every((name) => goEqual(a.field(name), b.field(name)))
    );
  }
  return false;
}

function mixedIntEqual(signed: GoInt, unsigned: GoInt): boolean {
  return signed.value >= 0n && signed.value === unsigned.value;
}

function equalOne(arg1: GoValue, k1: BasicKind, arg: GoValue): boolean {
  const k2 = basicKind(arg);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return mixedIntEqual(arg1 as GoInt, arg as GoInt);
    if (k1 === 'uint' && k2 === 'int') return mixedIntEqual(arg as GoInt, arg1 as GoInt);
    if (arg1 !== null && arg !== null) throw new FuncError(errBadComparison);
    return false;
  }
  switch (k1) {
    case 'int':
    case 'uint':
      return (arg1 as GoInt).value === (arg as GoInt).value;
    case 'invalid':
      break;
    default:
      return arg1 === arg;
  }
  const kind1 = reflectKind(arg1);
  const kind2 = reflectKind(arg);
  if (kind1 !== kind2 && kind1 !== 'invalid' && kind2 !== 'invalid') {
    throw new FuncError(
      `non-comparable types ${sprintf('%s', [arg1])}: ${typeName(arg1)}, ${typeName(arg)}: ${sprintf('%v', [arg])}`,
    );
  }
  if (arg1 === null || arg === null) return arg1 === arg;
  if (!comparable(arg))
    throw new FuncError(`non-comparable type ${sprintf('%s', [arg])}: ${typeName(arg)}`);
  return goEqual(arg1, arg);
}

/** eq: arg1 == arg2 || arg1 == arg3 || ... */
export function eq(arg1: GoValue, ...rest: GoValue[]): boolean {
  if (rest.length === 0) throw new FuncError(errNoComparison);
  const k1 = basicKind(arg1);
  for (const arg of rest) if (equalOne(arg1, k1, arg)) return true;
  return false;
}

/** lt: only basic kinds other than bool order. */
export function lt(arg1: GoValue, arg2: GoValue): boolean {
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return (arg1 as GoInt).value < (arg2 as GoInt).value;
    if (k1 === 'uint' && k2 === 'int')
      return (arg2 as GoInt).value >= 0n && (arg1 as GoInt).value < (arg2 as GoInt).value;
    throw new FuncError(errBadComparison);
  }
  switch (k1) {
    case 'bool':
      throw new FuncError(errBadComparisonType);
    case 'float':
      return (arg1 as number) < (arg2 as number);
    case 'string':
      return compareGoStrings(arg1 as string, arg2 as string) < 0;
    default:
      return (arg1 as GoInt).value < (arg2 as GoInt).value;
  }
}

function le(arg1: GoValue, arg2: GoValue): boolean {
  return lt(arg1, arg2) || eq(arg1, arg2);
}

const variadicCmp = { params: ['any'], variadic: 'any', returnsError: true } as const;
const binaryCmp = { params: ['any', 'any'], returnsError: true } as const;

export const COMPARISONS: readonly GoFuncValue[] = [
  fn('eq', variadicCmp, eq),
  fn('ne', binaryCmp, (a: GoValue, b: GoValue) => !eq(a, b)),
  fn('lt', binaryCmp, lt),
  fn('le', binaryCmp, le),
  fn('gt', binaryCmp, (a: GoValue, b: GoValue) => !le(a, b)),
  fn('ge', binaryCmp, (a: GoValue, b: GoValue) => !lt(a, b)),
];
