/**
 * sprig's dict functions (Masterminds/sprig v3.2.3 dict.go). Dicts are map[string]interface{}:
 * `set`/`unset`/`merge*` mutate and return their first argument. Go iterates maps in random order;
 * `keys`, `values` and `pluck` here follow sorted key order (deterministic, and a valid Go order).
 *
 * `merge`/`mergeOverwrite` follow imdario/mergo v0.3.11 `deepMerge` for maps (merge.go):
 * - a src key whose value is nil only overwrites (as nil) with Overwrite;
 * - a src map merges recursively, in place, into a dst map at the same key; into a missing, nil
 *   or empty dst value it is stored itself (shared, not copied); a non-empty non-map dst value
 *   is kept even with Overwrite;
 * - a src slice replaces a dst value only when the dst value is missing or empty, or with
 *   Overwrite;
 * - any other src value is stored when the dst value is missing or empty (mergo's isEmptyValue,
 *   which looks through interfaces), or always with Overwrite (empty values included).
 */
import type { GoFuncValue, GoMap, GoSlice, GoValue } from '../gotemplate/values.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import {
  GoStruct,
  copyMap,
  isBytes,
  isMap,
  isNilMap,
  isNilSlice,
  isSlice,
  mapHas,
  newMap,
  nilMap,
  nilSlice,
  sortedKeys,
  stringSlice,
  tagType,
  typeName,
  typeTag,
} from '../gotemplate/values.js';
import { strval } from './conversion.js';
import { empty } from './defaults.js';

function get(d: GoMap, key: string): GoValue {
  return mapHas(d, key) ? (d[key] as GoValue) : '';
}

function set(d: GoMap | null, key: string, value: GoValue): GoMap {
  if (d === null || isNilMap(d)) throw new FuncError('assignment to entry in nil map');
  d[key] = value;
  return d;
}

/** delete on a nil map is a no-op: the nil map comes back (JSON `null`). */
function unset(d: GoMap | null, key: string): GoMap {
  if (d === null) return nilMap();
  delete d[key];
  return d;
}

function dict(...v: GoValue[]): GoMap {
  const out = newMap();
  for (let i = 0; i < v.length; i += 2)
    out[strval(v[i] as GoValue)] = i + 1 < v.length ? (v[i + 1] as GoValue) : '';
  return out;
}

function pick(d: GoMap, ...keys: string[]): GoMap {
  const out = newMap();
  for (const k of keys) if (mapHas(d, k)) out[k] = d[k] as GoValue;
  return out;
}

function omit(d: GoMap, ...keys: string[]): GoMap {
  const drop = new Set(keys);
  return newMap(
    sortedKeys(d ?? newMap())
      .filter((k) => !drop.has(k))
      .map((k) => [k, d[k] as GoValue]),
  );
}

const ERR_TYPES = 'src and dst must be of same type';

/** One mergo deepMerge pass of `src` into `dst` (see the file comment). */
function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const key of sortedKeys(src)) {
    const s = src[key] as GoValue;
    const present = mapHas(dst, key);
    const d = present ? (dst[key] as GoValue) : null;
    if (s === null) {
      if (overwrite) dst[key] = null;
      continue;
    }
    const srcIsMap = isMap(s);
    if (srcIsMap && d !== null) {
      // A nil dst map is not written to: deepMerge only rebinds its local copy, and the src map
      // is then stored below because a nil map is empty.
      if (isMap(d) && !isNilMap(d)) mergeInto(d, s, overwrite);
      else if (d instanceof GoStruct && d.goType.kind === 'ptr' && !overwrite)
        throw new FuncError(ERR_TYPES);
    }
    if (present && !empty(d) && (srcIsMap || isSlice(s) || isBytes(s))) {
      if (overwrite && !srcIsMap) dst[key] = s;
      continue;
    }
    if (overwrite || !present || empty(d)) dst[key] = s;
  }
}

function mergeAll(overwrite: boolean) {
  return (dst: GoMap | null, ...srcs: (GoMap | null)[]): GoMap => {
    let out = dst;
    for (const src of srcs) {
      // deepMerge replaces a nil dst map by a new one only for a non-nil src map.
      if ((out === null || isNilMap(out)) && src !== null && !isNilMap(src)) out = newMap();
      if (out !== null && src !== null) mergeInto(out, src, overwrite);
    }
    return out ?? nilMap();
  };
}

function swallow(f: (dst: GoMap | null, ...srcs: (GoMap | null)[]) => GoMap) {
  return (dst: GoMap | null, ...srcs: (GoMap | null)[]): GoValue => {
    try {
      return f(dst, ...srcs);
    } catch (err) {
      if (err instanceof FuncError) return '';
      throw err;
    }
  };
}

/** Go's panic for a failed type assertion `x.(T)`. */
function assertionError(v: GoValue, want: string): FuncError {
  const have = v === null ? 'nil' : typeName(v);
  return new FuncError(`interface conversion: interface {} is ${have}, not ${want}`);
}

const MAP_TYPE = 'map[string]interface {}';

/** A value that passes Go's assertion `.(map[string]interface{})`: exactly that type. */
function asPlainMap(v: GoValue): GoMap {
  if (isMap(v) && typeName(v) === MAP_TYPE) return v;
  throw assertionError(v, MAP_TYPE);
}

/** `dig k1 k2 ... default dict`: nested lookup, default when a key is missing. */
function dig(...ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new FuncError('dig needs at least three arguments');
  let cur = asPlainMap(ps[ps.length - 1] as GoValue);
  const def = ps[ps.length - 2] as GoValue;
  const keys = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw assertionError(k, 'string');
    return k;
  });
  for (let i = 0; ; i++) {
    const k = keys[i] as string;
    if (!mapHas(cur, k)) return def;
    const step = cur[k] as GoValue;
    if (i === keys.length - 1) return step;
    cur = asPlainMap(step);
  }
}

/**
 * mitchellh/copystructure.Copy: maps, slices and []byte copied deeply, types kept. A nil slice
 * or map stays nil (copystructure.go walker.Slice / walker.Map make a zero value for one).
 */
export function deepCopyValue(v: GoValue): GoValue {
  if (isBytes(v)) return v.slice();
  if (isNilSlice(v)) return nilSlice(typeTag(v as GoSlice));
  if (isNilMap(v)) return nilMap(typeTag(v as GoMap));
  if (isSlice(v)) {
    const out = v.map(deepCopyValue);
    const tag = typeTag(v);
    return tag ? tagType(out, tag) : out;
  }
  if (isMap(v)) {
    const out = copyMap(v);
    for (const k of Object.keys(out)) out[k] = deepCopyValue(out[k] as GoValue);
    return out;
  }
  return v;
}

function deepCopy(v: GoValue): GoValue {
  if (v === null) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  return deepCopyValue(v);
}

const mapKey = { params: ['map', 'string'] } as const;
const mapVariadic = { params: ['map'], variadic: 'map' } as const;

export const dictFuncs: GoFuncValue[] = [
  fn('dict', { params: [], variadic: 'any' }, dict),
  fn('get', mapKey, (d: GoMap | null, k: string) => (d === null ? '' : get(d, k))),
  fn('set', { params: ['map', 'string', 'any'] }, set),
  fn('unset', mapKey, unset),
  fn('hasKey', mapKey, (d: GoMap | null, k: string) => d !== null && mapHas(d, k)),
  fn('pluck', { params: ['string'], variadic: 'map' }, (k: string, ...ds: (GoMap | null)[]) =>
    ds.filter((d): d is GoMap => d !== null && mapHas(d, k)).map((d) => d[k] as GoValue),
  ),
  fn('keys', { params: [], variadic: 'map' }, (...ds: (GoMap | null)[]) =>
    stringSlice(ds.flatMap((d) => (d === null ? [] : sortedKeys(d)))),
  ),
  fn('pick', { params: ['map'], variadic: 'string' }, (d: GoMap | null, ...ks: string[]) =>
    pick(d ?? newMap(), ...ks),
  ),
  fn('omit', { params: ['map'], variadic: 'string' }, omit),
  fn('merge', mapVariadic, swallow(mergeAll(false))),
  fn('mergeOverwrite', mapVariadic, swallow(mergeAll(true))),
  fn('mustMerge', { ...mapVariadic, returnsError: true }, mergeAll(false)),
  fn('mustMergeOverwrite', { ...mapVariadic, returnsError: true }, mergeAll(true)),
  fn('values', { params: ['map'] }, (d: GoMap | null) =>
    d === null ? [] : sortedKeys(d).map((k) => d[k] as GoValue),
  ),
  fn('dig', { params: [], variadic: 'any', returnsError: true }, dig),
  fn('deepCopy', { params: ['any'] }, deepCopy),
  fn('mustDeepCopy', { params: ['any'], returnsError: true }, deepCopy),
];
