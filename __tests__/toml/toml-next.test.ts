/**
 * TOML 1.1 syntax BurntSushi/toml v1.6.0 (Helm 3.21's fromToml) reads by default, and v1.6's
 * read errors. lex.go: lexInlineTableValue / lexInlineTableValueEnd (newlines, comments and a
 * trailing comma in inline tables), lexStringEscape / lexHexEscape (`\e`, `\xHH`), `next`
 * (errLexUTF8 `invalid UTF-8 byte: 0x%02x`, errLexControl `TOML files cannot contain control
 * characters: '0x%02x'`); parse.go: dtTypes' TOML 1.1 layouts without seconds, replaceEscapes
 * (`\xHH` is the rune U+00HH).
 */
import { describe, expect, it } from '@jest/globals';
import { marshalJson } from '../../src/gojson/index.js';
import { sprint } from '../../src/gotemplate/fmt.js';
import { TomlParseError, marshalToml, unmarshalToml } from '../../src/toml/index.js';

/** Byte `x` as hookline holds a byte that is not UTF-8 (util/go-bytes.ts). */
const b = (x: number): string => String.fromCharCode(0xdc00 + x);

describe('inline tables', () => {
  it.each([
    ['a newline before the end', 'a = {b = 1\n}', '{"a":{"b":1}}'],
    ['pairs on their own lines', 'a = {\n  b = 1,\n  c = "x"\n}', '{"a":{"b":1,"c":"x"}}'],
    ['a trailing comma', 'a = {b = 1,}', '{"a":{"b":1}}'],
    ['a trailing comma then a newline', 'a = {b = 1,\n}', '{"a":{"b":1}}'],
    [
      'comments inside',
      'a = { # first\n  b = 1, # one\n  # alone\n  c = 2 }',
      '{"a":{"b":1,"c":2}}',
    ],
    ['an empty table across lines', 'a = {\n}', '{"a":{}}'],
    ['nested and dotted', 'a = {\n b.c = 1,\n d = {e = 2,},\n}', '{"a":{"b":{"c":1},"d":{"e":2}}}'],
    ['then another key', 'a = {\n b = 1\n}\nz = 2', '{"a":{"b":1},"z":2}'],
  ])('%s', (_name, text, json) => {
    expect(marshalJson(unmarshalToml(text))).toBe(json);
  });

  it.each([
    ['a = {,}', `toml: line 1 (last key "a"): unexpected comma`],
    ['a = {\n,}', `toml: line 2 (last key "a"): unexpected comma`],
    [
      'a = {b = 1',
      `toml: line 1 (last key "a.b"): expected a comma or an inline table terminator '}', but got end of file instead`,
    ],
  ])('%j is still an error', (text, msg) => {
    expect(() => unmarshalToml(text)).toThrow(TomlParseError);
    expect(() => unmarshalToml(text)).toThrow(msg);
  });
});

describe('string escapes', () => {
  it.each([
    ['\\e', 'a = "x\\ey"', 'x\u001by'],
    ['\\x41', 'a = "\\x41"', 'A'],
    ['\\xe9 is the rune U+00E9', 'a = "caf\\xe9"', 'café'],
    ['\\x in a multi-line string', 'a = """\n\\x7e\\e"""', '~\u001b'],
    ['a literal string keeps them', "a = '\\e\\x41'", '\\e\\x41'],
  ])('%s', (_name, text, want) => {
    expect(unmarshalToml(text)['a']).toBe(want);
  });

  it.each([
    [
      'a = "ab\\xZ1"',
      `toml: line 1 (last key "a"): expected two hexadecimal digits after '\\x', but got "ab\\\\xZ" instead`,
    ],
    [
      'a = "\\u12G4"',
      `toml: line 1 (last key "a"): expected four hexadecimal digits after '\\u', but got "\\\\u12G" instead`,
    ],
    [
      'a = "\\U0001F60"',
      `toml: line 1 (last key "a"): expected eight hexadecimal digits after '\\U', but got "\\\\U0001F60\\"" instead`,
    ],
    ['a = "\\q"', `toml: line 1 (last key "a"): invalid escape in string '\\q'`],
    ['a = "x\\ y"', `toml: line 1 (last key "a"): invalid escape: '\\ '`],
  ])('%j', (text, msg) => {
    expect(() => unmarshalToml(text)).toThrow(msg);
  });
});

describe('datetimes without seconds', () => {
  it.each([
    ['1979-05-27T07:32Z', '1979-05-27 07:32:00 +0000 UTC', 'a = 1979-05-27T07:32:00Z\n'],
    [
      '1979-05-27 07:32-07:00',
      '1979-05-27 07:32:00 -0700 -0700',
      'a = 1979-05-27T07:32:00-07:00\n',
    ],
    ['1979-05-27T07:32', '1979-05-27 07:32:00 +0000 datetime-local', 'a = 1979-05-27T07:32:00\n'],
    ['07:32', '0000-01-01 07:32:00 +0000 time-local', 'a = 07:32:00\n'],
  ])('%s', (literal, str, toml) => {
    const doc = unmarshalToml(`a = ${literal}`);
    expect(sprint([doc['a'] ?? null])).toBe(str);
    expect(marshalToml(doc)).toBe(toml);
  });

  it.each(['07:60', '1979-05-27T24:00'])('%s is rejected', (literal) => {
    expect(() => unmarshalToml(`a = ${literal}`)).toThrow(
      `toml: line 1 (last key "a"): invalid datetime: "${literal}"`,
    );
  });
});

describe('characters lex.go refuses', () => {
  it.each([
    ['a byte that is not UTF-8', `a = "${b(0xe9)}"`, 'invalid UTF-8 byte: 0xe9', 'a'],
    ['a cut sequence', `a = "x${b(0xe2)}${b(0x82)}"`, 'invalid UTF-8 byte: 0xe2', 'a'],
    ['a bad byte in a comment', `a = 1 # ${b(0xff)}`, 'invalid UTF-8 byte: 0xff', ''],
    ['a bad byte in a key', `k${b(0x80)} = 1`, 'invalid UTF-8 byte: 0x80', ''],
    ['a literal U+FFFD', 'a = "\ufffd"', 'invalid UTF-8 byte: 0xef', 'a'],
    [
      'a control character in a string',
      'a = "x\u0001"',
      "TOML files cannot contain control characters: '0x01'",
      'a',
    ],
    [
      'DEL in a comment',
      'a = 1 # \u007f',
      "TOML files cannot contain control characters: '0x7f'",
      '',
    ],
    ['a lone CR', 'a = 1\rb = 2', "TOML files cannot contain control characters: '0x0d'", 'a'],
    [
      'an escape character after a value',
      'a = 1\u001b',
      "TOML files cannot contain control characters: '0x1b'",
      'a',
    ],
    [
      'a control character ending a word',
      'a = tru\u0002',
      "TOML files cannot contain control characters: '0x02'",
      'a',
    ],
  ])('%s', (_name, text, msg, key) => {
    // parse.go clears the current key once a key/value pair is complete (errors in a trailing
    // comment name none).
    const where = key === '' ? 'line 1' : `line 1 (last key "${key}")`;
    expect(() => unmarshalToml(text)).toThrow(`toml: ${where}: ${msg}`);
  });

  it.each([
    ['escaped bytes that spell a valid rune', `a = "${b(0xc3)}${b(0xa9)}"`, 'é'],
    ['CR-LF line ends', 'a = "x"\r\nb = 1\r\n', 'x'],
    ['a tab in a string', 'a = "x\ty"', 'x\ty'],
  ])('%s are accepted', (_name, text, want) => {
    expect(unmarshalToml(text)['a']).toBe(want);
  });

  it('reports the line of the refused character', () => {
    expect(() => unmarshalToml('a = 1\n\nb = "\u0007"')).toThrow(
      `toml: line 3 (last key "b"): TOML files cannot contain control characters: '0x07'`,
    );
  });
});

describe('error order', () => {
  it('a bad hex digit is reported before a refused character after it', () => {
    expect(() => unmarshalToml('a = "\\xZ\u0001"')).toThrow(
      `toml: line 1 (last key "a"): expected two hexadecimal digits after '\\x', but got "\\\\xZ" instead`,
    );
  });

  it('a syntax error before a refused character wins', () => {
    expect(() => unmarshalToml('a = $\u0001')).toThrow(
      `toml: line 1 (last key "a"): expected value but found '$' instead`,
    );
  });
});
