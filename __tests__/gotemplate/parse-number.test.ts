// newNumber's shortcut for small decimal integers (issue 10) builds exactly the node the general
// path (strconv's ParseUint/ParseInt/ParseFloat, as parse.go newNumber) builds.
import { describe, expect, it } from '@jest/globals';
import { newNumber, newNumberGeneral } from '../../src/gotemplate/parse-number.js';

const show = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));

describe('newNumber: the small-integer shortcut', () => {
  it('gives the general path’s node, field for field and in the same order', () => {
    const texts = ['0', '1', '7', '10', '63', '65535', '999999999999999', '123456789012345'];
    for (let n = 0; n < 3000; n += 13) texts.push(String(n));
    for (const text of texts) {
      expect([text, show(newNumber(4, text, 'number'))]).toEqual([
        text,
        show(newNumberGeneral(4, text, 'number')),
      ]);
    }
  });

  it('leaves every other spelling to the general path', () => {
    const others = ['00', '08', '010', '0x1F', '1_000', '1e3', '1.5', '9999999999999999', '-1'];
    for (const text of others) {
      expect([text, show(newNumber(0, text, 'number'))]).toEqual([
        text,
        show(newNumberGeneral(0, text, 'number')),
      ]);
    }
    expect(newNumber(0, '08', 'number')).toHaveProperty('error');
  });
});
