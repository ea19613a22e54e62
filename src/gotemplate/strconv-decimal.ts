/**
 * Decimal digit strings for float formatting (golang/go:src/strconv/decimal.go, ftoa.go).
 *
 * A {@link Digits} value is `0.d1d2d3… × 10^dp` with no leading or trailing zeros (zero has no
 * digits). Shortest digits come from JavaScript's Number→String conversion, which, like Go's
 * Ryū, yields the shortest digit string that round-trips, choosing the closest one. Fixed
 * precision uses the exact binary value expanded with BigInt and Go's rounding rule: round half
 * to even on the exact decimal expansion.
 */

export interface Digits {
  readonly d: string;
  readonly dp: number;
}

/** The IEEE-754 fields of a float64: sign, unbiased exponent of the lowest bit, mantissa. */
export interface FloatBits {
  readonly neg: boolean;
  /** Biased exponent field (0 for zero/subnormal, 2047 for Inf/NaN). */
  readonly expField: number;
  /** Mantissa including the implicit top bit for normal numbers. */
  readonly mant: bigint;
  /** Binary exponent such that |x| = mant × 2^exp2. */
  readonly exp2: number;
}

const view = new DataView(new ArrayBuffer(8));

export function floatBits(x: number): FloatBits {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const expField = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e = expField;
  if (e === 0) e = 1;
  else mant |= 1n << 52n;
  return { neg, expField, mant, exp2: e - 1023 - 52 };
}

function trimZeros(d: string, dp: number): Digits {
  let end = d.length;
  while (end > 0 && d[end - 1] === '0') end--;
  let start = 0;
  while (start < end && d[start] === '0') {
    start++;
    dp--;
  }
  if (start === end) return { d: '', dp: 0 };
  return { d: d.slice(start, end), dp };
}

/** Exact decimal expansion of mant × 2^exp2. */
export function exactDigits(mant: bigint, exp2: number): Digits {
  if (mant === 0n) return { d: '', dp: 0 };
  if (exp2 >= 0) {
    const s = (mant << BigInt(exp2)).toString();
    return trimZeros(s, s.length);
  }
  const s = (mant * 5n ** BigInt(-exp2)).toString();
  return trimZeros(s, s.length + exp2);
}

/** Shortest round-tripping digits of a finite |x|. */
export function shortestDigits(x: number): Digits {
  const abs = Math.abs(x);
  if (abs === 0) return { d: '', dp: 0 };
  const s = String(abs);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : parseInt(s.slice(e + 1), 10);
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const frac = dot < 0 ? '' : mantissa.slice(dot + 1);
  return trimZeros(intPart + frac, intPart.length + exp);
}

function shouldRoundUp(a: Digits, nd: number): boolean {
  if (a.d[nd] === '5' && nd + 1 === a.d.length) {
    // Exactly halfway: round to even.
    return nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  }
  return (a.d[nd] ?? '0') >= '5';
}

/** decimal.Round: keep `nd` digits, rounding half to even; no-op when nd < 0 or nd >= len. */
export function roundDigits(a: Digits, nd: number): Digits {
  if (nd < 0 || nd >= a.d.length) return a;
  if (!shouldRoundUp(a, nd)) return trimZeros(a.d.slice(0, nd), a.dp);
  for (let i = nd - 1; i >= 0; i--) {
    const c = a.d.charCodeAt(i);
    if (c < 57) return { d: a.d.slice(0, i) + String.fromCharCode(c + 1), dp: a.dp };
  }
  // All nines (or nd === 0): becomes 1 with the decimal point moved.
  return { d: '1', dp: a.dp + 1 };
}
