/**
 * Scanning helpers of Go's time.Parse (golang/go:src/time/format.go `getnum`, `getnum3`,
 * `lookup`, `skip`, `parseNanoseconds`, `parseTimeZone`).
 */
import { isDigitAt } from './layout.js';

/** The element does not match (Go's errBad). */
export class Bad extends Error {}
/** A value out of range; the message names the field (Go's rangeErrString). */
export class RangeErr extends Error {}

export function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw new Bad();
  if (!isDigitAt(s, 1)) {
    if (fixed) throw new Bad();
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}

export function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + s.charCodeAt(i) - 48;
  if (i === 0 || (fixed && i !== 3)) throw new Bad();
  return [n, s.slice(i)];
}

export function lookup(tab: readonly string[], val: string): [number, string] {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i];
    if (val.length >= v.length && val.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      return [i, val.slice(v.length)];
    }
  }
  throw new Bad();
}

const cutspace = (s: string): string => s.replace(/^ +/, '');

export function skip(value: string, prefix: string): string {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') throw new Bad();
      p = cutspace(p);
      v = cutspace(v);
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) throw new Bad();
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

export const commaOrPeriod = (c: string | undefined): boolean => c === '.' || c === ',';

export function parseNanoseconds(value: string, nbytes0: number): number {
  if (!commaOrPeriod(value[0])) throw new Bad();
  const nbytes = Math.min(nbytes0, 10);
  const digits = value.slice(1, nbytes);
  if (!/^[0-9]+$/.test(digits)) throw new Bad();
  return Number(digits) * 10 ** (10 - nbytes);
}

/** Length of a time zone abbreviation at the start of `value` (parseTimeZone), or 0. */
export function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) {
    const m = /^GMT[+-]([0-9]{1,2})/.exec(value);
    return m && Number(m[1]) <= 23 ? m[0].length : 3;
  }
  if (value[0] === '+' || value[0] === '-') {
    const m = /^[+-]([0-9]{1,2})/.exec(value);
    return m && Number(m[1]) <= 23 ? m[0].length : 0;
  }
  let n = 0;
  while (n < 6 && n < value.length && value[n] >= 'A' && value[n] <= 'Z') n++;
  if (n === 3) return 3;
  if (n === 4 && (value[3] === 'T' || value.startsWith('WITA'))) return 4;
  if (n === 5 && value[4] === 'T') return 5;
  return 0;
}
