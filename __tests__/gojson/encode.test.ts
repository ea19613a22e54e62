import { describe, expect, it } from '@jest/globals';
import { JsonMarshalError, marshalJson } from '../../src/gojson/index.js';
import { fn } from '../../src/gotemplate/functions.js';
import type { GoTypeInfo, GoValue } from '../../src/gotemplate/values.js';
import { GoInt, GoStruct, int, int64, newMap, stringSlice } from '../../src/gotemplate/values.js';

class Meta extends GoStruct {
  readonly goType: GoTypeInfo = { name: '*chart.Metadata', kind: 'ptr' };
  readonly fieldNames = ['Name', 'Version', 'Keywords'];
  field(name: string): GoValue {
    return name === 'Name' ? 'app' : name === 'Version' ? '1.0' : null;
  }
}

class Stamp extends GoStruct {
  readonly goType: GoTypeInfo = { name: 'time.Time', kind: 'struct' };
  readonly fieldNames = [];
  field(): GoValue {
    return null;
  }
  toGoJson(): GoValue {
    return '2024-01-02T03:04:05Z';
  }
}

// Expectations from golang/go:src/encoding/json/encode.go and encode_test.go (Go 1.20, as in
// Helm v3.11.3, the conformance corpus' Helm).
describe('marshalJson', () => {
  it.each<[string, GoValue, string]>([
    ['nil', null, 'null'],
    ['bools', [true, false], '[true,false]'],
    [
      'ints',
      [int(-1), int64(9007199254740993n), new GoInt(255, 'uint8')],
      '[-1,9007199254740993,255]',
    ],
    ['float 1e21', 1e21, '1e+21'],
    ['float just below 1e21', 1e20, '100000000000000000000'],
    ['float 1e-7', 1e-7, '1e-7'],
    ['float 1e-6', 0.000001, '0.000001'],
    ['float 1.5e-7', 1.5e-7, '1.5e-7'],
    ['float 1e-10', 1e-10, '1e-10'],
    ['float 5e-324', 5e-324, '5e-324'],
    ['float max', 1.7976931348623157e308, '1.7976931348623157e+308'],
    ['float -0', -0, '-0'],
    ['float 1.0', 1, '1'],
    ['float 0.1', 0.1, '0.1'],
    ['float 123456789', 123456789, '123456789'],
    ['html escaped', '<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    [
      'controls',
      '\x00\x01\b\f\n\r\t\x1f\x7f',
      '"\\u0000\\u0001\\u0008\\u000c\\n\\r\\t\\u001f\x7f"',
    ],
    ['line separators', 'a\u2028b\u2029c', '"a\\u2028b\\u2029c"'],
    ['unicode kept', 'é日本😀', '"é日本😀"'],
    ['lone surrogate', 'x\udc00y', '"x\\ufffdy"'],
    // Raw bytes (U+DC80+byte, see gotemplate/go-utf8.ts): one \ufffd per invalid byte, and
    // bytes that spell a rune together are that rune (Go only sees the bytes).
    ['invalid UTF-8 bytes', '日\udce6\udc9c...', '"日\\ufffd\\ufffd..."'],
    ['bytes joined into a rune', 'caf\udcc3\udca9', '"café"'],
    ['backslash and quote', 'a\\"b', '"a\\\\\\"b"'],
    ['bytes as base64', new Uint8Array([104, 105, 255]), '"aGn/"'],
    ['empty bytes', new Uint8Array([]), '""'],
    [
      'sorted keys',
      newMap([
        ['b', int(1)],
        ['a', int(2)],
        ['B', int(3)],
        ['é', int(4)],
      ]),
      '{"B":3,"a":2,"b":1,"é":4}',
    ],
    ['escaped keys', newMap([['<k>', int(1)]]), '{"\\u003ck\\u003e":1}'],
    ['nested', newMap([['a', [newMap(), [], null]]]), '{"a":[{},[],null]}'],
    ['tagged slice', stringSlice(['x']), '["x"]'],
    ['struct fields in order', new Meta(), '{"Name":"app","Version":"1.0","Keywords":null}'],
    ['struct with its own JSON', newMap([['t', new Stamp()]]), '{"t":"2024-01-02T03:04:05Z"}'],
    ['duration as integer', new GoInt(1_000_000_000n, 'time.Duration'), '1000000000'],
  ])('%s', (_name, v, want) => {
    expect(marshalJson(v)).toBe(want);
  });

  it('escapeHTML: false keeps < > & (Encoder.SetEscapeHTML(false), sprig toRawJson)', () => {
    expect(marshalJson(newMap([['k', '<&>']]), { escapeHTML: false })).toBe('{"k":"<&>"}');
    expect(marshalJson('\u2028', { escapeHTML: false })).toBe('"\\u2028"');
  });

  it('MarshalIndent layout (indent.go): compact empties, prefix after each newline', () => {
    const v = newMap([
      ['a', [int(1), int(2)]],
      ['b', newMap()],
      ['c', []],
      ['d', newMap([['e', 'f']])],
    ]);
    expect(marshalJson(v, { indent: '  ' })).toBe(
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {},\n  "c": [],\n  "d": {\n    "e": "f"\n  }\n}',
    );
    expect(marshalJson([int(1)], { indent: '\t', prefix: '>' })).toBe('[\n>\t1\n>]');
    expect(marshalJson('s', { indent: '  ' })).toBe('"s"');
  });

  it.each<[string, GoValue, string]>([
    ['NaN', NaN, 'json: unsupported value: NaN'],
    ['+Inf', newMap([['x', Infinity]]), 'json: unsupported value: +Inf'],
    ['-Inf', [-Infinity], 'json: unsupported value: -Inf'],
    [
      'func',
      fn('f', { params: [], goTypeName: 'func() string' }, () => ''),
      'json: unsupported type: func() string',
    ],
  ])('fails on %s', (_name, v, msg) => {
    expect(() => marshalJson(v)).toThrow(JsonMarshalError);
    expect(() => marshalJson(v)).toThrow(msg);
  });

  it('detects cycles', () => {
    const m = newMap();
    m['self'] = m;
    expect(() => marshalJson(m)).toThrow(
      'json: unsupported value: encountered a cycle via map[string]interface {}',
    );
  });
});
