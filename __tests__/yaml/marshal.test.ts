/**
 * Helm's toYaml (sigs.k8s.io/yaml.Marshal → go-yaml v2 emitter). Expectations come from
 * go-yaml v2 encode_test.go (marshalTests, TestLineWrapping, TestSortedOutput),
 * sigs.k8s.io/yaml yaml_test.go and libyaml's emitter rules (emitterc.go).
 */
import { describe, expect, it } from '@jest/globals';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoFuncValue, GoInt, GoStruct, int, newMap } from '../../src/gotemplate/values.js';
import { marshalYaml, MarshalError } from '../../src/yaml/index.js';
import { sortKeys } from '../../src/yaml/key-order.js';
import { utf8LengthAtMost } from '../../src/yaml/emitter.js';

const m = (entries: Record<string, GoValue>): GoValue => newMap(Object.entries(entries));

describe('marshalYaml: go-yaml v2 encode_test.go marshalTests (through JSON)', () => {
  it.each<[string, GoValue, string]>([
    ['nil', null, 'null\n'],
    ['plain string', m({ v: 'hi' }), 'v: hi\n'],
    ['"true" quoted', m({ v: 'true' }), 'v: "true"\n'],
    ['"false" quoted', m({ v: 'false' }), 'v: "false"\n'],
    ['bool', m({ v: true }), 'v: true\n'],
    ['int', m({ v: int(10) }), 'v: 10\n'],
    ['negative int', m({ v: int(-10) }), 'v: -10\n'],
    ['int64', m({ v: new GoInt(4294967296n, 'int64') }), 'v: 4294967296\n'],
    ['"10" quoted', m({ v: '10' }), 'v: "10"\n'],
    ['float', m({ v: 0.1 }), 'v: 0.1\n'],
    ['negative float', m({ v: -0.1 }), 'v: -0.1\n'],
    ['null value', m({ v: null }), 'v: null\n'],
    ['empty string', m({ v: '' }), 'v: ""\n'],
    ['list', m({ v: ['A', 'B'] }), 'v:\n- A\n- B\n'],
    ['literal in list', m({ v: ['A', 'B\nC'] }), 'v:\n- A\n- |-\n  B\n  C\n'],
    [
      'nested',
      m({ v: ['A', int(1), m({ B: [int(2), int(3)] })] }),
      'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n',
    ],
    ['map in map', m({ a: m({ b: 'c' }) }), 'a:\n  b: c\n'],
    ['dash', m({ a: '-' }), "a: '-'\n"],
    ['<foo>', m({ a: '<foo>' }), 'a: <foo>\n'],
    ['base 60', m({ a: '1:1' }), 'a: "1:1"\n'],
    ['NUL', m({ a: '\x00' }), 'a: "\\0"\n'],
    ['unicode raw', m({ a: '你好' }), 'a: 你好\n'],
    ['timestamp-like', m({ a: '2015-02-24T18:19:39Z' }), 'a: "2015-02-24T18:19:39Z"\n'],
    ['colon space', m({ a: 'b: c' }), "a: 'b: c'\n"],
    ['hash', m({ a: 'Hello #comment' }), "a: 'Hello #comment'\n"],
    ['unicode hash', m({ a: '你好 #comment' }), "a: '你好 #comment'\n"],
  ])('%s', (_name, value, expected) => {
    expect(marshalYaml(value)).toBe(expected);
  });
});

describe('marshalYaml: numbers go through encoding/json and back', () => {
  it.each<[string, GoValue, string]>([
    // float64 1e6 is JSON "1000000", which go-yaml re-reads as an int.
    ['float64 integral', m({ v: 1000000 }), 'v: 1000000\n'],
    ['float64 big', m({ v: 12345678901 }), 'v: 12345678901\n'],
    // JSON "0.000001" re-read as float prints with strconv 'g': 1e-06.
    ['small float', m({ v: 0.000001 }), 'v: 1e-06\n'],
    ['float 1e21', m({ v: 1e21 }), 'v: 1e+21\n'],
    ['float 1e20', m({ v: 1e20 }), 'v: 1e+20\n'],
    ['float 3.14', m({ v: 3.14 }), 'v: 3.14\n'],
    ['negative zero', m({ v: -0 }), 'v: 0\n'],
    [
      'uint64 max',
      m({ v: new GoInt(18446744073709551615n, 'uint64') }),
      'v: 18446744073709551615\n',
    ],
    ['bytes are base64', m({ v: new Uint8Array([104, 105]) }), 'v: aGk=\n'],
  ])('%s', (_name, value, expected) => {
    expect(marshalYaml(value)).toBe(expected);
  });

  it.each<[string, GoValue, string]>([
    ['NaN', m({ v: NaN }), 'json: unsupported value: NaN'],
    ['+Inf', m({ v: Infinity }), 'json: unsupported value: +Inf'],
  ])('%s cannot be marshalled (toYaml gives "")', (_name, value, message) => {
    expect(() => marshalYaml(value)).toThrow(new MarshalError(message));
  });

  it('cycles cannot be marshalled', () => {
    const a: GoValue[] = [];
    a.push(a);
    expect(() => marshalYaml(a)).toThrow(
      new MarshalError('json: unsupported value: encountered a cycle via []interface {}'),
    );
  });

  it('funcs cannot be marshalled', () => {
    const f = new GoFuncValue('f', { params: [], results: ['string'] } as never, () => '');
    expect(() => marshalYaml(m({ f }))).toThrow(MarshalError);
  });
});

describe('marshalYaml: quoting (stringv + yaml_emitter_select_scalar_style)', () => {
  it.each<[string, string]>([
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['Off', '"Off"'],
    ['y', '"y"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['1.5', '"1.5"'],
    ['0x1', '"0x1"'],
    ['012', '"012"'],
    ['1_000', '"1_000"'],
    ['.inf', '".inf"'],
    ['-0', '"-0"'],
    ['2001-12-14', '"2001-12-14"'],
    ['yEs', 'yEs'],
    ['- a', "'- a'"],
    ['-a', '-a'],
    ['a: b', "'a: b'"],
    ['a:b', 'a:b'],
    ['key:', "'key:'"],
    ['a #b', "'a #b'"],
    ['a#b', 'a#b'],
    ['#a', "'#a'"],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['*star', "'*star'"],
    ['&amp', "'&amp'"],
    ['!bang', "'!bang'"],
    ['|pipe', "'|pipe'"],
    ['>gt', "'>gt'"],
    ["'quote", "'''quote'"],
    ['"dq', "'\"dq'"],
    ['%pct', "'%pct'"],
    ['@at', "'@at'"],
    ['`tick', "'`tick'"],
    ['{a}', "'{a}'"],
    ['[a]', "'[a]'"],
    ['a,b', 'a,b'],
    ['? q', "'? q'"],
    ['?q', '?q'],
    [':x', ':x'],
    ['---', "'---'"],
    ['...x', "'...x'"],
    ['tab\there', '"tab\\there"'],
    ['cr\r', '"cr\\r"'],
    ['bell\x07', '"bell\\a"'],
    ['esc\x1b', '"esc\\e"'],
    ['del\x7f', '"del\\x7F"'],
    ['nel\u0085', '"nel\\N"'],
    // LS is a printable line break: single quotes, written raw (write_break).
    ['ls\u2028', "'ls\u2028'"],
    ['bom\ufeff', '"bom\\uFEFF"'],
    // is_bom(value, i) tests the value's first bytes: a leading BOM escapes everything.
    ['\ufeffab c', '"\\uFEFF\\x61\\x62\\x20\\x63"'],
    ['emoji 😀', '"emoji \\U0001F600"'],
    ['back\\slash', 'back\\slash'],
    ['café crème', 'café crème'],
    ['<b>&amp;</b>', '<b>&amp;</b>'],
    ['http://example.com:8080/a?b=c', 'http://example.com:8080/a?b=c'],
    ['{{ toJson .Values.nums }}', "'{{ toJson .Values.nums }}'"],
    ['<<', '<<'],
  ])('%j → %s', (value, expected) => {
    expect(marshalYaml(m({ k: value }))).toBe(`k: ${expected}\n`);
  });

  it.each<[string, string]>([
    ['true', '"true": 1\n'],
    ['', '"": 1\n'],
    ['a: b', "'a: b': 1\n"],
    // Multi-line keys are not simple keys: `? ` with a literal block (check_simple_key).
    ['multi\nline', '? |-\n  multi\n  line\n: 1\n'],
  ])('key %j', (key, expected) => {
    expect(marshalYaml(m({ [key]: int(1) }))).toBe(expected);
  });

  it('keys longer than 128 bytes become complex keys', () => {
    const key = 'k'.repeat(129);
    expect(marshalYaml(m({ [key]: int(1) }))).toBe(`? ${key}\n: 1\n`);
  });
});

describe('marshalYaml: block scalars (yaml_emitter_write_literal_scalar)', () => {
  it.each<[string, GoValue, string]>([
    ['clip', m({ k: 'a\nb\n' }), 'k: |\n  a\n  b\n'],
    ['strip', m({ k: 'a\nb' }), 'k: |-\n  a\n  b\n'],
    ['keep', m({ k: 'a\n\n' }), 'k: |+\n  a\n\nnext: 1\n'],
    ['leading spaces need an indentation indicator', m({ k: '  x\ny' }), 'k: |2-\n    x\n  y\n'],
    ['leading break', m({ k: '\nx' }), 'k: |2-\n\n  x\n'],
    ['empty lines carry no indentation', m({ k: 'a\n\nb' }), 'k: |-\n  a\n\n  b\n'],
    ['trailing space forbids block style', m({ k: 'a \nb' }), 'k: "a \\nb"\n'],
    ['tab forbids block style', m({ k: 'a\tb\nc' }), 'k: "a\\tb\\nc"\n'],
    ['CRLF', m({ k: 'a\r\nb' }), 'k: "a\\r\\nb"\n'],
    ['root literal', 'a\nb', '|-\n  a\n  b\n'],
    ['in nested map', m({ a: m({ b: 'x\ny\n' }) }), 'a:\n  b: |\n    x\n    y\n'],
  ])('%s', (name, value, expected) => {
    const v = name === 'keep' ? m({ k: 'a\n\n', next: int(1) }) : value;
    expect(marshalYaml(v)).toBe(expected);
  });
});

describe('marshalYaml: layout', () => {
  it.each<[string, GoValue, string]>([
    ['empty map', m({}), '{}\n'],
    ['empty list', [], '[]\n'],
    ['empty values', m({ a: m({}), b: [] }), 'a: {}\nb: []\n'],
    ['list in list', [[int(1), int(2)], int(3)], '- - 1\n  - 2\n- 3\n'],
    ['map in list', [m({ a: int(1), b: int(2) })], '- a: 1\n  b: 2\n'],
    ['empty in list', [m({}), []], '- {}\n- []\n'],
    ['list under nested key', m({ a: m({ b: ['x'] }) }), 'a:\n  b:\n  - x\n'],
    ['root string', 'hello', 'hello\n'],
    ['root quoted', 'true', '"true"\n'],
    ['root empty string', '', '""\n'],
  ])('%s', (_name, value, expected) => {
    expect(marshalYaml(value)).toBe(expected);
  });
});

describe('marshalYaml: folding at best_width 80', () => {
  it('TestLineWrapping (single-quoted, go-yaml v2 encode_test.go)', () => {
    const s =
      'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ';
    expect(marshalYaml(m({ a: s }))).toBe(
      "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n" +
        "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n",
    );
  });

  it('plain scalars break at the first space past column 80', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const out = marshalYaml(m({ description: words }));
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      'description: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11',
    );
    expect(lines[1]!.startsWith('  word12 ')).toBe(true);
    expect(out.replace(/\n {2}/g, ' ')).toBe(`description: ${words}\n`);
  });

  it('double-quoted scalars fold with an indented continuation', () => {
    const s = 'x'.repeat(75) + ' yes\tz';
    expect(marshalYaml(m({ k: s }))).toBe(`k: "${'x'.repeat(75)} yes\\tz"\n`);
    const t = 'a '.repeat(45) + '\t';
    // The space after the 39th "a" sits at column 81: it becomes the line break.
    expect(marshalYaml(m({ k: t }))).toBe(`k: "${'a '.repeat(38)}a\n  ${'a '.repeat(6)}\\t"\n`);
  });

  it('a fold before a second space escapes it with a backslash', () => {
    const t = 'x'.repeat(78) + '  y\t';
    expect(marshalYaml(m({ k: t }))).toBe(`k: "${'x'.repeat(78)}\n  \\ y\\t"\n`);
  });

  it('keys never fold', () => {
    const key = 'w '.repeat(60).trim();
    expect(marshalYaml(m({ [key]: int(1) }))).toBe(`${key}: 1\n`);
  });
});

describe('key order (go-yaml sorter.go keyList.Less)', () => {
  it('TestSortedOutput string keys (go-yaml v2 encode_test.go)', () => {
    const order = [
      '',
      '.1',
      '.2',
      '.a',
      '1',
      '2',
      'a!10',
      'a/0001',
      'a/002',
      'a/3',
      'a/10',
      'a/11',
      'a/0012',
      'a/100',
      'a~10',
      'ab/1',
      'b/1',
      'b/01',
      'b/2',
      'b/02',
      'b/3',
      'b/03',
      'b1',
      'b01',
      'b3',
      'c2.10',
      'c10.2',
      'd1',
      'd7',
      'd7abc',
      'd12',
      'd12a',
    ];
    expect(sortKeys([...order].reverse(), { v3: false })).toEqual(order);
    expect(sortKeys([...order].reverse(), { v3: true })).toEqual(order);
  });

  it('numbers inside keys compare numerically in toYaml output', () => {
    expect(marshalYaml(m({ item10: int(1), item9: int(2), Item: int(3), _x: int(4) }))).toBe(
      '_x: 4\nItem: 3\nitem9: 2\nitem10: 1\n',
    );
  });
});

describe('marshalYaml: structs (encoding/json field names)', () => {
  class Meta extends GoStruct {
    readonly goType = { name: '*chart.Metadata', kind: 'ptr' as const };
    readonly fieldNames = ['Name', 'Version'];
    field(name: string): GoValue {
      return name === 'Name' ? 'web' : '1.0.0';
    }
  }
  class TaggedMeta extends Meta {
    toGoJson(): GoValue {
      return m({ name: 'web', version: '1.0.0' });
    }
  }

  it('untagged fields keep their Go names, re-sorted by go-yaml', () => {
    expect(marshalYaml(new Meta())).toBe('Name: web\nVersion: 1.0.0\n');
  });

  it('a json.Marshaler form (gojson toGoJson) replaces the fields', () => {
    expect(marshalYaml(new TaggedMeta())).toBe('name: web\nversion: 1.0.0\n');
  });
});

describe('marshalYaml: text encoding/json would repair', () => {
  it('a lone surrogate becomes U+FFFD, as invalid UTF-8 does in Go', () => {
    expect(marshalYaml(m({ k: 'a\uD800b' }))).toBe('k: a\uFFFDb\n');
  });
});

describe('utf8LengthAtMost (the simple-key length check)', () => {
  it('counts UTF-8 bytes as Buffer.byteLength does, around the 128-byte limit', () => {
    const strings = [
      '',
      'a'.repeat(128),
      'a'.repeat(129),
      'é'.repeat(64),
      'é'.repeat(65),
      '€'.repeat(42) + 'ab',
      '€'.repeat(43),
      '😀'.repeat(32),
      '😀'.repeat(32) + 'x',
      '\ud800'.repeat(42) + 'ab',
      '\udc00\ud800x'.repeat(10),
      `${'a'.repeat(126)}😀`,
      `${'a'.repeat(125)}😀`,
    ];
    for (const s of strings) {
      for (const max of [0, 3, 127, 128, 129]) {
        expect([s.length, max, utf8LengthAtMost(s, max)]).toEqual([
          s.length,
          max,
          Buffer.byteLength(s, 'utf8') <= max,
        ]);
      }
    }
  });
});
