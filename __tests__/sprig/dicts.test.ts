/**
 * Dict functions. Expectations re-express Masterminds/sprig dict_test.go (TestDict, TestUnset,
 * TestHasKey, TestPluck, TestKeys, TestPick, TestOmit, TestGet, TestSet, TestMerge,
 * TestMergeOverwrite, TestValues, TestDeepCopy, TestDig), imdario/mergo v0.3.11 merge.go map rules,
 * mitchellh/copystructure (types kept) and the `dig` panic Helm printed in conformance/generated
 * (`interface conversion: interface {} is string, not map[string]interface {}`).
 */
import { describe, expect, it } from '@jest/globals';
import { dictFuncs } from '../../src/sprig/dicts.js';
import { FuncError } from '../../src/gotemplate/functions.js';
import {
  GoStruct,
  STRING_SLICE,
  isNilSlice,
  newMap,
  nilSlice,
  stringSlice,
  tagType,
  typeName,
} from '../../src/gotemplate/values.js';
import type { GoMap, GoTypeInfo, GoValue } from '../../src/gotemplate/values.js';
import { caller, i, plain } from './call.js';

const call = caller(dictFuncs);

/** Build a map[string]interface{} from a JS object (nested objects become maps). */
function m(o: Record<string, unknown>): GoMap {
  return newMap(
    Object.entries(o).map(([k, v]) => [
      k,
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      !(v instanceof Uint8Array) &&
      !(v instanceof GoStruct) &&
      v.constructor === Object
        ? m(v as Record<string, unknown>)
        : (v as GoValue),
    ]),
  );
}

const VALUES: GoTypeInfo = { name: 'chartutil.Values', kind: 'map', elem: 'interface {}' };

class Ptr extends GoStruct {
  readonly goType: GoTypeInfo = { name: '*chart.Metadata', kind: 'ptr' };
  readonly fieldNames = ['Name'];
  field(): GoValue {
    return 'x';
  }
}

describe('dict basics', () => {
  it.each<[string, GoValue[], unknown]>([
    ['dict', ['a', i(1), 'b', 'two'], { a: 'int:1', b: 'two' }],
    ['dict', ['a'], { a: '' }],
    ['dict', [i(1), 'x', null, 'y'], { '1': 'x', '<nil>': 'y' }],
    ['get', [m({ a: 1 }), 'a'], 1],
    ['get', [m({ a: 1 }), 'b'], ''],
    ['get', [m({ a: null }), 'a'], null],
    ['get', [null, 'b'], ''],
    ['hasKey', [m({ a: null }), 'a'], true],
    ['hasKey', [m({ a: 1 }), 'b'], false],
    ['pluck', ['a', m({ a: 1 }), m({ b: 2 }), m({ a: 3 })], [1, 3]],
    ['keys', [m({ b: 1, a: 2 }), m({ c: 3 })], ['a', 'b', 'c']],
    ['keys', [], []],
    ['values', [m({ b: 1, a: 2 })], [2, 1]],
    ['pick', [m({ a: 1, b: 2, c: 3 }), 'a', 'c', 'z'], { a: 1, c: 3 }],
    ['omit', [m({ a: 1, b: 2, c: 3 }), 'a', 'c'], { b: 2 }],
  ])('%s %p', (name, args, want) => {
    expect(plain(call(name, ...args))).toEqual(want);
  });

  it('keys returns a []string', () => {
    expect(typeName(call('keys', m({ a: 1 })))).toBe('[]string');
  });

  it('set and unset mutate and return the dict', () => {
    const d = m({ a: 1 });
    expect(call('set', d, 'b', 2)).toBe(d);
    expect(plain(d)).toEqual({ a: 1, b: 2 });
    expect(call('unset', d, 'a')).toBe(d);
    expect(plain(d)).toEqual({ b: 2 });
    expect(() => call('set', null, 'a', 1)).toThrow(
      new FuncError('assignment to entry in nil map'),
    );
  });
});

describe('dig', () => {
  const data = m({ a: { b: { c: 'deep' }, s: 'str', n: null } });
  it.each<[GoValue[], unknown]>([
    [['a', 'b', 'c', 'def', data], 'deep'],
    [['a', 'b', 'x', 'def', data], 'def'],
    [['z', 'def', data], 'def'],
    [['a', 's', 'def', data], 'str'],
  ])('dig %p', (args, want) => {
    expect(plain(call('dig', ...args))).toEqual(want);
  });

  it.each<[GoValue[], string]>([
    [
      ['a', 's', 'x', 'def', data],
      'interface conversion: interface {} is string, not map[string]interface {}',
    ],
    [
      ['a', 'n', 'x', 'def', data],
      'interface conversion: interface {} is nil, not map[string]interface {}',
    ],
    [
      ['a', 'def', 'notamap'],
      'interface conversion: interface {} is string, not map[string]interface {}',
    ],
    [
      ['a', 'def', tagType(m({ a: 1 }), VALUES)],
      'interface conversion: interface {} is chartutil.Values, not map[string]interface {}',
    ],
    [[i(1), 'def', data], 'interface conversion: interface {} is int, not string'],
    [['def', data], 'dig needs at least three arguments'],
  ])('dig %p fails', (args, msg) => {
    expect(() => call('dig', ...args)).toThrow(new FuncError(msg));
  });
});

describe('merge (mergo without overwrite)', () => {
  it('fills missing and empty keys deeply, keeps set ones', () => {
    const dst = m({ a: 1, e: '', z: 0, nested: { x: 1 }, list: [1], s: 'keep', n: null });
    const src = m({
      a: 2,
      b: 3,
      e: 'filled',
      z: 9,
      nested: { x: 2, y: 3 },
      list: [9],
      s: { m: 1 },
      n: 'nn',
    });
    const out = call('merge', dst, src);
    expect(out).toBe(dst);
    expect(plain(out)).toEqual({
      a: 1,
      b: 3,
      e: 'filled',
      z: 9,
      nested: { x: 1, y: 3 },
      list: [1],
      s: 'keep',
      n: 'nn',
    });
  });

  it('merges several sources in order, nil values in src never overwrite', () => {
    const out = call('merge', m({ a: 1 }), m({ a: null, b: 2 }), m({ b: 3, c: 4 }));
    expect(plain(out)).toEqual({ a: 1, b: 2, c: 4 });
  });

  it('stores a src map into a missing key by reference', () => {
    const inner = m({ k: 1 });
    const out = call('merge', m({}), m({ x: inner })) as GoMap;
    expect(out.x).toBe(inner);
  });

  it('creates a map for a nil dst', () => {
    expect(plain(call('merge', null, m({ a: 1 })))).toEqual({ a: 1 });
  });
});

describe('mergeOverwrite (mergo WithOverride)', () => {
  it('overwrites deeply, empty values included; a non-map dst value survives a map src', () => {
    const dst = m({
      default: 'default',
      overwrite: 'me',
      key: true,
      nested: { x: 1, y: 1 },
      s: 'keep',
      list: [1],
    });
    const src = m({
      overwrite: 'overwritten',
      key: false,
      nested: { x: 2 },
      s: { m: 1 },
      list: [],
      n: null,
    });
    const out = call('mergeOverwrite', dst, src);
    expect(plain(out)).toEqual({
      default: 'default',
      overwrite: 'overwritten',
      key: false,
      nested: { x: 2, y: 1 },
      s: 'keep',
      list: [],
      n: null,
    });
  });
});

describe('mustMerge / mustMergeOverwrite', () => {
  it('return the merged dict', () => {
    expect(plain(call('mustMerge', m({ a: 1 }), m({ b: 2 })))).toEqual({ a: 1, b: 2 });
    expect(plain(call('mustMergeOverwrite', m({ a: 1 }), m({ a: 2 })))).toEqual({ a: 2 });
  });

  it('mergo refuses a map over a pointer (merge swallows the error into "")', () => {
    const make = () => m({ a: new Ptr() });
    expect(() => call('mustMerge', make(), m({ a: { b: 1 } }))).toThrow(
      new FuncError('src and dst must be of same type'),
    );
    expect(call('merge', make(), m({ a: { b: 1 } }))).toBe('');
  });
});

describe('deepCopy', () => {
  it('copies maps and slices deeply and keeps their types', () => {
    const src = tagType(m({ a: { b: [1, { c: 2 }] }, s: stringSlice(['x']) }), VALUES);
    for (const name of ['deepCopy', 'mustDeepCopy']) {
      const out = call(name, src) as GoMap;
      expect(plain(out)).toEqual(plain(src));
      expect(out).not.toBe(src);
      expect(out.a).not.toBe(src.a);
      expect(typeName(out)).toBe('chartutil.Values');
      expect(typeName(out.s as GoValue)).toBe('[]string');
    }
  });

  it('copies scalars as they are', () => {
    expect(call('deepCopy', 'x')).toBe('x');
  });

  // copystructure.go walker.Slice: a nil slice is copied as a nil slice of the same type, an
  // empty one as an empty one. Helm prints the difference in toJson (generated/fz37, fz38, fz53:
  // `regexFindAll … | deepCopy | toJson` is `null`; fz15, fz31: a nil list inside a dict).
  it.each<[string, GoValue, string, boolean]>([
    ['nil []string', nilSlice(STRING_SLICE), '[]string', true],
    ['nil []interface {}', nilSlice(), '[]interface {}', true],
    ['empty []interface {}', [], '[]interface {}', false],
  ])('keeps a %s', (_name, v, type, nil) => {
    for (const name of ['deepCopy', 'mustDeepCopy']) {
      const out = call(name, v) as GoValue;
      expect(out).not.toBe(v);
      expect(typeName(out)).toBe(type);
      expect(isNilSlice(out)).toBe(nil);
      const inMap = call(name, m({ list: v })) as GoMap;
      expect(isNilSlice(inMap.list as GoValue)).toBe(nil);
    }
  });

  it.each(['deepCopy', 'mustDeepCopy'])('%s of nil panics in reflect', (name) => {
    expect(() => call(name, null)).toThrow(
      new FuncError('reflect: call of reflect.Value.Type on zero Value'),
    );
  });
});
