/**
 * Proleptic Gregorian calendar arithmetic on Unix seconds, as Go's time package does it
 * (golang/go:src/time/time.go `absDate`, `daysIn`, `isLeap`). Pure integer math, so years 0..99
 * and negative years work (JS Date.UTC maps 0..99 to 19xx).
 */
import { LONG_DAYS, LONG_MONTHS } from '../gotemplate/fmt-stringers.js';

export { LONG_DAYS, LONG_MONTHS };

/** A wall-clock date and time of day, as time.Date takes them (nanoseconds apart). */
export interface WallClock {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A wall clock with the fields Go derives from the date. */
export interface Civil extends WallClock {
  /** 0 = Sunday, as time.Weekday. */
  weekday: number;
  /** 1..366 */
  yday: number;
}

export const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
export const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));

/** Cumulative days before each month in a non-leap year (Go's daysBefore). */
export const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return DAYS_BEFORE[month] - DAYS_BEFORE[month - 1];
}

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = floorDiv(153 * mp + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day count since 1970-01-01 (Hinnant's civil_from_days). */
function civilFromDays(z0: number): { year: number; month: number; day: number } {
  const z = z0 + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(
    doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096),
    365,
  );
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Civil fields of a local-seconds value (Unix seconds plus the zone offset). */
export function civilFromSeconds(localSec: number): Civil {
  const days = floorDiv(localSec, 86400);
  const secOfDay = localSec - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const weekday = (((days + 4) % 7) + 7) % 7;
  const yday = DAYS_BEFORE[month - 1] + day + (month > 2 && isLeap(year) ? 1 : 0);
  return {
    year,
    month,
    day,
    hour: floorDiv(secOfDay, 3600),
    minute: floorDiv(secOfDay % 3600, 60),
    second: secOfDay % 60,
    weekday,
    yday,
  };
}

/**
 * Local seconds of a civil date with Go's normalisation (time.Date: month 13 is January of the
 * next year, day 0 is the last day of the previous month, and so on).
 */
export function secondsFromCivil(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const m0 = month - 1;
  const y = year + floorDiv(m0, 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const days = daysFromCivil(y, m, 1) + day - 1;
  return days * 86400 + hour * 3600 + minute * 60 + second;
}
