/**
 * String() methods of the Go integer types our value model names: time.Duration, time.Month,
 * time.Weekday (golang/go:src/time/time.go). fmt uses them for %v %s %q %x %X like any
 * fmt.Stringer. The names and Duration.String are gotime's (civil.ts, duration.ts).
 */
import { LONG_DAYS, LONG_MONTHS } from '../gotime/civil.js';
import { durationString } from '../gotime/duration.js';
import type { GoInt } from './values.js';

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
