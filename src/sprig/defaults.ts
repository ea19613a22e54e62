/**
 * sprig's defaults and JSON functions (Masterminds/sprig defaults.go): `empty` follows
 * text/template's truth rules except that structs are never empty; `toJson` swallows errors,
 * the `must` forms return them. JSON text comes from src/gojson: json.Marshal, MarshalIndent with
 * two spaces for `toPrettyJson`, an Encoder with SetEscapeHTML(false) for `toRawJson`.
 */
import type { GoFuncValue, GoValue } from '../gotemplate/values.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import {
  GoFuncValue as FuncValue,
  GoInt,
  GoStruct,
  isBytes,
  isSlice,
} from '../gotemplate/values.js';
import { marshalJson, unmarshalJson } from '../gojson/index.js';
import { errorText } from '../util/errors.js';

/** sprig's empty: nil, false, 0, and empty strings, slices and maps; structs never. */
export function empty(v: GoValue): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'boolean':
      return !v;
    case 'string':
      return v.length === 0;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.value === 0n;
  if (isBytes(v) || isSlice(v)) return v.length === 0;
  if (v instanceof GoStruct || v instanceof FuncValue) return false;
  return Object.keys(v).length === 0;
}

/** Run a marshal step, turning its failure into the template function's error. */
function must(f: () => string): string {
  try {
    return f();
  } catch (err) {
    throw new FuncError(errorText(err), { cause: err });
  }
}

function orEmpty(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

const toJson = (v: GoValue) => marshalJson(v);
const toPrettyJson = (v: GoValue) => marshalJson(v, { indent: '  ' });
const toRawJson = (v: GoValue) => marshalJson(v, { escapeHTML: false });

export const defaultFuncs: GoFuncValue[] = [
  fn('default', { params: ['any'], variadic: 'any' }, (d: GoValue, ...given: GoValue[]) =>
    given.length === 0 || empty(given[0] as GoValue) ? d : (given[0] as GoValue),
  ),
  fn('empty', { params: ['any'] }, empty),
  fn(
    'coalesce',
    { params: [], variadic: 'any' },
    (...vs: GoValue[]) => vs.find((v) => !empty(v)) ?? null,
  ),
  fn('all', { params: [], variadic: 'any' }, (...vs: GoValue[]) => vs.every((v) => !empty(v))),
  fn('any', { params: [], variadic: 'any' }, (...vs: GoValue[]) => vs.some((v) => !empty(v))),
  fn('ternary', { params: ['any', 'any', 'bool'] }, (vt: GoValue, vf: GoValue, c: boolean) =>
    c ? vt : vf,
  ),
  fn('fromJson', { params: ['string'] }, (s: string) => {
    try {
      return unmarshalJson(s);
    } catch {
      return null;
    }
  }),
  fn('mustFromJson', { params: ['string'], returnsError: true }, (s: string) => {
    try {
      return unmarshalJson(s);
    } catch (err) {
      throw new FuncError(errorText(err), { cause: err });
    }
  }),
  fn('toJson', { params: ['any'] }, (v: GoValue) => orEmpty(() => toJson(v))),
  fn('toPrettyJson', { params: ['any'] }, (v: GoValue) => orEmpty(() => toPrettyJson(v))),
  fn('toRawJson', { params: ['any'] }, (v: GoValue) => orEmpty(() => toRawJson(v))),
  fn('mustToJson', { params: ['any'], returnsError: true }, (v: GoValue) => must(() => toJson(v))),
  fn('mustToPrettyJson', { params: ['any'], returnsError: true }, (v: GoValue) =>
    must(() => toPrettyJson(v)),
  ),
  fn('mustToRawJson', { params: ['any'], returnsError: true }, (v: GoValue) =>
    must(() => toRawJson(v)),
  ),
];
