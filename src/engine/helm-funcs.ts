/**
 * The functions Helm adds to sprig (helm/helm pkg/engine/funcs.go): YAML, JSON and TOML
 * conversion with Helm's error conventions (errors land in an `Error` key or become "" instead
 * of failing the render), plus the placeholders that engine.ts binds late (include, tpl,
 * required, fail, lookup).
 */
import type { Clock } from '../gotime/clock.js';
import type { FuncMap } from '../gotemplate/functions.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import type { GoValue } from '../gotemplate/values.js';
import { isMap, isSlice, newMap, nilMap, nilSlice } from '../gotemplate/values.js';
import { marshalJson, unmarshalJson } from '../gojson/index.js';
import { marshalToml, TomlError, unmarshalToml } from '../toml/index.js';
import { marshalYaml, marshalYamlPretty, parseValuesYaml, parseYamlArray } from '../yaml/index.js';
import { sprigFuncs } from '../sprig/index.js';
import { errorText } from '../util/errors.js';

/** Helm's toYaml: sigs.k8s.io/yaml.Marshal, trailing newline trimmed, errors swallowed. */
export function toYaml(v: GoValue): string {
  try {
    return marshalYaml(v).replace(/\n$/, '');
  } catch {
    return '';
  }
}

/** The JSON word Go's decoder uses for a value it cannot store (`cannot unmarshal array ...`). */
function jsonKind(v: GoValue): string {
  if (isSlice(v)) return 'array';
  if (isMap(v)) return 'object';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

const MAP_TYPE = 'map[string]interface {}';
const SLICE_TYPE = '[]interface {}';

/** Decode JSON and check the top-level kind, reporting a mismatch as Go's json decoder does. */
function decodeAs<T extends GoValue>(
  text: string,
  opts: {
    decode: (s: string) => GoValue;
    accept: (v: GoValue) => v is T;
    goType: string;
  },
): { value: T | null } | { error: string } {
  try {
    const v = opts.decode(text);
    if (v === null || opts.accept(v)) return { value: v as T | null };
    return { error: `json: cannot unmarshal ${jsonKind(v)} into Go value of type ${opts.goType}` };
  } catch (err) {
    return { error: errorText(err) };
  }
}

/** Helm's extra functions, excluding the late-bound ones. */
function conversionFuncs() {
  return [
    fn('toYaml', { params: ['any'] }, toYaml),
    fn('toYamlPretty', { params: ['any'] }, (v: GoValue) => {
      try {
        return marshalYamlPretty(v).replace(/\n$/, '');
      } catch {
        return '';
      }
    }),
    fn('fromYaml', { params: ['string'] }, (s: string) => {
      try {
        return parseValuesYaml(s);
      } catch (err) {
        return newMap([['Error', errorText(err)]]);
      }
    }),
    // fromYamlArray of `null` stays an empty, non-nil list: sigs.k8s.io/yaml decodes through
    // `d.Decode(&o)` with o an interface holding the slice pointer, and JSON null then clears
    // only o. fromJsonArray calls json.Unmarshal on the slice pointer itself, which nils it.
    fn('fromYamlArray', { params: ['string'] }, (s: string) => {
      try {
        return parseYamlArray(s);
      } catch (err) {
        return [errorText(err)];
      }
    }),
    fn('toJson', { params: ['any'] }, (v: GoValue) => {
      try {
        return marshalJson(v);
      } catch {
        return '';
      }
    }),
    fn('fromJson', { params: ['string'] }, (s: string) => {
      const r = decodeAs(s, { decode: unmarshalJson, accept: isMap, goType: MAP_TYPE });
      if ('error' in r) return newMap([['Error', r.error]]);
      // json.Unmarshal of `null` into &m sets m to nil (decode.go literalStore), so the result
      // is a nil map: toJson prints `null`. fromYaml decodes through an interface and keeps {}.
      return r.value ?? nilMap();
    }),
    fn('fromJsonArray', { params: ['string'] }, (s: string) => {
      const r = decodeAs(s, { decode: unmarshalJson, accept: isSlice, goType: SLICE_TYPE });
      if ('error' in r) return [r.error];
      // encoding/json stores `null` into a slice by setting it to nil.
      return r.value ?? nilSlice();
    }),
    fn('toToml', { params: ['any'] }, (v: GoValue) => {
      try {
        return marshalToml(v);
      } catch (err) {
        // Encode returns its errors (Helm prints their text) but re-panics runtime panics,
        // which text/template reports as `error calling toToml: …`.
        if (err instanceof TomlError && err.panic) throw new FuncError(err.message, { cause: err });
        return errorText(err);
      }
    }),
    fn('fromToml', { params: ['string'] }, (s: string) => {
      try {
        const v = unmarshalToml(s);
        return isMap(v) ? v : newMap();
      } catch (err) {
        return newMap([['Error', errorText(err)]]);
      }
    }),
  ];
}

/**
 * Helm's function map before the engine binds include/tpl/required/fail: sprig minus env and
 * expandenv, plus Helm's conversions, plus an offline `lookup` returning an empty map and a
 * `getHostByName` returning "" (DNS lookups are disabled unless enabled explicitly).
 */
export function helmFuncMap(options: { readonly clock?: Clock } = {}): FuncMap {
  const funcs = sprigFuncs(options.clock ? { clock: options.clock } : {});
  funcs.delete('env');
  funcs.delete('expandenv');
  for (const f of conversionFuncs()) funcs.set(f.name, f);
  funcs.set(
    'lookup',
    fn('lookup', { params: ['string', 'string', 'string', 'string'], returnsError: true }, () =>
      newMap(),
    ),
  );
  funcs.set(
    'getHostByName',
    fn('getHostByName', { params: ['string'] }, () => ''),
  );
  return funcs;
}
