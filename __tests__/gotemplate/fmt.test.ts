import { describe, expect, it } from '@jest/globals';
import { formatValue, sprint, sprintf, sprintln } from '../../src/gotemplate/fmt.js';
import { fn } from '../../src/gotemplate/functions.js';
import type { GoStringer, GoTypeInfo, GoValue } from '../../src/gotemplate/values.js';
import {
  GoInt,
  GoStruct,
  int,
  int64,
  newMap,
  nilMap,
  nilSlice,
  STRING_SLICE,
  stringSlice,
  tagType,
} from '../../src/gotemplate/values.js';

const u8 = (n: number): GoInt => new GoInt(n, 'uint8');
const i8 = (n: number): GoInt => new GoInt(n, 'int8');
const i32 = (n: number): GoInt => new GoInt(n, 'int32');
const u32 = (n: number | bigint): GoInt => new GoInt(n, 'uint32');
const u64 = (n: bigint): GoInt => new GoInt(n, 'uint64');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

class Point extends GoStruct {
  readonly fieldNames = ['X', 'Name', 'Tags'] as const;
  constructor(
    readonly goType: GoTypeInfo,
    private readonly values: Record<string, GoValue>,
  ) {
    super();
  }
  field(name: string): GoValue {
    return this.values[name] ?? null;
  }
}
const pointType: GoTypeInfo = { name: 'main.Point', kind: 'struct' };
const pointPtrType: GoTypeInfo = { name: '*main.Point', kind: 'ptr' };
const point = (goType: GoTypeInfo = pointType): Point =>
  new Point(goType, { X: int(1), Name: 'a b', Tags: stringSlice(['t']) });

class Version extends GoStruct implements GoStringer {
  readonly goType: GoTypeInfo = { name: '*semver.Version', kind: 'ptr' };
  readonly fieldNames = ['Major'];
  field(): GoValue {
    return int64(1);
  }
  goString(): string {
    return '1.2.3';
  }
}

type Case = [string, GoValue[], string];

// Re-expressed from golang/go:src/fmt/fmt_test.go (fmtTests), one group per concern.
describe('sprintf verbs and flags', () => {
  it.each<Case>([
    // strings
    ['%s', ['abc'], 'abc'],
    ['%q', ['abc'], '"abc"'],
    ['%x', ['abc'], '616263'],
    ['%X', ['xyz'], '78797A'],
    ['% x', ['xyz'], '78 79 7a'],
    ['%#x', ['xyz'], '0x78797a'],
    ['%# X', ['xyz'], '0X78 0X79 0X7A'],
    ['%x', [''], ''],
    ['%5x', [''], '     '],
    ['%.1x', ['日本語'], 'e6'],
    ['%q', ['\x07\b\f\n\r\t\v"\\'], '"\\a\\b\\f\\n\\r\\t\\v\\"\\\\"'],
    ['%#q', ['abc'], '`abc`'],
    ['%#q', ['\n'], '"\\n"'],
    ['%+q', ['日本語'], '"\\u65e5\\u672c\\u8a9e"'],
    ['%#+q', ['☺'], '`☺`'],
    ['% q', ['☺'], '"☺"'],
    ['%q', ['\u{10ffff}'], '"\\U0010ffff"'],
    ['%10q', ['⌘'], '       "⌘"'],
    ['%-10q', ['⌘'], '"⌘"       '],
    ['%010q', ['⌘'], '0000000"⌘"'],
    ['%-010q', ['⌘'], '"⌘"       '],
    ['%5s', ['abc'], '  abc'],
    ['%2s', ['☺'], ' ☺'],
    ['%-5s', ['abc'], 'abc  '],
    ['%05s', ['abc'], '00abc'],
    ['%.5s', ['abcdefghijklmnopqrstuvwxyz'], 'abcde'],
    ['%.0s', ['日本語'], ''],
    ['%.5s', ['日本語日本語'], '日本語日本'],
    ['%.3q', ['日本語日本語'], '"日本語"'],
    ['%10.1q', ['日本語日本語'], '       "日"'],
    ['%10v', [null], '     <nil>'],
    ['%-10v', [null], '<nil>     '],
    // []byte
    ['%s', [bytes('abc')], 'abc'],
    ['%q', [bytes('abc')], '"abc"'],
    ['%x', [bytes('abc')], '616263'],
    ['% X', [bytes('xyz')], '78 79 7A'],
    ['%v', [bytes('hi')], '[104 105]'],
    ['%d', [bytes('hi')], '[104 105]'],
    ['%#v', [bytes('hi')], '[]byte{0x68, 0x69}'],
    ['%o', [new Uint8Array([8, 9])], '[10 11]'],
    ['%q', [new Uint8Array([0x61, 0xff])], '"a\\xff"'],
    ['%.5s', [bytes('日本語日本語')], '日本語日本'],
    // characters
    ['%c', [u32(0x78)], 'x'],
    ['%c', [int(0xe4)], 'ä'],
    ['%c', [u8(104)], 'h'],
    ['%.0c', [int(0x2318)], '⌘'],
    ['%3c', [int(0x2318)], '  ⌘'],
    ['%-3c', [int(0x2318)], '⌘  '],
    ['%c', [int(-1)], '�'],
    ['%c', [int(0xdc80)], '�'],
    ['%c', [int(0x110000)], '�'],
    ['%q', [u32(0)], "'\\x00'"],
    ['%q', [int(0x27)], "'\\''"],
    ['%+q', [int(0xff)], "'\\u00ff'"],
    ['%q', [int(0x263a)], "'☺'"],
    ['%q', [int(0x0e00)], "'\\u0e00'"],
    ['%q', [i32(-1)], "'�'"],
    ['%010q', [int(0x2318)], "0000000'⌘'"],
    ['%+-010q', [int(0x2318)], "'\\u2318'  "],
    // integers
    ['%d', [u32(12345)], '12345'],
    ['%d', [int(-12345)], '-12345'],
    ['%d', [u8(255)], '255'],
    ['%d', [u64(18446744073709551615n)], '18446744073709551615'],
    ['%d', [i8(-128)], '-128'],
    ['%d', [int64(-9223372036854775808n)], '-9223372036854775808'],
    ['%.d', [int(0)], ''],
    ['%6.0d', [int(0)], '      '],
    ['%06.0d', [int(0)], '      '],
    ['% d', [int(12345)], ' 12345'],
    ['%+d', [int(12345)], '+12345'],
    ['%+d', [int(-12345)], '-12345'],
    ['%b', [int(7)], '111'],
    ['%b', [int(-6)], '-110'],
    ['%#b', [int(7)], '0b111'],
    ['%o', [int(0o1234)], '1234'],
    ['%#o', [int(-0o1234)], '-01234'],
    ['%O', [int(0o1234)], '0o1234'],
    ['%O', [int(-0o1234)], '-0o1234'],
    ['%#X', [int(0)], '0X0'],
    ['%x', [int(0x12abcdef)], '12abcdef'],
    ['%x', [int(-255)], '-ff'],
    ['%x', [u32(0xffffffff)], 'ffffffff'],
    ['%X', [u64(18446744073709551615n)], 'FFFFFFFFFFFFFFFF'],
    ['%.20b', [int(7)], '00000000000000000111'],
    ['%10d', [int(-12345)], '    -12345'],
    ['%+10d', [int(12345)], '    +12345'],
    ['%010d', [int(-12345)], '-000012345'],
    ['%020.8d', [int(-1234)], '           -00001234'],
    ['%-20.8d', [int(1234)], '00001234            '],
    ['%-#20.8x', [int(0x1234abc)], '0x01234abc          '],
    ['%-#20.8o', [int(0o1234)], '00001234            '],
    ['%068d', [int(-1)], '-' + '0'.repeat(66) + '1'],
    ['%#.68x', [int(42)], '0x' + '0'.repeat(66) + '2a'],
    ['%-05d', [int(42)], '42   '],
    // unicode
    ['%U', [int(0)], 'U+0000'],
    ['%U', [int(-1)], 'U+FFFFFFFFFFFFFFFF'],
    ['%#U', [int(10)], 'U+000A'],
    ['%+U', [int(0x78)], 'U+0078'],
    ['%# U', [int(0x78)], "U+0078 'x'"],
    ['%#.2U', [int(0x78)], "U+0078 'x'"],
    ['%#U', [int(0x263a)], "U+263A '☺'"],
    ['%#U', [int(0x1d6c2)], "U+1D6C2 '𝛂'"],
    ['%#14.6U', [int(0x2318)], "  U+002318 '⌘'"],
    ['%#-14.6U', [int(0x2318)], "U+002318 '⌘'  "],
    ['%#014.6U', [int(0x2318)], "  U+002318 '⌘'"],
    // floats
    ['%+.3e', [0], '+0.000e+00'],
    ['%+.3e', [1], '+1.000e+00'],
    ['%+.3x', [1], '+0x1.000p+00'],
    ['%+.3f', [-1], '-1.000'],
    ['%+.3F', [-1], '-1.000'],
    ['%+07.2f', [1], '+001.00'],
    ['%+07.2f', [-1], '-001.00'],
    ['%-07.2f', [1], '1.00   '],
    ['%+-07.2f', [-1], '-1.00  '],
    ['%+10.2f', [-1], '     -1.00'],
    ['% .3E', [-1], '-1.000E+00'],
    ['% .3e', [1], ' 1.000e+00'],
    ['% .3X', [-1], '-0X1.000P+00'],
    ['%+.3g', [0], '+0'],
    ['% .3g', [1], ' 1'],
    ['%b', [1], '4503599627370496p-52'],
    ['%#g', [1e-323], '1.00000e-323'],
    ['%#g', [-1], '-1.00000'],
    ['%#g', [1.1], '1.10000'],
    ['%#g', [123456], '123456.'],
    ['%#g', [1234567], '1.234567e+06'],
    ['%#g', [1230000], '1.23000e+06'],
    ['%#.0f', [1], '1.'],
    ['%#.0e', [1], '1.e+00'],
    ['%#.0x', [1], '0x1.p+00'],
    ['%#.0g', [1100000], '1.e+06'],
    ['%#.4g', [0], '0.000'],
    ['%#.4g', [0.012], '0.01200'],
    ['%#.4x', [123], '0x1.ec00p+06'],
    ['%#9.4g', [1], '    1.000'],
    ['%#b', [1], '4503599627370496p-52'],
    ['%.4b', [-1], '-4503599627370496p-52'],
    ['%.68f', [1], '1.' + '0'.repeat(68)],
    ['%f', [Infinity], '+Inf'],
    ['%.1f', [-Infinity], '-Inf'],
    ['% f', [NaN], ' NaN'],
    ['%20f', [Infinity], '                +Inf'],
    ['% 20F', [Infinity], '                 Inf'],
    ['%20e', [NaN], '                 NaN'],
    ['% +20E', [NaN], '                +NaN'],
    ['% -20g', [NaN], ' NaN                '],
    ['%+020e', [Infinity], '                +Inf'],
    ['%-020f', [-Infinity], '-Inf                '],
    ['%v', [1e6], '1e+06'],
    ['%v', [1e-5], '1e-05'],
    ['%v', [100000], '100000'],
    ['%v', [0.1], '0.1'],
    ['%v', [1e21], '1e+21'],
    ['%v', [-0], '-0'],
    ['%v', [5e-324], '5e-324'],
    ['%.2f', [3.14159], '3.14'],
    ['%.2f', [2.675], '2.67'],
    ['%.0f', [0.5], '0'],
    ['%.0f', [1.5], '2'],
    ['%e', [1234.5678], '1.234568e+03'],
    ['%G', [1e-10], '1E-10'],
    ['%.3g', [1234567], '1.23e+06'],
    ['%08.3f', [-3.14159], '-003.142'],
    ['%x', [1], '0x1p+00'],
    // booleans
    ['%t', [true], 'true'],
    ['%v', [false], 'false'],
    ['%6t', [true], '  true'],
    // width and precision from arguments
    ['%*d', [int(4), int(42)], '  42'],
    ['%-*d', [int(4), int(42)], '42  '],
    ['%*d', [int(-4), int(42)], '42  '],
    ['%.*d', [int(4), int(42)], '0042'],
    ['%*.*f', [int(8), int(2), 3.14159], '    3.14'],
    ['%*d', [u8(3), int(7)], '  7'],
    // explicit argument indexes
    ['%[1]d', [int(1)], '1'],
    ['%[2]d %[1]d', [int(1), int(2)], '2 1'],
    ['%[2]*[1]d', [int(12), int(5)], '   12'],
    ['%[3]*.[2]*[1]f', [12, int(2), int(6)], ' 12.00'],
    ['%d %d %#[1]x %#x', [int(16), int(17)], '16 17 0x10 0x11'],
    ['%[1]*d', [int(2)], '%!d(MISSING)'],
    ['%.[]', [], '%!](BADINDEX)'],
    ['%[1]d %[3]d %d', [int(1), int(2), int(3)], '1 3 %!d(MISSING)'],
    ['%%', [], '%'],
    ['%5%', [], '%'],
  ])('Sprintf(%j, …)', (format, args, want) => {
    expect(sprintf(format, args)).toBe(want);
  });
});

describe('sprintf error forms', () => {
  it.each<Case>([
    ['%d', ['x'], '%!d(string=x)'],
    ['%d', [null], '%!d(<nil>)'],
    ['%s', [int(1)], '%!s(int=1)'],
    ['%t', [int(1)], '%!t(int=1)'],
    ['%x', [true], '%!x(bool=true)'],
    ['%d', [1.5], '%!d(float64=1.5)'],
    ['%s', [1.5], '%!s(float64=1.5)'],
    ['%z', [int(1)], '%!z(int=1)'],
    ['%5d', ['x'], '%!d(string=    x)'],
    ['%!', [], '%!!(MISSING)'],
    ['%', [], '%!(NOVERB)'],
    ['%-', [int(1)], '%!(NOVERB)%!(EXTRA int=1)'],
    ['%d %d', [int(1)], '1 %!d(MISSING)'],
    ['%s', [], '%!s(MISSING)'],
    ['hi', ['a', int(1)], 'hi%!(EXTRA string=a, int=1)'],
    ['%d', [int(1), null, 1.5], '1%!(EXTRA <nil>, float64=1.5)'],
    ['%[0]d', [int(1)], '%!d(BADINDEX)'],
    ['%[2]d', [int(1)], '%!d(BADINDEX)'],
    ['%[x]d', [int(1)], '%!d(BADINDEX)'],
    ['%[3]2d', [int(1), int(2), int(3)], '%!d(BADINDEX)'],
    ['%.[2]d', [int(7)], '%!d(BADINDEX)'],
    ['%*d', ['x', int(1)], '%!(BADWIDTH)1'],
    ['%*d', [1.5, int(1)], '%!(BADWIDTH)1'],
    ['%.*d', ['x', int(1)], '%!(BADPREC)1'],
    ['%.*d', [int(-1), int(1)], '%!(BADPREC)1'],
    ['%*d', [int(10000000), int(1)], '%!(BADWIDTH)1'],
    ['%*', [int(1)], '%!(NOVERB)'],
    ['%p', ['x'], '%!p(string=x)'],
    ['%d', [[int(1), 'a']], '[1 %!d(string=a)]'],
  ])('Sprintf(%j, …)', (format, args, want) => {
    expect(sprintf(format, args)).toBe(want);
  });
});

describe('printing the value model', () => {
  const m = newMap([
    ['b', int(2)],
    ['a', 'x y'],
    ['c', [int(1), 'y', null, 1.5]],
  ]);
  const tagged = tagType(newMap([['k', 'v']]), {
    name: 'chartutil.Values',
    kind: 'map',
    elem: 'interface {}',
  });
  it.each<Case>([
    ['%v', [m], 'map[a:x y b:2 c:[1 y <nil> 1.5]]'],
    ['%+v', [m], 'map[a:x y b:2 c:[1 y <nil> 1.5]]'],
    [
      '%#v',
      [m],
      'map[string]interface {}{"a":"x y", "b":2, "c":[]interface {}{1, "y", interface {}(nil), 1.5}}',
    ],
    ['%T', [m], 'map[string]interface {}'],
    ['%v', [newMap()], 'map[]'],
    ['%#v', [newMap()], 'map[string]interface {}{}'],
    ['%#v', [nilMap()], 'map[string]interface {}(nil)'],
    ['%v', [nilMap()], 'map[]'],
    ['%#v', [nilSlice()], '[]interface {}(nil)'],
    ['%#v', [nilSlice(STRING_SLICE)], '[]string(nil)'],
    ['%v', [nilSlice()], '[]'],
    [
      '%v',
      [
        newMap([
          ['é', int(1)],
          ['z', int(2)],
          ['Z', int(3)],
          ['😀', int(4)],
          ['\uffff', int(5)],
        ]),
      ],
      'map[Z:3 z:2 é:1 \uffff:5 😀:4]',
    ],
    ['%d', [newMap([['a', int(1)]])], 'map[%!d(string=a):1]'],
    ['%x', [newMap([['a', int(255)]])], 'map[61:ff]'],
    ['%v', [tagged], 'map[k:v]'],
    ['%#v', [tagged], 'chartutil.Values{"k":"v"}'],
    ['%T', [tagged], 'chartutil.Values'],
    ['%v', [[]], '[]'],
    ['%v', [['a', ['b', 'c'], newMap([['k', 'v']])]], '[a [b c] map[k:v]]'],
    ['%#v', [['a', int(1)]], '[]interface {}{"a", 1}'],
    ['%q', [['a', 'b']], '["a" "b"]'],
    ['%5v', [['a', int(1)]], '[    a     1]'],
    ['%v', [stringSlice(['a', 'b'])], '[a b]'],
    ['%#v', [stringSlice(['a', 'b'])], '[]string{"a", "b"}'],
    ['%T', [stringSlice([])], '[]string'],
    ['%#v', ['str'], '"str"'],
    ['%#v', [int(1)], '1'],
    ['%#v', [1.0], '1'],
    ['%#v', [1e6], '1e+06'],
    ['%#v', [u8(255)], '0xff'],
    ['%#v', [true], 'true'],
    ['%#v', [null], '<nil>'],
    ['%T', [null], '<nil>'],
    ['%T', [u8(1)], 'uint8'],
    ['%T', [1.5], 'float64'],
    ['%T', [bytes('a')], '[]uint8'],
    ['%10T', ['s'], '    string'],
    ['%v', [[bytes('hi')]], '[[104 105]]'],
    ['%s', [[bytes('hi')]], '[hi]'],
    ['%#v', [[bytes('hi')]], '[]interface {}{[]uint8{0x68, 0x69}}'],
    ['%v', [point()], '{1 a b [t]}'],
    ['%+v', [point()], '{X:1 Name:a b Tags:[t]}'],
    ['%#v', [point()], 'main.Point{X:1, Name:"a b", Tags:[]string{"t"}}'],
    ['%v', [point(pointPtrType)], '&{1 a b [t]}'],
    ['%+v', [point(pointPtrType)], '&{X:1 Name:a b Tags:[t]}'],
    ['%#v', [point(pointPtrType)], '&main.Point{X:1, Name:"a b", Tags:[]string{"t"}}'],
    ['%T', [point(pointPtrType)], '*main.Point'],
    ['%d', [point()], '{1 %!d(string=a b) [%!d(string=t)]}'],
    ['%v', [new Version()], '1.2.3'],
    ['%s', [new Version()], '1.2.3'],
    ['%q', [new Version()], '"1.2.3"'],
    ['%x', [new Version()], '312e322e33'],
    ['%10v|', [new Version()], '     1.2.3|'],
    ['%d', [new Version()], '&{1}'],
    ['%v', [[new Version()]], '[1.2.3]'],
    ['%v', [newMap([['v', new Version()]])], 'map[v:1.2.3]'],
    ['%v', [new GoInt(90_061_500_000_000n, 'time.Duration')], '25h1m1.5s'],
    ['%v', [new GoInt(1_500_000n, 'time.Duration')], '1.5ms'],
    ['%s', [new GoInt(1_500n, 'time.Duration')], '1.5µs'],
    ['%v', [new GoInt(-5n, 'time.Duration')], '-5ns'],
    ['%v', [new GoInt(0n, 'time.Duration')], '0s'],
    ['%v', [new GoInt(3_600_000_000_000n, 'time.Duration')], '1h0m0s'],
    ['%d', [new GoInt(1_500_000n, 'time.Duration')], '1500000'],
    ['%T', [new GoInt(1n, 'time.Duration')], 'time.Duration'],
    ['%v', [new GoInt(3n, 'time.Month')], 'March'],
    ['%v', [new GoInt(13n, 'time.Month')], '%!Month(13)'],
    ['%v', [new GoInt(0n, 'time.Weekday')], 'Sunday'],
  ])('Sprintf(%j, …)', (format, args, want) => {
    expect(sprintf(format, args)).toBe(want);
  });

  it('prints funcs and nested pointers as stable addresses', () => {
    const f = fn('f', { params: [] }, () => null);
    const a = sprintf('%v', [f]);
    expect(a).toMatch(/^0xc[0-9a-f]+$/);
    expect(sprintf('%v', [f])).toBe(a);
    expect(sprintf('%p', [f])).toBe(a);
    expect(sprintf('%#p', [f])).toBe(a.slice(2));
    expect(sprintf('%#v', [f])).toBe(`(func)(${a})`);
    expect(sprintf('%s', [f])).toBe(`%!s(func=${a})`);
    const p = point(pointPtrType);
    expect(sprintf('%v', [[p]])).toMatch(/^\[0xc[0-9a-f]+\]$/);
    expect(sprintf('%p', [m])).toMatch(/^0xc[0-9a-f]+$/);
    expect(sprintf('%p', [int(1)])).toBe('%!p(int=1)');
  });
});

describe('sprint and sprintln', () => {
  it.each<[GoValue[], string]>([
    [[], ''],
    [['a', 'b'], 'ab'],
    [[int(1), int(2)], '1 2'],
    [['a', int(1), int(2), 'b', 'c', 1.5, true], 'a1 2bc1.5 true'],
    [[int(1), 'x', int(2)], '1x2'],
    [[null, null], '<nil> <nil>'],
    [[newMap([['a', int(1)]]), 'x'], 'map[a:1]x'],
    [[1e6, 1e21], '1e+06 1e+21'],
  ])('Sprint(%j)', (args, want) => {
    expect(sprint(args)).toBe(want);
  });

  it.each<[GoValue[], string]>([
    [[], '\n'],
    [['a', 'b'], 'a b\n'],
    [[int(1), 'x', null], '1 x <nil>\n'],
  ])('Sprintln(%j)', (args, want) => {
    expect(sprintln(args)).toBe(want);
  });

  it('formatValue is %v', () => {
    expect(formatValue(null)).toBe('<nil>');
    expect(formatValue(1000000)).toBe('1e+06');
    expect(
      formatValue(
        newMap([
          ['b', int(1)],
          ['a', [true]],
        ]),
      ),
    ).toBe('map[a:[true] b:1]');
  });
});
