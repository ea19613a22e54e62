/**
 * Sprig's date functions (Masterminds/sprig v3.2.3 date.go, registered in functions.go).
 * Parameter types are those of the Go functions; `interface{}` parameters switch on the Go type
 * exactly as sprig's type switches do (an unhandled type means "now" or zero).
 */
import type { FuncSignature } from '../gotemplate/functions.js';
import { FuncError, alias, fn } from '../gotemplate/functions.js';
import type { GoFuncValue, GoValue } from '../gotemplate/values.js';
import { GoInt } from '../gotemplate/values.js';
import {
  DurationError,
  HOUR,
  MINUTE,
  SECOND,
  durationString,
  parseDuration,
  roundDuration,
} from '../gotime/duration.js';
import { GoTime, parseInLocation, zeroTime } from '../gotime/time.js';
import { TimeParseError } from '../gotime/parse.js';
import { UTC, loadLocation, localLocation } from '../gotime/zone.js';

const isTime = (v: GoValue): v is GoTime => v instanceof GoTime;
const intOfType = (v: GoValue, ...types: string[]): bigint | undefined =>
  v instanceof GoInt && types.includes(v.type) ? v.value : undefined;

/** dateInZone's switch: time.Time, int64, int, int32 (Unix seconds); anything else is now. */
function timeOf(date: GoValue, intTypes: string[]): GoTime {
  if (isTime(date)) return date;
  const secs = intOfType(date, ...intTypes);
  return secs === undefined ? GoTime.now() : GoTime.unix(Number(secs));
}

function dateInZone(layout: string, date: GoValue, zone: string): string {
  const loc = loadLocation(zone) ?? UTC;
  return timeOf(date, ['int64', 'int', 'int32']).in(loc).format(layout);
}

function modify(spec: string, date: GoTime): GoTime {
  return date.add(parseDuration(spec));
}

function mustModify(spec: string, date: GoTime): GoTime {
  try {
    return modify(spec, date);
  } catch (e) {
    if (e instanceof DurationError) throw new FuncError(e.message);
    throw e;
  }
}

/** time.Since(t). */
const since = (t: GoTime): bigint => GoTime.now().sub(t);

function dateAgo(date: GoValue): string {
  const t = timeOf(date, ['int64', 'int']);
  return durationString(roundDuration(since(t), SECOND));
}

/** sprig's `duration`: seconds (string or int64) as a time.Duration string. */
function duration(sec: GoValue): string {
  let n = 0n;
  if (typeof sec === 'string') {
    // strconv.ParseInt(s, 10, 64): a range error still yields the clamped value.
    if (/^[+-]?[0-9]+$/.test(sec)) {
      const v = BigInt(sec);
      const max = (1n << 63n) - 1n;
      n = v > max ? max : v < -max - 1n ? -max - 1n : v;
    }
  } else {
    n = intOfType(sec, 'int64') ?? 0n;
  }
  return durationString(BigInt.asIntN(64, n * SECOND));
}

const DAY = 24n * HOUR;
const ROUND_UNITS: [bigint, string][] = [
  [365n * DAY, 'y'],
  [30n * DAY, 'mo'],
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
];

function durationRound(value: GoValue): string {
  let d: bigint;
  if (typeof value === 'string') {
    try {
      d = parseDuration(value);
    } catch {
      d = 0n;
    }
  } else if (isTime(value)) {
    d = since(value);
  } else {
    d = intOfType(value, 'int64') ?? 0n;
  }
  const u = d < 0n ? -d : d;
  for (const [unit, suffix] of ROUND_UNITS) if (u > unit) return (u / unit).toString() + suffix;
  return '0s';
}

function mustToDate(layout: string, value: string): GoTime {
  try {
    return parseInLocation(layout, value, localLocation());
  } catch (e) {
    if (e instanceof TimeParseError) throw new FuncError(e.message);
    throw e;
  }
}

function toDate(layout: string, value: string): GoTime {
  try {
    return parseInLocation(layout, value, localLocation());
  } catch (e) {
    if (e instanceof TimeParseError) return zeroTime();
    throw e;
  }
}

const s = (params: FuncSignature['params'], returnsError = false): FuncSignature => ({
  params,
  returnsError,
});

const dateFn = fn('date', s(['string', 'any']), (layout: string, date: GoValue) =>
  dateInZone(layout, date, 'Local'),
);
const dateInZoneFn = fn('dateInZone', s(['string', 'any', 'string']), dateInZone);
const dateModifyFn = fn('dateModify', s(['string', 'time']), (spec: string, date: GoTime) => {
  try {
    return modify(spec, date);
  } catch (e) {
    if (e instanceof DurationError) return date;
    throw e;
  }
});
const mustDateModifyFn = fn('mustDateModify', s(['string', 'time'], true), mustModify);

export const dateFuncs: GoFuncValue[] = [
  fn('ago', s(['any']), dateAgo),
  dateFn,
  alias(dateInZoneFn, 'date_in_zone'),
  dateInZoneFn,
  alias(dateModifyFn, 'date_modify'),
  dateModifyFn,
  fn('duration', s(['any']), duration),
  fn('durationRound', s(['any']), durationRound),
  fn('htmlDate', s(['any']), (date: GoValue) => dateInZone('2006-01-02', date, 'Local')),
  fn('htmlDateInZone', s(['any', 'string']), (date: GoValue, zone: string) =>
    dateInZone('2006-01-02', date, zone),
  ),
  alias(mustDateModifyFn, 'must_date_modify'),
  mustDateModifyFn,
  fn('mustToDate', s(['string', 'string'], true), mustToDate),
  fn('now', s([]), () => GoTime.now()),
  fn('toDate', s(['string', 'string']), toDate),
  fn('unixEpoch', s(['time']), (date: GoTime) => String(date.sec)),
];
