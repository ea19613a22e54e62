/**
 * sprig string functions. Expectations re-express Masterminds/sprig strings_test.go (TestSubstr,
 * TestTrunc, TestQuote, TestGoutils, TestCat, TestIndent, TestReplace, TestPlural, TestSplit…),
 * Go's strings package behaviour (strings.Title, TrimSpace, Split with an empty separator,
 * Repeat's panic), goutils v1.1.1 (byte-wise Initials/DeleteWhiteSpace, WrapCustom) and
 * xstrings v1.3.3 convert.go doc examples; camelcase "snake_case_string" = "SnakeCaseString"
 * is what Helm 3.11.3 printed in conformance/generated fz1/t18.
 */
import { describe, expect, it } from '@jest/globals';
import { stringFuncs, truncBytes } from '../../src/sprig/strings.js';
import { FuncError } from '../../src/gotemplate/functions.js';
import { stringSlice, typeName } from '../../src/gotemplate/values.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { caller, i, plain } from './call.js';

const call = caller(stringFuncs);

describe('simple string functions', () => {
  it.each([
    ['trim', ['   5.00   '], '5.00'],
    ['trim', ['\u00a0x\u2003'], 'x'],
    ['trim', ['\ufeffx'], '\ufeffx'],
    ['trimAll', ['$', '$5.00$'], '5.00'],
    ['trimall', ['$', '$5.00$'], '5.00'],
    ['trimAll', ['ab', 'abcba'], 'c'],
    ['trimPrefix', ['$', '$5.00'], '5.00'],
    ['trimSuffix', ['$', '5.00$'], '5.00'],
    ['upper', ['straße'], 'STRAßE'],
    ['lower', ['HÉLLO İ'], 'héllo i'],
    ['title', ["hello wORLD-foo_bar o'neil"], "Hello WORLD-Foo_bar O'Neil"],
    ['title', ['ǆemal 3rd'], 'ǅemal 3rd'],
    ['untitle', ['First Try'], 'first try'],
    ['contains', ['cat', 'fair catch'], true],
    ['hasPrefix', ['cat', 'catch'], true],
    ['hasSuffix', ['cat', 'ducat'], true],
    ['hasSuffix', ['dog', 'ducat'], false],
    ['replace', [' ', '-', 'I Am Henry VIII'], 'I-Am-Henry-VIII'],
    ['replace', ['', '-', 'ab'], '-a-b-'],
    ['swapcase', ['This Is A.Test'], 'tHIS iS a.tEST'],
  ] as const)('%s %j = %j', (name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });
});

describe('byte-based: trunc, substr, abbrev, wrap', () => {
  it.each([
    ['trunc', [i(3), 'foooooo'], 'foo'],
    ['trunc', [i(-3), 'baaaaaar'], 'aar'],
    ['trunc', [i(-999), 'baaaaaar'], 'baaaaaar'],
    ['trunc', [i(0), 'baaaaaz'], ''],
    ['trunc', [i(2), 'é!'], 'é'],
    ['substr', [i(0), i(3), 'fooo'], 'foo'],
    ['substr', [i(0), i(10), 'foo'], 'foo'],
    ['substr', [i(-1), i(2), 'foo'], 'fo'],
    ['substr', [i(1), i(-1), 'foo'], 'oo'],
    ['abbrev', [i(5), 'hello world'], 'he...'],
    ['abbrev', [i(3), 'hello world'], 'hello world'],
    ['abbrev', [i(20), 'hello world'], 'hello world'],
    ['abbrevboth', [i(5), i(10), '1234 5678 9123'], '...5678...'],
    ['abbrevboth', [i(5), i(6), '1234 5678 9123'], '1234 5678 9123'],
    ['abbrevboth', [i(0), i(4), 'abcdefg'], 'a...'],
    ['wrap', [i(5), 'Hello World'], 'Hello\nWorld'],
    ['wrap', [i(3), 'abcdefgh ij'], 'abcdefgh\nij'],
    ['wrap', [i(0), 'a b'], 'a\nb'],
    ['wrapWith', [i(5), '\t', 'Hello World'], 'Hello\tWorld'],
    ['wrapWith', [i(3), '|', 'abcdefgh'], 'abc|def|gh'],
  ] as const)('%s %j = %j', (name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });

  it.each([
    [i(5), i(2), 'hello', 'runtime error: slice bounds out of range [5:2]'],
    [i(-1), i(9), 'abc', 'runtime error: slice bounds out of range [:9] with length 3'],
    [i(-1), i(-2), 'abc', 'runtime error: slice bounds out of range [:-2]'],
    [i(7), i(-1), 'abc', 'runtime error: slice bounds out of range [7:3]'],
  ])('substr %s %s %j panics like Go', (a, b, s, msg) => {
    expect(() => call('substr', a, b, s)).toThrow(new FuncError(msg));
  });
});

describe('goutils quirks', () => {
  it.each([
    ['nospace', ['h e l l o '], 'hello'],
    ['nospace', ['héllo'], 'héllo'],
    ['nospace', ['h é'], 'hÃ©'],
    ['initials', ['First Try'], 'FT'],
    ['initials', ['émile zola'], 'Ãz'],
    ['initials', [''], ''],
  ] as const)('%s %j = %j', (name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });
});

describe('xstrings case conversions', () => {
  it.each([
    ['camelcase', 'snake_case_string', 'SnakeCaseString'],
    ['camelcase', 'http_server', 'HttpServer'],
    ['camelcase', '_complex__case_', '_Complex_Case_'],
    ['camelcase', 'some words', 'SomeWords'],
    ['camelcase', 'a', 'A'],
    ['snakecase', 'FirstName', 'first_name'],
    ['snakecase', 'HTTPServer', 'http_server'],
    ['snakecase', 'NoHTTPS', 'no_https'],
    ['snakecase', 'GO_PATH', 'go_path'],
    ['snakecase', 'GO PATH', 'go_path'],
    ['snakecase', 'GO-PATH', 'go_path'],
    ['snakecase', 'http2xx', 'http_2xx'],
    ['snakecase', 'HTTP20xOK', 'http_20x_ok'],
    ['snakecase', 'Duration2m3s', 'duration_2m3s'],
    ['snakecase', 'Bld4Floor3rd', 'bld4_floor_3rd'],
    ['kebabcase', 'FirstName', 'first-name'],
    ['kebabcase', 'HTTPServer', 'http-server'],
    ['kebabcase', 'GO_PATH', 'go-path'],
  ])('%s %j = %j', (name, input, want) => {
    expect(call(name, input)).toBe(want);
  });
});

describe('quote, squote, cat (nil arguments skipped)', () => {
  it.each([
    ['quote', ['a', 'b', 'c'], '"a" "b" "c"'],
    ['quote', ['"a"', 'b'], '"\\"a\\"" "b"'],
    ['quote', [i(1), i(2), i(3)], '"1" "2" "3"'],
    ['quote', [null], ''],
    ['quote', ['tab\there\u0001é\u00a0'], '"tab\\there\\x01é\\u00a0"'],
    ['quote', [new Uint8Array([104, 105])], '"hi"'],
    ['squote', ['a', 'b', 'c'], "'a' 'b' 'c'"],
    ['squote', [i(1), i(2), i(3)], "'1' '2' '3'"],
    ['squote', [null], ''],
    ['cat', ['a', 'b', 'c'], 'a b c'],
    ['cat', ['a', 'b', null], 'a b'],
    ['cat', [i(1), 1.5, true], '1 1.5 true'],
  ] as const)('%s %j = %j', (name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });
});

describe('indent, repeat, plural', () => {
  it.each([
    ['indent', [i(4), 'a\nb\nc'], '    a\n    b\n    c'],
    ['nindent', [i(4), 'a\nb\nc'], '\n    a\n    b\n    c'],
    ['indent', [i(0), 'a\nb'], 'a\nb'],
    ['indent', [i(2), '\na\n\n'], '  \n  a\n  \n  '],
    ['nindent', [i(1), ''], '\n '],
    ['repeat', [i(3), 'ab'], 'ababab'],
    ['repeat', [i(0), 'ab'], ''],
    ['plural', ['1 char', 'chars', i(3)], 'chars'],
    ['plural', ['cheese', '%d chars', i(1)], 'cheese'],
    ['plural', ['one', 'many', i(0)], 'many'],
  ] as const)('%s %j = %j', (name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });

  it.each([
    ['repeat', [i(-1), 'x']],
    ['indent', [i(-2), 'x']],
    ['nindent', [i(-2), 'x']],
  ] as const)('%s with a negative count panics like strings.Repeat', (name, args) => {
    expect(() => call(name, ...args)).toThrow(new FuncError('strings: negative Repeat count'));
  });
});

describe('split, splitn, splitList', () => {
  it.each([
    ['split', ['$', 'foo$bar$baz'], { _0: 'foo', _1: 'bar', _2: 'baz' }],
    ['split', [',', ''], { _0: '' }],
    ['split', ['', 'ab'], { _0: 'a', _1: 'b' }],
    ['splitn', ['$', i(2), 'foo$bar$baz'], { _0: 'foo', _1: 'bar$baz' }],
    ['splitn', ['$', i(0), 'foo$bar'], {}],
    ['splitn', ['$', i(-1), 'a$b$c'], { _0: 'a', _1: 'b', _2: 'c' }],
    ['splitn', ['', i(2), 'abc'], { _0: 'a', _1: 'bc' }],
  ] as const)('%s %j', (name, args, want) => {
    const out = call(name, ...args);
    expect(plain(out)).toEqual(want);
    expect(typeName(out)).toBe('map[string]string');
  });

  it.each([
    [',', 'a,b,,c', ['a', 'b', '', 'c']],
    ['', 'h€😀', ['h', '€', '😀']],
    [',', '', ['']],
  ])('splitList %j %j', (sep, s, want) => {
    const out = call('splitList', sep, s);
    expect(out).toEqual(want);
    expect(typeName(out)).toBe('[]string');
  });
});

describe('join (strslice semantics)', () => {
  it.each<[string, GoValue, string]>([
    ['-', ['a', 'b', 'c'], 'a-b-c'],
    ['-', [i(1), i(2), i(3)], '1-2-3'],
    ['-', stringSlice(['a', 'b', 'c']), 'a-b-c'],
    ['-', 'abc', 'abc'],
    ['-', ['1', null, '2'], '1-2'],
    ['-', null, ''],
    [', ', new Uint8Array([1, 2]), '1, 2'],
  ])('join %j %p = %j', (sep, v, want) => {
    expect(call('join', sep, v)).toBe(want);
  });
});

describe('invalid UTF-8 from byte slicing (kept as escaped bytes, as Go keeps the raw bytes)', () => {
  it('quote prints a cut rune as \\x escapes, like Go', () => {
    // conformance/generated fz30: `substr 0 4 ("日日…") | quote` printed "日\xe6".
    const cut = call('substr', i(0), i(4), '日日') as string;
    expect(call('quote', cut)).toBe('"日\\xe6"');
    expect(call('quote', call('trunc', i(1), 'é'))).toBe('"\\xc3"');
  });

  it('re-slicing sees the original bytes', () => {
    const cut = call('trunc', i(4), '日日') as string;
    expect(call('quote', call('trunc', i(-1), cut))).toBe('"\\xe6"');
    expect(call('substr', i(0), i(3), cut)).toBe('日');
    expect(call('trunc', i(2), 'éé')).toBe('é');
    // conformance/generated fz35: wrapping splits a rune, quote shows both halves.
    expect(call('quote', call('wrapWith', i(1), '|', 'é'))).toBe('"\\xc3|\\xa9"');
  });

  it('rune functions see U+FFFD for an invalid byte', () => {
    expect(call('upper', call('trunc', i(1), 'é') as string)).toBe('\ufffd');
  });
});

describe('trunc: the ASCII shortcut agrees with truncating the Go bytes', () => {
  it('for every length around the cut, both signs', () => {
    const strings = ['', 'a', 'release-name-kube-prometheus-stack-operator', 'x'.repeat(70), 'a-b'];
    for (const s of strings) {
      for (let n = -s.length - 2; n <= s.length + 2; n++) {
        expect([s, n, call('trunc', i(n), s)]).toEqual([s, n, truncBytes(n, s)]);
      }
    }
  });

  it('cuts non-ASCII text on bytes, as Go does', () => {
    expect(call('trunc', i(3), 'héllo')).toBe(truncBytes(3, 'héllo'));
    expect(call('trunc', i(-2), 'abcé')).toBe(truncBytes(-2, 'abcé'));
  });
});
