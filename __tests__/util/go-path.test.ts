// Go's path package: expectations from golang/go:src/path/path_test.go (cleantests, basetests,
// dirtests, exttests, TestIsAbs).
import { describe, expect, it } from '@jest/globals';
import { pathBase, pathClean, pathDir, pathExt, pathIsAbs } from '../../src/util/go-path.js';

describe('pathClean (path.Clean)', () => {
  it.each([
    ['a/../b', 'b'],
    ['./a//b/', 'a/b'],
    ['../x', '../x'],
    ['/../x', '/x'],
    ['', '.'],
    ['/', '/'],
    ['abc/./../def', 'def'],
    ['abc/../../..', '../..'],
    ['/abc/../../..', '/'],
  ] as const)('%j → %j', (p, want) => {
    expect(pathClean(p)).toBe(want);
  });
});

describe('pathBase, pathDir, pathExt, pathIsAbs', () => {
  it.each([
    ['', '.', '.', '', false],
    ['/', '/', '/', '', true],
    ['a/b/', 'b', 'a/b', '', false],
    ['/a/b.tar.gz', 'b.tar.gz', '/a', '.gz', true],
    ['a.b/c', 'c', 'a.b', '', false],
    ['x//', 'x', 'x', '', false],
  ] as const)('%j', (p, base, dir, ext, abs) => {
    expect(pathBase(p)).toBe(base);
    expect(pathDir(p)).toBe(dir);
    expect(pathExt(p)).toBe(ext);
    expect(pathIsAbs(p)).toBe(abs);
  });
});
