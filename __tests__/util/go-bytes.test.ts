// Go strings as bytes (src/util/go-bytes.ts): raw non-UTF-8 bytes are held as U+DC80..U+DCFF
// and written back as the bytes themselves, as Go's os.Stdout writes a string's bytes.
import { describe, expect, it } from '@jest/globals';
import {
  escapedByteAt,
  goStringBytes,
  goStringFromBytes,
  goStringOutput,
  hasEscapedBytes,
} from '../../src/util/go-bytes.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('goStringBytes', () => {
  it.each<[string, string, string]>([
    ['ASCII', 'abc', '616263'],
    ['UTF-8 runes', 'é日😀', 'c3a9e697a5f09f9880'],
    ['one escaped byte', '\udcff', 'ff'],
    ['a rune cut in two (sprig trunc of 日)', '\udce6\udc97', 'e697'],
    ['escapes between runes', 'a\udcc3b\udca9é', '61c362a9c3a9'],
    // U+10080 is D800 DC80: the low half of a pair is no escape.
    ['an astral rune whose low half is in range', '\u{10080}', 'f0908280'],
    ['a lone surrogate that is no escape', '\ud800x', 'efbfbd78'],
    ['a low surrogate below the escape range', '\udc7f', 'efbfbd'],
  ])('%s', (_name, s, want) => {
    expect(hex(goStringBytes(s))).toBe(want);
  });
});

describe('escapedByteAt and hasEscapedBytes', () => {
  it.each<[string, boolean]>([
    ['plain', false],
    ['é', false],
    ['\u{10080}', false],
    ['x\udc80', true],
    ['\udcff', true],
  ])('%j', (s, want) => {
    expect(hasEscapedBytes(s)).toBe(want);
  });

  it('looks at the unit before the index', () => {
    expect(escapedByteAt('\u{10080}', 1)).toBe(false);
    expect(escapedByteAt('a\udc80', 1)).toBe(true);
    expect(escapedByteAt('a\udc80', 0)).toBe(false);
  });
});

describe('goStringOutput', () => {
  it('leaves strings without escaped bytes to the stream', () => {
    expect(goStringOutput('k: "日本"\n')).toBe('k: "日本"\n');
  });

  it('turns strings with escaped bytes into their bytes', () => {
    const out = goStringOutput('k: 日\udce6\udc9c...\n');
    expect(out).toBeInstanceOf(Uint8Array);
    expect(hex(out as Uint8Array)).toBe(Buffer.from('k: 日').toString('hex') + 'e69c2e2e2e0a');
  });
});

describe("goStringFromBytes (Go's string(bytes))", () => {
  it.each([
    ['ascii', [0x61, 0x62], 'ab'],
    ['valid multi-byte', [0xe6, 0x97, 0xa5], '日'],
    ['a cut character keeps its bytes', [0xe6, 0x97], '\udce6\udc97'],
    ['an invalid byte between text', [0x61, 0xff, 0x62], 'a\udcffb'],
    ['overlong encoding is invalid', [0xc0, 0xaf], '\udcc0\udcaf'],
    ['a surrogate encoded in UTF-8 is invalid', [0xed, 0xa0, 0x80], '\udced\udca0\udc80'],
    ['a byte-order mark is kept', [0xef, 0xbb, 0xbf, 0x61], '\ufeffa'],
  ])('%s', (_name, bytes, expected) => {
    const s = goStringFromBytes(Uint8Array.from(bytes));
    expect(s).toBe(expected);
    expect([...goStringBytes(s)]).toEqual(bytes);
  });
});
