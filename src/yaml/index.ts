/**
 * YAML as Helm reads and writes it (docs/design.md decision 3). Placeholder signatures; the
 * implementation mirrors sigs.k8s.io/yaml over go-yaml v2.
 */
import type { GoMap, GoValue } from '../gotemplate/values.js';

/** A YAML syntax error with go-yaml's message (`yaml: line 3: could not find expected ':'`). */
export class YamlError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'YamlError';
  }
}

/**
 * Parse one YAML document the way Helm decodes values and manifests: YAML → JSON → Go
 * (numbers become float64, keys become strings, YAML 1.1 booleans as go-yaml v2 reads them).
 */
export function yamlToGo(text: string): GoValue {
  void text;
  throw new Error('yamlToGo: not implemented yet');
}

/** Parse a values file: must be a map (or empty → empty map). */
export function parseValuesYaml(text: string): GoMap {
  void text;
  throw new Error('parseValuesYaml: not implemented yet');
}

/** Helm's toYaml: sigs.k8s.io/yaml.Marshal output (go-yaml v2 formatting), trailing newline kept. */
export function marshalYaml(v: GoValue): string {
  void v;
  throw new Error('marshalYaml: not implemented yet');
}
