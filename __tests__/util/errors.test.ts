import { describe, expect, it } from '@jest/globals';
import { asError, errorText } from '../../src/util/errors.js';

describe('asError / errorText: what a catch receives, as an Error or as text', () => {
  it('keeps an Error itself', () => {
    const err = new TypeError('boom');
    expect(asError(err)).toBe(err);
    expect(errorText(err)).toBe('boom');
  });

  it.each([
    ['a string', 'plain', 'plain'],
    ['a number', 42, '42'],
    ['undefined', undefined, 'undefined'],
    ['an object', { toString: () => 'custom' }, 'custom'],
  ])('wraps %s', (_what, thrown, text) => {
    const err = asError(thrown);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe(text);
    expect(errorText(thrown)).toBe(text);
  });
});
