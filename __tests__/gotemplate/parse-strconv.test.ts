// The strconv/fmt pieces behind the template parser: expectations are Go's results for
// strconv.Quote/Unquote/UnquoteChar/ParseInt/ParseUint/ParseFloat (golang/go:src/strconv) and
// fmt.Sscan of a complex128 (src/fmt/scan.go).
import { describe, expect, it } from '@jest/globals';
import { parseFloat64, scanComplex } from '../../src/gotemplate/parse-float.js';
import {
  goQuote,
  parseInt64,
  parseUint64,
  underscoreOK,
  unquote,
  unquoteChar,
  utf8ByteLength,
} from '../../src/gotemplate/parse-strconv.js';

describe('goQuote (strconv.Quote)', () => {
  it.each<[string, string]>([
    ['hello', '"hello"'],
    ['tab\tnl\n', '"tab\\tnl\\n"'],
    ['"\\', '"\\"\\\\"'],
    ['\x00\x7f\x1b', '"\\x00\\x7f\\x1b"'],
    ['\x07\x08\x0c\r\x0b', '"\\a\\b\\f\\r\\v"'],
    ['é 😀 日本', '"é 😀 日本"'],
    ['\u00a0', '"\\u00a0"'], // no-break space is not printable (only U+0020 is)
    ['\u200b', '"\\u200b"'], // format character
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it('counts UTF-8 bytes like len() of a Go string', () => {
    expect(utf8ByteLength('aé日😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('unquote and unquoteChar (strconv.Unquote, UnquoteChar)', () => {
  it.each<[string, string | undefined]>([
    ['"abc"', 'abc'],
    ['""', ''],
    ['"\\u00e9\\U0001F600\\x41\\101"', 'é😀AA'],
    ['"\\xe2\\x82\\xac"', '€'],
    ['"\\\'"', undefined], // \' is not allowed in a double-quoted string
    ['"\\q"', undefined],
    ['"\\ud800"', undefined], // a surrogate is not a valid rune
    ['"\\400"', undefined], // octal escape above 255
    ['`raw\\n`', 'raw\\n'],
    ['`a\r\nb`', 'a\nb'], // carriage returns dropped from raw strings
    ['"a', undefined],
    ["'a'", undefined], // Unquote of char literals is not used by the parser
  ])('unquote(%j)', (input, expected) => {
    expect(unquote(input)).toBe(expected);
  });

  it.each<[string, string, number | undefined, string]>([
    ["a'", "'", 0x61, "'"],
    ["\\n'", "'", 10, "'"],
    ["\\''", "'", 39, "'"],
    ['\\"\'', "'", undefined, ''],
    ["\\x7f'", "'", 0x7f, "'"],
    ["\\u00FF'", "'", 0xff, "'"],
    ["本'", "'", 0x672c, "'"],
    ["'", "'", undefined, ''],
  ])('unquoteChar(%j)', (input, quote, value, tail) => {
    const r = unquoteChar(input, quote);
    expect(r?.value).toBe(value);
    if (r !== undefined) expect(r.tail).toBe(tail);
  });
});

describe('parseInt64 / parseUint64 (base 0)', () => {
  it.each<[string, bigint | undefined, bigint | undefined]>([
    ['0', 0n, 0n],
    ['-0', 0n, undefined],
    ['42', 42n, 42n],
    ['+42', 42n, undefined],
    ['052', 42n, 42n],
    ['0o52', 42n, 42n],
    ['0x2A', 42n, 42n],
    ['0b101010', 42n, 42n],
    ['4_2', 42n, 42n],
    ['0x_2a', 42n, 42n],
    ['_42', undefined, undefined],
    ['4__2', undefined, undefined],
    ['42_', undefined, undefined],
    ['08', undefined, undefined],
    ['0x', undefined, undefined],
    ['0b102', undefined, undefined],
    ['9223372036854775807', 9223372036854775807n, 9223372036854775807n],
    ['9223372036854775808', undefined, 9223372036854775808n],
    ['-9223372036854775808', -9223372036854775808n, undefined],
    ['18446744073709551616', undefined, undefined],
    ['1e3', undefined, undefined],
  ])('%s', (input, int, uint) => {
    expect(parseInt64(input)).toBe(int);
    expect(parseUint64(input)).toBe(uint);
  });

  it.each<[string, boolean]>([
    ['1_000', true],
    ['0x_1', true],
    ['0_1', true],
    ['1__0', false],
    ['_1', false],
    ['1_', false],
    ['1_e5', false],
  ])('underscoreOK(%j) is %s', (input, ok) => {
    expect(underscoreOK(input)).toBe(ok);
  });
});

describe('parseFloat64 (strconv.ParseFloat bitSize 64)', () => {
  it.each<[string, number]>([
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['-1e3', -1000],
    ['1_000.5', 1000.5],
    ['1e1_9', 1e19],
    ['1e-400', 0],
    ['0x1p4', 16],
    ['0x.8p1', 1],
    ['0x1.8p1', 3],
    ['0x_1p-4', 0.0625],
    ['0x1p-1074', 5e-324],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
  ])('%s = %d', (input, value) => {
    expect(parseFloat64(input)).toEqual({ value });
  });

  it('parses nan', () => {
    const r = parseFloat64('NaN');
    expect('value' in r && Number.isNaN(r.value)).toBe(true);
  });

  it.each<[string, string]>([
    ['1e400', 'value out of range'],
    ['0x1p1024', 'value out of range'],
    ['', 'invalid syntax'],
    ['.', 'invalid syntax'],
    ['1e', 'invalid syntax'],
    ['.e1', 'invalid syntax'],
    ['1__0', 'invalid syntax'],
    ['0x1.8', 'invalid syntax'],
    ['0b1', 'invalid syntax'],
    ['+nan', 'invalid syntax'],
    ['1.2.3', 'invalid syntax'],
    ['0x', 'invalid syntax'],
  ])('%j fails with %s', (input, error) => {
    expect(parseFloat64(input)).toEqual({ error });
  });
});

describe('scanComplex (fmt.Sscan into a complex128)', () => {
  it.each<[string, { re: number; im: number } | { error: string }]>([
    ['1+2i', { re: 1, im: 2 }],
    ['-1.5-0.5i', { re: -1.5, im: -0.5 }],
    ['1e2+3e-1i', { re: 100, im: 0.3 }],
    ['1.2p1+1i', { re: 2.4, im: 1 }],
    ['0x1P4+1i', { re: 16, im: 1 }],
    ['0x1p4+1i', { error: 'strconv.ParseFloat: parsing "0x1p4": invalid syntax' }],
    ['0b1+1i', { error: 'syntax error scanning complex number' }],
    ['+i+i', { error: 'syntax error scanning complex number' }],
  ])('%s', (input, expected) => {
    expect(scanComplex(input)).toEqual(expected);
  });
});
