/**
 * sprig's reflection functions (Masterminds/sprig reflect.go) and Go's reflect.DeepEqual over the
 * value model: types must match exactly (float64 1 ≠ int 1, []string ≠ []interface{}), maps compare
 * key sets and values, NaN is never equal, funcs are never equal (unless both are nil), and a nil
 * slice never equals a non-nil one, even empty (deepequal.go: "both nil or both non-nil").
 */
import type { GoFuncValue, GoValue } from '../gotemplate/values.js';
import { fn } from '../gotemplate/functions.js';
import {
  GoFuncValue as FuncValue,
  GoInt,
  GoStruct,
  isBytes,
  isMap,
  isNilMap,
  isNilSlice,
  isSlice,
  kindName,
  typeName,
} from '../gotemplate/values.js';

function sameType(a: GoValue, b: GoValue): boolean {
  return typeName(a) === typeName(b);
}

/** reflect.DeepEqual(a, b). */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === null || b === null) return a === b;
  if (!sameType(a, b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a instanceof GoInt) return a.value === (b as GoInt).value;
  if (isBytes(a)) return isBytes(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof FuncValue) return false;
  if (a instanceof GoStruct) return structEqual(a, b as GoStruct);
  if (isSlice(a)) {
    const bs = b as GoValue[];
    if (a === bs) return true;
    if (isNilSlice(a) !== isNilSlice(bs)) return false;
    return a.length === bs.length && a.every((x, i) => deepEqual(x, bs[i] as GoValue));
  }
  if (isMap(a) && isMap(b)) {
    if (a === b) return true;
    // reflect.DeepEqual: a nil map differs from an empty one.
    if (isNilMap(a) !== isNilMap(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k] as GoValue, b[k] as GoValue),
    );
  }
  return false;
}

function structEqual(a: GoStruct, b: GoStruct): boolean {
  if (a === b) return true;
  return a.fieldNames.every((f) => deepEqual(a.field(f), b.field(f)));
}

const anyAny = { params: ['string', 'any'] } as const;

export const reflectFuncs: GoFuncValue[] = [
  fn('typeOf', { params: ['any'] }, (v: GoValue) => typeName(v)),
  fn('typeIs', anyAny, (target: string, v: GoValue) => target === typeName(v)),
  fn('typeIsLike', anyAny, (target: string, v: GoValue) => {
    const t = typeName(v);
    return target === t || '*' + target === t;
  }),
  fn('kindOf', { params: ['any'] }, (v: GoValue) => kindName(v)),
  fn('kindIs', anyAny, (target: string, v: GoValue) => target === kindName(v)),
  fn('deepEqual', { params: ['any', 'any'] }, deepEqual),
];
