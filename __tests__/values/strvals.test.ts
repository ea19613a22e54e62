// `--set` parsing, re-expressing helm pkg/strvals/parser_test.go and literal_parser_test.go
// (v3.21). VAL-1 (typing) and VAL-2 (syntax, escapes, lists, indices, limits, errors).
import { describe, expect, it } from '@jest/globals';
import { GoInt, type GoValue } from '../../src/gotemplate/values.js';
import {
  parseInto,
  parseIntoFile,
  parseIntoJson,
  parseIntoLiteral,
  parseIntoString,
  parseSet,
  typedVal,
} from '../../src/values/strvals.js';
import { goMap } from './helpers.js';

const i64 = (n: number): GoInt => new GoInt(n, 'int64');
const m = (o: Record<string, unknown>): GoValue => goMap(o);

describe('typedVal (VAL-1, parser.go typedVal)', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['null', null],
    ['NULL', null],
    ['0', i64(0)],
    ['1234567890', i64(1234567890)],
    ['-5', i64(-5)],
    ['+7', i64(7)],
    ['007', '007'],
    ['1.5', '1.5'],
    ['1e3', '1e3'],
    ['9223372036854775808', '9223372036854775808'],
    ['', ''],
    ['abc', 'abc'],
  ] as const)('%j', (input, want) => {
    expect(typedVal(input, false)).toEqual(want);
  });

  it('--set-string keeps everything a string', () => {
    expect(typedVal('true', true)).toBe('true');
    expect(typedVal('0', true)).toBe('0');
  });
});

describe('parseSet (parser_test.go TestParseSet)', () => {
  it.each([
    ['name1=value1', { name1: 'value1' }],
    ['long_int_string=1234567890', { long_int_string: i64(1234567890) }],
    ['boolean=true', { boolean: true }],
    ['is_null=null', { is_null: null }],
    ['zero=0', { zero: i64(0) }],
    ['leading_zeros=00009', { leading_zeros: '00009' }],
    ['name1=,name2=value2', { name1: '', name2: 'value2' }],
    ['name1=value1,name2=value2', { name1: 'value1', name2: 'value2' }],
    ['name1=value1,name2=value2,', { name1: 'value1', name2: 'value2' }],
    ['name1=one\\,two,name2=three\\,four', { name1: 'one,two', name2: 'three,four' }],
    ['name1=one\\=two,name2=three\\=four', { name1: 'one=two', name2: 'three=four' }],
    ['name1=one two three,name2=three two one', { name1: 'one two three', name2: 'three two one' }],
    ['outer.inner=value', { outer: { inner: 'value' } }],
    ['outer.middle.inner=value', { outer: { middle: { inner: 'value' } } }],
    ['outer.inner1=value,outer.inner2=value2', { outer: { inner1: 'value', inner2: 'value2' } }],
    [
      'outer.inner1=value,outer.middle.inner=value',
      { outer: { inner1: 'value', middle: { inner: 'value' } } },
    ],
    ['a\\.b=c', { 'a.b': 'c' }],
    ['name1={value1,value2}', { name1: ['value1', 'value2'] }],
    [
      'name1={value1,value2},name2={value1,value2}',
      { name1: ['value1', 'value2'], name2: ['value1', 'value2'] },
    ],
    ['name1={1021,902}', { name1: [i64(1021), i64(902)] }],
    ['name1.name2={value1,value2}', { name1: { name2: ['value1', 'value2'] } }],
    ['name1={}', { name1: [''] }],
    ['list[0]=foo', { list: ['foo'] }],
    ['list[0].foo=bar', { list: [{ foo: 'bar' }] }],
    ['list[0].foo=bar,list[0].hello=world', { list: [{ foo: 'bar', hello: 'world' }] }],
    ['list[0]=foo,list[1]=bar', { list: ['foo', 'bar'] }],
    ['list[0]=foo,list[1]=bar,', { list: ['foo', 'bar'] }],
    ['list[0]=foo,list[3]=bar', { list: ['foo', null, null, 'bar'] }],
    ['list[0]={a,b}', { list: [['a', 'b']] }],
    ['noval[0]', { noval: [] }],
    ['noval[0]=', { noval: [''] }],
    ['nested[0][0]=1', { nested: [[i64(1)]] }],
    ['nested[1][1]=1', { nested: [null, [null, i64(1)]] }],
    [
      'name1.name2[0].foo=bar,name1.name2[1].foo=bar',
      { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } },
    ],
    [
      'name1.name2[1].foo=bar,name1.name2[0].foo=bar',
      { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } },
    ],
    ['name1.name2[1].foo=bar', { name1: { name2: [null, { foo: 'bar' }] } }],
    ['key=', { key: '' }],
  ] as const)('%s', (input, want) => {
    expect(parseSet(input)).toEqual(m(want));
  });

  it.each([
    ['name1=value1,,,,name2=value2,', 'key "" has no value (cannot end with ,)'],
    ['name1,name2=', 'key "name1" has no value (cannot end with ,)'],
    ['name1.name2', 'key "name2" has no value'],
    ['name1.name2,name1.name3', 'key "name2" has no value (cannot end with ,)'],
    ['name1.=name2', 'key map "name1" has no value'],
    ['name1={1021,902', "list must terminate with '}'"],
    ['illegal[0]name.foo=bar', "unexpected data at end of array index: ['n' 'a' 'm' 'e']"],
    ['a[x]=1', 'error parsing index: strconv.Atoi: parsing "x": invalid syntax'],
    ['a[-1]=1', 'negative -1 index not allowed'],
    ['a[65537]=1', 'index of 65537 is greater than maximum supported index of 65536'],
    [
      'a=1,a.b=2',
      'unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}',
    ],
    [
      'a=x,a[0]=2',
      'unable to parse key: interface conversion: interface {} is string, not []interface {}',
    ],
    [
      `${'a.'.repeat(31)}a=1`,
      'value name nested level is greater than maximum supported nested level of 30',
    ],
  ] as const)('%s fails', (input, message) => {
    expect(() => parseSet(input)).toThrow(message);
  });

  it('accepts 30 nested names and index 65536', () => {
    expect(() => parseSet(`${'a.'.repeat(30)}a=1`)).not.toThrow();
    expect((parseSet('a[65536]=1')['a'] as GoValue[]).length).toBe(65537);
  });

  it('parseInto overwrites existing keys and merges maps', () => {
    const dest = goMap({ outer: { keep: 'x', inner: 'old' }, list: ['a', 'b'] });
    parseInto('outer.inner=new,list[1]=c', dest);
    expect(dest).toEqual(m({ outer: { keep: 'x', inner: 'new' }, list: ['a', 'c'] }));
  });
});

describe('--set-string (TestParseIntoString)', () => {
  it.each([
    ['long_int_string=1234567890', { long_int_string: '1234567890' }],
    ['boolean=true', { boolean: 'true' }],
    ['is_null=null', { is_null: 'null' }],
    ['zero=0', { zero: '0' }],
    ['list={1,true}', { list: ['1', 'true'] }],
  ] as const)('%s', (input, want) => {
    expect(parseIntoString(input)).toEqual(m(want));
  });
});

describe('--set-json (TestParseJSON)', () => {
  it.each([
    ['outer.inner1="1",outer.inner2=2', { outer: { inner1: '1', inner2: 2 } }],
    [
      'outer.inner3={"aa":"1","bb":2,"cc":[1,2,3]}',
      { outer: { inner3: { aa: '1', bb: 2, cc: [1, 2, 3] } } },
    ],
    ['outer.inner=', { outer: { inner: null } }],
    ['outer.inner=,x=true', { outer: { inner: null }, x: true }],
    ['a=[1, "two", null], b = "x"', { a: [1, 'two', null], ' b ': 'x' }],
    ['list[0]={"a":1}', { list: [{ a: 1 }] }],
    ['s="a,b"', { s: 'a,b' }],
  ] as const)('%s', (input, want) => {
    expect(parseIntoJson(input)).toEqual(m(want));
  });

  it('rejects malformed JSON', () => {
    expect(() => parseIntoJson('a={"x":')).toThrow();
  });
});

describe('--set-file (TestParseFile)', () => {
  it('stores what the reader returns and reports its errors', () => {
    const files: Record<string, string> = { path1: 'value1', path2: 'value2' };
    const read = (p: string): GoValue => {
      if (!(p in files)) throw new Error(`open ${p}: no such file or directory`);
      return files[p] as string;
    };
    expect(parseIntoFile('name1=path1,name2.sub=path2', goMap({}), read)).toEqual(
      m({ name1: 'value1', name2: { sub: 'value2' } }),
    );
    expect(() => parseIntoFile('name1=missing', goMap({}), read)).toThrow(
      'open missing: no such file or directory',
    );
  });
});

describe('--set-literal (literal_parser_test.go)', () => {
  it.each([
    ['name=value', { name: 'value' }],
    ['long_int_string=1234567890', { long_int_string: '1234567890' }],
    ['boolean=true', { boolean: 'true' }],
    ['name1=value1,name2=value2', { name1: 'value1,name2=value2' }],
    ['name1=one\\,two', { name1: 'one\\,two' }],
    ['name1=', { name1: '' }],
    ['outer.inner=value,x', { outer: { inner: 'value,x' } }],
    ['list[1]=a=b', { list: [null, 'a=b'] }],
    ['list[0].foo=bar', { list: [{ foo: 'bar' }] }],
  ] as const)('%s', (input, want) => {
    expect(parseIntoLiteral(input)).toEqual(m(want));
  });

  it.each([
    ['name', 'key "name" has no value'],
    ['a[x]=1', 'error parsing index: strconv.Atoi: parsing "x": invalid syntax'],
  ] as const)('%s fails', (input, message) => {
    expect(() => parseIntoLiteral(input)).toThrow(message);
  });

  it('a dangling dot ends at EOF without a value, like Go (no error, nothing set)', () => {
    expect(parseIntoLiteral('name.')).toEqual(m({}));
    expect(parseSet('name.')).toEqual(m({}));
  });
});
