/**
 * Builtin functions (golang/go:src/text/template/funcs.go), cases re-expressed from exec_test.go
 * and checked against Helm goldens where one exists (../shared/conformance/generated/golden).
 */
import { describe, expect, it } from '@jest/globals';
import { htmlEscapeString, jsEscapeString, queryEscape } from '../../src/gotemplate/escape.js';
import { fn } from '../../src/gotemplate/functions.js';
import type { GoInt } from '../../src/gotemplate/values.js';
import { newMap } from '../../src/gotemplate/values.js';
import { render } from './exec-fixtures.js';

// funcs.go and/or (short-circuit since Go 1.18), not.
describe('and, or, not', () => {
  it.each([
    ['and returns the first false argument', '{{ and 1 0 2 }}', '0'],
    ['and returns the last argument when all are true', '{{ and 1 "x" .s }}', 'str'],
    ['and short-circuits', '{{ and .f (boom) }}', 'false'],
    ['or returns the first true argument', '{{ or 0 "" .s .i }}', 'str'],
    ['or returns the last argument when none is true', '[{{ or 0 .empty }}]', '[]'],
    ['or short-circuits', '{{ or .s (boom) }}', 'str'],
    ['pipeline value is the last operand', '{{ .s | and 1 }}', 'str'],
    ['pipeline value not needed when decided', '{{ .s | or 2 }}', '2'],
    ['not', '{{ not 0 }} {{ not .s }} {{ not .n }}', 'true false true'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    [
      'and without arguments (golden fze144)',
      '{{ and }}',
      'at <and>: wrong number of args for and: want at least 1 got 0',
    ],
    [
      'not without arguments (golden fze26)',
      '{{ not }}',
      'at <not>: wrong number of args for not: want 1 got 0',
    ],
    [
      'and evaluates up to the deciding argument',
      '{{ and 1 (boom) }}',
      'error calling boom: bad thing',
    ],
  ])('error: %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });
});

// funcs.go length.
describe('len', () => {
  it.each([
    ['string counts UTF-8 bytes', '{{ len "héllo" }}', '6'],
    ['slice', '{{ len .list }}', '3'],
    ['map', '{{ len .m }}', '3'],
    ['[]byte', '{{ len .bytes }}', '2'],
    ['empty', '{{ len .emptyList }}{{ len .emptyMap }}{{ len "" }}', '000'],
    ['a string with a cut rune counts its bytes', '{{ len (slice "日本" 1 4) }}', '3'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    ['an int (golden fze58)', '{{ len 3 }}', 'at <len 3>: error calling len: len of type int'],
    ['a struct', '{{ len .thing }}', 'error calling len: len of type test.Thing'],
    ['a nil map value', '{{ len .n }}', 'error calling len: len of nil pointer'],
    [
      'a missing key under missingkey=zero',
      '{{ len .missing }}',
      'error calling len: len of nil pointer',
    ],
    [
      'the nil constant',
      '{{ len nil }}',
      'error calling len: reflect: call of reflect.Value.Type on zero Value',
    ],
  ])('error: len of %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });

  it('len of a missing key under missingkey=default has no type', () => {
    expect(render('{{ len .missing }}', { missingKey: 'default' })).toContain(
      'error calling len: reflect: call of reflect.Value.Type on zero Value',
    );
  });
});

// funcs.go index / indexArg.
describe('index', () => {
  it.each([
    ['slice', '{{ index .list 1 }}', 'b'],
    ['map', '{{ index .m "c" }}', '3'],
    ['several indices', '{{ index .nested "inner" "leaf" }}', 'deep'],
    ['string gives a byte (uint8)', '{{ index "héllo" 1 }}', '195'],
    ['[]byte', '{{ index .bytes 0 }}', '104'],
    ['missing map key gives the zero value', '{{ index .m "zz" }}', '<no value>'],
    ['missing key of map[string]string gives ""', '[{{ index .smap "zz" }}]', '[]'],
    ['no indices returns the item', '{{ index .s }}', 'str'],
    ['unsigned index', '{{ index .list (uintof 2) }}', 'c'],
    ['int64 index', '{{ index .list (int64of 0) }}', 'a'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    [
      'past the end (golden fze90)',
      '{{ index (listOf 1 2) 5 }}',
      'at <index (listOf 1 2) 5>: error calling index: index out of range: 5',
    ],
    [
      'at the length',
      '{{ index .list 3 }}',
      'error calling index: reflect: slice index out of range',
    ],
    [
      'at the length of a string',
      '{{ index .s 3 }}',
      'error calling index: reflect: string index out of range',
    ],
    ['negative', '{{ index .list -1 }}', 'error calling index: index out of range: -1'],
    ['with nil', '{{ index .list nil }}', 'error calling index: cannot index slice/array with nil'],
    [
      'with a string',
      '{{ index .list "a" }}',
      'error calling index: cannot index slice/array with type string',
    ],
    [
      'with a float',
      '{{ index .list 1.0 }}',
      'error calling index: cannot index slice/array with type float64',
    ],
    [
      'a byte (golden fze93)',
      '{{ index .s 0 "x" }}',
      "error calling index: can't index item of type uint8",
    ],
    ['an int', '{{ index 1 0 }}', "error calling index: can't index item of type int"],
    ['nil', '{{ index nil 0 }}', 'error calling index: index of untyped nil'],
    [
      'through a nil value',
      '{{ index .nested "nothing" "x" }}',
      'error calling index: index of nil pointer',
    ],
    [
      'a map with a non-string key',
      '{{ index .m 1 }}',
      'error calling index: value has type int; should be string',
    ],
    [
      'a map with a nil key',
      '{{ index .m nil }}',
      'error calling index: value is nil; should be of type string',
    ],
  ])('error: index %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });
});

// funcs.go slice.
describe('slice', () => {
  it.each([
    ['string', '{{ slice "hello" 1 3 }}', 'el'],
    ['string from an index', '{{ slice "hello" 2 }}', 'llo'],
    ['whole string', '{{ slice "hello" }}', 'hello'],
    ['string by bytes', '{{ slice "héllo" 3 }}', 'llo'],
    ['slice', '{{ range slice .list 1 }}{{ . }}{{ end }}', 'bc'],
    ['slice with three indices', '{{ range slice .list 0 2 3 }}{{ . }}{{ end }}', 'ab'],
    ['empty result', '{{ len (slice .list 3) }}', '0'],
    ['[]string keeps its type', '{{ range slice .strs 1 }}{{ . }}{{ end }}', 'y'],
    ['[]byte', '{{ len (slice .bytes 1) }}', '1'],
    // A cut rune leaves raw bytes (U+DC80+byte, see go-utf8.ts): printed as they are, %q shows them.
    ['string cut inside a rune', '{{ slice "日本" 0 4 }}', '日\udce6'],
    ['%q of a cut rune', '{{ slice "日本" 0 4 | printf "%q" }}', '"日\\xe6"'],
    ['%x of a cut rune', '{{ slice "é" 1 | printf "%x" }}', 'a9'],
    [
      'cut bytes joined again',
      '{{ printf "%s%s" (slice "é" 0 1) (slice "é" 1) | printf "%q" }}',
      '"é"',
    ],
    ['slice of raw bytes', '{{ slice (slice "日本" 0 4) 3 | printf "%q" }}', '"\\xe6"'],
    ['index of a raw byte', '{{ index (slice "日本" 0 4) 3 }}', '230'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    ['reversed bounds', '{{ slice "abc" 2 1 }}', 'error calling slice: invalid slice index: 2 > 1'],
    [
      'three indices on a string',
      '{{ slice "abc" 1 2 3 }}',
      'error calling slice: cannot 3-index slice a string',
    ],
    [
      'too many indices',
      '{{ slice .list 0 1 2 3 }}',
      'error calling slice: too many slice indexes: 4',
    ],
    ['past the length', '{{ slice .list 0 4 }}', 'error calling slice: index out of range: 4'],
    [
      'max below high',
      '{{ slice .list 0 2 1 }}',
      'error calling slice: invalid slice index: 2 > 1',
    ],
    ['an int', '{{ slice 1 }}', "error calling slice: can't slice item of type int"],
    ['nil', '{{ slice nil }}', 'error calling slice: slice of untyped nil'],
    [
      'a map',
      '{{ slice .m }}',
      "error calling slice: can't slice item of type map[string]interface {}",
    ],
  ])('error: slice %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });
});

// funcs.go eq/ne/lt/le/gt/ge (basicKind, Go 1.18+ nil handling).
describe('comparisons', () => {
  it.each([
    ['eq ints', '{{ eq 1 1 }} {{ eq 1 2 }}', 'true false'],
    ['eq with several candidates', '{{ eq 3 1 2 3 }} {{ eq 4 1 2 3 }}', 'true false'],
    ['eq strings', '{{ eq .s "str" }}', 'true'],
    ['eq bools', '{{ eq .t true }}', 'true'],
    ['eq int and int64 compare as ints', '{{ eq .i .i64 }}', 'true'],
    ['eq int and uint compare by value', '{{ eq .i .u }} {{ eq -1 (uintof -1) }}', 'true false'],
    ['eq floats', '{{ eq 1.5 1.5 }}', 'true'],
    ['eq nil and nil', '{{ eq .n nil }} {{ eq nil .missing }}', 'true true'],
    ['eq nil and a basic value', '{{ eq .n 1 }} {{ eq "a" .n }}', 'false false'],
    ['eq a list and nil', '{{ eq .list nil }}', 'false'],
    ['eq struct pointers by identity', '{{ eq .thing .thing }}', 'true'],
    ['ne', '{{ ne 1 2 }} {{ ne "a" "a" }}', 'true false'],
    ['lt ints', '{{ lt 1 2 }} {{ lt 2 1 }} {{ lt 1 1 }}', 'true false false'],
    ['lt strings byte-wise', '{{ lt "a" "b" }} {{ lt "B" "a" }}', 'true true'],
    ['lt floats', '{{ lt 1.5 2.5 }}', 'true'],
    ['lt int and uint', '{{ lt -1 .u }} {{ lt .u -1 }}', 'true false'],
    ['le', '{{ le 1 1 }} {{ le 2 1 }}', 'true false'],
    ['gt', '{{ gt 2 1 }} {{ gt 1 1 }}', 'true false'],
    ['ge', '{{ ge 1 1 }} {{ ge 0 1 }}', 'true false'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    [
      'eq string and int (golden fze29)',
      '{{ eq "a" 1 }}',
      'at <eq "a" 1>: error calling eq: incompatible types for comparison',
    ],
    ['eq int and float', '{{ eq 1 1.0 }}', 'error calling eq: incompatible types for comparison'],
    [
      'eq a list and a string',
      '{{ eq .list "a" }}',
      'error calling eq: incompatible types for comparison',
    ],
    ['eq with one argument', '{{ eq 1 }}', 'error calling eq: missing argument for comparison'],
    [
      'eq of slices',
      '{{ eq .strs .strs }}',
      'error calling eq: non-comparable type [x y]: []string',
    ],
    [
      'eq of maps',
      '{{ eq .m .m }}',
      'error calling eq: non-comparable type map[a:1 b:2 c:3]: map[string]interface {}',
    ],
    [
      'eq of a map and a slice',
      '{{ eq .emptyMap .emptyList }}',
      'error calling eq: non-comparable types map[]: map[string]interface {}, []interface {}: []',
    ],
    [
      'lt of bools (golden fze108)',
      '{{ lt true false }}',
      'at <lt true false>: error calling lt: invalid type for comparison',
    ],
    ['lt with nil', '{{ lt nil 1 }}', 'error calling lt: invalid type for comparison'],
    ['lt of a list', '{{ lt .list 1 }}', 'error calling lt: invalid type for comparison'],
    ['lt int and float', '{{ lt 1 1.5 }}', 'error calling lt: incompatible types for comparison'],
    ['gt int and string', '{{ gt 1 "a" }}', 'error calling gt: incompatible types for comparison'],
    ['ne with three arguments', '{{ ne 1 2 3 }}', 'wrong number of args for ne: want 2 got 3'],
  ])('error: %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });
});

// funcs.go builtins print/printf/println are fmt.Sprint/Sprintf/Sprintln.
describe('print, printf, println', () => {
  it.each([
    ['print adds spaces between non-string operands', '{{ print 1 2 "a" "b" .n }}', '1 2ab<nil>'],
    ['printf', '{{ printf "%d-%s-%v" 3 "x" .t }}', '3-x-true'],
    ['printf with the pipeline value last', '{{ "x" | printf "%s-%s" "y" }}', 'y-x'],
    ['printf of a character constant is an int', "{{ printf \"%T %c\" 'a' 'a' }}", 'int a'],
    ['printf of a float constant', '{{ printf "%T %v %v" 1.5 1.5 1e6 }}', 'float64 1.5 1e+06'],
    ['println', '{{ println 1 "a" }}', '1 a\n'],
    ['printf format must be a string', '{{ printf 1 }}', 'expected string; found 1'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });
});

// funcs.go HTMLEscapeString, JSEscapeString, URLQueryEscaper.
describe('escapers', () => {
  it.each([
    ['html', `{{ html "<a href=\\"x\\">&'" }}`, '&lt;a href=&#34;x&#34;&gt;&amp;&#39;'],
    ['html of nil shows <no value>', '{{ html .missing }}', '&lt;no value&gt;'],
    ['html as a pipeline stage', '{{ "<b>" | html }}', '&lt;b&gt;'],
    ['html joins its arguments like print', '{{ html 1 2 .n "<" }}', '1 2&lt;no value&gt;&lt;'],
    [
      'js',
      `{{ js "it's \\"x\\" <b> & a=b\\\\" }}`,
      `it\\'s \\"x\\" \\u003Cb\\u003E \\u0026 a\\u003Db\\\\`,
    ],
    ['urlquery', '{{ urlquery "a b&c=d/é?" }}', 'a+b%26c%3Dd%2F%C3%A9%3F'],
    ['urlquery keeps unreserved characters', '{{ urlquery "AZaz09-_.~" }}', 'AZaz09-_.~'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    ['plain', 'plain'],
    ['\u0000', '\uFFFD'],
    ['a"b', 'a&#34;b'],
  ])('htmlEscapeString(%j)', (input, want) => {
    expect(htmlEscapeString(input)).toBe(want);
  });

  it.each([
    ['tab\there', 'tab\\u0009here'],
    ['\u001f', '\\u001F'],
    ['\u007f', '\u007f'],
    ['héllo ✓', 'héllo ✓'],
    ['nbsp\u00a0', 'nbsp\\u00A0'],
    ['\u2028', '\\u2028'],
    // An invalid byte decodes to U+FFFD, which is printable: JSEscape writes the byte itself.
    ['cut\udce6', 'cut\udce6'],
  ])('jsEscapeString(%j)', (input, want) => {
    expect(jsEscapeString(input)).toBe(want);
  });

  it.each([
    ['', ''],
    ['+', '%2B'],
    ["!*'()", '%21%2A%27%28%29'],
    ['\udce6\udc97', '%E6%97'],
  ])('queryEscape(%j)', (input, want) => {
    expect(queryEscape(input)).toBe(want);
  });
});

// funcs.go call (Go 1.22 messages).
describe('call', () => {
  it.each([
    ['a function value', '{{ call .fn "x" }}', 'called x'],
    ['with the pipeline value', '{{ "y" | call .fn }}', 'called y'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    ['nil', '{{ call .n }}', 'error calling call: call of nil'],
    ['a string', '{{ call .s }}', 'error calling call: non-function of type string'],
    [
      'too few arguments',
      '{{ call .fn }}',
      'error calling call: wrong number of args: got 0 want 1',
    ],
    [
      'an argument of the wrong type',
      '{{ call .fn 1 }}',
      'error calling call: arg 0: value has type int; should be string',
    ],
    ['no function', '{{ call }}', 'wrong number of args for call: want at least 1 got 0'],
  ])('error: call of %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });

  it('call converts integer arguments between integer types (prepareArg)', () => {
    const f64 = fn('f64', { params: ['int64'] }, (n: GoInt) => `${n.type}:${n.value}`);
    expect(render('{{ call .f 3 }}', { data: newMap([['f', f64]]) })).toBe('int64:3');
  });
});
