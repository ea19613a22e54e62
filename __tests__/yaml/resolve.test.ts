/**
 * Plain-scalar resolution: go-yaml v2 resolve.go (resolveMapList, ParseInt base 0,
 * yamlStyleFloat, parseTimestamp) and encode.go isBase60Float.
 */
import { describe, expect, it } from '@jest/globals';
import { isBase60Float, isTimestamp, resolvePlain } from '../../src/yaml/resolve.js';

describe('resolvePlain (go-yaml v2 resolve.go)', () => {
  it.each([
    // resolveMapList: YAML 1.1 booleans in the three spellings go-yaml lists.
    ['y', 'bool', true],
    ['Y', 'bool', true],
    ['yes', 'bool', true],
    ['Yes', 'bool', true],
    ['YES', 'bool', true],
    ['on', 'bool', true],
    ['On', 'bool', true],
    ['ON', 'bool', true],
    ['true', 'bool', true],
    ['True', 'bool', true],
    ['TRUE', 'bool', true],
    ['n', 'bool', false],
    ['no', 'bool', false],
    ['NO', 'bool', false],
    ['off', 'bool', false],
    ['Off', 'bool', false],
    ['false', 'bool', false],
    ['FALSE', 'bool', false],
    ['~', 'null', null],
    ['null', 'null', null],
    ['Null', 'null', null],
    ['NULL', 'null', null],
    ['', 'null', null],
    // '<' has no resolveTable hint: the merge key is the decoder's business (isMerge).
    ['<<', 'str', '<<'],
    // Other case variants are strings.
    ['yEs', 'str', 'yEs'],
    ['tRUE', 'str', 'tRUE'],
    ['nULL', 'str', 'nULL'],
  ])('%j → %s %j', (input, tag, value) => {
    expect(resolvePlain(input)).toEqual({ tag, value });
  });

  it.each([
    ['0', 0n],
    ['42', 42n],
    ['+5', 5n],
    ['-17', -17n],
    ['012', 10n], // leading-0 octal (strconv base 0)
    ['0o17', 15n],
    ['0x1F', 31n],
    ['0X1f', 31n],
    ['-0x10', -16n],
    ['0b101', 5n],
    ['-0b101', -5n],
    ['1_000', 1000n], // underscores removed before parsing
    ['-0', 0n],
    ['9223372036854775807', 9223372036854775807n],
    ['18446744073709551615', 18446744073709551615n], // ParseUint fallback
    ['12345678901', 12345678901n],
  ])('int %j', (input, value) => {
    expect(resolvePlain(input)).toEqual({ tag: 'int', value });
  });

  it.each([
    ['3.14', 3.14],
    ['1e3', 1000],
    ['6.02e23', 6.02e23],
    ['1_000.5', 1000.5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['+1.', 1],
    ['08', 8], // invalid octal, but yamlStyleFloat matches
    ['100.0', 100],
    ['18446744073709551616', 18446744073709551616], // beyond uint64: float
    ['.inf', Infinity],
    ['+.Inf', Infinity],
    ['-.INF', -Infinity],
  ])('float %j', (input, value) => {
    expect(resolvePlain(input)).toEqual({ tag: 'float', value });
  });

  it('.nan is a float NaN', () => {
    const r = resolvePlain('.NaN');
    expect(r.tag).toBe('float');
    expect(Number.isNaN(r.value)).toBe(true);
  });

  it.each([
    '1.2.3',
    'v1',
    '0x',
    '1e',
    '1_0x',
    '.',
    '..',
    '+inf',
    'infinity',
    'NaN',
    '0xG',
    '1:30',
    '-',
    '1e400',
    '.5_0',
    'abc',
  ])('string %j', (input) => {
    expect(resolvePlain(input)).toEqual({ tag: 'str', value: input });
  });

  it.each([
    ['2001-12-14', true],
    ['2001-1-2', true],
    ['2001-12-14t21:59:43.10Z', true],
    ['2001-12-14T21:59:43.1-05:00', true],
    ['2001-12-14 21:59:43.10', true],
    ['2001-02-30', false],
    ['2001-12-14 21:59:43.10 -5', false],
    ['200-12-14', false],
    ['2001-13-01', false],
  ])('timestamp %j → %s', (input, expected) => {
    expect(isTimestamp(input)).toBe(expected);
    if (expected) expect(resolvePlain(input)).toEqual({ tag: 'timestamp', value: input });
  });
});

describe('isBase60Float (go-yaml v2 encode.go)', () => {
  it.each([
    ['1:1', true],
    ['190:20:30.15', true],
    ['-1:30', true],
    ['1:70', false],
    ['a:1', false],
    ['12', false],
  ])('%j → %s', (input, expected) => {
    expect(isBase60Float(input)).toBe(expected);
  });
});
