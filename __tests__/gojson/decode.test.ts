import { describe, expect, it } from '@jest/globals';
import {
  JsonSyntaxError,
  JsonUnmarshalTypeError,
  marshalJson,
  unmarshalJson,
} from '../../src/gojson/index.js';
import { isMap, typeName } from '../../src/gotemplate/values.js';

// golang/go:src/encoding/json/decode.go (into interface{}) and scanner.go (errors).
describe('unmarshalJson values', () => {
  it.each<[string, string]>([
    ['{"b":1,"a":[true,false,null,"x"]}', '{"a":[true,false,null,"x"],"b":1}'],
    ['{"a":1,"a":2}', '{"a":2}'],
    ['  [ 1.5 , -0 , 1e2 , 1E-2 ]  ', '[1.5,-0,100,0.01]'],
    ['"\\u00e9\\n\\t\\/\\"\\\\\\b\\f"', '"é\\n\\t/\\"\\\\\\u0008\\u000c"'],
    ['"\\ud83d\\ude00"', '"😀"'],
    ['"\\ud800"', '"\ufffd"'],
    ['"\\ud800\\u0041"', '"\ufffdA"'],
    ['"\\udc00\\ud800"', '"\ufffd\ufffd"'],
    ['{}', '{}'],
    ['[]', '[]'],
    ['12345678901234567890', '12345678901234567000'],
  ])('%s', (text, reencoded) => {
    expect(marshalJson(unmarshalJson(text))).toBe(reencoded);
  });

  it('objects are null-prototype maps, numbers float64', () => {
    const v = unmarshalJson('{"__proto__":{"x":1},"constructor":2}');
    expect(isMap(v)).toBe(true);
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(typeName(v)).toBe('map[string]interface {}');
    const m = v as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual(['__proto__', 'constructor']);
    expect(typeName(m['constructor'] as number)).toBe('float64');
  });

  it('decodes invalid UTF-8 byte by byte to U+FFFD like utf8.DecodeRune', () => {
    const bytes = new Uint8Array([0x22, 0x61, 0xf0, 0x9f, 0x98, 0x22]);
    expect(unmarshalJson(bytes)).toBe('a\ufffd\ufffd\ufffd');
  });
});

describe('unmarshalJson errors', () => {
  it.each<[string, string, number]>([
    ['{b}', "invalid character 'b' looking for beginning of object key string", 2],
    ['', 'unexpected end of JSON input', 0],
    ['   ', 'unexpected end of JSON input', 3],
    ['[1,2', 'unexpected end of JSON input', 4],
    ['{"a":1', 'unexpected end of JSON input', 6],
    ['x', "invalid character 'x' looking for beginning of value", 1],
    ['[1,]', "invalid character ']' looking for beginning of value", 4],
    ['{"a" 1}', "invalid character '1' after object key", 6],
    ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair", 8],
    ['[1 2]', "invalid character '2' after array element", 4],
    ['1 x', "invalid character 'x' after top-level value", 3],
    ['{} {}', "invalid character '{' after top-level value", 4],
    ['01', "invalid character '1' after top-level value", 2],
    ['-', "invalid character ' ' in numeric literal", 1],
    ['-a', "invalid character 'a' in numeric literal", 2],
    ['1.', "invalid character ' ' after decimal point in numeric literal", 2],
    ['1.x', "invalid character 'x' after decimal point in numeric literal", 3],
    ['1e', "invalid character ' ' in exponent of numeric literal", 2],
    ['1e+x', "invalid character 'x' in exponent of numeric literal", 4],
    ['tru', "invalid character ' ' in literal true (expecting 'e')", 3],
    ['trux', "invalid character 'x' in literal true (expecting 'e')", 4],
    ['fals3', "invalid character '3' in literal false (expecting 'e')", 5],
    ['nul', "invalid character ' ' in literal null (expecting 'l')", 3],
    ['"\\x"', "invalid character 'x' in string escape code", 3],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape", 6],
    ['"a\nb"', "invalid character '\\n' in string literal", 3],
    ['"a\tb"', "invalid character '\\t' in string literal", 3],
    ["'a'", "invalid character '\\'' looking for beginning of value", 1],
    ['{é}', "invalid character 'Ã' looking for beginning of object key string", 2],
    ['"abc', 'unexpected end of JSON input', 4],
  ])('%j', (text, msg, offset) => {
    let err: unknown;
    try {
      unmarshalJson(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JsonSyntaxError);
    expect((err as JsonSyntaxError).message).toBe(msg);
    expect((err as JsonSyntaxError).offset).toBe(offset);
  });

  it('limits nesting to 10000 levels', () => {
    expect(() => unmarshalJson('['.repeat(10001))).toThrow(
      "invalid character '[' exceeded max depth",
    );
    expect(() => unmarshalJson('['.repeat(10000) + ']'.repeat(10000))).not.toThrow();
  });

  it('numbers beyond float64 fail like Go', () => {
    expect(() => unmarshalJson('[1e400]')).toThrow(JsonUnmarshalTypeError);
    expect(() => unmarshalJson('{"a":-1e999}')).toThrow(
      'json: cannot unmarshal number -1e999 into Go value of type float64',
    );
  });
});
