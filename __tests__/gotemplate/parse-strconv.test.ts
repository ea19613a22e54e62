// The template parser's strconv.Unquote/UnquoteChar: expectations are Go's results
// (golang/go:src/strconv/quote.go, quote_test.go).
import { describe, expect, it } from '@jest/globals';
import { unquote, unquoteChar } from '../../src/gotemplate/parse-strconv.js';

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
