// gobwas/glob with '/' as separator, as helm/helm pkg/engine/files.go compiles `.Files.Glob`.
import { describe, expect, it } from '@jest/globals';
import { compileGlob } from '../../src/engine/glob.js';

describe('compileGlob', () => {
  it.each([
    ['story/**', 'story/author.txt', true],
    ['story/**', 'story/a/b.txt', true],
    ['story/*', 'story/a/b.txt', false],
    ['story/*', 'story/author.txt', true],
    ['**/captain.txt', 'ship/captain.txt', true],
    ['**.txt', 'a/b/c.txt', true],
    ['*.txt', 'a/c.txt', false],
    ['ship/?aptain.txt', 'ship/captain.txt', true],
    ['ship/[a-c]aptain.txt', 'ship/captain.txt', true],
    ['ship/[!c]aptain.txt', 'ship/captain.txt', false],
    ['{ship,story}/*', 'story/name.txt', true],
    ['{ship,story}/*', 'empty/x', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['config.yaml', 'config.yaml', true],
    ['config.yaml', 'configXyaml', false],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(compileGlob(pattern)!.test(name)).toBe(expected);
  });

  it.each([['{a,b'], ['[abc'], ['x\\']])('%s is invalid', (pattern) => {
    expect(compileGlob(pattern)).toBeNull();
  });
});
