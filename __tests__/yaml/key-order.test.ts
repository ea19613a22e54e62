// go-yaml's key order (src/yaml/key-order.ts): the ASCII fast path of keyLess (issue 10) gives
// the general comparison's answer for every pair of seeded keys, and the order it gives is
// go-yaml's natural order.
import { describe, expect, it } from '@jest/globals';
import { keyLess, keyLessGeneral, sortKeys } from '../../src/yaml/key-order.js';
import { seededRandom as prng } from '../../src/util/seeded-random.js';

// Letters, digits (zeros most), separators and a few non-ASCII runes for the general path.
const ALPHABET = ['a', 'b', 'Z', '0', '0', '1', '9', '-', '_', '.', '/', ' ', 'é', '٣'];

function key(rand: () => number): string {
  let s = '';
  const n = Math.floor(rand() * 7);
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

describe('yaml key order: keyLess', () => {
  it('the ASCII fast path answers as the general comparison on seeded keys', () => {
    const rand = prng(10);
    let compared = 0;
    for (let i = 0; i < 20000; i++) {
      const a = key(rand);
      const b =
        rand() < 0.3 ? a.slice(0, Math.floor(rand() * (a.length + 1))) + key(rand) : key(rand);
      for (const v3 of [false, true]) {
        expect([a, b, v3, keyLess(a, b, v3)]).toEqual([a, b, v3, keyLessGeneral(a, b, v3)]);
        compared++;
      }
    }
    expect(compared).toBe(40000);
  });

  // Helm 3.15.4's `toYaml` of these keys prints them in this order.
  it('sorts digit runs numerically and letters first (go-yaml sorter.go, as Helm prints)', () => {
    expect(sortKeys(['a10', 'a9', 'a-1', 'b', 'A', 'a01', 'a1'], { v3: false })).toEqual([
      'A',
      'a-1',
      'a1',
      'a01',
      'a9',
      'a10',
      'b',
    ]);
  });
});
