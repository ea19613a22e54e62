// Cases re-expressed from helm/helm pkg/releaseutil/manifest_test.go (MP-2).
import { describe, expect, it } from '@jest/globals';
import { splitManifests, splitOnSeparators } from '../../src/manifest/split.js';

describe('splitManifests (MP-2)', () => {
  it.each([
    ['single document', 'a: 1', ['a: 1']],
    ['two documents', 'a: 1\n---\nb: 2', ['a: 1', 'b: 2']],
    ['leading separator', '---\na: 1\n---\nb: 2\n', ['a: 1', 'b: 2']],
    ['empty leading and trailing pieces dropped', '\n---\na: 1\n---\n', ['a: 1']],
    // Go's regexp resumes after the whitespace a separator consumed, so of two adjacent
    // separators only the first splits.
    ['adjacent separators', '---\n---\na: 1', ['---\na: 1']],
    ['whitespace around separators', 'a: 1\n  \n---   \nb: 2', ['a: 1', 'b: 2']],
    ['text after --- stays in the next document', 'a: 1\n---foo: 1', ['a: 1', 'foo: 1']],
    ['--- inside a line does not split', 'a: "x---y"', ['a: "x---y"']],
    ['documents are trimmed', '\n\n  a: 1  \n\n', ['a: 1']],
    ['comment-only document kept', '# just a comment\n---\na: 1', ['# just a comment', 'a: 1']],
    ['CRLF line ends split too', 'a: 1\r\n---\r\nb: 2', ['a: 1', 'b: 2']],
  ])('%s', (_name, input, expected) => {
    expect(splitManifests(input)).toEqual(expected);
  });

  it('returns nothing for whitespace', () => {
    expect(splitManifests(' \n\t\n')).toEqual([]);
  });
});

describe("splitOnSeparators matches Go regexp.Split with Helm's separator", () => {
  // The regex, evaluated by a regex engine: JS and RE2 agree on this pattern (no lookaround,
  // leftmost-first), so it serves as the reference for the linear-time scanner.
  const reference = (s: string) => s.split(/(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/);
  const alphabet = ['-', '-', '-', '\n', ' ', '\t', 'a', 'b', ':', '\r'];
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  it('on 5,000 random strings', () => {
    for (let i = 0; i < 5000; i++) {
      const s = Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
      expect([s, splitOnSeparators(s)]).toEqual([s, reference(s)]);
    }
  });
});
