// Go's unicode/utf8 over JS strings (src/gotemplate/go-utf8.ts): a byte that is not valid
// UTF-8 is held as U+DC80+byte, so Go's []byte(s), string(b) and len(s) round-trip it.
// Expectations from golang/go:src/unicode/utf8/utf8_test.go (DecodeRune of invalid input gives
// (RuneError, 1)) and the generated corpus (fz35, fz96: `%q` of cut runes prints `\xNN`).
import { describe, expect, it } from '@jest/globals';
import {
  bytesToString,
  normalizeEscapes,
  runeCount,
  runesOf,
  utf8Bytes,
  utf8Len,
} from '../../src/gotemplate/go-utf8.js';

const b = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

describe('bytesToString (string(b))', () => {
  it.each<[string, Uint8Array, string]>([
    ['ASCII', b(0x61, 0x62), 'ab'],
    ['valid runes', b(0xc3, 0xa9, 0xe6, 0x97, 0xa5), 'é日'],
    ['a lone continuation byte', b(0x61, 0xa9), 'a\udca9'],
    ['a truncated rune', b(0xe6, 0x97), '\udce6\udc97'],
    ['an overlong encoding', b(0xc0, 0xaf), '\udcc0\udcaf'],
    ['an encoded surrogate', b(0xed, 0xa0, 0x80), '\udced\udca0\udc80'],
    ['0xff', b(0xff), '\udcff'],
  ])('%s', (_name, bytes, want) => {
    expect(bytesToString(bytes)).toBe(want);
    expect(utf8Bytes(want)).toEqual(bytes);
  });
});

describe('utf8Len (len(s))', () => {
  it.each<[string, number]>([
    ['', 0],
    ['héllo', 6],
    ['日\udce6\udc9c...', 8],
    ['\u{10080}', 4],
    ['\ud800', 3],
  ])('%j has %p bytes', (s, want) => {
    expect(utf8Len(s)).toBe(want);
    expect(utf8Bytes(s).length).toBe(want);
  });
});

describe('runes of escaped bytes', () => {
  it('counts each escaped byte as one rune and reads it as U+FFFD', () => {
    expect(runeCount('a\udce6\udc97')).toBe(3);
    expect(runesOf('a\udce6')).toEqual([0x61, 0xfffd]);
  });
});

describe('normalizeEscapes', () => {
  it.each<[string, string]>([
    ['\udcc3\udca9', 'é'],
    ['x\udce6\udc97\udca5y', 'x日y'],
    ['\udce6\udc97', '\udce6\udc97'],
    ['plain', 'plain'],
  ])('%j → %j', (s, want) => {
    expect(normalizeEscapes(s)).toBe(want);
  });
});
