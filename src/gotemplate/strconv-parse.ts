/**
 * strconv parsing (golang/go:src/strconv/atoi.go, atof.go): ParseInt, ParseUint, Atoi,
 * ParseFloat, with Go's syntax (base prefixes and `_` separators for base 0, hex floats,
 * `inf`/`infinity`/`nan`) and Go's NumError messages.
 */
import { ERR_RANGE, ERR_SYNTAX, NumError } from './strconv-errors.js';

const lower = (c: string): string => c.toLowerCase();

/** underscoreOK: `_` only between digits, or between a base prefix and a digit. */
export function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1] ?? ''))) {
    i = 2;
    saw = '0';
    hex = lower(s[1] ?? '') === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

function digitValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  const l = lower(c);
  if (l >= 'a' && l <= 'z') return l.charCodeAt(0) - 87;
  return 99;
}

/** strconv.ParseUint(s, base, bitSize) as bigint; bitSize 0 means 64. */
export function parseUint(s: string, base = 10, bitSize = 64, fn = 'ParseUint'): bigint {
  if (s === '') throw new NumError(fn, s, ERR_SYNTAX);
  const base0 = base === 0;
  const s0 = s;
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const p = lower(s[1] ?? '');
      if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
        base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else if (base < 2 || base > 36) {
    throw new NumError(fn, s0, `invalid base ${base}`);
  }
  const bits = bitSize === 0 ? 64 : bitSize;
  const maxVal = (1n << BigInt(bits)) - 1n;
  const b = BigInt(base);
  let underscores = false;
  let n = 0n;
  for (const c of s) {
    if (c === '_' && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) throw new NumError(fn, s0, ERR_SYNTAX);
    n = n * b + BigInt(d);
    if (n > maxVal) throw new NumError(fn, s0, ERR_RANGE);
  }
  if (underscores && !underscoreOK(s0)) throw new NumError(fn, s0, ERR_SYNTAX);
  return n;
}

/** strconv.ParseInt(s, base, bitSize) as bigint; bitSize 0 means 64. */
export function parseInt64(s: string, base = 10, bitSize = 64, fn = 'ParseInt'): bigint {
  if (s === '') throw new NumError(fn, s, ERR_SYNTAX);
  const s0 = s;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  let un: bigint;
  try {
    un = parseUint(s, base, bitSize, fn);
  } catch (e) {
    if (!(e instanceof NumError) || !e.isRange) {
      throw e instanceof NumError ? new NumError(fn, s0, e.reason) : e;
    }
    throw new NumError(fn, s0, ERR_RANGE);
  }
  const cutoff = 1n << BigInt((bitSize === 0 ? 64 : bitSize) - 1);
  if ((!neg && un >= cutoff) || (neg && un > cutoff)) throw new NumError(fn, s0, ERR_RANGE);
  return neg ? -un : un;
}

/** strconv.Atoi (base 10, no prefixes, no underscores; 64-bit int). */
export function atoi(s: string): bigint {
  return parseInt64(s, 10, 64, 'Atoi');
}

function special(s: string): number | undefined {
  const m = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (m) return m[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  return undefined;
}

const DEC_FLOAT = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.[\d_]+)(?:[eE][+-]?\d[\d_]*)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([\da-fA-F_]*)(?:\.([\da-fA-F_]*))?[pP]([+-]?\d[\d_]*)$/;

/** Nearest float64 to m × 2^e (round half to even), m > 0. */
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
  if (k > 0) {
    // Split to avoid overflowing 2^k on its own.
    return Number(q) * 2 ** Math.min(k, 1000) * 2 ** Math.max(k - 1000, 0);
  }
  return Number(q) * 2 ** Math.max(k, -1000) * 2 ** Math.min(k + 1000, 0);
}

function parseHexFloat(s: string, m: RegExpExecArray): number {
  const [, sign, intDigits = '', fracDigits = '', expText = '0'] = m;
  const digits = (intDigits + fracDigits).replace(/_/g, '');
  if (digits === '' || !underscoreOK(s.slice(0, s.search(/[pP]/)))) throw new NumError('ParseFloat', s, ERR_SYNTAX);
  const mant = BigInt('0x' + digits);
  const exp = parseInt(expText.replace(/_/g, ''), 10) - 4 * fracDigits.replace(/_/g, '').length;
  const v = mant === 0n ? 0 : scaleBinary(mant, Math.max(Math.min(exp, 100000), -100000));
  if (!Number.isFinite(v)) throw new NumError('ParseFloat', s, ERR_RANGE);
  return sign === '-' ? -v : v;
}

/** strconv.ParseFloat(s, 64). Out-of-range values throw a NumError with `value out of range`. */
export function parseFloat64(s: string): number {
  const sp = special(s);
  if (sp !== undefined) return sp;
  const hex = HEX_FLOAT.exec(s);
  if (hex) return parseHexFloat(s, hex);
  if (!DEC_FLOAT.test(s) || (s.includes('_') && !underscoreOK(s))) {
    throw new NumError('ParseFloat', s, ERR_SYNTAX);
  }
  const v = Number(s.replace(/_/g, ''));
  if (!Number.isFinite(v)) throw new NumError('ParseFloat', s, ERR_RANGE);
  return v;
}
