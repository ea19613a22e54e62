/**
 * Go's value model for templates (docs/design.md decision 2).
 *
 * JavaScript has one number type and no typed collections, Go has many. The mapping:
 *
 * | Go                          | here                                                      |
 * | --------------------------- | --------------------------------------------------------- |
 * | nil interface / missing key | `null`                                                    |
 * | bool                        | `boolean`                                                 |
 * | string                      | `string`                                                  |
 * | float64                     | `number` (every number decoded from YAML/JSON values)     |
 * | int, int64, int32, uint8 …  | {@link GoInt} (exact 64-bit value as `bigint`, plus type) |
 * | []byte                      | `Uint8Array`                                              |
 * | []interface{}               | `GoValue[]` (untagged)                                    |
 * | []string, [][]interface{} … | `GoValue[]` tagged with {@link tagType}                   |
 * | map[string]interface{}      | plain object (untagged)                                   |
 * | chartutil.Values, files …   | plain object tagged with {@link tagType} (name, methods)  |
 * | structs and pointers        | {@link GoStruct} subclasses                               |
 * | func                        | {@link GoFuncValue}                                       |
 *
 * Plain objects used as Go maps must never be read through the prototype chain: use
 * {@link mapGet}/{@link mapHas}, and create them with {@link newMap}.
 *
 * GoInt lives in values-int.ts (re-exported here); the type tags (typed and nil slices, nil maps,
 * untypedView) are at the end of this module.
 */
import type { FuncSignature } from './func-types.js';
import { GoInt, type IntType } from './values-int.js';

export { GoInt, int, int64, type IntType } from './values-int.js';

/** Go type information attached to tagged maps and slices, and owned by struct classes. */
export interface GoTypeInfo {
  /** The name Go's `%T` prints, e.g. `chartutil.Values`, `[]string`, `*chart.Metadata`. */
  readonly name: string;
  /** reflect.Kind name as sprig's `kindOf` prints it: `map`, `slice`, `struct`, `ptr` … */
  readonly kind: GoKind;
  /**
   * Methods callable from templates (`.Files.Get "x"`, `.Capabilities.APIVersions.Has "v1"`).
   * Go looks methods up before map keys, so a method shadows a map key of the same name.
   * Calling convention: the executor calls `impl` with `this` bound to the receiver (write
   * methods as `function (this: T, ...args)`); the signature's `params` list the arguments.
   */
  readonly methods?: Readonly<Record<string, GoFuncValue>>;
  /** For slices and maps: the element type's name (`string` for []string). */
  readonly elem?: string;
}

/** reflect.Kind names; the integer kinds are spelled as the plain integer types. */
export type GoKind =
  | 'invalid'
  | 'bool'
  | Exclude<IntType, `time.${string}`>
  | 'float64'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'ptr'
  | 'func';

/** A Go map: a plain object, possibly tagged with a named type. */
export interface GoMap {
  [key: string]: GoValue;
}

/** A Go slice: a JS array, possibly tagged with an element type. */
export type GoSlice = GoValue[];

/**
 * Base class of Go structs and pointers to structs. Subclasses list their exported fields in
 * declaration order (used by `%v`, which prints `{a b}` or `&{a b}`) and may expose methods.
 */
export abstract class GoStruct {
  abstract readonly goType: GoTypeInfo;
  /** Exported field names in declaration order. */
  abstract readonly fieldNames: readonly string[];
  /** A field's value. Only called with names from {@link fieldNames}. */
  abstract field(name: string): GoValue;
}

/**
 * Go's fmt.Stringer: a struct with a `String()` method prints through it with %v and %s
 * (time.Time, *semver.Version). Structs opt in by implementing `goString`.
 */
export interface GoStringer {
  goString(): string;
}

export function isStringer(v: unknown): v is GoStringer {
  return typeof v === 'object' && v !== null && typeof (v as GoStringer).goString === 'function';
}

/**
 * A Go function value (template funcs, methods, and values `call` can call).
 * `impl` receives already converted arguments (see functions.ts for the conversion rules).
 */
export class GoFuncValue {
  constructor(
    readonly name: string,
    readonly signature: FuncSignature,
    readonly impl: (...args: GoValue[]) => GoValue,
  ) {}
}

export type GoValue =
  null | boolean | string | number | GoInt | Uint8Array | GoSlice | GoMap | GoStruct | GoFuncValue;

/** A fresh, untagged map[string]interface{} with no prototype. */
export function newMap(entries?: Iterable<[string, GoValue]>): GoMap {
  const m = Object.create(null) as GoMap;
  if (entries) for (const [k, v] of entries) m[k] = v;
  return m;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function mapHas(m: GoMap, key: string): boolean {
  return hasOwn.call(m, key);
}

export function mapGet(m: GoMap, key: string): GoValue | undefined {
  return hasOwn.call(m, key) ? m[key] : undefined;
}

/** Keys in Go's sorted order (byte-wise, as Go sorts strings). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** Go compares strings byte-wise (UTF-8); UTF-16 code unit order differs above U+FFFF only. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      const sa = ca >= 0xd800 && ca <= 0xdfff;
      const sb = cb >= 0xd800 && cb <= 0xdfff;
      // Surrogates (astral code points) sort after every BMP code point in UTF-8.
      if (sa !== sb) return sa ? 1 : -1;
      return ca - cb;
    }
  }
  return a.length - b.length;
}

export function isGoInt(v: GoValue | undefined): v is GoInt {
  return v instanceof GoInt;
}

export function isSlice(v: GoValue | undefined): v is GoSlice {
  return Array.isArray(v);
}

export function isBytes(v: GoValue | undefined): v is Uint8Array {
  return v instanceof Uint8Array;
}

/** True for Go maps (plain objects), false for structs, slices, funcs and scalars. */
export function isMap(v: GoValue | undefined): v is GoMap {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v) || v instanceof GoInt || v instanceof Uint8Array) return false;
  if (v instanceof GoStruct || v instanceof GoFuncValue) return false;
  return true;
}

export function isStruct(v: GoValue | undefined): v is GoStruct {
  return v instanceof GoStruct;
}

const UNTAGGED_SLICE: GoTypeInfo = { name: '[]interface {}', kind: 'slice', elem: 'interface {}' };
const UNTAGGED_MAP: GoTypeInfo = {
  name: 'map[string]interface {}',
  kind: 'map',
  elem: 'interface {}',
};

/** Full Go type information of a value; `undefined` for nil. */
export function typeInfoOf(v: GoValue): GoTypeInfo | undefined {
  if (v === null) return undefined;
  switch (typeof v) {
    case 'boolean':
      return { name: 'bool', kind: 'bool' };
    case 'string':
      return { name: 'string', kind: 'string' };
    case 'number':
      return { name: 'float64', kind: 'float64' };
  }
  if (v instanceof GoInt) {
    const kind: GoKind = v.type.startsWith('time.') ? 'int64' : (v.type as GoKind);
    return {
      name: v.type,
      kind: v.type === 'time.Month' || v.type === 'time.Weekday' ? 'int' : kind,
    };
  }
  if (v instanceof Uint8Array) return { name: '[]uint8', kind: 'slice', elem: 'uint8' };
  if (Array.isArray(v)) return typeTag(v) ?? UNTAGGED_SLICE;
  if (v instanceof GoStruct) return v.goType;
  if (v instanceof GoFuncValue) return { name: v.signature.goTypeName ?? 'func', kind: 'func' };
  return typeTag(v) ?? UNTAGGED_MAP;
}

/** What Go's `%T` prints (`<nil>` for nil). */
export function typeName(v: GoValue): string {
  return typeInfoOf(v)?.name ?? '<nil>';
}

/** What sprig's `kindOf` prints (`invalid` for nil). */
export function kindName(v: GoValue): GoKind {
  return typeInfoOf(v)?.kind ?? 'invalid';
}

/**
 * Go template truthiness (text/template `isTrue`): false, 0, nil, and empty
 * strings/slices/maps are false; structs are always true.
 */
export function isTrue(v: GoValue): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoInt) return v.value !== 0n;
  if (v instanceof Uint8Array) return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoStruct) return true;
  if (v instanceof GoFuncValue) return true;
  // A map is true when it has a key (no array of keys needed to find out).
  for (const key in v) if (hasOwn.call(v, key)) return true;
  return false;
}

/** Copy a map keeping its type tag (methods and name), as Go keeps a named map type. */
export function copyMap(m: GoMap): GoMap {
  const out = newMap(Object.entries(m));
  const tag = typeTag(m);
  return tag ? tagType(out, tag) : out;
}

// Type tags: named types attached to maps and slices, the common typed slices, typed nil
// slices, and the untyped view of a named map.

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
