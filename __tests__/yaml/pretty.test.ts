/**
 * Helm's toYamlPretty (pkg/engine/funcs.go toYAMLPretty): go-yaml v3 Encoder with
 * SetIndent(2) on the Go value itself (no JSON detour), so sequences under keys are indented
 * and float64 values print with strconv 'g'.
 */
import { describe, expect, it } from '@jest/globals';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoStruct, int, newMap } from '../../src/gotemplate/values.js';
import { marshalYamlPretty } from '../../src/yaml/index.js';

const m = (entries: Record<string, GoValue>): GoValue => newMap(Object.entries(entries));

describe('marshalYamlPretty', () => {
  it('engine-cases func-toYamlPretty: {"baz": [1, 2, 3]}', () => {
    expect(marshalYamlPretty(m({ baz: [int(1), int(2), int(3)] }))).toBe(
      'baz:\n  - 1\n  - 2\n  - 3\n',
    );
  });

  it.each<[string, GoValue, string]>([
    [
      'nested sequences',
      m({ a: m({ b: ['x', m({ c: ['z'] })] }) }),
      'a:\n  b:\n    - x\n    - c:\n        - z\n',
    ],
    ['float64 1e6 prints as 1e+06 (no JSON step)', m({ num: 1000000 }), 'num: 1e+06\n'],
    ['float64 12345678901', m({ num: 12345678901 }), 'num: 1.2345678901e+10\n'],
    ['ints stay ints', m({ num: int(1000000) }), 'num: 1000000\n'],
    [
      'YAML 1.1 booleans are still quoted (isOldBool)',
      m({ a: 'yes', b: 'off' }),
      'a: "yes"\nb: "off"\n',
    ],
    ['literal blocks', m({ s: 'a\nb\n' }), 's: |\n  a\n  b\n'],
    ['empty collections', m({ a: m({}), b: [] }), 'a: {}\nb: []\n'],
    ['list at the root', ['a', ['b']], '- a\n- - b\n'],
    ['NaN prints as .nan', m({ f: NaN }), 'f: .nan\n'],
  ])('%s', (_name, value, expected) => {
    expect(marshalYamlPretty(value)).toBe(expected);
  });
});

describe('marshalYamlPretty: the YAML 1.1 boolean key n is quoted', () => {
  it('"n" is an old bool (isOldBool)', () => {
    expect(marshalYamlPretty(m({ n: int(1) }))).toBe('"n": 1\n');
  });
});

describe('marshalYamlPretty: tabs (go-yaml v3 analyze_scalar tab_characters)', () => {
  it.each<[string, string, string]>([
    ['single line: still double-quoted', 'a\tb', 'k: "a\\tb"\n'],
    ['multi-line: literal block keeps the tab', 'a\tb\nc', 'k: |-\n  a\tb\n  c\n'],
  ])('%s', (_name, value, expected) => {
    expect(marshalYamlPretty(m({ k: value }))).toBe(expected);
  });
});

describe('marshalYamlPretty: no line wrapping (go-yaml v3 best_width -1)', () => {
  it('long plain strings stay on one line', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    expect(marshalYamlPretty(m({ description: words }))).toBe(`description: ${words}\n`);
  });
});

describe('marshalYamlPretty: time.Time (go-yaml v3 encoder.timev)', () => {
  class Instant extends GoStruct {
    readonly goType = { name: 'time.Time', kind: 'struct' as const };
    readonly fieldNames = [];
    field(): GoValue {
      return null;
    }
    toGoJson(): GoValue {
      return '2021-03-04T01:30:00Z';
    }
  }

  it('prints RFC 3339 plain (toYaml would quote it after the JSON step)', () => {
    expect(marshalYamlPretty(m({ t: new Instant() }))).toBe('t: 2021-03-04T01:30:00Z\n');
  });
});
