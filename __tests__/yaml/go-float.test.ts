/**
 * Go float text: strconv.FormatFloat(f, 'g', -1, 64|32) (strconv/ftoa.go: %e when the
 * exponent is < -4 or >= 6 for shortest formatting) and encoding/json's floatEncoder
 * ('f' unless |f| < 1e-6 or >= 1e21, exponent `e-07` cleaned to `e-7`).
 */
import { describe, expect, it } from '@jest/globals';
import { formatFloatG, jsonFloat } from '../../src/yaml/go-float.js';

describe('formatFloatG (64-bit)', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [3.14, '3.14'],
    [100000, '100000'],
    [123456, '123456'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [12345678901, '1.2345678901e+10'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.000001, '1e-06'],
    [1e21, '1e+21'],
    [6.02e23, '6.02e+23'],
    [1e100, '1e+100'],
    [-2.5, '-2.5'],
    [5e-324, '5e-324'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
  ])('%p → %s', (f, expected) => {
    expect(formatFloatG(f)).toBe(expected);
  });
});

describe('formatFloatG (32-bit, sigs.k8s.io/yaml float map keys)', () => {
  it.each<[number, string]>([
    [3.14, '3.14'],
    [0.1, '0.1'],
    [1000, '1000'],
    [16777217, '1.6777216e+07'],
    [6.02e23, '6.02e+23'],
    [1e39, '+Inf'],
  ])('%p → %s', (f, expected) => {
    expect(formatFloatG(f, 32)).toBe(expected);
  });
});

describe('jsonFloat (encoding/json)', () => {
  it.each<[number, string]>([
    [0, '0'],
    [1000000, '1000000'],
    [12345678901, '12345678901'],
    [0.000001, '0.000001'],
    [0.0000001, '1e-7'],
    [1.5e-10, '1.5e-10'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [-3.25, '-3.25'],
  ])('%p → %s', (f, expected) => {
    expect(jsonFloat(f)).toBe(expected);
  });

  it.each<[number, string]>([
    [NaN, 'json: unsupported value: NaN'],
    [-Infinity, 'json: unsupported value: -Inf'],
  ])('%p is unsupported', (f, message) => {
    expect(() => jsonFloat(f)).toThrow(message);
  });
});
