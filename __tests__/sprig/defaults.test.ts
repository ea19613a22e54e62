/**
 * Defaults and JSON. Expectations re-express Masterminds/sprig defaults_test.go (TestDefault,
 * TestEmpty, TestCoalesce, TestAll, TestAny, TestTernary, TestToJson, TestToPrettyJson,
 * TestToRawJson, TestFromJson, the must* error forms) and encoding/json's output conventions
 * (HTML escaping in Marshal, none with SetEscapeHTML(false), MarshalIndent with two spaces).
 */
import { describe, expect, it } from '@jest/globals';
import { defaultFuncs, empty } from '../../src/sprig/defaults.js';
import { FuncError } from '../../src/gotemplate/functions.js';
import { GoFuncValue, GoInt, GoStruct, newMap, stringSlice } from '../../src/gotemplate/values.js';
import type { GoTypeInfo, GoValue } from '../../src/gotemplate/values.js';
import { caller, i, plain, thrown } from './call.js';

const call = caller(defaultFuncs);

class Empty extends GoStruct {
  readonly goType: GoTypeInfo = { name: 'main.T', kind: 'struct' };
  readonly fieldNames = [];
  field(): GoValue {
    return null;
  }
}

describe('empty', () => {
  it.each<[GoValue, boolean]>([
    [null, true],
    ['', true],
    ['x', false],
    [0, true],
    [0.1, false],
    [i(0), true],
    [new GoInt(0, 'uint8'), true],
    [i(-1), false],
    [false, true],
    [true, false],
    [[], true],
    [[null], false],
    [stringSlice([]), true],
    [new Uint8Array(), true],
    [newMap(), true],
    [newMap([['a', null]]), false],
    [new Empty(), false],
    [new GoFuncValue('f', { params: [] }, () => null), false],
  ])('empty %p = %p', (v, want) => {
    expect(empty(v)).toBe(want);
    expect(call('empty', v)).toBe(want);
  });
});

describe('default, coalesce, all, any, ternary', () => {
  it.each<[string, GoValue[], unknown]>([
    ['default', ['foo'], 'foo'],
    ['default', ['foo', null], 'foo'],
    ['default', ['foo', ''], 'foo'],
    ['default', ['foo', 'bar'], 'bar'],
    ['default', [i(1), i(0)], 'int:1'],
    ['default', [i(1), false], 'int:1'],
    ['default', ['d', new Empty()], 'struct'],
    ['coalesce', [null, '', i(0), 'x', 'y'], 'x'],
    ['coalesce', [null, ''], null],
    ['coalesce', [], null],
    ['all', [i(1), 'a', true], true],
    ['all', [i(1), ''], false],
    ['all', [], true],
    ['any', ['', i(0), 'x'], true],
    ['any', ['', null], false],
    ['any', [], false],
    ['ternary', ['yes', 'no', true], 'yes'],
    ['ternary', ['yes', 'no', false], 'no'],
  ])('%s %p', (name, args, want) => {
    const out = call(name, ...args);
    expect(out instanceof Empty ? 'struct' : plain(out)).toEqual(want);
  });
});

describe('JSON', () => {
  const v = () =>
    newMap([
      ['html', '<a&b>'],
      ['list', [i(1), 'x']],
      ['empty', newMap()],
    ]);

  it.each<[string, string]>([
    ['toJson', '{"empty":{},"html":"\\u003ca\\u0026b\\u003e","list":[1,"x"]}'],
    ['mustToJson', '{"empty":{},"html":"\\u003ca\\u0026b\\u003e","list":[1,"x"]}'],
    ['toRawJson', '{"empty":{},"html":"<a&b>","list":[1,"x"]}'],
    ['mustToRawJson', '{"empty":{},"html":"<a&b>","list":[1,"x"]}'],
    [
      'toPrettyJson',
      '{\n  "empty": {},\n  "html": "\\u003ca\\u0026b\\u003e",\n  "list": [\n    1,\n    "x"\n  ]\n}',
    ],
    [
      'mustToPrettyJson',
      '{\n  "empty": {},\n  "html": "\\u003ca\\u0026b\\u003e",\n  "list": [\n    1,\n    "x"\n  ]\n}',
    ],
  ])('%s', (name, want) => {
    expect(call(name, v())).toBe(want);
  });

  it.each([['toJson'], ['toPrettyJson'], ['toRawJson']])(
    '%s of an unencodable value is ""',
    (name) => {
      expect(call(name, NaN)).toBe('');
    },
  );

  it.each([['mustToJson'], ['mustToPrettyJson'], ['mustToRawJson']])(
    '%s of an unencodable value fails',
    (name) => {
      expect(() => call(name, NaN)).toThrow(FuncError);
      expect(() => call(name, NaN)).toThrow('json: unsupported value: NaN');
    },
  );

  it('fromJson decodes, and gives nil on error', () => {
    expect(plain(call('fromJson', '{"a":[1,true,null]}'))).toEqual({ a: [1, true, null] });
    expect(plain(call('mustFromJson', '"s"'))).toBe('s');
    expect(call('fromJson', '{bad')).toBeNull();
  });

  it('mustFromJson returns the decoder error', () => {
    const err = thrown(() => call('mustFromJson', '{bad'));
    expect(err).toBeInstanceOf(FuncError);
    expect(err.message).toBe("invalid character 'b' looking for beginning of object key string");
  });
});
