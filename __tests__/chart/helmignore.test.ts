// .helmignore: helm pkg/ignore/rules.go and rules_test.go (v3.21), plus Go's path.Match.
import { describe, expect, it } from '@jest/globals';
import { parseHelmIgnore, IgnoreRules, HelmIgnoreError } from '../../src/chart/helmignore.js';
import { pathMatch, BadPatternError } from '../../src/chart/path-match.js';

describe('rules_test.go TestIgnore', () => {
  // [pattern, path, isDir, ignored]
  it.each([
    // Test basic path matches
    ['helm.txt', 'helm.txt', false, true],
    ['helm.*', 'helm.txt', false, true],
    ['helm.*', 'rudder.txt', false, false],
    ['*.txt', 'tiller.txt', false, true],
    ['*.txt', 'cargo/a.txt', false, true],
    ['cargo/*.txt', 'cargo/a.txt', false, true],
    ['cargo/*.*', 'cargo/a.txt', false, true],
    ['cargo/*.txt', 'mast/a.txt', false, false],
    ['ru[c-e]?er.txt', 'rudder.txt', false, true],
    ['templates/.?*', 'templates/.dotfile', false, true],
    // "." should never get ignored. https://github.com/helm/helm/issues/1776
    ['.*', '.', true, false],
    ['.*', './', true, false],
    ['.*', '.joonix', false, true],
    ['.*', 'helm.txt', false, false],
    ['.*', '', false, false],
    // Directory tests
    ['cargo/', 'cargo', true, true],
    ['cargo/', 'cargo/', true, true],
    ['cargo/', 'mast/', true, false],
    ['helm.txt/', 'helm.txt', false, false],
    // Negation tests
    ['!helm.txt', 'helm.txt', false, false],
    ['!helm.txt', 'tiller.txt', false, true],
    ['!*.txt', 'cargo', true, true],
    ['!cargo/', 'mast/', true, true],
    // Absolute path tests
    ['/a.txt', 'a.txt', false, true],
    ['/a.txt', 'cargo/a.txt', false, false],
    ['/cargo/a.txt', 'cargo/a.txt', false, true],
  ] as const)('%s on %s (dir=%s) → %s', (pattern, p, isDir, ignored) => {
    expect(parseHelmIgnore(pattern).ignore(p, isDir)).toBe(ignored);
  });

  it('skips comments and blank lines; first deciding rule wins', () => {
    const r = parseHelmIgnore('# comment\n\n*.bak\r\n!keep.txt\n');
    expect(r.ignore('x.bak', false)).toBe(true);
    expect(r.ignore('keep.txt', false)).toBe(false);
    // A negated rule ignores everything it does not match (rules.go quirk).
    expect(r.ignore('other.yaml', false)).toBe(true);
  });

  it('rejects ** and malformed patterns', () => {
    expect(() => parseHelmIgnore('a/**/b')).toThrow(
      new HelmIgnoreError('double-star (**) syntax is not supported'),
    );
    expect(() => parseHelmIgnore('[a-')).toThrow('syntax error in pattern');
  });

  it('defaults ignore dotfiles under templates/', () => {
    const r = new IgnoreRules().addDefaults();
    expect(r.ignore('templates/.swp', false)).toBe(true);
    expect(r.ignore('templates/a.yaml', false)).toBe(false);
    expect(r.ignore('.helmignore', false)).toBe(false);
  });
});

describe('path.Match (go/src/path/match_test.go)', () => {
  it.each([
    ['abc', 'abc', true],
    ['*', 'abc', true],
    ['*c', 'abc', true],
    ['a*', 'a', true],
    ['a*', 'abc', true],
    ['a*', 'ab/c', false],
    ['a*/b', 'abc/b', true],
    ['a*/b', 'a/c/b', false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false],
    ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true],
    ['ab[e-g]', 'abc', false],
    ['ab[^c]', 'abc', false],
    ['ab[^b-d]', 'abc', false],
    ['ab[^e-g]', 'abc', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['a?b', 'a☺b', true],
    ['a[^a]b', 'a☺b', true],
    ['a???b', 'a☺b', false],
    ['*x', 'xxx', true],
  ] as const)('%s ~ %s', (pattern, name, want) => {
    expect(pathMatch(pattern, name)).toBe(want);
  });

  it.each(['[', '[^', '[^bc', 'a[', 'a\\', '[a-', '[x-]', '[-x]', 'ab[\\'])(
    'bad pattern %s',
    (pattern) => {
      expect(() => pathMatch(pattern, 'x')).toThrow(BadPatternError);
    },
  );
});
