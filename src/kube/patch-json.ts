/**
 * JSON values and the helpers apimachinery's strategicpatch shares between diffing and merging
 * (patch.go): Go's type classes and equality over decoded JSON, `%v` ordering of scalars, merge
 * key access, patch-strategy splitting and list normalisation. Part of three-way-patch.ts.
 */
export type Json = null | boolean | number | string | Json[] | JsonMap;
export interface JsonMap {
  [key: string]: Json;
}

/** A patch that cannot be built (Go's mergepatch errors), e.g. a list item without its key. */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_PRIMITIVE = '$deleteFromPrimitiveList';
export const SET_ORDER = '$setElementOrder';

export interface DiffOptions {
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  setElementOrder?: boolean;
  buildRetainKeysDirective?: boolean;
}

export type GoType = 'nil' | 'bool' | 'number' | 'string' | 'slice' | 'map';

export function goType(v: Json | undefined): GoType {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  return typeof v as 'bool' | 'number' | 'string';
}

export function isMap(v: Json | undefined): v is JsonMap {
  return goType(v) === 'map';
}

export function clone<T extends Json>(v: T): T {
  return structuredClone(v);
}

/** reflect.DeepEqual over decoded JSON. */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  const ta = goType(a);
  if (ta !== goType(b)) return false;
  if (ta === 'slice') {
    const x = a as Json[];
    const y = b as Json[];
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (ta === 'map') {
    const x = a as JsonMap;
    const y = b as JsonMap;
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => k in y && deepEqual(x[k], y[k]));
  }
  return false;
}

/** fmt.Sprintf("%v", v) for the scalars lists are sorted by. */
export function goString(v: Json | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's `==` on interface values holding JSON scalars. */
export function sameScalar(a: Json | undefined, b: Json | undefined): boolean {
  return a === b && typeof a !== 'object';
}

/** extractRetainKeysPatchStrategy. */
export function splitStrategies(strategies: readonly string[]): {
  retainKeys: boolean;
  strategy: string;
} {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  if (strategies.length === 1) {
    return strategies[0] === 'retainKeys'
      ? { retainKeys: true, strategy: '' }
      : { retainKeys: false, strategy: strategies[0]! };
  }
  if (strategies.length === 2 && strategies[0] === 'retainKeys')
    return { retainKeys: true, strategy: strategies[1]! };
  if (strategies.length === 2 && strategies[1] === 'retainKeys')
    return { retainKeys: true, strategy: strategies[0]! };
  throw new PatchError(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

export function noMergeKey(m: Json, key: string): PatchError {
  return new PatchError(`map: ${JSON.stringify(m)} does not contain declared merge key: ${key}`);
}

/** sliceElementType: the one element type of the lists; lists of lists are refused. */
export function elementType(...lists: Json[][]): GoType {
  let prev: GoType | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = goType(v);
      if (prev === undefined) {
        if (t === 'slice') throw new PatchError('lists of lists are not supported');
        prev = t;
      } else if (prev !== t) {
        throw new PatchError(`list element types are not identical: ${JSON.stringify(lists)}`);
      }
    }
  }
  if (prev === undefined) throw new PatchError('no elements in any of the given slices');
  return prev;
}

export function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (mergeKey === '') return sameScalar(left, right);
  if (!isMap(left) || !isMap(right)) throw new PatchError('unexpected non-map list item');
  if (!(mergeKey in left)) throw noMergeKey(left, mergeKey);
  if (!(mergeKey in right)) throw noMergeKey(right, mergeKey);
  return sameScalar(left[mergeKey], right[mergeKey]);
}

/** sortMergeListsByNameArray without recursion: maps ordered by their merge key's text. */
export function sortByMergeKey(list: Json[], mergeKey: string): JsonMap[] {
  for (const item of list) {
    if (!isMap(item)) throw new PatchError('unexpected non-map list item');
  }
  return (list as JsonMap[])
    .slice()
    .sort((a, b) => compareStrings(goString(a[mergeKey]), goString(b[mergeKey])));
}

export function mergeKeyValue(item: JsonMap, mergeKey: string): Json {
  if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
  return item[mergeKey]!;
}

export function sortScalars<T extends Json>(list: T[]): T[] {
  return list.sort((a, b) => compareStrings(goString(a), goString(b)));
}

/** deduplicateScalars, with Go's order (a duplicate is replaced by the last element). */
export function deduplicateScalars(input: Json[]): Json[] {
  const s = input.slice();
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (sameScalar(s[i], s[j])) {
        s[j] = s[length]!;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** index: the position of `item` in `list` (by merge key for maps), or -1. */
export function indexOf(list: readonly Json[], item: Json, mergeKey: string, kind: GoType): number {
  const val = (v: Json): Json | undefined => (kind === 'map' ? (isMap(v) ? v[mergeKey] : null) : v);
  const want = val(item);
  return list.findIndex((v) => {
    const got = val(v);
    return got === want || (got === undefined && want === undefined);
  });
}

/** normalizeSliceOrder: `toSort` in the order of `order`, delete directives last. */
export function normalizeSliceOrder(
  toSort: Json[],
  order: readonly Json[],
  mergeKey: string,
  kind: GoType,
): Json[] {
  let keep = toSort;
  let toDelete: Json[] = [];
  if (kind === 'map') {
    for (const list of [toSort, order]) {
      for (const item of list) {
        if (!isMap(item)) throw new PatchError('unexpected non-map list item');
        if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
      }
    }
    keep = toSort.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
    toDelete = toSort.filter((v) => (v as JsonMap)[DIRECTIVE] === 'delete');
  }
  const sorted = keep.slice().sort((a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    const ib = indexOf(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia - ib : 0;
  });
  return [...sorted, ...toDelete];
}
