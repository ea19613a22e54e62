// fmt.Sscan of a complex128 as text/template uses it for constants like `1+2i`: expectations
// are Go's results (golang/go:src/fmt/scan.go `complexTokens`, `convertFloat`).
import { describe, expect, it } from '@jest/globals';
import { scanComplex } from '../../src/gotemplate/parse-complex.js';

describe('scanComplex (fmt.Sscan into a complex128)', () => {
  it.each<[string, { re: number; im: number } | { error: string }]>([
    ['1+2i', { re: 1, im: 2 }],
    ['-1.5-0.5i', { re: -1.5, im: -0.5 }],
    ['1e2+3e-1i', { re: 100, im: 0.3 }],
    ['1.2p1+1i', { re: 2.4, im: 1 }],
    ['0x1P4+1i', { re: 16, im: 1 }],
    ['0x1p4+1i', { error: 'strconv.ParseFloat: parsing "0x1p4": invalid syntax' }],
    ['1p1_0+1i', { error: 'strconv.Atoi: parsing "1p1_0": invalid syntax' }],
    ['0b1+1i', { error: 'syntax error scanning complex number' }],
    ['+i+i', { error: 'syntax error scanning complex number' }],
  ])('%s', (input, expected) => {
    expect(scanComplex(input)).toEqual(expected);
  });
});
