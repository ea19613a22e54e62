/**
 * YAML syntax errors worded and numbered as Helm prints them (sigs.k8s.io/yaml wraps go-yaml
 * v2; go-yaml's parser.fail prints the problem mark's 0-based line, plus one for scanner
 * errors; libyaml forces a line break at the end of the stream). Documents are rebuilt from
 * the conformance cases whose stderr Helm recorded.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseManifestDocument, yamlToGo, YamlError } from '../../src/yaml/index.js';

const HELM_TEMPLATE = '/work/shared/conformance/helm-template';
const GENERATED = '/work/shared/conformance/generated';

const header = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t0\ndata:\n';
/** `n` rendered single-line data entries (what the generated templates' k0..kN lines give). */
const entries = (n: number): string =>
  Array.from({ length: n }, (_, i) => `  k${i}: "v${i}"\n`).join('');

function helmStderrTail(path: string): string {
  const first = readFileSync(path, 'utf8').split('\n')[0]!;
  return first.replace(/^Error: YAML parse error on [^:]+: /, '');
}

describe('manifest errors from the helm-template corpus', () => {
  it('template-with-invalid-yaml.txt (chart-with-template-with-invalid-yaml/templates/alpine-pod.yaml)', () => {
    const template = readFileSync(
      `${HELM_TEMPLATE}/charts/testcharts/chart-with-template-with-invalid-yaml/templates/alpine-pod.yaml`,
      'utf8',
    );
    // Render the one action, then trim the piece as releaseutil.SplitManifests does.
    const rendered = template.replace(/"\{\{[^"]*\}\}"/g, '"release-name-x"').trim();
    const golden = helmStderrTail(`${HELM_TEMPLATE}/golden/output/template-with-invalid-yaml.txt`);
    expect(golden).toBe(
      "error converting YAML to JSON: yaml: line 11: could not find expected ':'",
    );
    expect(() => parseManifestDocument(rendered)).toThrow(new YamlError(golden));
  });
});

describe('manifest errors from the generated corpus (Helm v3.11.3 stderr)', () => {
  it.each<[string, string]>([
    // fze1: "dup: x" on line 9, "  bad indent: 1" on line 10 (scanner error: editor line).
    ['fze1', `${header}${entries(3)}dup: x\n  bad indent: 1\n  z0: |2-\n    x`],
    // fze130: the same shape two lines lower.
    ['fze130', `${header}${entries(5)}dup: x\n  bad indent: 1\n  z0: "y"`],
    // fze140: "- list item at top" on line 10 (parser error: the line before).
    ['fze140', `${header}  k0: |2-\n    true\n${entries(2)}- list item at top`],
    // fze24: a tab on line 9.
    ['fze24', `${header}${entries(3)}\tkey: tab\n  z0: ["1"]`],
    // fze64: "bad: [unclosed" ends the document on line 12 (end of stream).
    ['fze64', `${header}${entries(6)}bad: [unclosed`],
  ])('%s', (id, rendered) => {
    const golden = helmStderrTail(`${GENERATED}/golden/${id}.stderr.txt`);
    expect(() => parseManifestDocument(rendered)).toThrow(new YamlError(golden));
  });
});

describe('go-yaml error wording', () => {
  it.each<[string, string]>([
    // fromYaml "bad: [unclosed" in the generated corpus: map[Error:... line 1 ...].
    ['bad: [unclosed', "yaml: line 1: did not find expected ',' or ']'"],
    ['a: [1, 2\nb: 3\n', "yaml: line 2: did not find expected ',' or ']'"],
    ['a: 1\n- b\n', 'yaml: line 1: did not find expected key'],
    // A problem on the first line prints no line number (parser.fail skips line 0).
    ['a: - b\n', 'yaml: block sequence entries are not allowed in this context'],
    ['a: b: c\n', 'yaml: mapping values are not allowed in this context'],
    ['a: @b\n', 'yaml: found character that cannot start any token'],
    ['x: 1\na: b: c\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['a: "open', 'yaml: found unexpected end of stream'],
    ['a: 1\nb: "open\n', 'yaml: line 3: found unexpected end of stream'],
    ['a: 1\ninvalid\n', "yaml: line 3: could not find expected ':'"],
    ['a: 1\ninvalid\nb: 2\n', "yaml: line 3: could not find expected ':'"],
  ])('%j', (text, message) => {
    expect(() => yamlToGo(text)).toThrow(
      new YamlError(`error converting YAML to JSON: ${message}`),
    );
  });

  // go-yaml v2 scan_to_next_token eats tabs only in flow context or where no simple key is
  // allowed: after `:`, `-` and at a line start a tab cannot start a token.
  it('a tab on the first line: no line number', () => {
    expect(() => yamlToGo('key:\tvalue')).toThrow(
      new YamlError(
        'error converting YAML to JSON: yaml: found character that cannot start any token',
      ),
    );
  });

  it.each<[string, number]>([
    ['a: 1\nAuthorizedKeysFile:\t.ssh/authorized_keys', 2],
    ['list:\n-\tx', 2],
    ['a: 1\n\t\nb: 2', 2],
    ['a: 1\n\tb: 2', 2],
  ])('tab in %j', (text, line) => {
    expect(() => yamlToGo(text)).toThrow(
      new YamlError(
        `error converting YAML to JSON: yaml: line ${line}: found character that cannot start any token`,
      ),
    );
  });

  it.each<[string, unknown]>([
    ['key: value\t# comment', { key: 'value' }],
    ['a: [x,\tz]', { a: ['x', 'z'] }],
    ['a: |\n  in\tblock\n', { a: 'in\tblock\n' }],
    ['a: &x\tv', { a: 'v' }],
  ])('tabs go-yaml accepts: %j', (text, expected) => {
    expect(JSON.parse(JSON.stringify(yamlToGo(text)))).toEqual(expected);
  });

  it('the line number is kept on the error', () => {
    let caught: unknown;
    try {
      yamlToGo('a: 1\ninvalid');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(YamlError);
    expect((caught as YamlError).line).toBe(3);
  });

  it('flow collections are not checked for indentation (libyaml accepts this)', () => {
    expect(JSON.parse(JSON.stringify(yamlToGo('a: [\n1, 2]\n')))).toEqual({ a: [1, 2] });
  });
});
