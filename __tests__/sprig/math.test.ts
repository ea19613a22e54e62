/**
 * Math. Expectations re-express Masterminds/sprig numeric_test.go (TestUntil, TestUntilStep,
 * TestBiggest, TestMaxf, TestMin, TestMinf, TestAdd1f, TestAddf, TestDiv, TestDivf, TestMul,
 * TestMulf, TestSub, TestSubf, TestCeil, TestFloor, TestRound, TestSeq), Go's int64 arithmetic
 * (wrapping, truncating division, `runtime error: integer divide by zero` as seen in
 * conformance/generated error goldens) and shopspring/decimal v1.2.0 (NewFromFloat, DivRound 16).
 */
import { describe, expect, it } from '@jest/globals';
import { mathFuncs } from '../../src/sprig/math.js';
import { FuncError } from '../../src/gotemplate/functions.js';
import { typeName } from '../../src/gotemplate/values.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { caller, i, i64, plain } from './call.js';

const call = caller(mathFuncs);
const MAX = 9223372036854775807n;

describe('int64 math', () => {
  it.each<[string, GoValue[], bigint]>([
    ['add1', [i(3)], 4n],
    ['add1', ['41'], 42n],
    ['add', [i(1), i(2), i(3)], 6n],
    ['add', [], 0n],
    ['add', [1.9, '2', true, null], 4n],
    ['add', [i64(MAX), i(1)], -MAX - 1n],
    ['sub', [i(14), i(3)], 11n],
    ['sub', [1.5e3, '42'], 1458n],
    ['div', [i(5), i(4)], 1n],
    ['div', [i(-7), i(2)], -3n],
    ['div', [i64(-MAX - 1n), i(-1)], -MAX - 1n],
    ['mod', [i(-7), i(3)], -1n],
    ['mod', [i(7), i(-3)], 1n],
    ['mul', [i(1), '2', i(3), '4'], 24n],
    ['mul', [i(5)], 5n],
    ['biggest', [i(1), i(2), i(3), i(345), i(5)], 345n],
    ['max', [i(345)], 345n],
    ['max', ['7', 8.9], 8n],
    ['min', [i(1), i(2), i(3), i(345)], 1n],
    ['min', [i(345)], 345n],
    ['min', [i(7), '12345678901'], 7n],
  ])('%s %p = %p', (name, args, want) => {
    expect(plain(call(name, ...args))).toBe(`int64:${want}`);
  });

  it.each([
    ['div', i(1), i(0)],
    ['mod', i(5), i(0)],
    ['div', i(1), 'zero'],
  ] as const)('%s by zero panics like Go', (name, a, b) => {
    expect(() => call(name, a, b)).toThrow(new FuncError('runtime error: integer divide by zero'));
  });
});

describe('float math through decimal', () => {
  it.each<[string, GoValue[], number]>([
    ['add1f', [3.4], 4.4],
    ['addf', [1.5, 2.2, i(3)], 6.7],
    ['addf', [0.1, 0.2], 0.3],
    ['addf', [], 0],
    ['subf', [4.5, i(1), i(3)], 0.5],
    ['divf', [i(5), i(4), i(2)], 0.625],
    ['divf', [i(1), i(3)], 0.3333333333333333],
    ['divf', [i(2), i(3)], 0.6666666666666667],
    ['divf', [i(-2), i(3)], -0.6666666666666667],
    ['divf', [1e20, i(3)], 1e20 / 3],
    ['mulf', [1.2, '2.4', i(10), '4'], 115.2],
    ['mulf', [0.1, i(3)], 0.3],
    ['maxf', [i(1), i(2), i(3), 345.7, i(5)], 345.7],
    ['minf', [1.4, i(2), 345.6], 1.4],
    ['minf', [i(345)], 345],
    ['ceil', [i(123)], 123],
    ['ceil', ['123'], 123],
    ['ceil', [123.01], 124],
    ['ceil', ['123.01'], 124],
    ['floor', [i(123)], 123],
    ['floor', ['123.9999'], 123],
    ['floor', [123.9999], 123],
  ])('%s %p = %p', (name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });

  it.each<[GoValue[], number]>([
    [[123.5555, i(3)], 123.556],
    [['123.55555', i(3)], 123.556],
    [[123.500001, i(0)], 124],
    [[123.49999999, i(0)], 123],
    [[123.2329999, i(2), 0.3], 123.23],
    [[123.233, i(2), 0.3], 123.24],
    [[i(1), i(9)], 1],
  ])('round %p = %p', (args, want) => {
    expect(call('round', ...args)).toBe(want);
  });

  it.each([
    ['divf', [i(1), i(0)], 'decimal division by 0'],
    ['addf', [Infinity], 'Cannot create a Decimal from +Inf'],
    ['mulf', ['NaN', i(1)], 'Cannot create a Decimal from NaN'],
  ] as const)('%s %p panics like decimal', (name, args, msg) => {
    expect(() => call(name, ...args)).toThrow(new FuncError(msg));
  });
});

describe('until, untilStep, seq', () => {
  it.each<[string, GoValue[], number[]]>([
    ['until', [i(5)], [0, 1, 2, 3, 4]],
    ['until', [i(-5)], [0, -1, -2, -3, -4]],
    ['until', [i(0)], []],
    ['untilStep', [i(0), i(5), i(1)], [0, 1, 2, 3, 4]],
    ['untilStep', [i(3), i(6), i(1)], [3, 4, 5]],
    ['untilStep', [i(0), i(-10), i(-2)], [0, -2, -4, -6, -8]],
    ['untilStep', [i(3), i(0), i(1)], []],
    ['untilStep', [i(3), i(99), i(0)], []],
    ['untilStep', [i(3), i(99), i(-1)], []],
    ['untilStep', [i(3), i(0), i(0)], []],
  ])('%s %p', (name, args, want) => {
    const out = call(name, ...args);
    expect(plain(out)).toEqual(want.map((n) => `int:${n}`));
    expect(typeName(out)).toBe('[]int');
  });

  it.each<[number[], string]>([
    [[0, 1, 3], '0 1 2 3'],
    [[0, 3, 10], '0 3 6 9'],
    [[3, 3, 2], ''],
    [[3, -3, 2], '3'],
    [[], ''],
    [[0, 4], '0 1 2 3 4'],
    [[5], '1 2 3 4 5'],
    [[-5], '1 0 -1 -2 -3 -4 -5'],
    [[0], '1 0'],
    [[0, 1, 2, 3], ''],
    [[0, -4], '0 -1 -2 -3 -4'],
  ])('seq %p = %p', (args, want) => {
    expect(call('seq', ...args.map((n) => i(n)))).toBe(want);
  });
});
