/**
 * Go integers in the value model (see values.ts, which re-exports all of this): a typed 64-bit
 * value held as bigint and wrapped into its type's range as Go's conversions wrap.
 */

/** The Go integer types templates meet. */
export type IntType =
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'time.Duration'
  | 'time.Month'
  | 'time.Weekday';

const INT_BITS: Record<IntType, { bits: number; signed: boolean }> = {
  int: { bits: 64, signed: true },
  int8: { bits: 8, signed: true },
  int16: { bits: 16, signed: true },
  int32: { bits: 32, signed: true },
  int64: { bits: 64, signed: true },
  uint: { bits: 64, signed: false },
  uint8: { bits: 8, signed: false },
  uint16: { bits: 16, signed: false },
  uint32: { bits: 32, signed: false },
  uint64: { bits: 64, signed: false },
  'time.Duration': { bits: 64, signed: true },
  'time.Month': { bits: 64, signed: true },
  'time.Weekday': { bits: 64, signed: true },
};

/** A Go integer of a given type. The value always lies in the type's range (wrapped like Go). */
export class GoInt {
  readonly value: bigint;
  readonly type: IntType;

  constructor(value: bigint | number, type: IntType = 'int') {
    const v = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
    const { bits, signed } = INT_BITS[type];
    this.value = signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
    this.type = type;
  }

  /** The value as a JS number (exact up to 2^53). */
  toNumber(): number {
    return Number(this.value);
  }

  isUnsigned(): boolean {
    return !INT_BITS[this.type].signed;
  }

  toString(): string {
    return this.value.toString();
  }
}

/** Shorthand constructors. */
export const int = (v: bigint | number): GoInt => new GoInt(v, 'int');
export const int64 = (v: bigint | number): GoInt => new GoInt(v, 'int64');
