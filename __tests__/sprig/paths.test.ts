/**
 * Paths. Expectations re-express Masterminds/sprig functions_test.go (TestBase, TestDir, TestIsAbs,
 * TestClean, TestExt) and functions_linux_test.go (osBase … behave like path on Linux), plus
 * golang/go src/path/path_test.go cleantests.
 */
import { describe, expect, it } from '@jest/globals';
import { pathFuncs } from '../../src/sprig/paths.js';
import { caller } from './call.js';

const call = caller(pathFuncs);

describe.each([
  ['base', 'osBase'],
  ['dir', 'osDir'],
  ['clean', 'osClean'],
  ['ext', 'osExt'],
  ['isAbs', 'osIsAbs'],
])('%s and %s', (name, osName) => {
  const cases: Record<string, [string, string | boolean][]> = {
    base: [
      ['foo/bar', 'bar'],
      ['/foo/bar/', 'bar'],
      ['', '.'],
      ['///', '/'],
      ['x', 'x'],
    ],
    dir: [
      ['foo/bar/baz', 'foo/bar'],
      ['/foo', '/'],
      ['foo', '.'],
      ['', '.'],
      ['a//b/../c/', 'a/c'],
    ],
    clean: [
      ['foo/../bar', 'bar'],
      ['', '.'],
      ['/../a', '/a'],
      ['../../a/b/..', '../../a'],
      ['a/./b//c/', 'a/b/c'],
      ['/', '/'],
      ['abc/../..', '..'],
    ],
    ext: [
      ['foo.bar', '.bar'],
      ['a/b.tar.gz', '.gz'],
      ['a.b/c', ''],
      ['noext', ''],
      ['dot.', '.'],
    ],
    isAbs: [
      ['/foo', true],
      ['foo', false],
      ['', false],
    ],
  };
  it.each(cases[name] as [string, string | boolean][])('%j → %j', (input, want) => {
    expect(call(name, input)).toBe(want);
    expect(call(osName, input)).toBe(want);
  });
});
