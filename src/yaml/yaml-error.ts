/**
 * A YAML error carrying the exact text Helm shows: `message` is the whole sigs.k8s.io/yaml
 * error (`error converting YAML to JSON: yaml: line 3: could not find expected ':'`, or
 * `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ...`). `line` is the
 * number go-yaml printed, when it printed one: for scanner errors the editor line, for parser
 * errors the 0-based line of the offending token (go-yaml v2 `parser.fail`), and none at all
 * when the problem sits on the first line.
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
