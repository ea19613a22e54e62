/**
 * Masterminds/semver v3.2 Version parsing and ordering. Cases from Masterminds/semver
 * version_test.go (TestStrictNewVersion, TestNewVersion, TestCoerceString, TestCompare,
 * TestGreaterThan).
 */
import { describe, expect, it } from '@jest/globals';
import { SemverError, newVersion, strictNewVersion } from '../../src/semver/index.js';

const accepts = (parse: (v: string) => unknown, v: string): boolean => {
  try {
    parse(v);
    return true;
  } catch (e) {
    if (!(e instanceof SemverError)) throw e;
    return false;
  }
};

describe('StrictNewVersion and NewVersion', () => {
  // [version, strict accepts, NewVersion accepts]
  it.each<[string, boolean, boolean]>([
    ['1.2.3', true, true],
    ['1.2.3-alpha.01', false, false],
    ['1.2.3+test.01', true, true],
    ['1.2.3-alpha.-1', true, true],
    ['v1.2.3', false, true],
    ['1.0', false, true],
    ['v1.0', false, true],
    ['1', false, true],
    ['v1', false, true],
    ['1.2.beta', false, false],
    ['v1.2.beta', false, false],
    ['foo', false, false],
    ['1.2-5', false, true],
    ['v1.2-5', false, true],
    ['1.2-beta.5', false, true],
    ['\n1.2', false, false],
    ['1.2.0-x.Y.0+metadata', true, true],
    ['v1.2.0-x.Y.0+metadata', false, true],
    ['1.2.0-x.Y.0+metadata-width-hypen', true, true],
    ['1.2.3-rc1-with-hypen', true, true],
    ['1.2.3.4', false, false],
    ['1.2.2147483648', true, true],
    ['2147483648.3.0', true, true],
    ['12.3.4.1234', false, false],
    ['20221209-update-renovatejson-v4', false, true],
    ['01.2.3', false, true],
    ['', false, false],
  ])('%j: strict %s, coercing %s', (v, strict, coerce) => {
    expect(accepts(strictNewVersion, v)).toBe(strict);
    expect(accepts(newVersion, v)).toBe(coerce);
  });

  it("reports Go's error texts", () => {
    expect(() => newVersion('not-a-version')).toThrow('Invalid Semantic Version');
    expect(() => newVersion('1.2.3-alpha.01')).toThrow('Version segment starts with 0');
    expect(() => strictNewVersion('')).toThrow('Version string empty');
    expect(() => strictNewVersion('1.2.x')).toThrow('Invalid characters in version');
    expect(() => strictNewVersion('1.02.3')).toThrow('Version segment starts with 0');
  });

  it.each<[string, string]>([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['1.0', '1.0.0'],
    ['v1', '1.0.0'],
    ['1.2-5', '1.2.0-5'],
    ['v1.2-beta.5', '1.2.0-beta.5'],
    ['v1.2.0-x.Y.0+metadata', '1.2.0-x.Y.0+metadata'],
    ['01.002.3', '1.2.3'],
  ])('coerces %j to %j and keeps the original', (v, s) => {
    const version = newVersion(v);
    expect(version.toString()).toBe(s);
    expect(version.original).toBe(v);
  });

  it('exposes the parts (TestParts)', () => {
    const v = newVersion('1.2.3-beta.1+build.123');
    expect([v.major, v.minor, v.patch, v.pre, v.metadata]).toEqual([
      1n,
      2n,
      3n,
      'beta.1',
      'build.123',
    ]);
  });
});

describe('Version.Compare', () => {
  it.each<[string, string, number]>([
    ['1.2.3', '1.5.1', -1],
    ['2.2.3', '1.5.1', 1],
    ['2.2.3', '2.2.2', 1],
    ['3.2-beta', '3.2-beta', 0],
    ['1.3', '1.1.4', 1],
    ['4.2', '4.2-beta', 1],
    ['4.2-beta', '4.2', -1],
    ['4.2-alpha', '4.2-beta', -1],
    ['4.2-alpha', '4.2-alpha', 0],
    ['4.2-beta.2', '4.2-beta.1', 1],
    ['4.2-beta2', '4.2-beta1', 1],
    ['4.2-beta', '4.2-beta.2', -1],
    ['4.2-beta', '4.2-beta.foo', -1],
    ['4.2-beta.2', '4.2-beta', 1],
    ['4.2-beta.foo', '4.2-beta', 1],
    ['1.2+bar', '1.2+baz', 0],
    ['1.0.0-beta.4', '1.0.0-beta.-2', -1],
    ['1.0.0-beta.-2', '1.0.0-beta.-3', -1],
    ['1.0.0-beta.-3', '1.0.0-beta.5', 1],
    ['3.2.0-beta.1', '3.2.0-beta.5', -1],
    ['7.43.0-SNAPSHOT.99', '7.43.0-SNAPSHOT.103', -1],
    ['7.43.0-SNAPSHOT.FOO', '7.43.0-SNAPSHOT.103', 1],
  ])('%s vs %s = %d', (a, b, want) => {
    expect(newVersion(a).compare(newVersion(b))).toBe(want);
  });
});
