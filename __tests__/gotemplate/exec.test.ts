/**
 * Executor behaviour, re-expressing golang/go:src/text/template/exec_test.go cases for our value
 * model, plus messages checked against Helm goldens (../shared/conformance/generated/golden).
 */
import { describe, expect, it } from '@jest/globals';
import { TemplateExecError } from '../../src/gotemplate/errors.js';
import { TemplateSet } from '../../src/gotemplate/template.js';
import { GoInt, newMap } from '../../src/gotemplate/values.js';
import { render, testData, testFuncs, Thing } from './exec-fixtures.js';

// exec.go evalField / printValue: fields of maps and structs, methods, missing keys. A chain's
// position is that of its second field (parse.go `operand`), as in golden fze131 (col 17).
describe('field evaluation', () => {
  it.each([
    ['map key', '{{ .s }}', 'str'],
    ['nested map keys', '{{ .nested.inner.leaf }}', 'deep'],
    ['missing key prints <no value>', '{{ .missing }}', '<no value>'],
    ['explicit nil prints <no value>', '{{ .n }}', '<no value>'],
    ['bool field', '{{ .t }}', 'true'],
    ['int field', '{{ .i }}', '7'],
    ['$ is the root data', '{{ with .nested }}{{ $.s }}{{ end }}', 'str'],
    ['struct field', '{{ .thing.Name }}/{{ .thing.Count }}', 'thing/3'],
    ['struct method with an argument', '{{ .thing.Greet "you" }}', 'thing greets you'],
    [
      'method gets the pipeline value as last argument',
      '{{ "me" | .thing.Greet }}',
      'thing greets me',
    ],
    ['method on a named map shadows the key', '{{ .vals.Get "x" }}', 'method:y'],
    ['other keys of a named map', '{{ .vals.x }}', 'y'],
    [
      'method of a named slice type',
      '{{ .versions.Has "v1" }} {{ .versions.Has "v9" }}',
      'true false',
    ],
    ['typed map[string]string key', '{{ .smap.k }}', 'v'],
    ['missing key of map[string]string is "" under missingkey=zero', '[{{ .smap.nope }}]', '[]'],
    ['chain on a parenthesized pipeline', '{{ (.nested).inner.leaf }}', 'deep'],
    ['chain on a variable', '{{ $n := .nested }}{{ $n.inner.leaf }}', 'deep'],
    ['method result nil prints <no value>', '{{ .thing.Nil }}', '<no value>'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    [
      'missing map in a chain (Helm golden fze131)',
      '{{ .missing.field }}',
      'at <.missing.field>: nil pointer evaluating interface {}.field',
    ],
    ['nil value in a chain', '{{ .nested.nothing.x }}', 'nil pointer evaluating interface {}.x'],
    [
      'field of a string from a map (golden fze61)',
      '{{ .s.field }}',
      "can't evaluate field field in type interface {}",
    ],
    [
      'field of a string dot',
      '{{ with .s }}{{ .field }}{{ end }}',
      "can't evaluate field field in type string",
    ],
    [
      'field of a range element',
      '{{ range .list }}{{ .x }}{{ end }}',
      "can't evaluate field x in type interface {}",
    ],
    [
      'nil range element',
      '{{ range .nilList }}{{ .x }}{{ end }}',
      'nil pointer evaluating interface {}.x',
    ],
    [
      'unknown field of a struct from a map',
      '{{ .thing.Nope }}',
      "can't evaluate field Nope in type interface {}",
    ],
    [
      'unknown struct field',
      '{{ with .thing }}{{ .Nope }}{{ end }}',
      "can't evaluate field Nope in type *test.Thing",
    ],
    [
      'struct field given arguments',
      '{{ .thing.Name 1 }}',
      'Name has arguments but cannot be invoked as function',
    ],
    ['map key given arguments', '{{ .s 1 }}', 's is not a method but has arguments'],
    ['map key given a pipeline value', '{{ 1 | .s }}', 's is not a method but has arguments'],
    [
      'method with the wrong argument count',
      '{{ .thing.Greet }}',
      'wrong number of args for Greet: want 1 got 0',
    ],
  ])('error: %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });

  it('a variable keeps the interface{} type of a range element', () => {
    expect(render('{{ range $v := .nilList }}{{ $v.x }}{{ end }}')).toContain(
      'nil pointer evaluating interface {}.x',
    );
  });

  it('a variable assigned from a pipeline holds the concrete value', () => {
    expect(render('{{ $v := .s }}{{ $v.x }}')).toContain("can't evaluate field x in type string");
  });

  it('fields of a non-map root report its type', () => {
    expect(render('{{ .x }}', { data: 'hello' })).toContain(
      "can't evaluate field x in type string",
    );
  });
});

// exec.go evalField with the missingkey option (template.go Option).
describe('missingkey modes', () => {
  it.each([
    ['zero', '{{ .missing }}', '<no value>'],
    ['default', '{{ .missing }}', '<no value>'],
    [
      'error',
      '{{ .missing }}',
      'ERR: template: t:1:3: executing "t" at <.missing>: map has no entry for key "missing"',
    ],
    ['default', '{{ .missing.field }}', '<no value>'],
    [
      'zero',
      '{{ .missing.field }}',
      'ERR: template: t:1:11: executing "t" at <.missing.field>: nil pointer evaluating interface {}.field',
    ],
    [
      'error',
      '{{ .missing.field }}',
      'ERR: template: t:1:11: executing "t" at <.missing.field>: map has no entry for key "missing"',
    ],
    ['default', '[{{ .smap.nope }}]', '[<no value>]'],
    ['zero', '[{{ .smap.nope }}]', '[]'],
    [
      'default',
      '{{ .n.x }}',
      'ERR: template: t:1:5: executing "t" at <.n.x>: nil pointer evaluating interface {}.x',
    ],
  ] as const)('missingkey=%s: %s', (missingKey, src, want) => {
    expect(render(src, { missingKey })).toBe(want);
  });

  it.each([
    ['default', '<no value>'],
    ['error', 'ERR: template: t:1:3: executing "t" at <.x>: nil data; no entry for key "x"'],
  ] as const)('nil data with missingkey=%s', (missingKey, want) => {
    expect(render('{{ .x }}', { data: null, missingKey })).toBe(want);
  });
});

// exec.go evalCall / evalArg / validateType: argument conversion and arity.
describe('function calls', () => {
  it.each([
    ['string constant', '{{ up "a" }}', 'A'],
    ['pipeline value is the final argument', '{{ "b" | cat2 "a" }}', 'ab'],
    ['int constant converts to the int parameter', '{{ double 21 }}', '42'],
    ['int value', '{{ double .i }}', '14'],
    ['nil map argument', '[{{ keys nil }}]', '[]'],
    ['named map is assignable to map[string]interface{}', '{{ keys .vals }}', 'Get,x'],
    ['variadic arguments', '{{ joinAll "-" "a" "b" "c" }}', 'a-b-c'],
    ['variadic with only the fixed argument', '[{{ joinAll "-" }}]', '[]'],
    ['final value fills the variadic tail', '{{ "c" | joinAll "-" "a" "b" }}', 'a-b-c'],
    ['nil result prints <no value>', '{{ nothing }}', '<no value>'],
    ['character constant is an int', "{{ double 'a' }}", '194'],
    ['hex constant', '{{ double 0x10 }}', '32'],
    ['parenthesized argument', '{{ up (cat2 "a" "b") }}', 'AB'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    ['int constant for a string (golden fze80)', '{{ up 3 }}', 'at <3>: expected string; found 3'],
    [
      'string constant for an int (golden fze19)',
      '{{ double "x" }}',
      'at <"x">: expected integer; found "x"',
    ],
    ['float constant for an int', '{{ double 1.5 }}', 'at <1.5>: expected integer; found 1.5'],
    [
      'string for a bool (golden fze143)',
      '{{ neg "notbool" }}',
      'at <"notbool">: expected bool; found "notbool"',
    ],
    [
      'string for a map (golden fze81)',
      '{{ keys "notmap" }}',
      `at <"notmap">: can't handle "notmap" for arg of type map[string]interface {}`,
    ],
    [
      'slice value for a map (golden fze46)',
      '{{ keys .list }}',
      'at <.list>: wrong type for value; expected map[string]interface {}; got []interface {}',
    ],
    [
      'value of the wrong type',
      '{{ up .i }}',
      'at <.i>: wrong type for value; expected string; got int',
    ],
    ['int64 for an int', '{{ double .i64 }}', 'wrong type for value; expected int; got int64'],
    ['nil value for a string', '{{ up .n }}', 'at <.n>: invalid value; expected string'],
    ['nil constant for a string', '{{ up nil }}', 'at <nil>: cannot assign nil to string'],
    [
      'too few arguments (golden fze98)',
      '{{ up }}',
      'at <up>: wrong number of args for up: want 1 got 0',
    ],
    [
      'too many arguments',
      '{{ up "a" "b" }}',
      'at <up>: wrong number of args for up: want 1 got 2',
    ],
    [
      'too many with the pipeline value',
      '{{ "x" | up "a" }}',
      'wrong number of args for up: want 1 got 2',
    ],
    [
      'variadic with too few',
      '{{ joinAll }}',
      'wrong number of args for joinAll: want at least 1 got 0',
    ],
    ['function error', '{{ boom }}', 'at <boom>: error calling boom: bad thing'],
    [
      'function error context is the whole command',
      '{{ up (boom) }}',
      'at <boom>: error calling boom: bad thing',
    ],
    ['argument to a constant', '{{ 1 2 }}', "can't give argument to non-function 1"],
    [
      'pipeline into a variable',
      '{{ $x := 1 }}{{ 2 | $x }}',
      "can't give argument to non-function $x",
    ],
    ['nil command', '{{ nil }}', 'nil is not a command'],
    // GoValue has no complex numbers: Go would print (0+1i); we fail instead.
    ['complex constant', '{{ 1i }}', 'at <1i>: complex constant 1i is not supported'],
    [
      'integer constant overflowing int',
      '{{ up (print 18446744073709551615) }}',
      '18446744073709551615 overflows int',
    ],
  ])('error: %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });

  it('a JS exception from a function is a bug and propagates unchanged', () => {
    expect(() => render('{{ jsBug }}')).toThrow(TypeError);
  });

  it('the error carries file, position, template and context as fields', () => {
    const set = new TemplateSet({ funcs: testFuncs });
    set.parse(
      'file.yaml',
      'line1\n  {{ define "inner" }}\n{{ boom }}{{ end }}{{ template "inner" . }}',
    );
    let err: unknown;
    try {
      set.execute('file.yaml', null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateExecError);
    expect(err).toMatchObject({
      fileName: 'file.yaml',
      line: 3,
      col: 3,
      templateName: 'inner',
      context: 'boom',
      detail: 'error calling boom: bad thing',
      message:
        'template: file.yaml:3:3: executing "inner" at <boom>: error calling boom: bad thing',
    });
  });

  it('the context is not truncated (Helm golden fze113)', () => {
    expect(render('{{ keys "aaaaaaaaaaaaaaaaaaaaaaaaa" }}')).toContain(
      'at <"aaaaaaaaaaaaaaaaaaaaaaaaa">',
    );
  });
});

// exec.go walkIfOrWith / isTrue.
describe('if and with', () => {
  it.each([
    ['true', '.t', 'yes'],
    ['false', '.f', 'no'],
    ['non-zero int', '.i', 'yes'],
    ['zero int', '.zero', 'no'],
    ['string', '.s', 'yes'],
    ['empty string', '.empty', 'no'],
    ['nil', '.n', 'no'],
    ['missing', '.missing', 'no'],
    ['list', '.list', 'yes'],
    ['empty list', '.emptyList', 'no'],
    ['map', '.m', 'yes'],
    ['empty map', '.emptyMap', 'no'],
    ['struct', '.thing', 'yes'],
    ['function value', '.fn', 'yes'],
  ])('truthiness of %s', (_name, expr, want) => {
    expect(render(`{{ if ${expr} }}yes{{ else }}no{{ end }}`)).toBe(want);
  });

  it.each([
    ['else if chain', '{{ if .f }}1{{ else if .zero }}2{{ else if .s }}3{{ else }}4{{ end }}', '3'],
    ['with sets dot', '{{ with .nested.inner }}{{ .leaf }}{{ end }}', 'deep'],
    ['with else', '{{ with .missing }}x{{ else }}{{ .s }}{{ end }}', 'str'],
    ['else with', '{{ with .missing }}1{{ else with .s }}{{ . }}{{ else }}3{{ end }}', 'str'],
    ['else with falls through', '{{ with .n }}1{{ else with .empty }}2{{ else }}3{{ end }}', '3'],
    ['with declaring a variable', '{{ with $x := .s }}{{ $x }}{{ . }}{{ end }}', 'strstr'],
    ['dot is restored after with', '{{ with .nested }}{{ end }}{{ .s }}', 'str'],
    [
      'variables declared inside if end with it',
      '{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}',
      '21',
    ],
    [
      'assignment changes the outer variable',
      '{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}',
      '2',
    ],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });
});

// exec.go walkRange (Go 1.22 break/continue, Go 1.24 range over integers).
describe('range', () => {
  it.each([
    ['slice', '{{ range .list }}{{ . }}{{ end }}', 'abc'],
    ['index and element', '{{ range $i, $v := .list }}{{ $i }}={{ $v }};{{ end }}', '0=a;1=b;2=c;'],
    ['one variable is the element', '{{ range $v := .list }}{{ $v }}{{ end }}', 'abc'],
    ['map in sorted key order', '{{ range $k, $v := .m }}{{ $k }}{{ $v }}{{ end }}', 'a1b2c3'],
    ['[]string', '{{ range .strs }}{{ . }}{{ end }}', 'xy'],
    ['[]byte yields uint8 values', '{{ range .bytes }}{{ . }},{{ end }}', '104,105,'],
    ['integer', '{{ range 3 }}{{ . }}{{ end }}', '012'],
    [
      'slice index is an int',
      '{{ range $i, $v := .list }}{{ printf "%T" $i }}{{ end }}',
      'intintint',
    ],
    [
      'map key is a string',
      '{{ range $k, $v := .m }}{{ printf "%T" $k }}{{ end }}',
      'stringstringstring',
    ],
    [
      'integer elements keep the type',
      '{{ range .i64 }}{{ printf "%T" . }}{{ break }}{{ end }}',
      'int64',
    ],
    ['integer with a variable', '{{ range $i := 3 }}{{ $i }}{{ end }}', '012'],
    ['zero integer runs else', '{{ range 0 }}x{{ else }}none{{ end }}', 'none'],
    ['negative integer runs else', '{{ range -2 }}x{{ else }}none{{ end }}', 'none'],
    ['empty slice runs else', '{{ range .emptyList }}x{{ else }}none{{ end }}', 'none'],
    ['empty map runs else', '{{ range .emptyMap }}x{{ else }}none{{ end }}', 'none'],
    ['nil runs else', '{{ range .n }}x{{ else }}none{{ end }}', 'none'],
    ['else sees the outer dot', '{{ range .emptyList }}{{ else }}{{ .s }}{{ end }}', 'str'],
    ['break', '{{ range .list }}{{ if eq . "b" }}{{ break }}{{ end }}{{ . }}{{ end }}', 'a'],
    ['continue', '{{ range .list }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ . }}{{ end }}', 'ac'],
    [
      'break in a nested with',
      '{{ range .list }}{{ with . }}{{ if eq . "b" }}{{ break }}{{ end }}{{ end }}{{ . }}{{ end }}',
      'a',
    ],
    [
      'break leaves only the inner loop',
      '{{ range 2 }}{{ range .  | double | listOf }}x{{ break }}{{ end }}{{ . }}{{ end }}',
      'x0x1',
    ],
    ['dot restored after range', '{{ range .list }}{{ end }}{{ .s }}', 'str'],
    [
      'body variables reset each iteration',
      '{{ range .list }}{{ $x := . }}{{ $x }}{{ end }}',
      'abc',
    ],
    [
      'assignment form sets outer variables',
      '{{ $i := 0 }}{{ $v := "" }}{{ range $i, $v = .list }}{{ end }}{{ $i }}{{ $v }}',
      '2c',
    ],
    [
      'assignment form with one variable',
      '{{ $v := "" }}{{ range $v = .list }}{{ end }}{{ $v }}',
      'c',
    ],
    [
      'variables persist past break',
      '{{ $v := "" }}{{ range .list }}{{ $v = . }}{{ break }}{{ end }}{{ $v }}',
      'a',
    ],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it.each([
    ['a string', '{{ range .s }}{{ end }}', "range can't iterate over str"],
    [
      'two variables over an integer',
      '{{ range $i, $v := 3 }}{{ end }}',
      "can't use 3 to iterate over more than one variable",
    ],
    ['a bool', '{{ range .t }}{{ end }}', "range can't iterate over true"],
    [
      'a float (YAML numbers are float64)',
      '{{ range 3.0 }}{{ end }}',
      "at <3.0>: range can't iterate over 3",
    ],
  ])('error: range over %s', (_name, src, want) => {
    expect(render(src)).toContain(want);
  });
});

// exec.go walkTemplate, template.go associate.
describe('template, define and block', () => {
  it.each([
    ['template call with data', '{{ define "x" }}[{{ . }}]{{ end }}{{ template "x" .s }}', '[str]'],
    [
      'template without data has nil dot',
      '{{ define "x" }}{{ . }}{{ end }}{{ template "x" }}',
      '<no value>',
    ],
    ['$ in the callee is its data', '{{ define "x" }}{{ $ }}{{ end }}{{ template "x" .s }}', 'str'],
    ['block defines and runs', '{{ block "b" .s }}<{{ . }}>{{ end }}', '<str>'],
    [
      'recursion ends by data',
      '{{ define "r" }}{{ if . }}{{ len . }}{{ template "r" (slice . 1) }}{{ end }}{{ end }}{{ template "r" .list }}',
      '321',
    ],
    [
      'callee variables do not leak',
      '{{ define "x" }}{{ $y := 1 }}{{ end }}{{ $y := 2 }}{{ template "x" }}{{ $y }}',
      '2',
    ],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it('an undefined template (golden fze62)', () => {
    expect(render('x\n{{ template "nope" . }}')).toBe(
      'ERR: template: t:2:12: executing "t" at <{{template "nope" .}}>: template "nope" not defined',
    );
  });

  it('infinite recursion reports the depth limit, never a RangeError', () => {
    const out = render('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}');
    expect(out).toBe(
      'ERR: template: t:1:28: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)',
    );
  });

  it('errors in a define name that template and the file it came from', () => {
    const set = new TemplateSet({ funcs: testFuncs });
    set.parse('helpers.tpl', '{{ define "h" }}\n  {{ .x.y }}{{ end }}');
    set.parse('main.yaml', '{{ template "h" .a }}');
    expect(() => set.execute('main.yaml', newMap([['a', newMap([['x', 'str']])]]))).toThrow(
      'template: helpers.tpl:2:7: executing "h" at <.x.y>: can\'t evaluate field y in type interface {}',
    );
  });
});

// Printing (exec.go printValue).
describe('printing', () => {
  it.each([
    ['text and actions', 'a{{ .s }}b', 'astrb'],
    ['declaration prints nothing', '{{ $x := .s }}', ''],
    ['uint8 from index', '{{ index .s 0 }}', '115'],
    ['unsigned int', '{{ .u }}', '7'],
    ['float constants print with %v', '{{ 1.5 }} {{ 1e6 }} {{ 0x1p4 }}', '1.5 1e+06 16'],
    ['a struct pointer prints as its struct', '{{ .thing }}', '{thing 3 <nil>}'],
    ['a slice', '{{ .list }}', '[a b c]'],
    ['a map in key order', '{{ .m }}', 'map[a:1 b:2 c:3]'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it('a function value cannot be printed', () => {
    expect(render('{{ .fn }}')).toContain("can't print {{.fn}} of type func");
  });

  it('data may be any Go value', () => {
    expect(render('{{ . }}', { data: new GoInt(5, 'int64') })).toBe('5');
    expect(render('{{ .Name }}', { data: new Thing('t', 1) })).toBe('t');
    expect(testData()).toBeDefined();
  });
});
