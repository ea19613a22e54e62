/**
 * String() methods of the Go integer types our value model names: time.Duration, time.Month,
 * time.Weekday (golang/go:src/time/time.go). fmt uses them for %v %s %q %x %X like any
 * fmt.Stringer.
 */
import type { GoInt } from './values.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The fraction v/10^prec without trailing zeros (and without the point when zero). */
function fracPart(v: bigint, prec: number): { text: string; rest: bigint } {
  let digits = '';
  let print = false;
  let rest = v;
  for (let i = 0; i < prec; i++) {
    const d = rest % 10n;
    print = print || d !== 0n;
    if (print) digits = d.toString() + digits;
    rest /= 10n;
  }
  return { text: print ? '.' + digits : '', rest };
}

/** time.Duration.String: `1h2m3.5s`, `1.5ms`, `0s`. */
export function durationString(d: bigint): string {
  const neg = d < 0n;
  let u = BigInt.asUintN(64, neg ? -d : d);
  let s: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const { text, rest } = fracPart(u, prec);
    s = rest.toString() + text + unit;
  } else {
    const { text, rest } = fracPart(u, 9);
    u = rest;
    s = (u % 60n).toString() + text + 's';
    u /= 60n;
    if (u > 0n) {
      s = (u % 60n).toString() + 'm' + s;
      u /= 60n;
      if (u > 0n) s = u.toString() + 'h' + s;
    }
  }
  return neg ? '-' + s : s;
}

/** The String() of a GoInt whose Go type has one, else undefined. */
export function goIntString(v: GoInt): string | undefined {
  switch (v.type) {
    case 'time.Duration':
      return durationString(v.value);
    case 'time.Month': {
      const n = Number(v.value);
      return n >= 1 && n <= 12 ? MONTHS[n - 1] : `%!Month(${v.value})`;
    }
    case 'time.Weekday': {
      const n = Number(v.value);
      return n >= 0 && n <= 6 ? WEEKDAYS[n] : `%!Weekday(${v.value})`;
    }
    default:
      return undefined;
  }
}
