import { describe, expect, it } from '@jest/globals';
import { marshalJson } from '../../src/gojson/index.js';
import { sprint } from '../../src/gotemplate/fmt.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { typeName } from '../../src/gotemplate/values.js';
import { marshalToml, TomlParseError, unmarshalToml } from '../../src/toml/index.js';

const at = (v: GoValue, ...path: (string | number)[]): GoValue =>
  path.reduce<GoValue>((acc, k) => (acc as Record<string | number, GoValue>)[k] ?? null, v);

// What BurntSushi/toml v1.6.0 (parse.go) stores in a map[string]interface{} (Helm's fromToml).
describe('unmarshalToml values and Go types', () => {
  const doc = unmarshalToml(
    [
      '# comment',
      'int = 1_000',
      'hex = 0xff',
      'oct = 0o17',
      'bin = 0b101',
      'neg = -17',
      'float = 3.14',
      'exp = 1e3',
      'under = 9_224_617.445_991',
      'pinf = +inf',
      'nnan = -nan',
      'yes = true',
      'basic = "tab\\there \\u00e9 \\U0001F600 \\"q\\""',
      "literal = 'C:\\Users\\x'",
      'multi = """',
      'one \\',
      '   two"""',
      "rawmulti = '''",
      'first line',
      "  second'''",
      'arr = [1, "two", [3.5], {k = "v"}, ]',
      'dotted.key.here = "d"',
      '"quoted key" = 1',
      '[table]',
      'k = "v" # trailing comment',
      '[table.sub]',
      'n = 2',
      '[[fruit]]',
      'name = "apple"',
      '[fruit.info]',
      'color = "red"',
      '[[fruit]]',
      'name = "banana"',
    ].join('\n'),
  );

  it.each<[(string | number)[], string, string]>([
    [['int'], 'int64', '1000'],
    [['hex'], 'int64', '255'],
    [['oct'], 'int64', '15'],
    [['bin'], 'int64', '5'],
    [['neg'], 'int64', '-17'],
    [['float'], 'float64', '3.14'],
    [['exp'], 'float64', '1000'],
    [['under'], 'float64', '9.224617445991e+06'],
    [['pinf'], 'float64', '+Inf'],
    [['nnan'], 'float64', 'NaN'],
    [['yes'], 'bool', 'true'],
    [['basic'], 'string', 'tab\there é 😀 "q"'],
    [['literal'], 'string', 'C:\\Users\\x'],
    [['multi'], 'string', 'one two'],
    [['rawmulti'], 'string', 'first line\n  second'],
    [['arr'], '[]interface {}', '[1 two [3.5] map[k:v]]'],
    [['dotted', 'key', 'here'], 'string', 'd'],
    [['quoted key'], 'int64', '1'],
    [['table', 'k'], 'string', 'v'],
    [['table', 'sub', 'n'], 'int64', '2'],
    [
      ['fruit'],
      '[]map[string]interface {}',
      '[map[info:map[color:red] name:apple] map[name:banana]]',
    ],
    [['fruit', 0, 'info'], 'map[string]interface {}', 'map[color:red]'],
  ])('%j', (path, type, printed) => {
    const v = at(doc, ...path);
    expect(typeName(v)).toBe(type);
    expect(sprint([v])).toBe(printed);
  });
});

// parse.go changes after v1.2.1 (valueInlineTable nests dotted keys; BOMs skipped; an array
// value may replace the tables its own inline tables created).
describe('unmarshalToml v1.6.0 parsing', () => {
  it.each<[string, string]>([
    ['a = {b.c = 1, b.d = 2, e = 3}', 'map[a:map[b:map[c:1 d:2] e:3]]'],
    ['a = [{b.c = 1}]', 'map[a:[map[b:map[c:1]]]]'],
    ['\uFEFFa = 1', 'map[a:1]'],
    ['\udcff\udcfea = 1', 'map[a:1]'],
    ['a = [{b = 1}, {b = 2}]', 'map[a:[map[b:1] map[b:2]]]'],
    ['x.arr = [1]\ny = 2', 'map[x:map[arr:[1]] y:2]'],
  ])('%j', (text, printed) => {
    expect(sprint([unmarshalToml(text)])).toBe(printed);
  });
});

describe('unmarshalToml datetimes (time.Time)', () => {
  it.each<[string, string, string, string]>([
    [
      '1979-05-27T07:32:00Z',
      '1979-05-27 07:32:00 +0000 UTC',
      '"1979-05-27T07:32:00Z"',
      '1979-05-27T07:32:00Z',
    ],
    [
      '1979-05-27t07:32:00z',
      '1979-05-27 07:32:00 +0000 UTC',
      '"1979-05-27T07:32:00Z"',
      '1979-05-27T07:32:00Z',
    ],
    [
      '1979-05-27 07:32:00+00:00',
      '1979-05-27 07:32:00 +0000 UTC',
      '"1979-05-27T07:32:00Z"',
      '1979-05-27T07:32:00Z',
    ],
    [
      '1979-05-27T00:32:00.999999-07:00',
      '1979-05-27 00:32:00.999999 -0700 -0700',
      '"1979-05-27T00:32:00.999999-07:00"',
      '1979-05-27T00:32:00.999999-07:00',
    ],
    [
      '1979-05-27T07:32:00.1234567891',
      '1979-05-27 07:32:00.123456789 +0000 datetime-local',
      '"1979-05-27T07:32:00.123456789Z"',
      '1979-05-27T07:32:00.123456789',
    ],
    ['1979-05-27', '1979-05-27 00:00:00 +0000 date-local', '"1979-05-27T00:00:00Z"', '1979-05-27'],
    ['07:32:00', '0000-01-01 07:32:00 +0000 time-local', '"0000-01-01T07:32:00Z"', '07:32:00'],
    ['2024-02-29', '2024-02-29 00:00:00 +0000 date-local', '"2024-02-29T00:00:00Z"', '2024-02-29'],
  ])('%s', (literal, str, json, toml) => {
    const v = at(unmarshalToml(`d = ${literal}`), 'd');
    expect(typeName(v)).toBe('time.Time');
    expect(sprint([v])).toBe(str);
    expect(marshalJson(v)).toBe(json);
    expect(marshalToml(unmarshalToml(`d = ${literal}`))).toBe(`d = ${toml}\n`);
  });
});

describe('unmarshalToml errors', () => {
  it.each<[string, string]>([
    ['a = 1\na = 2', `toml: line 2 (last key "a"): Key 'a' has already been defined.`],
    ['[a]\n[a]', `toml: line 2: Key 'a' has already been defined.`],
    ['[[a]]\n[a]', `toml: line 2: Key 'a' has already been defined.`],
    ['a = 1\n[a.b]', `toml: line 2: Key 'a' was already created as a hash.`],
    ['a = 1\n[[a]]', `toml: line 2: Key 'a' was already created and cannot be used as an array.`],
    ['a = 01', `toml: line 1 (last key "a"): Invalid integer "01": cannot have leading zeroes`],
    [
      'a = 1__0',
      `toml: line 1 (last key "a"): Invalid integer "1__0": underscores must be surrounded by digits`,
    ],
    [
      'a = 1.',
      `toml: line 1 (last key "a"): Invalid float "1.": '.' must be followed by one or more digits`,
    ],
    // error.go errParseRange / errParseDate (v1.3+ wording).
    [
      'a = 9223372036854775808',
      `toml: line 1 (last key "a"): 9223372036854775808 is out of range for int64`,
    ],
    ['a = 1e400', `toml: line 1 (last key "a"): 1e400 is out of range for float64`],
    ['d = 2021-02-30', `toml: line 1 (last key "d"): invalid datetime: "2021-02-30"`],
    [
      'd = 2021-02-30t10:00:00z',
      `toml: line 1 (last key "d"): invalid datetime: "2021-02-30T10:00:00Z"`,
    ],
    // parse.go v1.6.0: assigning an array key twice is a duplicate.
    ['arr = [1]\narr = [2]', `toml: line 2 (last key "arr"): Key 'arr' has already been defined.`],
    // lex.go messages; a newline counts as read (next line), except where lexKeyEnd and lexValue
    // expect a value (errorPrevLine); EOF errors move one line up only after a final newline.
    ['a\n', `toml: line 1: expected '.' or '=', but got '\\n' instead`],
    ['a = 1\nb', `toml: line 2: unexpected EOF; expected key separator '='`],
    [
      'a = [1\n',
      `toml: line 1 (last key "a"): expected a comma (',') or array terminator (']'), but got end of file`,
    ],
    [
      'a = [1\n\n',
      `toml: line 2 (last key "a"): expected a comma (',') or array terminator (']'), but got end of file`,
    ],
    ['a = x', `toml: line 1 (last key "a"): expected value but found "x" instead`],
    ['a = $', `toml: line 1 (last key "a"): expected value but found '$' instead`],
    ['a = \n', `toml: line 1 (last key "a"): expected value but found '\\n' instead`],
    ['a = .5', `toml: line 1 (last key "a"): floats must start with a digit, not '.'`],
    ['a = ', `toml: line 1 (last key "a"): unexpected EOF; expected value`],
    ['= 1', `toml: line 1: unexpected '=': key name appears blank`],
    ['.a = 1', `toml: line 1: unexpected '.': keys cannot start with a '.'`],
    ['a. = 1', `toml: line 1: unexpected '='`],
    ['a$ = 1', `toml: line 1: expected '.' or '=', but got '$' instead`],
    // Helm 3.21 funcs_test.go (engine case func-fromToml-error: `fromToml "one"`).
    ['a', `toml: line 1: unexpected EOF; expected key separator '='`],
    ['[]', `toml: line 1: unexpected end of table name (table names cannot be empty)`],
    ['[a.]', `toml: line 1: unexpected end of table name (table names cannot be empty)`],
    ['[a b]', `toml: line 1: expected '.' or ']' to end table name, but got 'b' instead`],
    [
      '[[a]',
      `toml: line 1: expected end of table array name delimiter ']', but got '\\x00' instead`,
    ],
    ['a = [1,,2]', `toml: line 1 (last key "a"): unexpected comma`],
    // TOML 1.1 (v1.6.0's default) allows a trailing comma in inline tables, but not two.
    ['a = {b = 1,,}', `toml: line 1 (last key "a.b"): unexpected comma`],
    [
      'a = {b = 1 c = 2}',
      `toml: line 1 (last key "a.b"): expected a comma or an inline table terminator '}', but got 'c' instead`,
    ],
    [
      'a = 1 b = 2',
      `toml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got 'b' instead`,
    ],
    ['a = "x', `toml: line 1 (last key "a"): unexpected EOF`],
    ['a = "x\ny"', `toml: line 2 (last key "a"): strings cannot contain newlines`],
    [
      'a = [1 2]',
      `toml: line 1 (last key "a"): expected a comma (',') or array terminator (']'), but got '2'`,
    ],
    [
      'a = [1',
      `toml: line 1 (last key "a"): expected a comma (',') or array terminator (']'), but got end of file`,
    ],
    [
      '\x00a = 1',
      'toml: line 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8',
    ],
  ])('%j', (text, msg) => {
    expect(() => unmarshalToml(text)).toThrow(TomlParseError);
    expect(() => unmarshalToml(text)).toThrow(msg);
  });
});
