// Parser tests in the style of golang/go:src/text/template/parse/parse_test.go: parse, print
// the tree back with nodeToString (Go's Node.String) and compare; errors compare Go's full
// message `template: NAME:LINE: DETAIL`. Expected strings are what Go's parser produces for the
// same input (derived from parse.go/node.go; several come straight from Go's own test tables).
import { describe, expect, it } from '@jest/globals';
import type {
  ActionNode,
  IfNode,
  NumberNode,
  PipeNode,
  TemplateNode,
} from '../../src/gotemplate/ast.js';
import { TemplateParseError } from '../../src/gotemplate/errors.js';
import {
  isEmptyTree,
  nodeToString,
  parse,
  type ParseOptions,
} from '../../src/gotemplate/parser.js';

const FUNCS = new Set(['printf', 'contains', 'include', 'quote', 'default']);

function root(text: string, options: Partial<ParseOptions> = {}): string {
  const trees = parse('t', text, { funcs: FUNCS, ...options });
  const tree = trees.get('t');
  if (tree === undefined) throw new Error('no top-level tree');
  return nodeToString(tree.root);
}

function parseError(text: string, options: Partial<ParseOptions> = {}): TemplateParseError {
  try {
    parse('t', text, { funcs: FUNCS, ...options });
  } catch (e) {
    if (e instanceof TemplateParseError) return e;
    throw e;
  }
  throw new Error(`expected a parse error for ${JSON.stringify(text)}`);
}

describe('round trips (parse_test.go parseTests)', () => {
  it.each<[string, string, string]>([
    ['empty', '', ''],
    ['text only', 'some text\n', 'some text\n'],
    ['field', '{{.X}}', '{{.X}}'],
    ['function without args', '{{printf}}', '{{printf}}'],
    ['$ alone', '{{$}}', '{{$}}'],
    [
      'variable invoked with an argument',
      '{{with $x := 3}}{{$x 23}}{{end}}',
      '{{with $x := 3}}{{$x 23}}{{end}}',
    ],
    ['variable with fields', '{{$.I.J}}', '{{$.I.J}}'],
    ['raw string argument', '{{printf `%d` 23}}', '{{printf `%d` 23}}'],
    ['pipes get spaces', '{{.X|.Y}}', '{{.X | .Y}}'],
    ['declaration with a pipeline', '{{$x := .a|printf "%d"}}', '{{$x := .a | printf "%d"}}'],
    ['assignment prints =', '{{$x := 1}}{{$x = 2}}', '{{$x := 1}}{{$x = 2}}'],
    ['nested pipelines', '{{.X (.Y .Z) (.A | .B .C) (.E)}}', '{{.X (.Y .Z) (.A | .B .C) (.E)}}'],
    ['field of a parenthesized pipeline', '{{(.Y .Z).Field}}', '{{(.Y .Z).Field}}'],
    ['chain on a parenthesized field', '{{(.a).b.c}}', '{{(.a).b.c}}'],
    ['chain on an identifier', '{{printf.x}}', '{{printf.x}}'],
    ['if', '{{if .X}}hello{{end}}', '{{if .X}}hello{{end}}'],
    ['if else', '{{if .X}}a{{else}}b{{end}}', '{{if .X}}a{{else}}b{{end}}'],
    [
      'else if is rewritten',
      '{{if .X}}a{{else if .Y}}b{{end}}',
      '{{if .X}}a{{else}}{{if .Y}}b{{end}}{{end}}',
    ],
    [
      'else if chain with final else',
      '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{else}}N{{end}}+',
      '+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{else}}N{{end}}{{end}}{{end}}+',
    ],
    ['range', '{{range .X}}hello{{end}}', '{{range .X}}hello{{end}}'],
    ['range over a chain', '{{range .X.Y.Z}}x{{end}}', '{{range .X.Y.Z}}x{{end}}'],
    [
      'nested range',
      '{{range .X}}a{{range .Y}}b{{end}}{{end}}',
      '{{range .X}}a{{range .Y}}b{{end}}{{end}}',
    ],
    ['range else', '{{range .X}}t{{else}}f{{end}}', '{{range .X}}t{{else}}f{{end}}'],
    ['range over a pipeline', '{{range .X|.M}}t{{end}}', '{{range .X | .M}}t{{end}}'],
    ['range one variable', '{{range $x := .SI}}{{.}}{{end}}', '{{range $x := .SI}}{{.}}{{end}}'],
    [
      'range two variables',
      '{{range $x, $y := .SI}}{{$y}}{{end}}',
      '{{range $x, $y := .SI}}{{$y}}{{end}}',
    ],
    [
      'range assigning an outer variable',
      '{{$x := 0}}{{range $x = .}}{{end}}',
      '{{$x := 0}}{{range $x = .}}{{end}}',
    ],
    ['range over an integer', '{{range 5}}{{.}}{{end}}', '{{range 5}}{{.}}{{end}}'],
    ['break in range', '{{range .SI}}{{.}}{{break}}{{end}}', '{{range .SI}}{{.}}{{break}}{{end}}'],
    ['continue in range', '{{range .SI}}{{ continue }}{{end}}', '{{range .SI}}{{continue}}{{end}}'],
    [
      'break inside if inside range',
      '{{range .}}{{if .}}{{break}}{{end}}{{end}}',
      '{{range .}}{{if .}}{{break}}{{end}}{{end}}',
    ],
    [
      'constants',
      "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
      "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
    ],
    [
      'numbers keep their spelling',
      '{{printf "%v" 0x1F 1_000 0o17 1e3 .5 0x1p-2 2+3i}}',
      '{{printf "%v" 0x1F 1_000 0o17 1e3 .5 0x1p-2 2+3i}}',
    ],
    ['template', '{{template `x`}}', '{{template "x"}}'],
    ['template with argument', '{{template `x` .Y}}', '{{template "x" .Y}}'],
    [
      'template name is re-quoted like strconv.Quote',
      '{{template "a\\tb\\u00e9"}}',
      '{{template "a\\tbé"}}',
    ],
    ['with', '{{with .X}}hello{{end}}', '{{with .X}}hello{{end}}'],
    ['with else', '{{with .X}}a{{else}}b{{end}}', '{{with .X}}a{{else}}b{{end}}'],
    [
      'else with is rewritten',
      '{{with .X}}a{{else with .Y}}b{{end}}',
      '{{with .X}}a{{else}}{{with .Y}}b{{end}}{{end}}',
    ],
    [
      'else with chain',
      '{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}',
      '{{with .X}}X{{else}}{{with .Y}}Y{{else}}{{with .Z}}Z{{end}}{{end}}{{end}}',
    ],
    ['block becomes a template call', '{{block "foo" .}}hello{{end}}', '{{template "foo" .}}'],
    ['newlines inside an action', '{{ $x \n := \n 1 \n }}', '{{$x := 1}}'],
    ['newlines in a pipeline', '{{\n"x"\n|\nprintf\n}}', '{{"x" | printf}}'],
    ['a dangling pipe is accepted, as in Go', '{{printf |}}', '{{printf}}'],
    ['paren nesting', '{{ ((( 1 ))) | printf }}', '{{(((1))) | printf}}'],
  ])('%s', (_name, input, expected) => {
    expect(root(input)).toBe(expected);
  });
});

describe('trim markers and comments (lex.go trimming; parse_test.go)', () => {
  it.each<[string, string, string]>([
    ['trim left', 'x \r\n\t{{- 3}}', 'x{{3}}'],
    ['trim right', '{{3 -}}\n\n\ty', '{{3}}y'],
    ['trim both', 'x \r\n\t{{- 3 -}}\n\n\ty', 'x{{3}}y'],
    ['trim with extra spaces', 'x\n{{-  3   -}}\ny', 'x{{3}}y'],
    ['no trim without the space', 'x {{-3}} y', 'x {{-3}} y'],
    ['comment vanishes', 'a{{/* c */}}b', 'ab'],
    ['comment trim left', 'x \r\n\t{{- /* hi */}}', 'x'],
    ['comment trim right', '{{/* hi */ -}}\n\n\ty', 'y'],
    ['comment trim both', 'x \r\n\t{{- /* */ -}}\n\n\ty', 'xy'],
    ['multi-line comment', '{{/*\nhello\n*/}}', ''],
    ['comment with newline trim markers', '{{-\n/*\nhello\n*/\n-}}', ''],
  ])('%s', (_name, input, expected) => {
    expect(root(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['x \r\n\t{{- /* hi */}}', 'x{{/* hi */}}'],
    ['{{/* hi */ -}}\n\n\ty', '{{/* hi */}}y'],
    ['x {{- /* */ -}} y', 'x{{/* */}}y'],
  ])('keeps comments in ParseComments mode: %j', (input, expected) => {
    expect(root(input, { mode: { parseComments: true } })).toBe(expected);
  });
});

describe('parse errors: Go messages and lines (parse.go errorf/unexpected, lex.go errorf)', () => {
  it.each<[string, string, string]>([
    // Lines (parse_test.go errorTests).
    ['unclosed action on line 2', 'line1\n{{', 'template: t:2: unclosed action'],
    [
      'unclosed action after a define',
      'line1\n{{define `x`}}line2\n{{',
      'template: t:3: unclosed action',
    ],
    [
      'action started earlier',
      'line1\n{{"x"\n"y"\n',
      'template: t:4: unclosed action started at t:2',
    ],
    ['action of blank lines', '{{\n\n\n\n\n', 'template: t:6: unclosed action started at t:1'],
    [
      'undefined function on its line',
      'line1\n{{\nnope\n}}',
      'template: t:3: function "nope" not defined',
    ],
    ['raw string spanning lines', '{{ $v := `\n` }} {{', 'template: t:2: unclosed action'],
    ['end on line 3', 'x\n\n{{end}}', 'template: t:3: unexpected {{end}}'],
    [
      'line after a multi-line comment',
      '{{/*\n\n*/}}\n{{}}',
      'template: t:4: missing value for command',
    ],
    [
      'line after a multi-line raw string',
      '{{`\n\n`}}{{}}',
      'template: t:3: missing value for command',
    ],
    [
      'line of a string after trimmed newlines',
      'a\n\n{{- "x\n"}}',
      'template: t:3: unterminated quoted string',
    ],
    // Lexical errors surface as they are.
    ['unclosed comment', '{{/*}}', 'template: t:1: unclosed comment'],
    ['comment before a newline', '{{/*\nhello\n}}', 'template: t:1: unclosed comment'],
    [
      'comment not at the delimiter',
      '{{/* a */ }}',
      'template: t:1: comment ends before closing delimiter',
    ],
    ['unclosed paren', '{{.X (1 2 3}}', 'template: t:1: unclosed left paren'],
    ['extra right paren', '{{.X 1 2 3 ) }}', 'template: t:1: unexpected right paren'],
    ['unclosed paren at EOF', '{{(.X 1 2 3', 'template: t:1: unclosed action'],
    ['bad character', '{{a#}}', "template: t:1: bad character U+0023 '#'"],
    ['unterminated char', "{{'a}}", 'template: t:1: unterminated character constant'],
    ['unterminated string', '{{"a}}', 'template: t:1: unterminated quoted string'],
    ['unterminated raw string', '{{`a}}', 'template: t:1: unterminated raw quoted string'],
    ['bad number', '{{3k}}', 'template: t:1: bad number syntax: "3k"'],
    [
      'variable followed by operator',
      '{{$x:=.}}{{$x+2}}',
      "template: t:1: bad character U+002B '+'",
    ],
    // Structure.
    ['empty action', '{{}}', 'template: t:1: missing value for command'],
    ['empty action with newline', '{{\n}}', 'template: t:2: missing value for command'],
    ['unmatched end', '{{end}}', 'template: t:1: unexpected {{end}}'],
    ['unmatched else', '{{else}}', 'template: t:1: unexpected {{else}}'],
    ['else after if ended', '{{if .X}}a{{end}}{{else}}', 'template: t:1: unexpected {{else}}'],
    [
      'two elses',
      '{{if .X}}1{{else}}2{{else}}3{{end}}',
      'template: t:1: expected end; found {{else}}',
    ],
    ['missing end', 'hello{{range .x}}', 'template: t:1: unexpected EOF'],
    ['missing end after else', 'hello{{range .x}}{{else}}', 'template: t:1: unexpected EOF'],
    [
      'extra end after else if',
      '{{if .X}}a{{else if .Y}}b{{end}}{{end}}',
      'template: t:1: unexpected {{end}}',
    ],
    [
      'else with inside if',
      '{{if .X}}{{else with .Y}}{{end}}',
      'template: t:1: unexpected <with> in input',
    ],
    [
      'else if inside range',
      '{{range .X}}{{else if .Y}}{{end}}',
      'template: t:1: unexpected <if> in input',
    ],
    ['if without pipeline', '{{if}}{{end}}', 'template: t:1: missing value for if'],
    ['range without pipeline', '{{range}}{{end}}', 'template: t:1: missing value for range'],
    ['with without pipeline', '{{with}}{{end}}', 'template: t:1: missing value for with'],
    ['leading pipe', '{{| printf}}', 'template: t:1: unexpected "|" in command'],
    ['comma', '{{printf 3, 4}}', 'template: t:1: unexpected "," in operand'],
    ['adjacent arguments', '{{printf 3`x`}}', 'template: t:1: unexpected "`x`" in operand'],
    ['dot right after a term', '{{printf `x`.}}', 'template: t:1: unexpected <.> in operand'],
    ['dot after parentheses', '{{printf (printf .).}}', 'template: t:1: unexpected <.> in operand'],
    ['a single } is a char', '{{.X }x}}', 'template: t:1: unexpected "}" in operand'],
    ['empty parentheses', '{{ ( ) }}', 'template: t:1: missing value for parenthesized pipeline'],
    [
      'empty parentheses as argument',
      '{{printf "%d" ( ) }}',
      'template: t:1: missing value for parenthesized pipeline',
    ],
    // Literals with fields, non-executable pipeline stages.
    ['field on bool', '{{true.any}}', 'template: t:1: unexpected . after term "true"'],
    ['field on float', '{{0.1.E}}', 'template: t:1: unexpected . after term "0.1"'],
    ['field on char', "{{'a'.any}}", 'template: t:1: unexpected . after term "\'a\'"'],
    ['field on string', '{{"hello".guys}}', 'template: t:1: unexpected . after term "\\"hello\\""'],
    ['field on dot', '{{..E}}', 'template: t:1: unexpected . after term "."'],
    ['field on nil', '{{nil.E}}', 'template: t:1: unexpected . after term "nil"'],
    [
      'number stage',
      '{{.|12|printf}}',
      'template: t:1: non executable command in pipeline stage 2',
    ],
    [
      'string stage',
      '{{.|printf|"error"}}',
      'template: t:1: non executable command in pipeline stage 3',
    ],
    ['bool stage', '{{12|false}}', 'template: t:1: non executable command in pipeline stage 2'],
    ['nil stage', "{{'c'|nil}}", 'template: t:1: non executable command in pipeline stage 2'],
    ['dot stage', '{{12|.}}', 'template: t:1: non executable command in pipeline stage 2'],
    // Numbers and strings (strconv errors).
    [
      'integer overflow',
      '{{99999999999999999999}}',
      'template: t:1: integer overflow: "99999999999999999999"',
    ],
    ['float out of range', '{{1e400}}', 'template: t:1: illegal number syntax: "1e400"'],
    ['hex without digits', '{{0xi}}', 'template: t:1: illegal number syntax: "0xi"'],
    ['lone sign', '{{-}}', 'template: t:1: illegal number syntax: "-"'],
    ['two dots', '{{1.2.3}}', 'template: t:1: unexpected ".3" in operand'],
    ['two characters', "{{'ab'}}", "template: t:1: malformed character constant: 'ab'"],
    ['bad char escape', "{{'\\q'}}", 'template: t:1: invalid syntax'],
    ['bad string escape', '{{"\\q"}}', 'template: t:1: invalid syntax'],
    [
      'complex with hex float (fmt.Sscan)',
      '{{0x1p4+1i}}',
      'template: t:1: strconv.ParseFloat: parsing "0x1p4": invalid syntax',
    ],
    // template/define/block clauses.
    ['template needs a name', '{{template}}', 'template: t:1: unexpected "}}" in template clause'],
    [
      'template name must be a string',
      '{{template .X}}',
      'template: t:1: unexpected ".X" in template clause',
    ],
    [
      'template name is not a variable',
      '{{template $v}}',
      'template: t:1: unexpected "$v" in template clause',
    ],
    ['define needs a name', '{{define}}', 'template: t:1: unexpected "}}" in define clause'],
    [
      'define takes no pipeline',
      '{{define "a" 1}}{{end}}',
      'template: t:1: unexpected "1" in define clause',
    ],
    ['define name escape', '{{define "a\\q"}}{{end}}', 'template: t:1: invalid syntax'],
    [
      'define only at top level',
      '{{define "a"}}{{define "b"}}{{end}}{{end}}',
      'template: t:1: unexpected <define> in command',
    ],
    [
      'block needs a pipeline',
      '{{block "foo"}}hello{{end}}',
      'template: t:1: missing value for block clause',
    ],
    [
      'block ends with end',
      '{{block "b" .}}{{else}}{{end}}',
      'template: t:1: unexpected {{else}} in block clause',
    ],
    [
      'multiple definition',
      '{{define `a`}}a{{end}}{{define `a`}}b{{end}}',
      'template: t:1: template: multiple definition of template "a"',
    ],
  ])('%s', (_name, input, message) => {
    expect(parseError(input).message).toBe(message);
  });

  it('exposes the parts of the message and a 1-based column', () => {
    const e = parseError('ok\n  {{nope}}');
    expect(e).toBeInstanceOf(TemplateParseError);
    expect(e.templateName).toBe('t');
    expect(e.line).toBe(2);
    expect(e.detail).toBe('function "nope" not defined');
    // The column of the most recently lexed token (Go reports only the line).
    expect(e.col).toBe(5);
  });

  it('names the top-level template even for errors inside a define', () => {
    const e = parseError('{{define "inner"}}\n{{nope}}{{end}}');
    expect(e.message).toBe('template: t:2: function "nope" not defined');
  });
});

describe('variables (parse.go useVar/popVars)', () => {
  it.each<[string, string]>([
    ['{{$x}}', 'template: t:1: undefined variable "$x"'],
    ['{{with $x := 4}}{{end}}{{$x}}', 'template: t:1: undefined variable "$x"'],
    ['{{if .X}}{{$y := 1}}{{end}}{{$y}}', 'template: t:1: undefined variable "$y"'],
    ['{{range $i := .}}{{end}}{{$i}}', 'template: t:1: undefined variable "$i"'],
    ['{{range $k}}{{end}}', 'template: t:1: undefined variable "$k"'],
    ['{{range $k, $v}}{{end}}', 'template: t:1: undefined variable "$v"'],
    ['{{range $k,}}{{end}}', 'template: t:1: missing value for range'],
    ['{{range $k, $v := }}{{end}}', 'template: t:1: missing value for range'],
    ['{{range $k, .}}{{end}}', 'template: t:1: range can only initialize variables'],
    ['{{range $k, 123 := .}}{{end}}', 'template: t:1: range can only initialize variables'],
    ['{{range $u, $v, $w := 3}}{{end}}', 'template: t:1: too many declarations in range'],
    ['{{with $v, $u := 3}}{{end}}', 'template: t:1: too many declarations in with'],
    ['{{$a,$b,$c := 23}}', 'template: t:1: too many declarations in command'],
    ['{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}', 'template: t:1: unexpected ":=" in operand'],
    ['{{range $x := $y := 3}}{{end}}', 'template: t:1: undefined variable "$y"'],
    ['{{$x := 1 := 2}}', 'template: t:1: unexpected ":=" in operand'],
    // A define or block body starts a new scope holding only $.
    ['{{$x := 1}}{{define "d"}}{{$x}}{{end}}', 'template: t:1: undefined variable "$x"'],
    ['{{$x := 1}}{{block "b" .}}{{$x}}{{end}}', 'template: t:1: undefined variable "$x"'],
  ])('%s', (input, message) => {
    expect(parseError(input).message).toBe(message);
  });

  it.each<[string, string]>([
    [
      'declarations persist to the end of the enclosing control',
      '{{if 1}}{{$a := 1}}{{$a}}{{end}}',
    ],
    ['a with variable is visible in its else', '{{with $z := .}}{{else}}{{$z}}{{end}}'],
    ['top-level declarations are visible later', '{{$v := .}}x{{if $v}}{{$v.a}}{{end}}'],
    ['$ is always defined', '{{$.a}}{{$}}'],
    ['$ can be redeclared', '{{$ := 1}}{{$}}'],
    ['assignment to a declared variable', '{{$x := 1}}{{if 1}}{{$x = 2}}{{end}}{{$x}}'],
    ['range variables inside the loop', '{{range $i, $e := .}}{{$i}}{{$e}}{{end}}'],
  ])('%s', (_name, input) => {
    expect(() => parse('t', input, { funcs: FUNCS })).not.toThrow();
  });
});

describe('break and continue (Go 1.18+: only inside range)', () => {
  it.each<[string, string]>([
    ['{{range .}}{{end}} {{break}}', 'template: t:1: {{break}} outside {{range}}'],
    ['{{range .}}{{end}} {{continue}}', 'template: t:1: {{continue}} outside {{range}}'],
    ['{{range .}}{{else}}{{break}}{{end}}', 'template: t:1: {{break}} outside {{range}}'],
    ['{{range .}}{{else}}{{continue}}{{end}}', 'template: t:1: {{continue}} outside {{range}}'],
    ['{{if .}}{{break}}{{end}}', 'template: t:1: {{break}} outside {{range}}'],
    ['{{range .}}{{break 1}}{{end}}', 'template: t:1: unexpected "1" in {{break}}'],
    ['{{range .}}{{define "x"}}{{end}}{{end}}', 'template: t:1: unexpected <define> in command'],
    [
      '{{range .}}{{block "b" .}}{{continue}}{{end}}{{end}}',
      'template: t:1: {{continue}} outside {{range}}',
    ],
  ])('%s', (input, message) => {
    expect(parseError(input).message).toBe(message);
  });

  it('treats break as a function call when a break function exists (TestKeywordsAndFuncs)', () => {
    const input = '{{range .X}}{{break 20}}{{end}}';
    const withFunc = parse('t', input, { funcs: new Set(['break']) });
    expect(nodeToString(withFunc.get('t')!.root)).toBe(input);
    expect(parseError(input, { funcs: new Set() }).message).toBe(
      'template: t:1: unexpected "20" in {{break}}',
    );
  });
});

describe('functions (parse.go term, SkipFuncCheck)', () => {
  it('rejects unknown functions', () => {
    expect(parseError('hello{{undefined}}').message).toBe(
      'template: t:1: function "undefined" not defined',
    );
  });

  it('accepts a predicate for the function set', () => {
    const funcs = (name: string) => name.startsWith('ok');
    expect(nodeToString(parse('t', '{{okay 1}}', { funcs }).get('t')!.root)).toBe('{{okay 1}}');
    expect(() => parse('t', '{{bad}}', { funcs })).toThrow('function "bad" not defined');
  });

  it('skips the check in SkipFuncCheck mode', () => {
    const trees = parse('t', '{{fn 1 2}}', { funcs: new Set(), mode: { skipFuncCheck: true } });
    expect(nodeToString(trees.get('t')!.root)).toBe('{{fn 1 2}}');
  });
});

describe('tree sets: define, block and redefinition (parse.go parse/add/IsEmptyTree)', () => {
  it('returns the top-level tree and one tree per define and block', () => {
    const trees = parse('outer', 'a{{block "inner" .}}bar{{.}}baz{{end}}b{{define "d"}}D{{end}}', {
      funcs: FUNCS,
    });
    expect([...trees.keys()].sort()).toEqual(['d', 'inner', 'outer']);
    expect(nodeToString(trees.get('outer')!.root)).toBe('a{{template "inner" .}}b');
    expect(nodeToString(trees.get('inner')!.root)).toBe('bar{{.}}baz');
    expect(nodeToString(trees.get('d')!.root)).toBe('D');
    for (const tree of trees.values()) {
      expect(tree.parseName).toBe('outer');
      expect(tree.text).toContain('{{block "inner" .}}');
    }
  });

  it('lets a non-empty definition replace an empty one, and ignores an empty redefinition', () => {
    const first = parse('t', '{{define "a"}} {{end}}{{define "a"}}A{{end}}', { funcs: FUNCS });
    expect(nodeToString(first.get('a')!.root)).toBe('A');
    const second = parse('t', '{{define "a"}}A{{end}}{{define "a"}}{{/* c */}} {{end}}', {
      funcs: FUNCS,
    });
    expect(nodeToString(second.get('a')!.root)).toBe('A');
  });

  it('keeps a define named like the file when the rest of the file is empty', () => {
    const trees = parse('t', '{{define "t"}}body{{end}}\n', { funcs: FUNCS });
    expect(nodeToString(trees.get('t')!.root)).toBe('body');
  });

  it('rejects a file whose text clashes with its own define', () => {
    expect(parseError('{{define "t"}}body{{end}}text').message).toBe(
      'template: t:1: template: multiple definition of template "t"',
    );
  });

  it.each<[string, boolean]>([
    ['', true],
    ['hello', false],
    [' \t\n \t\n', true],
    ['{{/* comment */}}', true],
    ['{{define "x"}}something{{end}}', true],
    ['{{define `x`}}s{{end}}\n\n{{define `y`}}s{{end}}\n\n', true],
    ['{{define `x`}}s{{end}}\nx\n{{define `y`}}s{{end}}\ny\n', false],
    ['{{define `x`}}s{{end}}{{if 3}}foo{{end}}', false],
  ])('isEmptyTree(%j) is %s', (input, empty) => {
    expect(isEmptyTree(parse('root', input, { funcs: FUNCS }).get('root')!.root)).toBe(empty);
  });
});

describe('node details: lines, positions, numbers', () => {
  it('records the line of each action and pipeline (TestLineNum)', () => {
    const tree = parse('t', '{{printf 1234}}\n'.repeat(3), { funcs: FUNCS }).get('t')!;
    const actions = tree.root.nodes.filter((n): n is ActionNode => n.type === 'action');
    expect(actions.map((a) => [a.line, a.pipe.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('positions are UTF-16 offsets; a field chain takes the offset of its first extra field', () => {
    const tree = parse('t', 'é{{if .a.b}}{{template "x" $}}{{end}}', { funcs: FUNCS }).get('t')!;
    const ifNode = tree.root.nodes[1] as IfNode;
    expect(ifNode.pos).toBe(6);
    expect(ifNode.line).toBe(1);
    const field = (ifNode.pipe as PipeNode).cmds[0]!.args[0]!;
    expect(field).toMatchObject({ type: 'field', ident: ['a', 'b'], pos: 8 });
    const tmpl = ifNode.list.nodes[0] as TemplateNode;
    expect(tmpl).toMatchObject({ type: 'template', name: 'x', pos: 23 });
  });

  type NumberCase = [string, Partial<NumberNode>];
  const num = (text: string): NumberNode => {
    const tree = parse('t', `{{printf ${text}}}`, { funcs: FUNCS }).get('t')!;
    const action = tree.root.nodes[0] as ActionNode;
    return action.pipe.cmds[0]!.args[1] as NumberNode;
  };
  it.each<NumberCase>([
    [
      '0',
      {
        isInt: true,
        isUint: true,
        isFloat: true,
        isComplex: false,
        int64: 0n,
        uint64: 0n,
        float64: 0,
      },
    ],
    ['-0', { isInt: true, isUint: true, isFloat: true, int64: 0n, uint64: 0n }],
    ['7_3', { isInt: true, isUint: true, int64: 73n, float64: 73 }],
    ['0b10_010_01', { isInt: true, int64: 73n }],
    ['073', { isInt: true, int64: 59n }],
    ['0o73', { isInt: true, int64: 59n }],
    ['0x7_3', { isInt: true, int64: 115n }],
    ['-73', { isInt: true, isUint: false, int64: -73n, float64: -73 }],
    ['+73', { isInt: true, isUint: false, int64: 73n }],
    ['1e9', { isInt: true, isUint: true, isFloat: true, int64: 1000000000n }],
    ['-1.2', { isInt: false, isUint: false, isFloat: true, float64: -1.2 }],
    ['1e19', { isInt: false, isUint: true, isFloat: true, uint64: 10000000000000000000n }],
    ['1e1_9', { isInt: false, isUint: true, float64: 1e19 }],
    ['-1e19', { isInt: false, isUint: false, isFloat: true, float64: -1e19 }],
    ['18446744073709551615', { isInt: false, isUint: true, uint64: 18446744073709551615n }],
    ['9223372036854775807', { isInt: true, int64: 9223372036854775807n }],
    ['0x_1p4', { isInt: true, isUint: true, isFloat: true, int64: 16n, float64: 16 }],
    ['0x_1p-4', { isInt: false, isUint: false, isFloat: true, float64: 1 / 16 }],
    ['4i', { isComplex: true, isFloat: false, isInt: false, complex128: { re: 0, im: 4 } }],
    ['073i', { isComplex: true, complex128: { re: 0, im: 73 } }],
    ['0i', { isComplex: true, isInt: true, isUint: true, isFloat: true, float64: 0 }],
    ['-1.2+4.2i', { isComplex: true, isFloat: false, complex128: { re: -1.2, im: 4.2 } }],
    ['-12+0i', { isComplex: true, isInt: true, isUint: false, isFloat: true, int64: -12n }],
    ['13+0i', { isComplex: true, isInt: true, isUint: true, uint64: 13n }],
    ['0xdeadbeef', { isInt: true, int64: 0xdeadbeefn }],
    ["'a'", { isInt: true, isUint: true, isFloat: true, isChar: true, int64: 97n, float64: 97 }],
    ["'\\n'", { isChar: true, int64: 10n }],
    ["'\\''", { int64: 39n }],
    ["'\\xFF'", { int64: 255n }],
    ["'\\377'", { int64: 255n }],
    ["'パ'", { int64: 0x30d1n }],
    ["'\\U000030d1'", { int64: 0x30d1n }],
    ["'😀'", { int64: 0x1f600n }],
  ])('number %s', (text, expected) => {
    expect(num(text)).toMatchObject({ type: 'number', text, ...expected });
  });

  it('unquotes strings like strconv.Unquote', () => {
    const tree = parse('t', '{{printf "a\\tb\\u00e9\\x41\\101\\xe2\\x82\\xac" `r\\n\r\nx`}}', {
      funcs: FUNCS,
    }).get('t')!;
    const args = (tree.root.nodes[0] as ActionNode).pipe.cmds[0]!.args;
    expect(args[1]).toMatchObject({ type: 'string', text: 'a\tbéAA€' });
    // Raw strings keep backslashes and drop carriage returns.
    expect(args[2]).toMatchObject({ type: 'string', text: 'r\\n\nx', quoted: '`r\\n\r\nx`' });
  });
});

describe('custom delimiters', () => {
  it('parses with [[ ]] and prints with {{ }} like Go', () => {
    const trees = parse('t', '{{x}} [[if .a -]] y [[- end]]', {
      funcs: FUNCS,
      leftDelim: '[[',
      rightDelim: ']]',
    });
    expect(nodeToString(trees.get('t')!.root)).toBe('{{x}} {{if .a}}y{{end}}');
  });
});

describe('depth limits (parse.go maxStackDepth; ours for control nesting)', () => {
  it('accepts nesting up to the limits', () => {
    expect(root(`{{${'('.repeat(1000)}1${')'.repeat(1000)}}}`)).toContain('((((1');
    expect(() =>
      parse('t', `${'{{if 1}}'.repeat(1000)}${'{{end}}'.repeat(1000)}`, { funcs: FUNCS }),
    ).not.toThrow();
  });

  it.each<[string, string, string]>([
    [
      'parentheses',
      `{{${'('.repeat(1001)}1${')'.repeat(1001)}}}`,
      'template: t:1: max expression depth exceeded',
    ],
    [
      'ifs',
      `${'{{if 1}}'.repeat(1001)}${'{{end}}'.repeat(1001)}`,
      'template: t:1: max control structure depth exceeded',
    ],
    [
      'else if chains',
      `{{if 0}}${'{{else if 0}}'.repeat(1000)}{{end}}`,
      'template: t:1: max control structure depth exceeded',
    ],
    [
      'blocks',
      `${'{{block "b" .}}'.repeat(1001)}`,
      'template: t:1: max control structure depth exceeded',
    ],
  ])('fails cleanly on deep %s', (_name, input, message) => {
    expect(parseError(input).message).toBe(message);
  });

  it('handles very deep input without overflowing the stack', () => {
    expect(parseError(`{{${'('.repeat(100000)}`).detail).toBe('max expression depth exceeded');
    expect(parseError('{{range .}}'.repeat(100000)).detail).toBe(
      'max control structure depth exceeded',
    );
  });
});
