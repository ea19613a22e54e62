/**
 * Reflection. Expectations re-express Masterminds/sprig reflect_test.go (TestTypeOf, TestTypeIs,
 * TestTypeIsLike, TestKindOf, TestKindIs) and functions_test.go deepEqual cases, with Go's
 * reflect.DeepEqual rules (types must match: float64 1 ≠ int 1, []string ≠ []interface{}).
 */
import { describe, expect, it } from '@jest/globals';
import { reflectFuncs } from '../../src/sprig/reflect.js';
import {
  GoFuncValue,
  GoInt,
  STRING_SLICE,
  newMap,
  nilSlice,
  stringSlice,
  tagType,
  nilMap,
} from '../../src/gotemplate/values.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { caller, i } from './call.js';

const call = caller(reflectFuncs);
const VALUES = { name: 'chartutil.Values', kind: 'map', elem: 'interface {}' } as const;
const PTR = { name: '*chart.Metadata', kind: 'ptr' } as const;
const ptrMap = () => tagType(newMap(), PTR);

describe('typeOf / kindOf', () => {
  it.each<[GoValue, string, string]>([
    ['x', 'string', 'string'],
    [1.5, 'float64', 'float64'],
    [i(1), 'int', 'int'],
    [new GoInt(1, 'int64'), 'int64', 'int64'],
    [true, 'bool', 'bool'],
    [null, '<nil>', 'invalid'],
    [[i(1)], '[]interface {}', 'slice'],
    [stringSlice(['a']), '[]string', 'slice'],
    [new Uint8Array([1]), '[]uint8', 'slice'],
    [newMap(), 'map[string]interface {}', 'map'],
    [tagType(newMap(), VALUES), 'chartutil.Values', 'map'],
  ])('%p: typeOf %p, kindOf %p', (v, type, kind) => {
    expect(call('typeOf', v)).toBe(type);
    expect(call('kindOf', v)).toBe(kind);
    expect(call('typeIs', type, v)).toBe(true);
    expect(call('kindIs', kind, v)).toBe(true);
    expect(call('typeIs', 'other', v)).toBe(false);
    expect(call('kindIs', 'other', v)).toBe(false);
  });

  it('typeIsLike accepts the pointer form', () => {
    expect(call('typeIsLike', 'chart.Metadata', ptrMap())).toBe(true);
    expect(call('typeIsLike', '*chart.Metadata', ptrMap())).toBe(true);
    expect(call('typeIsLike', 'string', 'x')).toBe(true);
    expect(call('typeIsLike', 'int', 'x')).toBe(false);
  });
});

describe('deepEqual (reflect.DeepEqual)', () => {
  const f = new GoFuncValue('f', { params: [] }, () => null);
  it.each<[GoValue, GoValue, boolean]>([
    [i(1), i(1), true],
    [i(1), 1, false],
    [i(1), new GoInt(1, 'int64'), false],
    ['a', 'a', true],
    [NaN, NaN, false],
    [null, null, true],
    [null, '', false],
    [[i(1), 'a'], [i(1), 'a'], true],
    [[i(1)], [i(2)], false],
    [stringSlice(['a']), ['a'], false],
    [nilSlice(), [], false],
    [nilSlice(), nilSlice(), true],
    [nilSlice(STRING_SLICE), stringSlice([]), false],
    [new Uint8Array([1, 2]), new Uint8Array([1, 2]), true],
    [newMap([['a', [1]]]), newMap([['a', [1]]]), true],
    [
      newMap([['a', 1]]),
      newMap([
        ['a', 1],
        ['b', 2],
      ]),
      false,
    ],
    [newMap([['a', null]]), newMap([['b', null]]), false],
    [tagType(newMap(), VALUES), newMap(), false],
    [nilMap(), newMap(), false],
    [nilMap(), nilMap(), true],
    [f, f, false],
  ])('deepEqual %p %p = %p', (a, b, want) => {
    expect(call('deepEqual', a, b)).toBe(want);
  });
});
