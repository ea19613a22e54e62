/**
 * Sprig `semver` / `semverCompare` (sprig v3.2.3 semver.go). Expected values from real Helm
 * v3.11.3 output in ../shared/conformance/generated.
 */
import { describe, expect, it } from '@jest/globals';
import { FuncError } from '../../src/gotemplate/functions.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoInt } from '../../src/gotemplate/values.js';
import type { SemverVersion } from '../../src/sprig/semver.js';
import { semverCompare, semverFuncs } from '../../src/sprig/semver.js';

const F = Object.fromEntries(semverFuncs.map((f) => [f.name, f]));
const semver = (v: string): SemverVersion => F.semver.impl(v) as SemverVersion;
const method = (v: SemverVersion, name: string, ...args: GoValue[]): GoValue => {
  const m = v.goType.methods?.[name];
  if (!m) throw new Error(`no method ${name}`);
  return m.impl(...args);
};

describe('semver', () => {
  it('is a *semver.Version returning (value, error)', () => {
    expect(F.semver.signature).toEqual({ params: ['string'], returnsError: true });
    const v = semver('1.2.3');
    expect(v.goType.name).toBe('*semver.Version');
    expect(v.goType.kind).toBe('ptr');
  });

  it.each<[string, number, number, number, string, string, string]>([
    ['1.2.3', 1, 2, 3, '', '', '1.2.3'],
    ['1.2.3-alpha.10', 1, 2, 3, 'alpha.10', '', '1.2.3-alpha.10'],
    ['10.0.0-rc.1+meta', 10, 0, 0, 'rc.1', 'meta', '10.0.0-rc.1+meta'],
    ['2.0.0+build.5', 2, 0, 0, '', 'build.5', '2.0.0+build.5'],
    ['v1.26.0', 1, 26, 0, '', '', '1.26.0'],
    ['1.20', 1, 20, 0, '', '', '1.20.0'],
    ['3', 3, 0, 0, '', '', '3.0.0'],
  ])('%s', (text, major, minor, patch, pre, meta, str) => {
    const v = semver(text);
    expect(method(v, 'Major')).toEqual(new GoInt(major, 'uint64'));
    expect(method(v, 'Minor')).toEqual(new GoInt(minor, 'uint64'));
    expect(method(v, 'Patch')).toEqual(new GoInt(patch, 'uint64'));
    expect(method(v, 'Prerelease')).toBe(pre);
    expect(method(v, 'Metadata')).toBe(meta);
    expect(method(v, 'Original')).toBe(text);
    expect(method(v, 'String')).toBe(str);
    expect(v.goString()).toBe(str);
    expect(v.marshalJSON()).toBe(JSON.stringify(str));
  });

  it('compares versions through methods', () => {
    expect(method(semver('1.2.3'), 'LessThan', semver('1.10.0'))).toBe(true);
    expect(method(semver('1.2.3'), 'Compare', semver('1.2.3+x'))).toEqual(new GoInt(0, 'int'));
  });

  it('fails with the semver package error text', () => {
    expect(() => F.semver.impl('not-a-version')).toThrow(new FuncError('Invalid Semantic Version'));
  });
});

describe('semverCompare (Helm 3.11.3 goldens)', () => {
  it.each<[string, string, boolean]>([
    ['!=1.2.3', '1.2.3-alpha.10', true],
    ['!=1.2.3', '1.2.3', false],
    ['*', '1.2.3-beta.1', false],
    ['*', '3', true],
    ['1.2 - 1.5', '2.0.0+build.5', false],
    ['1.x', '1.2.3-alpha.10', false],
    ['1.x', '1.20', true],
    ['1.x', '2.0.0+build.5', false],
    ['=1.2.3', '1.2.3-beta.1', false],
    ['>=1.20.0-0', '1.2.3-beta.1', false],
    ['>=1.21-0', '1.20', false],
    ['>=1.21-0', 'v1.26.0', true],
    ['>=2.0.0 || <1.0.0', '0.1.0', true],
    ['>=2.0.0 || <1.0.0', '1.2.3-beta.1', false],
    ['~1.2', '1.20', false],
    ['^0.1', '1.2.3-alpha.10', false],
    ['^1.2.0', '1.2.3-beta.1', false],
    ['<=0.1.0', '1.2.3', false],
    ['>1.0 <2.0', '1.2.3-alpha.10', false],
    ['>1.0 <2.0', '2.0.0+build.5', false],
  ])('semverCompare %j %j = %s', (c, v, want) => {
    expect(F.semverCompare.impl(c, v)).toBe(want);
  });

  it('returns constraint and version errors', () => {
    expect(() => F.semverCompare.impl('>= bar', '1.0.0')).toThrow(
      new FuncError('improper constraint: >= bar'),
    );
    expect(() => F.semverCompare.impl('>=1.0', 'bad')).toThrow(
      new FuncError('Invalid Semantic Version'),
    );
  });
});

describe('semverCompare: remembered results are the computed ones', () => {
  const outcome = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      return e instanceof FuncError ? `error: ${e.message}` : e;
    }
  };

  it('on first and repeated calls, errors included', () => {
    const pairs: Array<[string, string]> = [
      ['>=1.19-0', 'v1.20.0'],
      ['>=1.19-0', 'v1.18.0'],
      ['<1.25.0-0', '1.24.3-gke.1'],
      ['^1.2', '1.3.0'],
      ['not a constraint', '1.0.0'],
      ['>=1.0', 'not a version'],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [c, v] of pairs) {
        expect([c, v, outcome(() => F.semverCompare.impl(c, v))]).toEqual([
          c,
          v,
          outcome(() => semverCompare(c, v)),
        ]);
      }
    }
    expect(F.semverCompare.impl('>=1.19-0', 'v1.20.0')).toBe(true);
    expect(F.semverCompare.impl('>=1.19-0', 'v1.18.0')).toBe(false);
  });
});
