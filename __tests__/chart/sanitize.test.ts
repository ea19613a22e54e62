/**
 * metadata.go sanitizeString (Chart.yaml's string fields): whitespace becomes a space,
 * non-printable runes are dropped. Strings of printable ASCII and spaces take a fast path that
 * returns them as they are (issue 10); it must agree with the rune-by-rune general path.
 */
import { describe, expect, it } from '@jest/globals';
import { sanitizeString, sanitizeStringGeneral } from '../../src/chart/metadata.js';

describe('sanitizeString', () => {
  it('gives the general path’s result for every ASCII character, alone and in a word', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      expect([c, sanitizeString(ch)]).toEqual([c, sanitizeStringGeneral(ch)]);
      expect([c, sanitizeString(`a${ch}b`)]).toEqual([c, sanitizeStringGeneral(`a${ch}b`)]);
    }
  });

  it('keeps printable ASCII as it is, maps whitespace to spaces and drops control characters', () => {
    expect(sanitizeString('my-chart 1.2.3 ~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./')).toBe(
      'my-chart 1.2.3 ~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./',
    );
    expect(sanitizeString('line one\nline\ttwo\r\n')).toBe('line one line two  ');
    expect(sanitizeString('bell\u0007 and del\u007f')).toBe('bell and del');
  });

  it('takes the general path for other strings: Unicode letters kept, format characters dropped', () => {
    expect(sanitizeString('naïve café ☃')).toBe('naïve café ☃');
    expect(sanitizeString('zero\u200bwidth\u00a0space')).toBe('zerowidth space');
    expect(sanitizeString('zero\u200bwidth')).toBe(sanitizeStringGeneral('zero\u200bwidth'));
  });
});
