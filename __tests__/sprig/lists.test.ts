/**
 * List functions. Expectations re-express Masterminds/sprig list_test.go (TestTuple, TestList,
 * TestPush, TestPrepend, TestFirst, TestLast, TestInitial, TestRest, TestReverse, TestUniq,
 * TestWithout, TestHas, TestCompact, TestSlice, TestConcat, TestChunk, the must* error cases),
 * strings_test.go TestSortAlpha/TestJoin-style strslice behaviour, and the error texts Helm
 * printed in conformance/generated (`Cannot find first on type string`,
 * `list should be type of slice or array but string`).
 */
import { describe, expect, it } from '@jest/globals';
import { listFuncs } from '../../src/sprig/lists.js';
import { FuncError } from '../../src/gotemplate/functions.js';
import { newMap, stringSlice, typeName } from '../../src/gotemplate/values.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { caller, i, plain } from './call.js';
import { isNilSlice } from '../../src/gotemplate/values.js';

const call = caller(listFuncs);
const l123 = (): GoValue[] => [i(1), i(2), i(3)];
const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

describe('list constructors and accessors', () => {
  it.each<[string, GoValue[], unknown]>([
    ['list', [i(1), 'a', null], ['int:1', 'a', null]],
    ['tuple', [i(1), i(2)], ['int:1', 'int:2']],
    ['list', [], []],
    ['append', [l123(), i(4)], ['int:1', 'int:2', 'int:3', 'int:4']],
    ['push', [l123(), i(4)], ['int:1', 'int:2', 'int:3', 'int:4']],
    ['append', [stringSlice(['a']), i(4)], ['a', 'int:4']],
    ['prepend', [l123(), i(0)], ['int:0', 'int:1', 'int:2', 'int:3']],
    ['first', [l123()], 'int:1'],
    ['first', [[]], null],
    ['first', [new Uint8Array([7, 8])], 'uint8:7'],
    ['last', [l123()], 'int:3'],
    ['last', [[]], null],
    ['rest', [l123()], ['int:2', 'int:3']],
    ['rest', [[]], []],
    ['initial', [l123()], ['int:1', 'int:2']],
    ['initial', [[]], []],
    ['reverse', [l123()], ['int:3', 'int:2', 'int:1']],
    ['reverse', [[]], []],
    ['uniq', [[i(1), i(2), i(1), 1, '1', i(2)]], ['int:1', 'int:2', 1, '1']],
    ['without', [l123(), i(1), i(3)], ['int:2']],
    ['without', [l123(), 1], ['int:1', 'int:2', 'int:3']],
    ['compact', [[i(1), i(0), '', 'a', null, false, [], newMap(), true]], ['int:1', 'a', true]],
    ['has', [i(1), l123()], true],
    ['has', [1, l123()], false],
    ['has', ['a', null], false],
    ['concat', [l123(), [i(4)], stringSlice(['x'])], ['int:1', 'int:2', 'int:3', 'int:4', 'x']],
    ['concat', [], []],
  ])('%s %p', (name, args, want) => {
    expect(plain(call(name, ...args))).toEqual(want);
  });

  it('does not change its input', () => {
    const input = l123();
    call('reverse', input);
    call('append', input, i(9));
    expect(plain(input)).toEqual(['int:1', 'int:2', 'int:3']);
  });
});

describe('slice', () => {
  it.each<[GoValue[], unknown]>([
    [[l123()], ['int:1', 'int:2', 'int:3']],
    [
      [l123(), i(1)],
      ['int:2', 'int:3'],
    ],
    [[l123(), i(1), i(2)], ['int:2']],
    [
      [l123(), '0', 2.9],
      ['int:1', 'int:2'],
    ],
    [[[]], null],
  ])('slice %p', (args, want) => {
    expect(plain(call('slice', ...args))).toEqual(want);
  });

  it('keeps the slice type', () => {
    expect(typeName(call('slice', stringSlice(['a', 'b', 'c']), i(1)))).toBe('[]string');
    expect(typeName(call('slice', new Uint8Array([1, 2, 3]), i(1)))).toBe('[]uint8');
  });

  it.each([[i(2), i(1)], [i(-1)], [i(0), i(4)]])('out-of-range indices %p panic', (...idx) => {
    expect(() => call('mustSlice', l123(), ...idx)).toThrow(
      new FuncError('reflect.Value.Slice: slice index out of range'),
    );
  });
});

describe('chunk', () => {
  it.each<[number, GoValue[], unknown]>([
    [2, [i(1), i(2), i(3), i(4), i(5)], [['int:1', 'int:2'], ['int:3', 'int:4'], ['int:5']]],
    [
      2,
      [i(1), i(2), i(3), i(4)],
      [
        ['int:1', 'int:2'],
        ['int:3', 'int:4'],
      ],
    ],
    [7, [i(1), i(2)], [['int:1', 'int:2']]],
    [3, [], []],
  ])('chunk %p %p', (size, list, want) => {
    const out = call('chunk', i(size), list);
    expect(plain(out)).toEqual(want);
    expect(typeName(out)).toBe('[][]interface {}');
  });

  it.each([0, -2])('a size of %p panics in makeslice', (size) => {
    expect(() => call('mustChunk', i(size), l123())).toThrow(
      new FuncError('runtime error: makeslice: len out of range'),
    );
  });
});

describe('sortAlpha', () => {
  it.each<[GoValue, string[]]>([
    [
      ['c', 'a', 'b'],
      ['a', 'b', 'c'],
    ],
    [
      [i(2), i(1), i(4), i(3)],
      ['1', '2', '3', '4'],
    ],
    [
      ['b', null, 'B', 'é', 'a'],
      ['B', 'a', 'b', 'é'],
    ],
    ['solo', ['solo']],
    [null, ['<nil>']],
    [i(5), ['5']],
  ])('sortAlpha %p', (v, want) => {
    const out = call('sortAlpha', v);
    expect(out).toEqual(want);
    expect(typeName(out)).toBe('[]string');
  });

  it('sorts a []string in place, as Go does', () => {
    const s = stringSlice(['b', 'a']);
    call('sortAlpha', s);
    expect(s).toEqual(['a', 'b']);
  });
});

describe('errors: must forms return them, plain forms panic with the same text', () => {
  it.each<[string, string, GoValue[], string]>([
    ['append', 'mustAppend', ['foo', i(1)], 'Cannot push on type string'],
    ['push', 'mustPush', [i(1), i(1)], 'Cannot push on type int'],
    ['prepend', 'mustPrepend', [newMap(), i(1)], 'Cannot prepend on type map'],
    ['first', 'mustFirst', ['foo'], 'Cannot find first on type string'],
    ['last', 'mustLast', ['foo'], 'Cannot find last on type string'],
    ['rest', 'mustRest', ['foo'], 'Cannot find rest on type string'],
    ['initial', 'mustInitial', [1.5], 'Cannot find initial on type float64'],
    ['reverse', 'mustReverse', [true], 'Cannot find reverse on type bool'],
    ['compact', 'mustCompact', ['foo'], 'Cannot compact on type string'],
    ['uniq', 'mustUniq', ['foo'], 'Cannot find uniq on type string'],
    ['without', 'mustWithout', ['foo', i(1)], 'Cannot find without on type string'],
    ['has', 'mustHas', [i(1), 'foo'], 'Cannot find has on type string'],
    ['slice', 'mustSlice', ['foo'], 'list should be type of slice or array but string'],
    ['chunk', 'mustChunk', [i(2), 'foo'], 'Cannot chunk type string'],
    ['first', 'mustFirst', [null], NIL_DEREF],
    ['append', 'mustAppend', [null, i(1)], NIL_DEREF],
  ])('%s / %s %p', (plainName, mustName, args, msg) => {
    expect(() => call(plainName, ...args)).toThrow(new FuncError(msg));
    expect(() => call(mustName, ...args)).toThrow(new FuncError(msg));
  });

  it('concat panics on a non-list', () => {
    expect(() => call('concat', l123(), 'x')).toThrow(
      new FuncError('Cannot concat type string as list'),
    );
  });

  it('must forms declare an error result, plain forms do not', () => {
    const byName = new Map(listFuncs.map((f) => [f.name, f]));
    expect(byName.get('mustFirst')?.signature.returnsError).toBe(true);
    expect(byName.get('first')?.signature.returnsError).toBeUndefined();
  });
});

describe('nil results', () => {
  it.each<[string, GoValue[]]>([
    ['rest', [[]]],
    ['initial', [[]]],
    ['concat', []],
    ['concat', [[], []]],
  ])('%s %p returns a nil []interface{} (JSON null)', (name, args) => {
    const out = call(name, ...args);
    expect(isNilSlice(out)).toBe(true);
    expect(typeName(out)).toBe('[]interface {}');
  });

  it('a one-element rest is an empty, non-nil list', () => {
    expect(isNilSlice(call('rest', [i(1)]))).toBe(false);
  });
});
