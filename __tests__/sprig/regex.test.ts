/**
 * Sprig regex functions (sprig v3.2.3 regex.go) with Go regexp semantics. Expected values:
 * Go's regexp examples (golang/go:src/regexp/example_test.go), sprig's regex_test.go, and real
 * Helm v3.11.3 output/errors in ../shared/conformance/generated.
 */
import { describe, expect, it } from '@jest/globals';
import { FuncError } from '../../src/gotemplate/functions.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoInt, typeName } from '../../src/gotemplate/values.js';
import { isNilSlice } from '../../src/gotemplate/values.js';
import { regexFuncs } from '../../src/sprig/regex.js';
import { GoRegexp } from '../../src/sprig/go-regexp.js';
import { seededRandom as prng } from '../../src/util/seeded-random.js';

const F = Object.fromEntries(regexFuncs.map((f) => [f.name, f]));
const call = (name: string, ...args: GoValue[]): GoValue => F[name].impl(...args);
const n = (v: number): GoInt => new GoInt(v, 'int');

describe('regexMatch', () => {
  it.each<[string, string, boolean]>([
    ['[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}', 'test@acme.com', true],
    ['(?i)HELLO', 'hello', true],
    ['\\d+', 'getHTTPResponseCode', false],
    ['(\\w+)-(\\w+)', '1e3', false],
    ['.', 'hello', true],
    ['^$', '', true],
  ])('%j on %j', (re, s, want) => {
    expect(call('regexMatch', re, s)).toBe(want);
    expect(call('mustRegexMatch', re, s)).toBe(want);
  });

  it('returns false for a bad pattern, while mustRegexMatch returns the parse error', () => {
    expect(call('regexMatch', '[', 'x')).toBe(false);
    expect(() => call('mustRegexMatch', '[', 'x')).toThrow(
      new FuncError('error parsing regexp: missing closing ]: `[`'),
    );
  });
});

describe('regexFind / regexFindAll', () => {
  it.each<[string, string, string]>([
    ['[a-zA-Z][1-9]', 'abcd1234', 'd1'],
    ['(?i)HELLO', 'hello', 'hello'],
    ['l+', '  leading', 'l'],
    ['(?i)HELLO', 'no', ''],
  ])('regexFind %j %j = %j', (re, s, want) => {
    expect(call('regexFind', re, s)).toBe(want);
    expect(call('mustRegexFind', re, s)).toBe(want);
  });

  it.each<[string, string, number, string[] | null]>([
    ['[a-zA-Z][1-9]', 'abcd1234', -1, ['d1']],
    [
      '[aeiou]',
      'The quick brown fox jumps over the lazy dog',
      -1,
      ['e', 'u', 'i', 'o', 'o', 'u', 'o', 'e', 'e', 'a', 'o'],
    ],
    ['[aeiou]', 'banana', 2, ['a', 'a']],
    ['a*', 'baaab', -1, ['', 'aaa', '']],
    ['[aeiou]', '<b>&amp;</b>', 0, null],
    ['[0-9]', 'abc', -1, null],
  ])('regexFindAll %j %j %d', (re, s, count, want) => {
    for (const name of ['regexFindAll', 'mustRegexFindAll']) {
      const got = call(name, re, s, n(count)) as GoValue[];
      expect(typeName(got)).toBe('[]string');
      expect(isNilSlice(got)).toBe(want === null);
      expect([...got]).toEqual(want ?? []);
    }
  });

  it('panics like regexp.MustCompile on a bad pattern', () => {
    expect(() => call('regexFind', '(', 'x')).toThrow(
      new FuncError('regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'),
    );
    expect(() => call('regexFindAll', 'a**', 'x', n(-1))).toThrow(
      'regexp: Compile(`a**`): error parsing regexp: invalid nested repetition operator: `**`',
    );
    expect(() => call('regexFind', '\n(', 'x')).toThrow(
      'regexp: Compile("\\n("): error parsing regexp',
    );
    expect(() => call('mustRegexFindAll', '(', 'x', n(-1))).toThrow(
      new FuncError('error parsing regexp: missing closing ): `(`'),
    );
  });
});

describe('regexReplaceAll / regexReplaceAllLiteral', () => {
  it.each<[string, string, string, string]>([
    ['a(x*)b', '-ab-axxb-', 'T', '-T-T-'],
    ['a(x*)b', '-ab-axxb-', '$1', '--xx-'],
    ['a(x*)b', '-ab-axxb-', '$1W', '---'],
    ['a(x*)b', '-ab-axxb-', '${1}W', '-W-xxW-'],
    ['a(x*)b', '-ab-axxb-', '$$1', '-$1-$1-'],
    ['a*', 'baaab', 'X', 'XbXbX'],
    ['(?P<first>\\w+) (?P<last>\\w+)', 'John Smith', '${last}, $first', 'Smith, John'],
    ['a|b', 'Jan 1, 1970 at 12:00am (UTC)', 'X', 'JXn 1, 1970 Xt 12:00Xm (UTC)'],
    ['.', '<b>&amp;</b>', '-', '------------'],
    ['\\s+', 'foo_bar', '', 'foo_bar'],
    ['x*', '😀a', '-', '-😀-a-'],
  ])('regexReplaceAll %j %j %j', (re, s, repl, want) => {
    expect(call('regexReplaceAll', re, s, repl)).toBe(want);
    expect(call('mustRegexReplaceAll', re, s, repl)).toBe(want);
  });

  it.each<[string, string, string, string]>([
    ['a(x*)b', '-ab-axxb-', '$1', '-$1-$1-'],
    ['a(x*)b', '-ab-axxb-', '${1}', '-${1}-${1}-'],
    ['[a-z]+', '', 'x', ''],
    ['a|b', 'a,b,c', 'X', 'X,X,c'],
  ])('regexReplaceAllLiteral %j %j %j', (re, s, repl, want) => {
    expect(call('regexReplaceAllLiteral', re, s, repl)).toBe(want);
    expect(call('mustRegexReplaceAllLiteral', re, s, repl)).toBe(want);
  });

  it('returns the compile error from mustRegexReplaceAll (Helm 3.11.3 message)', () => {
    expect(() => call('mustRegexReplaceAll', '(', 'x', 'y')).toThrow(
      new FuncError('error parsing regexp: missing closing ): `(`'),
    );
    expect(() => call('regexReplaceAll', '(', 'x', 'y')).toThrow('regexp: Compile(`(`)');
  });
});

describe('regexSplit', () => {
  it.each<[string, string, number, string[] | null]>([
    ['a', 'banana', -1, ['b', 'n', 'n', '']],
    ['a', 'banana', 0, null],
    ['a', 'banana', 1, ['banana']],
    ['a', 'banana', 2, ['b', 'nana']],
    ['z+', 'pizza', -1, ['pi', 'a']],
    ['z+', 'pizza', 2, ['pi', 'a']],
    ['a*', 'abaabaccadaaae', 5, ['', 'b', 'b', 'c', 'cadaaae']],
    ['', 'abc', -1, ['a', 'b', 'c']],
    ['x', '', -1, ['']],
    ['\\d+', '""', -1, ['""']],
    ['a|b', '"  leading"', -1, ['"  le', 'ding"']],
  ])('%j on %j n=%d', (re, s, count, want) => {
    const got = call('regexSplit', re, s, n(count)) as GoValue[];
    expect(isNilSlice(got)).toBe(want === null);
    expect([...got]).toEqual(want ?? []);
    expect([...(call('mustRegexSplit', re, s, n(count)) as GoValue[])]).toEqual(want ?? []);
  });
});

describe('regexQuoteMeta', () => {
  it.each<[string, string]>([
    ['1.2.3-beta.1', '1\\.2\\.3-beta\\.1'],
    ['Escaping $5', 'Escaping \\$5'],
    ['\\.+*?()|[]{}^$', '\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$'],
    ['hello world', 'hello world'],
  ])('%j', (s, want) => {
    expect(call('regexQuoteMeta', s)).toBe(want);
  });
});

describe('compiled patterns are kept', () => {
  it('compile returns the kept pattern, which matches as a fresh compile does', () => {
    const expr = '^(v?)([0-9]+)\\.([0-9]+)';
    const first = GoRegexp.compile(expr);
    expect(GoRegexp.compile(expr)).toBe(first);
    const fresh = GoRegexp.compileUncached(expr);
    expect(fresh).not.toBe(first);
    for (const s of ['v1.2', '1.20.3', 'x1.2', '']) {
      expect(first.matchString(s)).toBe(fresh.matchString(s));
    }
  });

  it('a bad pattern fails every time (failures are not kept)', () => {
    for (let k = 0; k < 2; k++) {
      expect(() => call('mustRegexMatch', '(', 'x')).toThrow(FuncError);
      expect(call('regexMatch', '(', 'x')).toBe(false);
    }
  });

  it('repeated calls give the same results', () => {
    for (let k = 0; k < 2; k++) {
      expect(call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '${1}W')).toBe('-W-xxW-');
      expect(call('regexMatch', '^[a-z]+$', 'abc')).toBe(true);
    }
  });
});

describe('literal patterns are matched without re2js (issue 10)', () => {
  const pick = (rand: () => number, xs: readonly string[]): string =>
    xs[Math.floor(rand() * xs.length)]!;
  const PIECES = ['@sha', '@', 's', 'ha', 'a', '-', ' ', '\n', '\r', 'é', '😀', ':', 'x', ''];

  it('give re2js’s results for seeded patterns, inputs and replacements', () => {
    const rand = prng(7);
    let literal = 0;
    for (let i = 0; i < 3000; i++) {
      let lit = '';
      const n = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) lit += pick(rand, ['@sha', 'a', 's', '-', ':', 'x', ' ']);
      const expr = rand() < 0.5 ? `${lit}.*` : lit;
      let s = '';
      for (let k = Math.floor(rand() * 12); k > 0; k--) s += pick(rand, PIECES);
      const repl = pick(rand, ['', 'R', '$1', '${0}', '$$']);
      const fast = GoRegexp.compileUncached(expr);
      const general = GoRegexp.compileGeneral(expr);
      const case_ = { expr, s, repl };
      expect({ ...case_, out: fast.replaceAllLiteralString(s, repl) }).toEqual({
        ...case_,
        out: general.replaceAllLiteralString(s, repl),
      });
      expect({ ...case_, out: fast.replaceAllString(s, repl) }).toEqual({
        ...case_,
        out: general.replaceAllString(s, repl),
      });
      expect({ ...case_, out: fast.matchString(s) }).toEqual({
        ...case_,
        out: general.matchString(s),
      });
      expect({ ...case_, out: fast.findAllString(s, -1) }).toEqual({
        ...case_,
        out: general.findAllString(s, -1),
      });
      literal++;
    }
    expect(literal).toBe(3000);
  });

  it('as Grafana’s labels use it: the image digest goes, a plain tag stays', () => {
    expect(call('mustRegexReplaceAllLiteral', '@sha.*', '11.2.0@sha256:abc', '')).toBe('11.2.0');
    expect(call('mustRegexReplaceAllLiteral', '@sha.*', '11.2.0', '')).toBe('11.2.0');
    expect(call('mustRegexReplaceAllLiteral', '@sha.*', '', '')).toBe('');
    expect(call('regexReplaceAll', 'a.*', 'xa1\nya2', 'Z')).toBe('xZ\nyZ');
  });
});
