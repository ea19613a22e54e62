/**
 * Reading YAML as Helm does: sigs.k8s.io/yaml.Unmarshal (yaml.go: yamlToJSON with go-yaml v2,
 * convertToJSONableObject, then encoding/json into interface{} or a map).
 */
import { describe, expect, it } from '@jest/globals';
import { newMap } from '../../src/gotemplate/values.js';
import {
  marshalYaml,
  parseValuesYaml,
  parseYamlArray,
  yamlToGo,
  YamlError,
} from '../../src/yaml/index.js';

/** Plain JSON view of a decoded value (GoMaps are null-prototype objects). */
function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

describe('yamlToGo: scalars after the JSON step (numbers are float64)', () => {
  it.each([
    ['a: yes\nb: Off\nc: y\nd: N', { a: true, b: false, c: true, d: false }],
    ['a: ~\nb: null\nc:', { a: null, b: null, c: null }],
    ['a: 012\nb: 0x1F\nc: 1_000\nd: +5\ne: -0b11', { a: 10, b: 31, c: 1000, d: 5, e: -3 }],
    ['a: 1e3\nb: 6.02e23\nc: .5\nd: 100.0', { a: 1000, b: 6.02e23, c: 0.5, d: 100 }],
    ['a: 12345678901234567890123', { a: 1.2345678901234568e22 }],
    ['a: "yes"\nb: \'012\'\nc: !!str 12', { a: 'yes', b: '012', c: '12' }],
    // go-yaml v2 keeps timestamps as the original text when decoding into interface{}.
    [
      'a: 2001-12-14\nb: 2001-12-14T21:59:43.10-05:00',
      { a: '2001-12-14', b: '2001-12-14T21:59:43.10-05:00' },
    ],
    ['a: !!float 1', { a: 1 }],
    ['a: !!binary aGVsbG8=', { a: 'hello' }],
    ['a: |\n  x\n  y\nb: >-\n  folded\n  text\n', { a: 'x\ny\n', b: 'folded text' }],
    ['a: [1, "two", {b: c}]', { a: [1, 'two', { b: 'c' }] }],
  ])('%j', (text, expected) => {
    expect(plain(yamlToGo(text))).toEqual(expected);
  });

  it('numbers come back as JS numbers, never GoInt', () => {
    const v = yamlToGo('num: 1000000') as Record<string, unknown>;
    expect(typeof v['num']).toBe('number');
  });

  it('the keys y and n are YAML 1.1 booleans too', () => {
    expect(plain(yamlToGo('y: 1\nn: 2'))).toEqual({ true: 1, false: 2 });
  });
});

describe('yamlToGo: keys converted to strings (convertToJSONableObject)', () => {
  it.each([
    ['1: a', { '1': 'a' }],
    ['on: a\nno: b', { true: 'a', false: 'b' }],
    ['1_000: a', { '1000': 'a' }],
    ['0x10: a', { '16': 'a' }],
    // Float keys print with strconv.FormatFloat(k, 'g', -1, 32).
    ['3.14: a\n1e3: b\n6.02e23: c', { '3.14': 'a', '1000': 'b', '6.02e+23': 'c' }],
    ['0.1: a', { '0.1': 'a' }],
    ['.inf: a\n-.inf: b', { '.inf': 'a', '-.inf': 'b' }],
    ['2001-12-14: a', { '2001-12-14': 'a' }],
  ])('%j', (text, expected) => {
    expect(plain(yamlToGo(text))).toEqual(expected);
  });

  it('a null key cannot become a JSON key', () => {
    expect(() => yamlToGo('~: x')).toThrow(
      'error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: "x"',
    );
  });
});

describe('yamlToGo: anchors, aliases and merge keys (go-yaml v2 decode.go)', () => {
  it.each([
    ['a: &x {k: v}\nb: *x', { a: { k: 'v' }, b: { k: 'v' } }],
    ['base: &b {p: 1, q: 2}\nd:\n  <<: *b\n  q: 3', { base: { p: 1, q: 2 }, d: { p: 1, q: 3 } }],
    // v2 applies merges in document order: a later merge overrides earlier explicit keys.
    ['base: &b {x: 1}\nd:\n  x: 0\n  <<: *b', { base: { x: 1 }, d: { x: 1 } }],
    // A list of maps merges backwards, so earlier maps win.
    [
      'a: &a {k: 1}\nb: &b {k: 2, j: 2}\nc:\n  <<: [*a, *b]',
      { a: { k: 1 }, b: { k: 2, j: 2 }, c: { k: 1, j: 2 } },
    ],
    // Duplicate keys: the last one wins (non-strict Unmarshal).
    ['a: 1\na: 2', { a: 2 }],
  ])('%j', (text, expected) => {
    expect(plain(yamlToGo(text))).toEqual(expected);
  });

  it('aliases are copies, not shared objects', () => {
    const v = yamlToGo('a: &x {k: v}\nb: *x') as Record<string, Record<string, unknown>>;
    expect(v['a']).not.toBe(v['b']);
  });

  it.each([
    ['a: *nope', "error converting YAML to JSON: yaml: unknown anchor 'nope' referenced"],
    [
      'a:\n  <<: 1',
      'error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value',
    ],
  ])('%j fails', (text, message) => {
    expect(() => yamlToGo(text)).toThrow(message);
  });
});

describe('yamlToGo: documents', () => {
  it.each([
    ['', null],
    ['# only a comment\n', null],
    ['a: 1\n---\nb: 2', { a: 1 }],
    ['---\na: 1\n...\n', { a: 1 }],
    ['hello', 'hello'],
    ['- 1\n- a', [1, 'a']],
  ])('%j', (text, expected) => {
    expect(plain(yamlToGo(text))).toEqual(expected);
  });

  it('only the first document is read: errors after it are not seen', () => {
    expect(plain(yamlToGo('a: 1\n---\nb: [unclosed'))).toEqual({ a: 1 });
  });

  it('NaN and Inf cannot pass the JSON step', () => {
    expect(() => yamlToGo('a: .inf')).toThrow(
      'error converting YAML to JSON: json: unsupported value: +Inf',
    );
  });
});

describe('parseValuesYaml / parseYamlArray (chartutil.ReadValues, fromYaml, fromYamlArray)', () => {
  it.each(['', '   \n', '# nothing\n', 'null', '~'])('%j is an empty map', (text) => {
    expect(plain(parseValuesYaml(text))).toEqual({});
  });

  it.each([
    ['- one\n- two\n', 'map[string]interface {}', 'array'],
    ['["one", "two"]', 'map[string]interface {}', 'array'],
    ['hello', 'chartutil.Values', 'string'],
    ['12', 'chartutil.Values', 'number'],
    ['true', 'chartutil.Values', 'bool'],
  ])('%j is rejected as %s', (text, goType, kind) => {
    expect(() => parseValuesYaml(text, { goType })).toThrow(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type ${goType}`,
    );
  });

  it('engine-cases func-fromYamlArray: "- one\\n- 2\\n- name: helm\\n"', () => {
    expect(plain(parseYamlArray('- one\n- 2\n- name: helm\n'))).toEqual([
      'one',
      2,
      { name: 'helm' },
    ]);
  });

  it('engine-cases func-fromYamlArray-object-error', () => {
    expect(() => parseYamlArray('hello: world')).toThrow(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}',
    );
  });

  it('errors are YamlError instances', () => {
    expect(() => parseValuesYaml('- a')).toThrow(YamlError);
  });
});

describe('yamlToGo: values JSON cannot carry', () => {
  it.each<[string, string]>([
    [
      '18446744073709551615: x',
      'error converting YAML to JSON: unsupported map key of type: uint64, key: 0xffffffffffffffff, value: "x"',
    ],
    [
      'a: !!binary "not base64!"',
      'error converting YAML to JSON: yaml: !!binary value contains invalid base64 data',
    ],
  ])('%j', (text, message) => {
    expect(() => yamlToGo(text)).toThrow(new YamlError(message));
  });

  it('!!binary block scalars ignore line breaks', () => {
    expect(plain(yamlToGo('a: !!binary |\n  aGVs\n  bG8=\n'))).toEqual({ a: 'hello' });
  });
});

describe('yamlToGo: block scalars at the end of unterminated input (libyaml scan_block_scalar)', () => {
  it.each<[string, unknown]>([
    ['s: |\n  a', { s: 'a' }],
    ['s: |+\n  a', { s: 'a' }],
    ['s: >\n  a\n  b', { s: 'a b' }],
    ['s: |\n  a\n', { s: 'a\n' }],
    ['s: |+\n  a\n\n', { s: 'a\n\n' }],
    ['s: |\n  a\nt: 1', { s: 'a\n', t: 1 }],
  ])('%j', (text, expected) => {
    expect(plain(yamlToGo(text))).toEqual(expected);
  });

  it('generated fz48 t10 k8: fromYaml (toYaml ...) loses the final newline, as in Helm', () => {
    const once = marshalYaml(
      newMap([
        ['s', 'é\n'],
        ['n', null],
      ]),
    ).replace(/\n$/, '');
    expect(plain(yamlToGo(once))).toEqual({ n: null, s: 'é' });
  });
});
