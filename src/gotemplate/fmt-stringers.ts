/**
 * String() methods of the Go integer types our value model names: time.Duration, time.Month,
 * time.Weekday (golang/go:src/time/time.go, Duration.String, Month.String, Weekday.String).
 * fmt uses them for %v %s %q %x %X like any fmt.Stringer. They live with the value model, below
 * src/gotime, which builds time.Time on that model and re-exports them.
 */
import type { GoInt } from './values.js';

export const LONG_MONTHS = [
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
] as const;

export const LONG_DAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const MICROSECOND = 1000n;
const MILLISECOND = 1000_000n;
const SECOND = 1000_000_000n;

/** fmtFrac: the fraction v/10^prec without trailing zeros (and no dot when zero). */
function fmtFrac(v: bigint, prec: number): { frac: string; rest: bigint } {
  let digits = '';
  let print = false;
  let u = v;
  for (let i = 0; i < prec; i++) {
    const digit = u % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    u /= 10n;
  }
  return { frac: print ? '.' + digits : '', rest: u };
}

/** Duration.String, e.g. `1h2m3s`, `1.5s`, `2ms`, `0s`. */
export function durationString(d: bigint): string {
  const neg = d < 0n;
  // Go: u := uint64(d); if neg { u = -u } (so MinInt64 prints as 9223372036854775808ns).
  let u = BigInt.asUintN(64, neg ? -d : d);
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    let unit: string;
    let prec: number;
    if (u < MICROSECOND) {
      unit = 'ns';
      prec = 0;
    } else if (u < MILLISECOND) {
      unit = 'µs';
      prec = 3;
    } else {
      unit = 'ms';
      prec = 6;
    }
    const { frac, rest } = fmtFrac(u, prec);
    out = rest.toString() + frac + unit;
  } else {
    const { frac, rest } = fmtFrac(u, 9);
    u = rest;
    out = (u % 60n).toString() + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** The String() of a GoInt whose Go type has one, else undefined. */
export function goIntString(v: GoInt): string | undefined {
  switch (v.type) {
    case 'time.Duration':
      return durationString(v.value);
    case 'time.Month': {
      const n = Number(v.value);
      return n >= 1 && n <= 12 ? LONG_MONTHS[n - 1] : `%!Month(${v.value})`;
    }
    case 'time.Weekday': {
      const n = Number(v.value);
      return n >= 0 && n <= 6 ? LONG_DAYS[n] : `%!Weekday(${v.value})`;
    }
    default:
      return undefined;
  }
}
