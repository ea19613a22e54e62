/**
 * Conversions. Expectations re-express Masterminds/sprig numeric_test.go (TestToFloat64,
 * TestToInt64, TestToInt, TestToDecimal), strings_test.go (TestToString, TestToStrings) and
 * spf13/cast caste.go semantics (ParseInt(trimZeroDecimal(s), 0, 0), errors → 0) plus Go's
 * strconv.Atoi (range errors clamp) as the generated conformance corpus uses them
 * (`int "0x1F"`, `int64 "010"`, `int "3.7"`, `atoi "+9"`, `atoi " 5"`, `atoi "12345678901"`).
 */
import { describe, expect, it } from '@jest/globals';
import {
  conversionFuncs,
  floatToInt64,
  strslice,
  strval,
  toFloat64,
  toInt64,
} from '../../src/sprig/conversion.js';
import {
  GoFuncValue,
  GoInt,
  GoStruct,
  newMap,
  stringSlice,
  typeName,
} from '../../src/gotemplate/values.js';
import type { GoTypeInfo, GoValue } from '../../src/gotemplate/values.js';
import { caller, i, plain } from './call.js';

const call = caller(conversionFuncs);

describe('cast.ToInt64 through int64 / int', () => {
  it.each<[GoValue, bigint]>([
    [new GoInt(102, 'int8'), 102n],
    [new GoInt(102, 'uint16'), 102n],
    [new GoInt(102, 'uint64'), 102n],
    ['102', 102n],
    ['frankie', 0n],
    [102.1234, 102n],
    [-3.9, -3n],
    [true, 1n],
    [false, 0n],
    [null, 0n],
    ['0x1F', 31n],
    ['0x1f', 31n],
    ['010', 8n],
    ['08', 0n],
    ['0b101', 5n],
    ['0o17', 15n],
    ['1_000', 1000n],
    ['_1000', 0n],
    ['-42', -42n],
    ['+7', 7n],
    ['3.7', 0n],
    ['1.0', 1n],
    ['12.000', 12n],
    [' 5', 0n],
    ['9223372036854775808', 0n],
    [new GoInt(5, 'time.Duration'), 0n],
    [new GoInt(3, 'time.Month'), 3n],
    [newMap(), 0n],
  ])('%p → %p', (v, want) => {
    expect(toInt64(v)).toBe(want);
    expect(plain(call('int64', v))).toBe(`int64:${want}`);
    expect(plain(call('int', v))).toBe(`int:${want}`);
  });

  it('float64 conversions follow Go on amd64 for NaN and overflow', () => {
    expect(floatToInt64(NaN)).toBe(-(1n << 63n));
    expect(floatToInt64(1e19)).toBe(-(1n << 63n));
    expect(floatToInt64(-0.5)).toBe(0n);
  });
});

describe('cast.ToFloat64 through float64', () => {
  it.each<[GoValue, number]>([
    [new GoInt(102, 'int8'), 102],
    [i(102), 102],
    ['102', 102],
    ['frankie', 0],
    [102.1234, 102.1234],
    [true, 1],
    [null, 0],
    ['1e3', 1000],
    ['1_000.5', 1000.5],
    ['0x1p-2', 0.25],
    ['inf', Infinity],
    ['-Inf', -Infinity],
    ['1e400', 0],
    ['.5', 0.5],
    ['5.', 5],
    [' 5', 0],
  ])('%p → %p', (v, want) => {
    expect(toFloat64(v)).toBe(want);
    expect(call('float64', v)).toBe(want);
  });

  it('parses NaN', () => {
    expect(call('float64', 'NaN')).toBeNaN();
  });
});

describe('atoi (strconv.Atoi, error ignored)', () => {
  it.each([
    ['42', 42n],
    ['+9', 9n],
    ['-9', -9n],
    [' 5', 0n],
    ['0x10', 0n],
    ['1e3', 0n],
    ['a.b.c', 0n],
    ['12345678901', 12345678901n],
    ['99999999999999999999', 9223372036854775807n],
    ['-99999999999999999999', -9223372036854775808n],
  ])('atoi %j = %s', (s, want) => {
    expect(plain(call('atoi', s))).toBe(`int:${want}`);
  });
});

describe('toDecimal (octal text of %v)', () => {
  it.each<[GoValue, bigint]>([
    ['777', 511n],
    [i(777), 511n],
    [i(770), 504n],
    [i(755), 493n],
    [755, 493n],
    ['0777', 511n],
    ['-17', -15n],
    ['8', 0n],
    ['0o17', 0n],
    [1e6, 0n],
  ])('%p → %p', (v, want) => {
    expect(plain(call('toDecimal', v))).toBe(`int64:${want}`);
  });
});

describe('toString (strval) and toStrings (strslice)', () => {
  it.each<[GoValue, string]>([
    ['string', 'string'],
    [new Uint8Array([98, 121, 116, 101, 115]), 'bytes'],
    [i(12), '12'],
    [1.5, '1.5'],
    [null, '<nil>'],
    [stringSlice(['a', 'b']), '[a b]'],
  ])('toString %p = %p', (v, want) => {
    expect(strval(v)).toBe(want);
    expect(call('toString', v)).toBe(want);
  });

  it.each<[GoValue, string[]]>([
    [
      [i(1), i(2), i(3)],
      ['1', '2', '3'],
    ],
    [
      [i(1), null, i(2)],
      ['1', '2'],
    ],
    [null, []],
    ['abc', ['abc']],
    [new Uint8Array([1, 2]), ['1', '2']],
  ])('toStrings %p = %p', (v, want) => {
    const out = call('toStrings', v);
    expect(out).toEqual(want);
    expect(typeName(out)).toBe('[]string');
  });

  it('returns a []string unchanged (same slice)', () => {
    const s = stringSlice(['b', 'a']);
    expect(strslice(s)).toBe(s);
  });
});

describe('strval of structs: error first, then Stringer', () => {
  class Err extends GoStruct {
    readonly goType: GoTypeInfo = {
      name: '*errors.errorString',
      kind: 'ptr',
      methods: { Error: new GoFuncValue('Error', { params: [] }, () => 'boom') },
    };
    readonly fieldNames = [];
    field(): GoValue {
      return null;
    }
  }
  class Version extends GoStruct {
    readonly goType: GoTypeInfo = { name: '*semver.Version', kind: 'ptr' };
    readonly fieldNames = [];
    field(): GoValue {
      return null;
    }
    goString(): string {
      return '1.2.3';
    }
  }

  it.each<[GoValue, string]>([
    [new Err(), 'boom'],
    [new Version(), '1.2.3'],
  ])('toString %p = %p', (v, want) => {
    expect(call('toString', v)).toBe(want);
  });
});
