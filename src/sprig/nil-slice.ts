/**
 * Typed nil slices. Go functions such as regexp's FindAllString return a nil []string, which
 * behaves like an empty slice (len 0, ranges over nothing, prints `[]` with %v) but encodes as
 * JSON `null` and, unlike a nil interface, is still a []string for sprig's list functions.
 * values.ts has no nil-slice form, so a nil slice is an empty tagged array remembered here;
 * JSON/YAML encoders should print `null` when {@link isNilSlice} says so.
 */
import type { GoTypeInfo, GoSlice, GoValue } from '../gotemplate/values.js';
import { STRING_SLICE, tagType } from '../gotemplate/values.js';

const NIL_SLICES = new WeakSet<GoSlice>();

/** A nil slice of the given slice type ([]string by default). */
export function nilSlice(info: GoTypeInfo = STRING_SLICE): GoSlice {
  const s = tagType([] as GoSlice, info);
  NIL_SLICES.add(s);
  return s;
}

/** True for a typed nil slice made by {@link nilSlice} (still empty). */
export function isNilSlice(v: GoValue): boolean {
  return Array.isArray(v) && v.length === 0 && NIL_SLICES.has(v);
}
