// Lexer tests modelled on golang/go:src/text/template/parse/lex_test.go (Go 1.22+ lexer:
// trim markers, comments, `=`, break/continue, Go 1.13 number literals). Expected items are what
// Go's lexer emits for the same input.
import { describe, expect, it } from '@jest/globals';
import { Lexer, itemString, type Item, type LexerOptions } from '../../src/gotemplate/lexer.js';

type Tok = [string, string];

function lexAll(input: string, options: LexerOptions = {}): Item[] {
  const l = new Lexer(input, { emitComment: true, ...options });
  const items: Item[] = [];
  for (let i = 0; i < 10000; i++) {
    const item = l.nextItem();
    items.push(item);
    if (item.type === 'eof' || item.type === 'error') break;
  }
  return items;
}

const toks = (input: string, options?: LexerOptions): Tok[] =>
  lexAll(input, options).map((i) => [i.type, i.val]);

const L: Tok = ['leftDelim', '{{'];
const R: Tok = ['rightDelim', '}}'];
const SP: Tok = ['space', ' '];
const END: Tok = ['eof', ''];
const num = (v: string): Tok => ['number', v];

describe('lexer: token streams (lex.go lexText/lexInsideAction)', () => {
  it.each<[string, string, Tok[]]>([
    ['empty input', '', [END]],
    ['only whitespace is text', '\t \n', [['text', '\t \n'], END]],
    ['plain text', 'just words', [['text', 'just words'], END]],
    [
      'comment between text',
      'a{{/* note */}}b',
      [['text', 'a'], ['comment', '/* note */'], ['text', 'b'], END],
    ],
    [
      'punctuation is char items',
      '{{;!^ }}',
      [L, ['char', ';'], ['char', '!'], ['char', '^'], SP, R, END],
    ],
    [
      'nested parens',
      '{{((7))}}',
      [
        L,
        ['leftParen', '('],
        ['leftParen', '('],
        num('7'),
        ['rightParen', ')'],
        ['rightParen', ')'],
        R,
        END,
      ],
    ],
    ['empty action', '{{}}', [L, R, END]],
    ['identifier', '{{quote}}', [L, ['identifier', 'quote'], R, END]],
    [
      'block keyword with string and dot',
      '{{block "x" .}}',
      [L, ['block', 'block'], SP, ['string', '"x"'], SP, ['dot', '.'], R, END],
    ],
    ['quoted string keeps escapes', '{{"q \\t\\" "}}', [L, ['string', '"q \\t\\" "'], R, END]],
    ['raw string', '{{`a\\n b`}}', [L, ['rawString', '`a\\n b`'], R, END]],
    [
      'raw string spanning lines and delimiters',
      '{{`x{{\n}}y`}}',
      [L, ['rawString', '`x{{\n}}y`'], R, END],
    ],
    [
      'bools and nil',
      '{{true false nil}}',
      [L, ['bool', 'true'], SP, ['bool', 'false'], SP, ['nil', 'nil'], R, END],
    ],
    [
      'dot, fields and a leading-dot number',
      '{{.a . .5 .a.b}}',
      [
        L,
        ['field', '.a'],
        SP,
        ['dot', '.'],
        SP,
        num('.5'),
        SP,
        ['field', '.a'],
        ['field', '.b'],
        R,
        END,
      ],
    ],
    [
      'control keywords',
      '{{if else end range with define template}}',
      [
        L,
        ['if', 'if'],
        SP,
        ['else', 'else'],
        SP,
        ['end', 'end'],
        SP,
        ['range', 'range'],
        SP,
        ['with', 'with'],
        SP,
        ['define', 'define'],
        SP,
        ['template', 'template'],
        R,
        END,
      ],
    ],
    [
      'break and continue are keywords by default',
      '{{break}}{{continue}}',
      [L, ['break', 'break'], R, L, ['continue', 'continue'], R, END],
    ],
    [
      'variables',
      '{{$ $v $9 $v.f}}',
      [
        L,
        ['variable', '$'],
        SP,
        ['variable', '$v'],
        SP,
        ['variable', '$9'],
        SP,
        ['variable', '$v'],
        ['field', '.f'],
        R,
        END,
      ],
    ],
    [
      'declaration',
      '{{$n := 1}}',
      [L, ['variable', '$n'], SP, ['declare', ':='], SP, num('1'), R, END],
    ],
    [
      'assignment',
      '{{$n = 2}}',
      [L, ['variable', '$n'], SP, ['assign', '='], SP, num('2'), R, END],
    ],
    [
      'two declarations',
      '{{$k, $v := .}}',
      [
        L,
        ['variable', '$k'],
        ['char', ','],
        SP,
        ['variable', '$v'],
        SP,
        ['declare', ':='],
        SP,
        ['dot', '.'],
        R,
        END,
      ],
    ],
    [
      'pipeline',
      'x {{f 1 |g| h "s"}} y',
      [
        ['text', 'x '],
        L,
        ['identifier', 'f'],
        SP,
        num('1'),
        SP,
        ['pipe', '|'],
        ['identifier', 'g'],
        ['pipe', '|'],
        SP,
        ['identifier', 'h'],
        SP,
        ['string', '"s"'],
        R,
        ['text', ' y'],
        END,
      ],
    ],
    [
      'field of a parenthesized pipeline',
      '{{(.A).B}}',
      [L, ['leftParen', '('], ['field', '.A'], ['rightParen', ')'], ['field', '.B'], R, END],
    ],
    [
      'runs of spaces and newlines are one space item',
      '{{ \t\n.a\n}}',
      [L, ['space', ' \t\n'], ['field', '.a'], ['space', '\n'], R, END],
    ],
    ['many pipes in a row', '{{|||}}', [L, ['pipe', '|'], ['pipe', '|'], ['pipe', '|'], R, END]],
    ['unmatched right delimiter is text', 'a-{.}}-b', [['text', 'a-{.}}-b'], END]],
    [
      'unicode identifiers and fields',
      '{{.ñame $über día}}',
      [L, ['field', '.ñame'], SP, ['variable', '$über'], SP, ['identifier', 'día'], R, END],
    ],
  ])('%s', (_name, input, expected) => {
    expect(toks(input)).toEqual(expected);
  });
});

describe('lexer: numbers and characters (lex.go scanNumber/lexChar)', () => {
  it.each<[string, Tok[]]>([
    [
      '{{3 04 0x1F 0X1f 0o17 0O17 0b101 0B1}}',
      [
        num('3'),
        SP,
        num('04'),
        SP,
        num('0x1F'),
        SP,
        num('0X1f'),
        SP,
        num('0o17'),
        SP,
        num('0O17'),
        SP,
        num('0b101'),
        SP,
        num('0B1'),
      ],
    ],
    [
      '{{1_000 0x_ff 2.5 1e9 1E-9 +4.5e+2 -8}}',
      [
        num('1_000'),
        SP,
        num('0x_ff'),
        SP,
        num('2.5'),
        SP,
        num('1e9'),
        SP,
        num('1E-9'),
        SP,
        num('+4.5e+2'),
        SP,
        num('-8'),
      ],
    ],
    [
      '{{0x1.8p3 0X_1P-4 3i -0.5i}}',
      [num('0x1.8p3'), SP, num('0X_1P-4'), SP, num('3i'), SP, num('-0.5i')],
    ],
    ['{{2+3i -1.5-0.5i}}', [['complex', '2+3i'], SP, ['complex', '-1.5-0.5i']]],
    [
      "{{'z' '\\t' '\\'' '\\\\' '\\u00e9' '\\x41' 'é'}}",
      [
        ['charConstant', "'z'"],
        SP,
        ['charConstant', "'\\t'"],
        SP,
        ['charConstant', "'\\''"],
        SP,
        ['charConstant', "'\\\\'"],
        SP,
        ['charConstant', "'\\u00e9'"],
        SP,
        ['charConstant', "'\\x41'"],
        SP,
        ['charConstant', "'é'"],
      ],
    ],
  ])('%s', (input, inner) => {
    expect(toks(input)).toEqual([L, ...inner, R, END]);
  });

  it('does not treat e as an exponent in hex or p in decimal (Go 1.13 literals)', () => {
    // 0x1e5 is a plain hex integer; 1p5 is not a number at all.
    expect(toks('{{0x1e5}}')).toEqual([L, num('0x1e5'), R, END]);
    expect(toks('{{1p5}}')).toEqual([L, ['error', 'bad number syntax: "1p"']]);
  });
});

describe('lexer: trim markers and comments (lex.go lexLeftDelim/lexRightDelim/lexSpace)', () => {
  it.each<[string, string, Tok[]]>([
    ['trim both sides', 'a  {{- 5 -}}\n\t b', [['text', 'a'], L, num('5'), R, ['text', 'b'], END]],
    [
      'trim needs the space: {{-5}} is a negative number',
      'a {{-5}} b',
      [['text', 'a '], L, num('-5'), R, ['text', ' b'], END],
    ],
    [
      'trim marker with a tab',
      'a \n{{-\t.x\t-}} b',
      [['text', 'a'], L, ['field', '.x'], R, ['text', 'b'], END],
    ],
    [
      'trim marker with a newline',
      'a \n{{-\n.x\n-}}\n b',
      [['text', 'a'], L, ['field', '.x'], R, ['text', 'b'], END],
    ],
    [
      'several spaces before -}} leave one space item',
      '{{.x   -}} y',
      [L, ['field', '.x'], ['space', '  '], R, ['text', 'y'], END],
    ],
    [
      'text made only of trimmed space vanishes',
      '{{1}}  \n  {{- 2}}',
      [L, num('1'), R, L, num('2'), R, END],
    ],
    [
      'comment with trim markers',
      'a {{- /* c */ -}} b',
      [['text', 'a'], ['comment', '/* c */'], ['text', 'b'], END],
    ],
    ['multi-line comment', '{{/*\n\n*/}}x', [['comment', '/*\n\n*/'], ['text', 'x'], END]],
  ])('%s', (_name, input, expected) => {
    expect(toks(input)).toEqual(expected);
  });

  it('drops comments unless asked to emit them (ParseComments mode)', () => {
    expect(toks('a{{/* c */}}b', { emitComment: false })).toEqual([
      ['text', 'a'],
      ['text', 'b'],
      END,
    ]);
  });
});

describe('lexer: errors stop the scan (lex.go errorf)', () => {
  it.each<[string, string, Tok[]]>([
    [
      'control character',
      'x{{\x02}}',
      [['text', 'x'], L, ['error', 'unrecognized character in action: U+0002']],
    ],
    ['non-ASCII symbol', '{{€}}', [L, ['error', "unrecognized character in action: U+20AC '€'"]]],
    ['unclosed action at EOF', '{{', [L, ['error', 'unclosed action']]],
    [
      'unclosed action after a keyword',
      '{{with',
      [L, ['with', 'with'], ['error', 'unclosed action']],
    ],
    ['newline in a quoted string', '{{"a\nb"}}', [L, ['error', 'unterminated quoted string']]],
    ['unterminated raw string', '{{`abc}}', [L, ['error', 'unterminated raw quoted string']]],
    ['newline in a char constant', "{{'\n'}}", [L, ['error', 'unterminated character constant']]],
    ['letter after digits', '{{12ab}}', [L, ['error', 'bad number syntax: "12a"']]],
    ['bad complex', '{{1+2}}', [L, ['error', 'bad number syntax: "1+2"']]],
    [
      'unclosed paren',
      '{{(1}}',
      [L, ['leftParen', '('], num('1'), ['error', 'unclosed left paren']],
    ],
    ['extra right paren', '{{1)}}', [L, num('1'), ['error', 'unexpected right paren']]],
    ['colon without equals', '{{$x :1}}', [L, ['variable', '$x'], SP, ['error', 'expected :=']]],
    ['bad character after identifier', '{{a#b}}', [L, ['error', "bad character U+0023 '#'"]]],
    ['bad character after variable', '{{$x+1}}', [L, ['error', "bad character U+002B '+'"]]],
    [
      'unclosed comment',
      'a{{/* x }}',
      [
        ['text', 'a'],
        ['error', 'unclosed comment'],
      ],
    ],
    [
      'comment not adjacent to the delimiter',
      'a{{/* x */ }}',
      [
        ['text', 'a'],
        ['error', 'comment ends before closing delimiter'],
      ],
    ],
    [
      'comment must start right after the delimiter',
      '{{ /* x */}}',
      [
        L,
        SP,
        ['char', '/'],
        ['char', '*'],
        SP,
        ['identifier', 'x'],
        SP,
        ['char', '*'],
        ['char', '/'],
        R,
        END,
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(toks(input)).toEqual(expected);
  });

  it('keeps returning an error or EOF after an error, never hanging', () => {
    const l = new Lexer('{{"x');
    const types = Array.from({ length: 5 }, () => l.nextItem().type);
    expect(types.slice(0, 2)).toEqual(['leftDelim', 'error']);
    expect(types.slice(2).every((t) => t === 'error' || t === 'eof')).toBe(true);
  });
});

describe('lexer: custom delimiters (Template.Delims)', () => {
  const opts = { leftDelim: '<<', rightDelim: '>>' };
  it.each<[string, Tok[]]>([
    [
      '<<,{{}}>>',
      [
        ['leftDelim', '<<'],
        ['char', ','],
        ['char', '{'],
        ['char', '{'],
        ['char', '}'],
        ['char', '}'],
        ['rightDelim', '>>'],
        END,
      ],
    ],
    [
      'a{{.x}}<<.y>>',
      [['text', 'a{{.x}}'], ['leftDelim', '<<'], ['field', '.y'], ['rightDelim', '>>'], END],
    ],
    [
      'x <<- .y ->> z',
      [
        ['text', 'x'],
        ['leftDelim', '<<'],
        ['field', '.y'],
        ['rightDelim', '>>'],
        ['text', 'z'],
        END,
      ],
    ],
    ['<</* c */>>', [['comment', '/* c */'], END]],
  ])('%s', (input, expected) => {
    expect(toks(input, opts)).toEqual(expected);
  });

  it('accepts delimiters that start with letters or look like trim markers', () => {
    expect(toks('[[on .h on]]', { leftDelim: '[[on', rightDelim: 'on]]' })).toEqual([
      ['leftDelim', '[[on'],
      SP,
      ['field', '.h'],
      SP,
      ['rightDelim', 'on]]'],
      END,
    ]);
    expect(toks('{{- .x -}}', { leftDelim: '{{- ', rightDelim: ' -}}' })).toEqual([
      ['leftDelim', '{{- '],
      ['field', '.x'],
      ['rightDelim', ' -}}'],
      END,
    ]);
  });

  it('falls back to {{ }} for empty delimiters, as Go does', () => {
    expect(toks('{{1}}', { leftDelim: '', rightDelim: '' })).toEqual([L, num('1'), R, END]);
  });
});

describe('lexer: break/continue become identifiers when functions of that name exist', () => {
  it('honours breakOK/continueOK', () => {
    expect(toks('{{break}}{{continue}}', { breakOK: false, continueOK: false })).toEqual([
      L,
      ['identifier', 'break'],
      R,
      L,
      ['identifier', 'continue'],
      R,
      END,
    ]);
  });
});

describe('lexer: positions and lines (lex.go item.pos/item.line)', () => {
  const full = (input: string): [string, number, string, number][] =>
    lexAll(input).map((i) => [i.type, i.pos, i.val, i.line]);

  it.each<[string, string, [string, number, string, number][]]>([
    ['empty', '', [['eof', 0, '', 1]]],
    [
      'text and action',
      'ab{{cd}}ef',
      [
        ['text', 0, 'ab', 1],
        ['leftDelim', 2, '{{', 1],
        ['identifier', 4, 'cd', 1],
        ['rightDelim', 6, '}}', 1],
        ['text', 8, 'ef', 1],
        ['eof', 10, '', 1],
      ],
    ],
    [
      'newline trimmed after an action counts',
      '{{a -}}\n\n{{b}}',
      [
        ['leftDelim', 0, '{{', 1],
        ['identifier', 2, 'a', 1],
        ['rightDelim', 5, '}}', 1],
        ['leftDelim', 9, '{{', 3],
        ['identifier', 11, 'b', 3],
        ['rightDelim', 12, '}}', 3],
        ['eof', 14, '', 3],
      ],
    ],
    [
      'newline trimmed before an action counts',
      '{{a}}\n{{- b}}',
      [
        ['leftDelim', 0, '{{', 1],
        ['identifier', 2, 'a', 1],
        ['rightDelim', 3, '}}', 1],
        ['leftDelim', 6, '{{', 2],
        ['identifier', 10, 'b', 2],
        ['rightDelim', 11, '}}', 2],
        ['eof', 13, '', 2],
      ],
    ],
    [
      'comment spanning lines',
      '{{/*\n*/}}\n{{f "s"}}',
      [
        ['comment', 2, '/*\n*/', 1],
        ['text', 9, '\n', 2],
        ['leftDelim', 10, '{{', 3],
        ['identifier', 12, 'f', 3],
        ['space', 13, ' ', 3],
        ['string', 14, '"s"', 3],
        ['rightDelim', 17, '}}', 3],
        ['eof', 19, '', 3],
      ],
    ],
    [
      'newlines inside an action',
      '{{\n.a\n}}',
      [
        ['leftDelim', 0, '{{', 1],
        ['space', 2, '\n', 1],
        ['field', 3, '.a', 2],
        ['space', 5, '\n', 2],
        ['rightDelim', 6, '}}', 3],
        ['eof', 8, '', 3],
      ],
    ],
    [
      'raw string with newline',
      '{{`\n`}}{{x}}',
      [
        ['leftDelim', 0, '{{', 1],
        ['rawString', 2, '`\n`', 1],
        ['rightDelim', 5, '}}', 2],
        ['leftDelim', 7, '{{', 2],
        ['identifier', 9, 'x', 2],
        ['rightDelim', 10, '}}', 2],
        ['eof', 12, '', 2],
      ],
    ],
    [
      'UTF-16 offsets for astral characters',
      '😀{{x}}',
      [
        ['text', 0, '😀', 1],
        ['leftDelim', 2, '{{', 1],
        ['identifier', 4, 'x', 1],
        ['rightDelim', 5, '}}', 1],
        ['eof', 7, '', 1],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(full(input)).toEqual(expected);
  });
});

describe('itemString (lex.go item.String, used in parse errors)', () => {
  it.each<[Item, string]>([
    [{ type: 'eof', pos: 0, val: '', line: 1 }, 'EOF'],
    [{ type: 'error', pos: 0, val: 'unclosed action', line: 1 }, 'unclosed action'],
    [{ type: 'end', pos: 0, val: 'end', line: 1 }, '<end>'],
    [{ type: 'dot', pos: 0, val: '.', line: 1 }, '<.>'],
    [{ type: 'char', pos: 0, val: '}', line: 1 }, '"}"'],
    [{ type: 'rightDelim', pos: 0, val: '}}', line: 1 }, '"}}"'],
    [{ type: 'text', pos: 0, val: 'short\ttext', line: 1 }, '"short\\ttext"'],
    [{ type: 'text', pos: 0, val: 'a longer piece of text', line: 1 }, '"a longer p"...'],
    // The length test counts UTF-8 bytes, the truncation counts runes (fmt's %.10q).
    [{ type: 'string', pos: 0, val: '"éééé"', line: 1 }, '"\\"éééé\\""'],
    [{ type: 'string', pos: 0, val: '"ééééé"', line: 1 }, '"\\"ééééé\\""...'],
    [{ type: 'text', pos: 0, val: 'éééééééééééé', line: 1 }, '"éééééééééé"...'],
  ])('%j', (item, expected) => {
    expect(itemString(item)).toBe(expected);
  });
});
