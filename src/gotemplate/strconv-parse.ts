/**
 * strconv integer parsing (golang/go:src/strconv/atoi.go): ParseInt, ParseUint, Atoi, with Go's
 * syntax (base prefixes and `_` separators for base 0) and Go's NumError messages. ParseFloat is
 * in strconv-atof.ts.
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

/** A digit's value in bases up to 36 (ASCII letters only, as Go's byte-wise `lower`); 99 if none. */
function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const l = code | 0x20;
  if (l >= 0x61 && l <= 0x7a) return l - 87;
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
