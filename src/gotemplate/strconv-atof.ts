/**
 * strconv.ParseFloat(s, 64) (golang/go:src/strconv/atof.go `special`, `readFloat`, and the
 * correctly rounded conversion): decimal and hexadecimal floats, `inf`/`infinity`/`nan`, Go's
 * underscore rules, and Go's NumError messages (`invalid syntax`, `value out of range`).
 */
import { ERR_RANGE, ERR_SYNTAX, NumError } from './strconv-errors.js';
import { underscoreOK } from './strconv-parse.js';

/** atof.go special: [+-]inf, [+-]infinity and nan (no sign), case-insensitive. */
function special(s: string): number | undefined {
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (m === null) return undefined;
  if ((m[2] as string).toLowerCase() === 'nan') return m[1] === '' ? NaN : undefined;
  return m[1] === '-' ? -Infinity : Infinity;
}

interface FloatSyntax {
  readonly neg: boolean;
  readonly hex: boolean;
  /** Mantissa digits without the dot and underscores. */
  readonly digits: string;
  /** Number of mantissa digits after the dot. */
  readonly fraction: number;
  readonly exp: number;
}

const isDecDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHexDigit = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** atof.go readFloat, requiring the whole string to be consumed (as ParseFloat does). */
function readFloat(s: string): FloatSyntax | undefined {
  let i = 0;
  const neg = s[0] === '-';
  if (neg || s[0] === '+') i++;
  const hex = i + 2 < s.length && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X');
  if (hex) i += 2;
  const isDigit = hex ? isHexDigit : isDecDigit;
  let underscores = false;
  let sawDot = false;
  let digits = '';
  let fraction = 0;
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '_') underscores = true;
    else if (c === '.' && !sawDot) sawDot = true;
    else if (isDigit(c)) {
      digits += c;
      if (sawDot) fraction++;
    } else break;
  }
  if (digits.length === 0) return undefined;
  let exp = 0;
  if (i < s.length && (s[i] as string).toLowerCase() === (hex ? 'p' : 'e')) {
    i++;
    const esign = s[i] === '-' ? -1 : 1;
    if (s[i] === '+' || s[i] === '-') i++;
    if (!isDecDigit(s[i])) return undefined;
    for (; i < s.length && (isDecDigit(s[i]) || s[i] === '_'); i++) {
      if (s[i] === '_') underscores = true;
      else if (exp < 10000) exp = exp * 10 + (s.charCodeAt(i) - 0x30);
    }
    exp *= esign;
  } else if (hex) {
    return undefined; // A hexadecimal mantissa must have an exponent.
  }
  if (i !== s.length) return undefined;
  if (underscores && !underscoreOK(s)) return undefined;
  return { neg, hex, digits, fraction, exp };
}

/** Nearest float64 to m × 2^e (round half to even, subnormals included), m > 0. */
function scaleBinary(m: bigint, e: number): number {
  const bl = m.toString(2).length;
  const top = bl - 1 + e;
  const precBits = top >= -1022 ? 53 : 53 - (-1022 - top);
  const shift = bl - precBits;
  let q = m;
  let k = e;
  if (shift > 0) {
    const sh = BigInt(shift);
    q = m >> sh;
    const rem = m - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    k = e + shift;
  }
  // Split the power so that 2^k on its own never overflows or underflows.
  if (k > 0) return Number(q) * 2 ** Math.min(k, 1000) * 2 ** Math.max(k - 1000, 0);
  return Number(q) * 2 ** Math.max(k, -1000) * 2 ** Math.min(k + 1000, 0);
}

/** The value of a hexadecimal float, rounded once to float64. */
function hexValue(f: FloatSyntax): number {
  const mant = BigInt(`0x${f.digits}`);
  const v = mant === 0n ? 0 : scaleBinary(mant, f.exp - 4 * f.fraction);
  return f.neg ? -v : v;
}

/** strconv.ParseFloat(s, 64). Throws a NumError (`invalid syntax`, `value out of range`). */
export function parseFloat64(s: string): number {
  const sp = special(s);
  if (sp !== undefined) return sp;
  const syntax = readFloat(s);
  if (syntax === undefined) throw new NumError('ParseFloat', s, ERR_SYNTAX);
  const value = syntax.hex ? hexValue(syntax) : Number(s.replaceAll('_', ''));
  if (!Number.isFinite(value)) throw new NumError('ParseFloat', s, ERR_RANGE);
  return value;
}
