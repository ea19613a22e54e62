/**
 * Deep copy of Go values (mitchellh/copystructure.Copy as Helm uses it on values): maps and
 * slices are copied recursively keeping their type tags; scalars, ints and structs are shared.
 */
import {
  isMap,
  isSlice,
  newMap,
  tagType,
  typeTag,
  type GoMap,
  type GoValue,
} from '../gotemplate/values.js';

export function deepCopy(v: GoValue): GoValue {
  if (isSlice(v)) {
    const out = v.map(deepCopy);
    const tag = typeTag(v);
    return tag ? tagType(out, tag) : out;
  }
  if (v instanceof Uint8Array) return v.slice();
  if (isMap(v)) return deepCopyMap(v);
  return v;
}

export function deepCopyMap(m: GoMap): GoMap {
  const out = newMap();
  for (const k of Object.keys(m)) out[k] = deepCopy(m[k] as GoValue);
  const tag = typeTag(m);
  return tag ? tagType(out, tag) : out;
}

/** Go's `_, ok := v.(map[string]interface{})` (chartutil istable). */
export function isTable(v: GoValue | undefined): v is GoMap {
  return v !== undefined && isMap(v);
}
