/**
 * What json.Marshal makes of a Go value (golang/go:src/encoding/json/encode.go), as a tree:
 * the single place that decides how each Go value encodes (float64 in ES6 style, Go ints as
 * their digits, []byte as base64, nil slices and nil maps as null, structs through their json.Marshaler
 * form or their fields, map keys sorted byte-wise) and which values json.Marshal refuses
 * (funcs, NaN and ±Inf, cycles). encode.ts writes the tree as JSON text; yaml/marshal.ts
 * (sigs.k8s.io/yaml.Marshal) re-reads it as go-yaml would.
 */
import { formatFloat } from '../gotemplate/strconv.js';
import type { GoValue } from '../gotemplate/values.js';
import {
  GoFuncValue,
  GoInt,
  GoStruct,
  isNilMap,
  isNilSlice,
  sortedKeys,
  typeName,
} from '../gotemplate/values.js';
import { JsonMarshalError } from './errors.js';

/**
 * A JSON value as json.Marshal would write it: strings are the Go strings before escaping,
 * numbers their JSON text, objects their members in output order.
 */
export type JsonNode =
  | null
  | boolean
  | string
  | { readonly num: string }
  | JsonNode[]
  | { readonly obj: Array<[string, JsonNode]> };

/** A struct may choose its JSON form (Go's json.Marshaler / encoding.TextMarshaler). */
export interface GoJsonMarshaler {
  toGoJson(): GoValue;
}

/**
 * A struct field's JSON tag (`json:"name,omitempty"`). Structs that list `jsonFields` encode
 * those fields in that order under those names; others use their Go field names.
 */
export interface GoJsonField {
  readonly field: string;
  readonly name: string;
  readonly omitempty?: boolean;
}

function jsonFieldsOf(v: GoStruct): readonly GoJsonField[] | undefined {
  return (v as { jsonFields?: readonly GoJsonField[] }).jsonFields;
}

/** encoding/json's isEmptyValue, for omitempty. Structs are never empty. */
function isEmptyValue(v: GoValue): boolean {
  if (v === null || v === false || v === '' || v === 0) return true;
  if (v instanceof GoInt) return v.value === 0n;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof GoStruct || v instanceof GoFuncValue || typeof v !== 'object') return false;
  return Object.keys(v).length === 0;
}

function isJsonMarshaler(v: unknown): v is GoJsonMarshaler {
  return typeof (v as Partial<GoJsonMarshaler>).toGoJson === 'function';
}

/** floatEncoder: ES6-style number text. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f))
    throw new JsonMarshalError('json: unsupported value: ' + formatFloat(f, 'g', -1));
  const abs = Math.abs(f);
  const fmt = abs !== 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f';
  let b = formatFloat(f, fmt, -1);
  if (fmt === 'e') {
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') {
      b = b.slice(0, n - 2) + b.slice(n - 1);
    }
  }
  return b;
}

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** encoding/json refuses cyclic values (`encountered a cycle via <type>`). */
function withCycleCheck<T>(v: object, seen: Set<object>, f: () => T): T {
  if (seen.has(v)) {
    throw new JsonMarshalError(
      `json: unsupported value: encountered a cycle via ${typeName(v as GoValue)}`,
    );
  }
  seen.add(v);
  try {
    return f();
  } finally {
    seen.delete(v);
  }
}

/** json.Marshal of a Go value, as a tree. Throws JsonMarshalError. */
export function toJsonTree(v: GoValue): JsonNode {
  return treeOf(v, new Set());
}

function treeOf(v: GoValue, seen: Set<object>): JsonNode {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return { num: jsonFloat(v) };
  if (v instanceof GoInt) return { num: v.value.toString() };
  if (v instanceof Uint8Array) return base64(v);
  if (v instanceof GoFuncValue)
    throw new JsonMarshalError('json: unsupported type: ' + typeName(v));
  if (v instanceof GoStruct) {
    if (isJsonMarshaler(v)) return treeOf(v.toGoJson(), seen);
    const s = v;
    const tags: readonly GoJsonField[] =
      jsonFieldsOf(s) ?? s.fieldNames.map((n) => ({ field: n, name: n }));
    return withCycleCheck(s, seen, () => ({
      obj: tags
        .filter((t) => !(t.omitempty && isEmptyValue(s.field(t.field))))
        .map((t): [string, JsonNode] => [t.name, treeOf(s.field(t.field), seen)]),
    }));
  }
  if (Array.isArray(v)) {
    if (isNilSlice(v)) return null;
    const a = v;
    return withCycleCheck(a, seen, () => a.map((x) => treeOf(x, seen)));
  }
  if (isNilMap(v)) return null;
  const m = v;
  return withCycleCheck(m, seen, () => ({
    obj: sortedKeys(m).map((k): [string, JsonNode] => [k, treeOf(m[k] ?? null, seen)]),
  }));
}
