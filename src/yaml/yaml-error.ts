/**
 * A YAML error carrying the exact text Helm shows. `message` is the whole sigs.k8s.io/yaml
 * error (`error converting YAML to JSON: yaml: line 3: could not find expected ':'`);
 * `goYaml` is go-yaml's own part (`yaml: line 3: ...`) when the error comes from go-yaml;
 * `line` is the number go-yaml printed (which for parser errors is the 0-based line of the
 * offending token, i.e. one less than the editor line: go-yaml v2 `parser.fail`).
 */
export class YamlError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'YamlError';
  }
}
