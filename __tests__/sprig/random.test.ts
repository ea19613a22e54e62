/**
 * Sprig random functions: alphabets from Masterminds/goutils cryptorandomstringutils.go
 * (CryptoRandomAlphaNumeric/Alphabetic/Numeric draw letters and digits from ' '..'z';
 * CryptoRandomAscii draws 32..126), lengths as Helm 3.11.3 renders them
 * (../shared/conformance/generated: `len (randAlpha 5)`, `len uuidv4` = 36, `randBytes 17 | len` = 24).
 */
import { describe, expect, it } from '@jest/globals';
import { FuncError } from '../../src/gotemplate/functions.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoInt } from '../../src/gotemplate/values.js';
import { ALPHABETS, randomFuncs } from '../../src/sprig/random.js';

const F = Object.fromEntries(randomFuncs.map((f) => [f.name, f]));
const call = (name: string, ...args: GoValue[]): GoValue => F[name].impl(...args);
const n = (v: number): GoInt => new GoInt(v, 'int');

describe('random strings', () => {
  it.each<[keyof typeof ALPHABETS, RegExp]>([
    ['randAlphaNum', /^[A-Za-z0-9]*$/],
    ['randAlpha', /^[A-Za-z]*$/],
    ['randNumeric', /^[0-9]*$/],
    ['randAscii', /^[ -~]*$/],
  ])('%s draws from its goutils alphabet', (name, re) => {
    expect(ALPHABETS[name]).toMatch(re);
    const s = call(name, n(2000)) as string;
    expect(s).toHaveLength(2000);
    expect(s).toMatch(re);
    // With 2000 draws every character of these small alphabets shows up.
    expect(new Set(s).size).toBe(ALPHABETS[name].length);
    expect(call(name, n(0))).toBe('');
    expect(call(name, n(-3))).toBe('');
  });

  it('has the exact alphabet sizes (62, 52, 10, 95)', () => {
    expect([...Object.values(ALPHABETS)].map((a) => a.length)).toEqual([62, 52, 10, 95]);
    expect(ALPHABETS.randAscii[0]).toBe(' ');
    expect(ALPHABETS.randAscii.at(-1)).toBe('~');
  });
});

describe('randInt', () => {
  it('returns an int in [min, max)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const v = call('randInt', n(1), n(10)) as GoInt;
      expect(v.type).toBe('int');
      seen.add(v.toNumber());
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((call('randInt', n(-5), n(-4)) as GoInt).toNumber()).toBe(-5);
  });

  it('panics like rand.Intn for an empty range', () => {
    expect(() => call('randInt', n(3), n(3))).toThrow(new FuncError('invalid argument to Intn'));
  });
});

describe('randBytes / uuidv4 / shuffle', () => {
  it('encodes count random bytes in standard base64', () => {
    const s = call('randBytes', n(17)) as string;
    expect(s).toHaveLength(24);
    expect(Buffer.from(s, 'base64')).toHaveLength(17);
    expect(call('randBytes', n(0))).toBe('');
    expect(F.randBytes.signature.returnsError).toBe(true);
  });

  it('makes version 4 UUIDs', () => {
    const u = call('uuidv4') as string;
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call('uuidv4')).not.toBe(u);
  });

  it('shuffles runes, keeping the multiset', () => {
    expect([...(call('shuffle', 'hello') as string)].sort().join('')).toBe('ehllo');
    expect([...(call('shuffle', 'é🎉ab') as string)].sort()).toEqual([...'é🎉ab'].sort());
    expect(call('shuffle', '')).toBe('');
  });
});
