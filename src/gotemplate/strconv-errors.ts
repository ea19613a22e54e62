/** strconv.NumError (golang/go:src/strconv/atoi.go): `strconv.FUNC: parsing "NUM": ERR`. */
import { quote } from './strconv-quote.js';

export type NumErrorKind = 'invalid syntax' | 'value out of range' | string;

export class NumError extends Error {
  constructor(
    /** The failing function, e.g. `ParseInt`. */
    readonly func: string,
    /** The input. */
    readonly num: string,
    /** `invalid syntax`, `value out of range`, or another reason. */
    readonly reason: NumErrorKind,
  ) {
    super(`strconv.${func}: parsing ${quote(num)}: ${reason}`);
    this.name = 'NumError';
  }

  get isRange(): boolean {
    return this.reason === 'value out of range';
  }
}

export const ERR_SYNTAX = 'invalid syntax';
export const ERR_RANGE = 'value out of range';
