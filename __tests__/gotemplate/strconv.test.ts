import { describe, expect, it } from '@jest/globals';
import type { FloatFormat } from '../../src/gotemplate/strconv.js';
import {
  atoi,
  canBackquote,
  formatFloat,
  formatInt,
  isPrint,
  NumError,
  parseFloat64,
  parseInt64,
  parseOrUndefined,
  parseUint,
  quote,
  quoteBytes,
  quoteRune,
  quoteRuneToASCII,
  quoteToASCII,
  underscoreOK,
  unquote,
} from '../../src/gotemplate/strconv.js';
import { formatFloatGeneral } from '../../src/gotemplate/strconv-float.js';

// Expectations re-expressed from golang/go:src/strconv/ftoa_test.go.
describe('formatFloat', () => {
  it.each<[number, FloatFormat, number, string]>([
    [1, 'e', 5, '1.00000e+00'],
    [1, 'f', 5, '1.00000'],
    [1, 'g', 5, '1'],
    [1, 'g', -1, '1'],
    [20, 'g', -1, '20'],
    [1234567.8, 'g', -1, '1.2345678e+06'],
    [200000, 'g', -1, '200000'],
    [2000000, 'g', -1, '2e+06'],
    [1e10, 'g', -1, '1e+10'],
    [400, 'g', 2, '4e+02'],
    [40, 'g', 2, '40'],
    [4, 'g', 2, '4'],
    [0.4, 'g', 2, '0.4'],
    [0.0004, 'g', 2, '0.0004'],
    [0.00004, 'g', 2, '4e-05'],
    [0, 'e', 5, '0.00000e+00'],
    [0, 'f', 5, '0.00000'],
    [0, 'g', 5, '0'],
    [0, 'g', -1, '0'],
    [-1, 'e', 5, '-1.00000e+00'],
    [-1, 'g', -1, '-1'],
    [12, 'f', 5, '12.00000'],
    [123456700, 'e', 5, '1.23457e+08'],
    [123456700, 'f', 5, '123456700.00000'],
    [123456700, 'g', 5, '1.2346e+08'],
    [123456700, 'g', -1, '1.234567e+08'],
    [1.2345e6, 'g', 5, '1.2345e+06'],
    [1e23, 'e', 17, '9.99999999999999916e+22'],
    [1e23, 'f', 17, '99999999999999991611392.00000000000000000'],
    [1e23, 'g', 17, '9.9999999999999992e+22'],
    [1e23, 'e', -1, '1e+23'],
    [1e23, 'f', -1, '100000000000000000000000'],
    [1e23, 'g', -1, '1e+23'],
    // Shortest forms at the edges of the float64 range and of %v's exponent switch.
    [1e21, 'g', -1, '1e+21'],
    [1e21, 'f', -1, '1000000000000000000000'],
    [1e-7, 'g', -1, '1e-07'],
    [1e-5, 'g', -1, '1e-05'],
    [1e-4, 'g', -1, '0.0001'],
    [1e6, 'g', -1, '1e+06'],
    [100000, 'g', -1, '100000'],
    [0.1, 'g', -1, '0.1'],
    [5e-324, 'g', -1, '5e-324'],
    [5e-324, 'e', 20, '4.94065645841246544177e-324'],
    [1.7976931348623157e308, 'g', -1, '1.7976931348623157e+308'],
    [-0, 'g', -1, '-0'],
    [-0, 'f', 2, '-0.00'],
    // Rounding is correct on the exact binary value, exact ties go to even.
    [0.9, 'f', 1, '0.9'],
    [0.09, 'f', 1, '0.1'],
    [0.0999, 'f', 1, '0.1'],
    [0.05, 'f', 1, '0.1'],
    [0.05, 'f', 0, '0'],
    [0.5, 'f', 1, '0.5'],
    [0.5, 'f', 0, '0'],
    [1.5, 'f', 0, '2'],
    [2.5, 'f', 0, '2'],
    [0.125, 'f', 2, '0.12'],
    [0.375, 'f', 2, '0.38'],
    [0.1, 'f', 30, '0.100000000000000005551115123126'],
    [NaN, 'g', -1, 'NaN'],
    [Infinity, 'g', -1, '+Inf'],
    [-Infinity, 'f', 3, '-Inf'],
    [-1, 'b', -1, '-4503599627370496p-52'],
    [0, 'b', -1, '0p-1074'],
    [100, 'x', -1, '0x1.9p+06'],
    [1, 'x', -1, '0x1p+00'],
    [0, 'x', -1, '0x0p+00'],
    [2.275555555555555, 'x', -1, '0x1.23456789abcdep+01'],
    [2.275555555555555, 'x', 0, '0x1p+01'],
    [2.275555555555555, 'x', 2, '0x1.23p+01'],
    [2.275555555555555, 'x', 16, '0x1.23456789abcde000p+01'],
    [3.999969482421875, 'x', 0, '0x1p+02'],
    [3.999969482421875, 'x', 2, '0x1.00p+02'],
    [1, 'X', 3, '0X1.000P+00'],
    [1e-7, 'E', 2, '1.00E-07'],
    [1e100, 'G', -1, '1E+100'],
  ])('FormatFloat(%p, %p, %p) = %p', (x, fmt, prec, want) => {
    expect(formatFloat(x, fmt, prec)).toBe(want);
  });
});

describe('formatInt', () => {
  it.each<[bigint, number, string]>([
    [0n, 10, '0'],
    [-255n, 16, '-ff'],
    [-9223372036854775808n, 10, '-9223372036854775808'],
    [18446744073709551615n, 2, '1'.repeat(64)],
    [35n, 36, 'z'],
  ])('FormatInt(%p, %p)', (v, base, want) => {
    expect(formatInt(v, base)).toBe(want);
  });
});

// golang/go:src/strconv/quote_test.go
describe('quoting', () => {
  it.each([
    ['\x07\b\f\r\n\t\v', '"\\a\\b\\f\\r\\n\\t\\v"'],
    ['\\', '"\\\\"'],
    ['"', '"\\""'],
    ['\u263a', '"☺"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\x04', '"\\x04"'],
    ['\x7f', '"\\x7f"'],
    ['!\u00a0!\u2000!\u3000!', '"!\\u00a0!\\u2000!\\u3000!"'],
    ['soft\u00adhyphen', '"soft\\u00adhyphen"'],
    ['\ufeff', '"\\ufeff"'],
    ['lone \ud800', '"lone �"'],
    ['hello', '"hello"'],
    ['\x00\x7f\x1b', '"\\x00\\x7f\\x1b"'],
    ['é 😀 日本', '"é 😀 日本"'],
    ['\u200b', '"\\u200b"'], // format character
    ['\u{e0001}', '"\\U000e0001"'],
  ])('Quote(%j)', (s, want) => {
    expect(quote(s)).toBe(want);
  });

  it.each([
    ['\u263a', '"\\u263a"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['日本', '"\\u65e5\\u672c"'],
    ['\x7f', '"\\x7f"'],
    ['é\udcff', '"\\u00e9\\xff"'],
  ])('QuoteToASCII(%j)', (s, want) => {
    expect(quoteToASCII(s)).toBe(want);
  });

  it('quotes invalid UTF-8 bytes as \\x escapes', () => {
    expect(quoteBytes(new Uint8Array([0x61, 0xff, 0x62, 0xe6, 0x97]))).toBe('"a\\xffb\\xe6\\x97"');
  });

  // A string holding raw bytes (escaped as U+DC80+byte, see go-utf8.ts) quotes like Go's
  // strconv.Quote of those bytes; escapes that spell a rune together quote as that rune.
  // Goldens: generated/fz35 (`"Ünï\ncöd\xc3\n\xa9"`), fz96 (`"日\xe6\x9c..."`).
  it.each([
    ['日\udce6\udc9c...', '"日\\xe6\\x9c..."'],
    ['cöd\udcc3\n\udca9', '"cöd\\xc3\\n\\xa9"'],
    ['\udcc3\udca9', '"é"'],
    ['\udcff', '"\\xff"'],
  ])('Quote of raw bytes %j', (s, want) => {
    expect(quote(s)).toBe(want);
  });

  it.each<[number, string, string]>([
    [0x61, "'a'", "'a'"],
    [0x07, "'\\a'", "'\\a'"],
    [0x5c, "'\\\\'", "'\\\\'"],
    [0x27, "'\\''", "'\\''"],
    [0x22, `'"'`, `'"'`],
    [0xff, "'ÿ'", "'\\u00ff'"],
    [0x263a, "'☺'", "'\\u263a'"],
    [0xdead, "'�'", "'\\ufffd'"],
    [0xfffd, "'�'", "'\\ufffd'"],
    [0x10ffff, "'\\U0010ffff'", "'\\U0010ffff'"],
    [0x110000, "'�'", "'\\ufffd'"],
    [0x04, "'\\x04'", "'\\x04'"],
  ])('QuoteRune(%p)', (r, want, wantASCII) => {
    expect(quoteRune(r)).toBe(want);
    expect(quoteRuneToASCII(r)).toBe(wantASCII);
  });

  it.each([
    ['abc', true],
    ['a\tb', true],
    ['a\nb', false],
    ['a`b', false],
    ['\x7f', false],
    ['\ufeff', false],
    ['☺', true],
  ])('CanBackquote(%j) = %p', (s, want) => {
    expect(canBackquote(s)).toBe(want);
  });

  it.each<[number, boolean]>([
    [0x20, true],
    [0x7e, true],
    [0x7f, false],
    [0xa0, false],
    [0xad, false],
    [0xe9, true],
    [0x263a, true],
    [0x2028, false],
    [0x0e00, false],
    [0x1f600, true],
    [0x10ffff, false],
  ])('IsPrint(%p) = %p', (r, want) => {
    expect(isPrint(r)).toBe(want);
  });

  it.each([
    ['"abc"', 'abc'],
    ["'a'", 'a'],
    ['`a\\b`', 'a\\b'],
    ['"\\x41\\u263a\\U0001F600\\101"', 'A☺😀A'],
    ['"\\"\'"', '"\''],
    ["'\\''", "'"],
    // Byte escapes that are not valid UTF-8 stay raw bytes (escaped, see go-utf8.ts).
    ['"\\xff\\xe6\\x97"', '\udcff\udce6\udc97'],
    ['"\\xc3\\xa9\\377"', 'é\udcff'],
  ])('Unquote(%j)', (s, want) => {
    expect(unquote(s)).toBe(want);
  });

  it.each(['"a', "'ab'", '"a\nb"', '"\\q"', '`a`b`', '"\\u12"', 'abc', "'\\\"'"])(
    'Unquote(%j) fails',
    (s) => {
      expect(() => unquote(s)).toThrow('invalid syntax');
    },
  );
});

// golang/go:src/strconv/atoi_test.go, atof_test.go
describe('parsing', () => {
  it.each<[string, number, bigint]>([
    ['0', 0, 0n],
    ['-0x10', 0, -16n],
    ['0o17', 0, 15n],
    ['017', 0, 15n],
    ['0b101', 0, 5n],
    ['1_000', 0, 1000n],
    ['0x_1F', 0, 31n],
    ['+42', 10, 42n],
    ['-9223372036854775808', 10, -9223372036854775808n],
    ['zz', 36, 1295n],
  ])('ParseInt(%j, %p)', (s, base, want) => {
    expect(parseInt64(s, base, 64)).toBe(want);
  });

  it.each<[string, number, string]>([
    ['', 10, 'strconv.ParseInt: parsing "": invalid syntax'],
    ['1_000', 10, 'strconv.ParseInt: parsing "1_000": invalid syntax'],
    ['_1', 0, 'strconv.ParseInt: parsing "_1": invalid syntax'],
    ['1__0', 0, 'strconv.ParseInt: parsing "1__0": invalid syntax'],
    ['08', 0, 'strconv.ParseInt: parsing "08": invalid syntax'],
    [
      '9223372036854775808',
      10,
      'strconv.ParseInt: parsing "9223372036854775808": value out of range',
    ],
    [
      '-9223372036854775809',
      10,
      'strconv.ParseInt: parsing "-9223372036854775809": value out of range',
    ],
    ['12', 1, 'strconv.ParseInt: parsing "12": invalid base 1'],
  ])('ParseInt(%j, %p) fails', (s, base, msg) => {
    expect(() => parseInt64(s, base, 64)).toThrow(msg);
  });

  it('ParseUint range and bit sizes', () => {
    expect(parseUint('18446744073709551615', 10, 64)).toBe(18446744073709551615n);
    expect(() => parseUint('256', 10, 8)).toThrow(
      'strconv.ParseUint: parsing "256": value out of range',
    );
    expect(() => parseInt64('128', 10, 8)).toThrow(NumError);
  });

  // Base 0 as the template parser reads number constants (text/template/parse/node.go).
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
  ])('ParseInt/ParseUint(%j, 0, 64)', (input, int, uint) => {
    expect(parseOrUndefined(() => parseInt64(input, 0, 64))).toBe(int);
    expect(parseOrUndefined(() => parseUint(input, 0, 64))).toBe(uint);
  });

  it.each<[string, boolean]>([
    ['1_000', true],
    ['0x_1', true],
    ['0_1', true],
    ['1__0', false],
    ['_1', false],
    ['1_', false],
    ['1_e5', false],
  ])('underscoreOK(%j) is %p', (input, ok) => {
    expect(underscoreOK(input)).toBe(ok);
  });

  it.each<[string, bigint | string]>([
    ['42', 42n],
    ['-7', -7n],
    ['+5', 5n],
    ['-', 'strconv.Atoi: parsing "-": invalid syntax'],
    ['1_0', 'strconv.Atoi: parsing "1_0": invalid syntax'],
    ['0x10', 'strconv.Atoi: parsing "0x10": invalid syntax'],
    [' 1', 'strconv.Atoi: parsing " 1": invalid syntax'],
    ['99999999999999999999', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
  ])('Atoi(%j)', (s, want) => {
    if (typeof want === 'bigint') expect(atoi(s)).toBe(want);
    else expect(() => atoi(s)).toThrow(want);
  });

  it.each<[string, number]>([
    ['1e23', 1e23],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['-0', -0],
    ['1_2.5', 12.5],
    ['0x1p-2', 0.25],
    ['0x1.8p1', 3],
    ['0X_1p4', 16],
    ['0x1p-1074', 5e-324],
    ['0x1p-1075', 0],
    ['0x3p-1075', 1e-323],
    ['0x1.fffffffffffff8p1023', Infinity],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['+INF', Infinity],
    ['1e-400', 0],
    ['-1e3', -1000],
    ['1_000.5', 1000.5],
    ['1e1_9', 1e19],
    ['0x.8p1', 1],
    ['0x_1p-4', 0.0625],
  ])('ParseFloat(%j)', (s, want) => {
    if (want === Infinity && s.startsWith('0x')) {
      expect(() => parseFloat64(s)).toThrow('value out of range');
      return;
    }
    expect(Object.is(parseFloat64(s), want)).toBe(true);
  });

  it('ParseFloat NaN', () => {
    expect(parseFloat64('NaN')).toBeNaN();
    expect(parseFloat64('nan')).toBeNaN();
  });

  it.each([
    ['', 'invalid syntax'],
    ['.', 'invalid syntax'],
    ['1e', 'invalid syntax'],
    ['1e+', 'invalid syntax'],
    ['+nan', 'invalid syntax'],
    ['0x1.8', 'invalid syntax'],
    ['1_', 'invalid syntax'],
    ['infinit', 'invalid syntax'],
    ['1e400', 'value out of range'],
    ['-1e400', 'value out of range'],
    ['0x1p1024', 'value out of range'],
    ['.e1', 'invalid syntax'],
    ['1__0', 'invalid syntax'],
    ['0b1', 'invalid syntax'],
    ['1.2.3', 'invalid syntax'],
    ['0x', 'invalid syntax'],
    ['0x1p1__0', 'invalid syntax'],
  ])('ParseFloat(%j) fails with %p', (s, reason) => {
    expect(() => parseFloat64(s)).toThrow(
      `strconv.ParseFloat: parsing ${JSON.stringify(s)}: ${reason}`,
    );
  });
});

describe('formatFloat: the integer shortcut of %g agrees with the digit generation', () => {
  it('around zero, the %e switch at 1e6 and the safe-integer edge', () => {
    const xs = [0, -0, 1, -1, 7, 80, 443, 8080, 65535, 99999, 100000, 999999, -999999];
    xs.push(1e6, -1e6, 1e6 + 1, 1e7, 2 ** 53, 1e21, 0.5, -0.5, 1.5, 1e-7, 123456.75);
    for (let x = -1200; x <= 1200; x += 7) xs.push(x);
    for (const x of xs) {
      for (const prec of [-1, 0, 3]) {
        expect([x, prec, formatFloat(x, 'g', prec)]).toEqual([
          x,
          prec,
          formatFloatGeneral(x, 'g', prec),
        ]);
      }
    }
    expect(formatFloat(1e6, 'g', -1)).toBe('1e+06');
    expect(formatFloat(-0, 'g', -1)).toBe('-0');
  });
});
