/**
 * strconv.FormatFloat for float64 (golang/go:src/strconv/ftoa.go): formats 'e', 'E', 'f',
 * 'g', 'G', 'b', 'x', 'X'; precision -1 means the shortest digits that round-trip.
 */
import type { Digits } from './strconv-decimal.js';
import { exactDigits, floatBits, roundDigits, shortestDigits } from './strconv-decimal.js';

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

function expString(exp: number, minDigits: number): string {
  const sign = exp < 0 ? '-' : '+';
  return sign + String(Math.abs(exp)).padStart(minDigits, '0');
}

/** %e: -d.ddddde±dd */
function fmtE(neg: boolean, d: Digits, prec: number, fmt: 'e' | 'E'): string {
  let s = neg ? '-' : '';
  s += d.d[0] ?? '0';
  if (prec > 0) {
    s += '.' + d.d.slice(1, prec + 1).padEnd(prec, '0');
  }
  const exp = d.d.length === 0 ? 0 : d.dp - 1;
  return s + fmt + expString(exp, 2);
}

/** %f: -ddddddd.ddddd */
function fmtF(neg: boolean, d: Digits, prec: number): string {
  let s = neg ? '-' : '';
  if (d.dp > 0) s += d.d.slice(0, d.dp).padEnd(d.dp, '0');
  else s += '0';
  if (prec > 0) {
    let frac = '';
    for (let i = 0; i < prec; i++) {
      const j = d.dp + i;
      frac += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
    s += '.' + frac;
  }
  return s;
}

/** %b: -ddddddddp±ddd */
function fmtB(neg: boolean, mant: bigint, exp2: number): string {
  return (neg ? '-' : '') + mant.toString() + 'p' + (exp2 >= 0 ? '+' : '') + String(exp2);
}

/** %x: -0x1.yyyyyyyyp±ddd */
function fmtX(x: number, prec: number, fmt: 'x' | 'X'): string {
  const { neg, mant: m0, exp2 } = floatBits(x);
  let mant = m0;
  let exp = mant === 0n ? 0 : exp2 + 52;
  // Shift so the leading 1 (if any) is at bit 60.
  mant <<= 8n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let s = (neg ? '-' : '') + '0' + fmt + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    s += '.';
    while (mant !== 0n) {
      s += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      s += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  return s + (fmt === 'X' ? 'P' : 'p') + expString(exp, 2);
}

function formatDigits(
  neg: boolean,
  d: Digits,
  prec: number,
  fmt: FloatFormat,
  shortest: boolean,
): string {
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, d, prec, fmt);
    case 'f':
      return fmtF(neg, d, prec);
    case 'g':
    case 'G': {
      let eprec = prec;
      if (eprec > d.d.length && d.d.length >= d.dp) eprec = d.d.length;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        const p = prec > d.d.length ? d.d.length : prec;
        return fmtE(neg, d, p - 1, fmt === 'g' ? 'e' : 'E');
      }
      const p = prec > d.dp ? d.d.length : prec;
      return fmtF(neg, d, Math.max(p - d.dp, 0));
    }
    default:
      return '%' + fmt;
  }
}

/** strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: FloatFormat, prec: number): string {
  // The shortest %g of an integer below 1e6 in magnitude is its decimal digits (Go switches to
  // %e from exponent 6 on): values files' ports and counts print this way.
  if (fmt === 'g' && prec < 0 && Number.isInteger(x) && x < 1e6 && x > -1e6 && !Object.is(x, -0)) {
    return String(x);
  }
  return formatFloatGeneral(x, fmt, prec);
}

/** formatFloat without the integer shortcut. */
export function formatFloatGeneral(x: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const bits = floatBits(x);
  if (fmt === 'b') return fmtB(bits.neg, bits.mant, bits.exp2);
  if (fmt === 'x' || fmt === 'X') return fmtX(x, prec, fmt);
  if (prec < 0) {
    const d = shortestDigits(x);
    let p: number;
    if (fmt === 'e' || fmt === 'E') p = Math.max(d.d.length - 1, 0);
    else if (fmt === 'f') p = Math.max(d.d.length - d.dp, 0);
    else p = d.d.length;
    return formatDigits(bits.neg, d, p, fmt, true);
  }
  let d = exactDigits(bits.mant, bits.exp2);
  let p = prec;
  if (fmt === 'e' || fmt === 'E') d = roundDigits(d, prec + 1);
  else if (fmt === 'f') d = roundDigits(d, d.dp + prec);
  else {
    if (p === 0) p = 1;
    d = roundDigits(d, p);
  }
  return formatDigits(bits.neg, d, p, fmt, false);
}
