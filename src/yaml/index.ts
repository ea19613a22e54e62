/**
 * YAML as Helm reads and writes it (docs/design.md decision 3): sigs.k8s.io/yaml over go-yaml v2.
 *
 * Reading (`yamlToGo`, `parseValuesYaml`, `parseYamlArray`, `parseManifestDocument`) mirrors
 * sigs.k8s.io/yaml.Unmarshal: go-yaml v2 decodes the first document with YAML 1.1 rules, keys
 * become strings, and the JSON round trip turns every number into a float64. Errors carry the
 * exact text Helm prints (`error converting YAML to JSON: yaml: line 11: could not find
 * expected ':'`, `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array
 * into Go value of type map[string]interface {}`); wrapping them (`YAML parse error on ...`,
 * `failed to parse ...`) is the caller's job.
 *
 * Writing (`marshalYaml`, `marshalYamlPretty`) reproduces toYaml / toYamlPretty output byte for
 * byte, final newline included (Helm trims it).
 */
import type { GoMap, GoSlice, GoValue } from '../gotemplate/values.js';
import { isMap, newMap } from '../gotemplate/values.js';
import { decodeYaml } from './decode.js';
import { marshalYamlV2 } from './marshal.js';
import { marshalYamlV3 } from './pretty.js';
import { YamlError } from './yaml-error.js';

export { YamlError } from './yaml-error.js';
export { MarshalError } from './marshal.js';

/**
 * Parse one YAML document the way Helm decodes values and manifests: YAML → JSON → Go
 * (numbers become float64, keys become strings, YAML 1.1 booleans as go-yaml v2 reads them).
 * Only the first document of a stream is read (go-yaml v2 Unmarshal); empty input is null.
 */
export function yamlToGo(text: string): GoValue {
  return decodeYaml(text);
}

/** encoding/json's name for the JSON kind of a decoded value (UnmarshalTypeError.Value). */
function jsonKind(v: GoValue): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'object';
}

function typeMismatch(v: GoValue, goType: string): YamlError {
  return new YamlError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${goType}`,
  );
}

export interface ParseMapOptions {
  /**
   * The Go type Helm decodes into, named in type errors: `chartutil.Values` for values files
   * (chartutil.ReadValues), `map[string]interface {}` for fromYaml (the default).
   */
  goType?: string;
}

/** Parse a YAML map: empty, comment-only or `null` input gives an empty map (chartutil.ReadValues). */
export function parseValuesYaml(text: string, opts: ParseMapOptions = {}): GoMap {
  const v = decodeYaml(text);
  if (v === null) return newMap();
  if (!isMap(v)) throw typeMismatch(v, opts.goType ?? 'map[string]interface {}');
  return v;
}

/** Parse a YAML sequence as fromYamlArray does (`[]interface {}`); null gives an empty list. */
export function parseYamlArray(text: string): GoSlice {
  const v = decodeYaml(text);
  if (v === null) return [];
  if (!Array.isArray(v)) throw typeMismatch(v, '[]interface {}');
  return v;
}

/**
 * A rendered manifest document as releaseutil's sorter reads it (sigs.k8s.io/yaml.Unmarshal):
 * the same decoding as {@link yamlToGo}; errors read `error converting YAML to JSON: yaml: ...`.
 */
export function parseManifestDocument(text: string): GoValue {
  return decodeYaml(text);
}

/** Helm's toYaml: sigs.k8s.io/yaml.Marshal output (go-yaml v2 formatting), trailing newline kept. */
export function marshalYaml(v: GoValue): string {
  return marshalYamlV2(v);
}

/** Helm's toYamlPretty: go-yaml v3 encoder with SetIndent(2), trailing newline kept. */
export function marshalYamlPretty(v: GoValue): string {
  return marshalYamlV3(v);
}
