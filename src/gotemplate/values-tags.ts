/**
 * Type tags of the Go value model (see values.ts, which re-exports all of this): named types
 * attached to maps and slices, the common typed slices, typed nil slices, and the untyped view
 * of a named map.
 */
import type { GoMap, GoSlice, GoTypeInfo, GoValue } from './values.js';

const TYPE_TAG: unique symbol = Symbol('hookline.goType');

/** Attach a Go type to a map or slice. Returns the same object. */
export function tagType<T extends GoMap | GoSlice>(value: T, info: GoTypeInfo): T {
  Object.defineProperty(value, TYPE_TAG, { value: info, enumerable: false, configurable: true });
  return value;
}

/** The type tag of a map or slice, if any. */
export function typeTag(value: GoMap | GoSlice): GoTypeInfo | undefined {
  return (value as { [TYPE_TAG]?: GoTypeInfo })[TYPE_TAG];
}

export const STRING_SLICE: GoTypeInfo = { name: '[]string', kind: 'slice', elem: 'string' };
export const INT_SLICE: GoTypeInfo = { name: '[]int', kind: 'slice', elem: 'int' };
export const STRING_MAP: GoTypeInfo = { name: 'map[string]string', kind: 'map', elem: 'string' };

/** A []string. */
export function stringSlice(items: string[]): GoSlice {
  return tagType(items as GoSlice, STRING_SLICE);
}

const NIL_SLICES = new WeakSet<GoSlice>();

/**
 * A typed nil slice (Go functions such as regexp's FindAllString return a nil []string, sprig's
 * `rest` of an empty list a nil []interface{}). It behaves like an empty slice (len 0, ranges
 * over nothing, `%v` prints `[]`) but encodes as JSON `null`, unlike an empty slice.
 */
export function nilSlice(info?: GoTypeInfo): GoSlice {
  const s = info ? tagType([] as GoSlice, info) : ([] as GoSlice);
  NIL_SLICES.add(s);
  return s;
}

/** True for a typed nil slice made by {@link nilSlice} that is still empty. */
export function isNilSlice(v: GoValue | undefined): boolean {
  return Array.isArray(v) && v.length === 0 && NIL_SLICES.has(v);
}

const NIL_MAP: unique symbol = Symbol('hookline.nilMap');

/**
 * A typed nil map: what json.Unmarshal stores for `null` into a map (Helm's `fromJson "null"`),
 * or a map field a struct never set (`.Chart.Annotations` without annotations). It behaves like
 * an empty map (len 0, ranges over nothing, `%v` prints `map[]`) but encodes as JSON `null`.
 * The mark is a non-enumerable symbol, so it survives {@link untypedView}'s proxy but not copies.
 */
export function nilMap(info?: GoTypeInfo): GoMap {
  const m = Object.create(null) as GoMap;
  Object.defineProperty(m, NIL_MAP, { value: true, enumerable: false, configurable: true });
  return info ? tagType(m, info) : m;
}

/** True for a nil map made by {@link nilMap} that is still empty. */
export function isNilMap(v: GoValue | undefined): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return (v as { [NIL_MAP]?: boolean })[NIL_MAP] === true && Object.keys(v).length === 0;
}

const untypedViews = new WeakMap<GoMap, GoMap>();

/**
 * The same map seen as an unnamed `map[string]interface{}`: reads and writes go to `m`, only
 * the type tag is hidden. This is Go's conversion of a named map type (chartutil.Values) when it
 * is passed to a `map[string]interface{}` parameter: same map, different static type.
 */
export function untypedView(m: GoMap): GoMap {
  const tag = typeTag(m);
  if (tag === undefined || tag.name === 'map[string]interface {}') return m;
  let view = untypedViews.get(m);
  if (!view) {
    view = new Proxy(m, {
      get: (target, key) => (key === TYPE_TAG ? undefined : Reflect.get(target, key)),
    });
    untypedViews.set(m, view);
  }
  return view;
}
