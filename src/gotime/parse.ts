/**
 * time.Parse / time.ParseInLocation (golang/go:src/time/format.go `parse`), producing the
 * parsed wall-clock fields; time.ts turns them into a GoTime with Go's zone resolution.
 */
import type { WallClock } from './civil.js';
import {
  DAYS_BEFORE,
  LONG_DAYS,
  LONG_MONTHS,
  SHORT_DAYS,
  SHORT_MONTHS,
  daysIn,
  isLeap,
} from './civil.js';
import { goQuote } from './quote.js';
import type { Std } from './layout.js';
import { isDigitAt, nextStdChunk } from './layout.js';
import {
  Bad,
  RangeErr,
  commaOrPeriod,
  getnum,
  getnum3,
  lookup,
  parseNanoseconds,
  parseTimeZone,
  skip,
} from './scan.js';

/** Go's *time.ParseError, with Error() text. */
export class TimeParseError extends Error {}

export interface ParsedFields extends WallClock {
  nsec: number;
  /** True when the input said `Z` or `UTC`. */
  utc: boolean;
  /** Seconds east of UTC from a numeric zone, or undefined. */
  zoneOffset: number | undefined;
  zoneName: string;
}

interface State extends ParsedFields {
  value: string;
  yday: number;
  pm: boolean;
  am: boolean;
}

/** time.Parse's field extraction. Throws TimeParseError with Go's message. */
export function parseLayout(layout0: string, value0: string): ParsedFields {
  const st: State = {
    value: value0,
    year: 0,
    month: -1,
    day: -1,
    yday: -1,
    hour: 0,
    minute: 0,
    second: 0,
    nsec: 0,
    utc: false,
    zoneOffset: undefined,
    zoneName: '',
    pm: false,
    am: false,
  };
  const fail = (layoutElem: string, valueElem: string, msg = ''): TimeParseError =>
    new TimeParseError(
      msg === ''
        ? `parsing time ${goQuote(value0)} as ${goQuote(layout0)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`
        : `parsing time ${goQuote(value0)}${msg}`,
    );
  let layout = layout0;
  for (;;) {
    const { prefix, std, stdStr, suffix } = nextStdChunk(layout);
    try {
      st.value = skip(st.value, prefix);
    } catch {
      throw fail(prefix, st.value);
    }
    if (!std) {
      if (st.value.length !== 0) throw fail('', st.value, `: extra text: ${goQuote(st.value)}`);
      break;
    }
    layout = suffix;
    const hold = st.value;
    try {
      parseStd(st, std, layout);
    } catch (e) {
      if (e instanceof RangeErr) throw fail(stdStr, st.value, `: ${e.message} out of range`);
      throw fail(stdStr, hold);
    }
  }
  return finish(st, fail);
}

function checkRange(cond: boolean, what: string): void {
  if (cond) throw new RangeErr(what);
}

function parseStd(st: State, std: Std, layoutRest: string): void {
  const v = st.value;
  switch (std.kind) {
    case 'Year': {
      if (v.length < 2 || !/^[0-9]{2}/.test(v)) throw new Bad();
      const y = Number(v.slice(0, 2));
      st.year = y >= 69 ? y + 1900 : y + 2000;
      st.value = v.slice(2);
      return;
    }
    case 'LongYear':
      if (v.length < 4 || !/^[0-9]{4}/.test(v)) throw new Bad();
      st.year = Number(v.slice(0, 4));
      st.value = v.slice(4);
      return;
    case 'Month':
    case 'LongMonth': {
      const [m, r] = lookup(std.kind === 'Month' ? SHORT_MONTHS : LONG_MONTHS, v);
      st.month = m + 1;
      st.value = r;
      return;
    }
    case 'NumMonth':
    case 'ZeroMonth':
      [st.month, st.value] = getnum(v, std.kind === 'ZeroMonth');
      checkRange(st.month <= 0 || st.month > 12, 'month');
      return;
    case 'WeekDay':
    case 'LongWeekDay':
      st.value = lookup(std.kind === 'WeekDay' ? SHORT_DAYS : LONG_DAYS, v)[1];
      return;
    case 'Day':
    case 'UnderDay':
    case 'ZeroDay':
      [st.day, st.value] = getnum(
        std.kind === 'UnderDay' && v[0] === ' ' ? v.slice(1) : v,
        std.kind === 'ZeroDay',
      );
      return;
    case 'UnderYearDay':
    case 'ZeroYearDay': {
      let s = v;
      for (let i = 0; i < 2; i++) if (std.kind === 'UnderYearDay' && s[0] === ' ') s = s.slice(1);
      [st.yday, st.value] = getnum3(s, std.kind === 'ZeroYearDay');
      return;
    }
    case 'Hour':
      [st.hour, st.value] = getnum(v, false);
      checkRange(st.hour >= 24, 'hour');
      return;
    case 'Hour12':
    case 'ZeroHour12':
      [st.hour, st.value] = getnum(v, std.kind === 'ZeroHour12');
      checkRange(st.hour > 12, 'hour');
      return;
    case 'Minute':
    case 'ZeroMinute':
      [st.minute, st.value] = getnum(v, std.kind === 'ZeroMinute');
      checkRange(st.minute >= 60, 'minute');
      return;
    case 'Second':
    case 'ZeroSecond':
      parseSecond(st, std, layoutRest);
      return;
    case 'PM':
    case 'pm': {
      if (v.length < 2) throw new Bad();
      const p = v.slice(0, 2);
      const [pm, am] = std.kind === 'PM' ? ['PM', 'AM'] : ['pm', 'am'];
      if (p === pm) st.pm = true;
      else if (p === am) st.am = true;
      else throw new Bad();
      st.value = v.slice(2);
      return;
    }
    case 'TZ': {
      if (v.startsWith('UTC')) {
        st.utc = true;
        st.value = v.slice(3);
        return;
      }
      const n = parseTimeZone(v);
      if (n === 0) throw new Bad();
      st.zoneName = v.slice(0, n);
      st.value = v.slice(n);
      return;
    }
    case 'FracSecond0': {
      const ndigit = 1 + (std.digits ?? 0);
      if (v.length < ndigit) throw new Bad();
      st.nsec = parseNanoseconds(v, ndigit);
      st.value = v.slice(ndigit);
      return;
    }
    case 'FracSecond9': {
      if (v.length < 2 || !commaOrPeriod(v[0]) || !isDigitAt(v, 1)) return;
      let i = 0;
      while (isDigitAt(v, i + 1)) i++;
      st.nsec = parseNanoseconds(v, 1 + i);
      st.value = v.slice(1 + i);
      return;
    }
    default:
      parseNumericZone(st, std);
  }
}

function parseSecond(st: State, std: Std, layoutRest: string): void {
  [st.second, st.value] = getnum(st.value, std.kind === 'ZeroSecond');
  checkRange(st.second >= 60, 'second');
  const v = st.value;
  // A fractional second in the input but not in the layout is accepted.
  if (v.length >= 2 && commaOrPeriod(v[0]) && isDigitAt(v, 1)) {
    const next = nextStdChunk(layoutRest).std;
    if (next && (next.kind === 'FracSecond0' || next.kind === 'FracSecond9')) return;
    let n = 2;
    while (isDigitAt(v, n)) n++;
    st.nsec = parseNanoseconds(v, n);
    st.value = v.slice(n);
  }
}

function parseNumericZone(st: State, std: Std): void {
  const v = st.value;
  const k = std.kind;
  if (k.startsWith('ISO8601') && v[0] === 'Z') {
    st.utc = true;
    st.value = v.slice(1);
    return;
  }
  let parts: [string, string, string, string, number];
  if (k === 'ISO8601ColonTZ' || k === 'NumColonTZ') {
    if (v.length < 6 || v[3] !== ':') throw new Bad();
    parts = [v[0], v.slice(1, 3), v.slice(4, 6), '00', 6];
  } else if (k === 'NumShortTZ' || k === 'ISO8601ShortTZ') {
    if (v.length < 3) throw new Bad();
    parts = [v[0], v.slice(1, 3), '00', '00', 3];
  } else if (k === 'ISO8601ColonSecondsTZ' || k === 'NumColonSecondsTZ') {
    if (v.length < 9 || v[3] !== ':' || v[6] !== ':') throw new Bad();
    parts = [v[0], v.slice(1, 3), v.slice(4, 6), v.slice(7, 9), 9];
  } else if (k === 'ISO8601SecondsTZ' || k === 'NumSecondsTz') {
    if (v.length < 7) throw new Bad();
    parts = [v[0], v.slice(1, 3), v.slice(3, 5), v.slice(5, 7), 7];
  } else {
    if (v.length < 5) throw new Bad();
    parts = [v[0], v.slice(1, 3), v.slice(3, 5), '00', 5];
  }
  const [sign, hh, mm, ss, used] = parts;
  st.value = v.slice(used);
  const hr = getnum(hh, true)[0];
  const mi = getnum(mm, true)[0];
  const se = getnum(ss, true)[0];
  let off = (hr * 60 + mi) * 60 + se;
  if (sign === '-') off = -off;
  else if (sign !== '+') throw new Bad();
  checkRange(hr > 24, 'time zone offset hour');
  checkRange(mi > 60, 'time zone offset minute');
  checkRange(se > 60, 'time zone offset second');
  st.zoneOffset = off;
}

function finish(
  st: State,
  fail: (l: string, v: string, m?: string) => TimeParseError,
): ParsedFields {
  if (st.pm && st.hour < 12) st.hour += 12;
  else if (st.am && st.hour === 12) st.hour = 0;
  if (st.yday >= 0) {
    let yday = st.yday;
    let d = 0;
    let m = 0;
    if (isLeap(st.year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw fail('', st.value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (DAYS_BEFORE[m] < yday) m++;
      d = yday - DAYS_BEFORE[m - 1];
    }
    if (st.month >= 0 && st.month !== m)
      throw fail('', st.value, ': day-of-year does not match month');
    st.month = m;
    if (st.day >= 0 && st.day !== d) throw fail('', st.value, ': day-of-year does not match day');
    st.day = d;
  } else {
    if (st.month < 0) st.month = 1;
    if (st.day < 0) st.day = 1;
  }
  if (st.day < 1 || st.day > daysIn(st.month, st.year))
    throw fail('', st.value, ': day out of range');
  return st;
}
