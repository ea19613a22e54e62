/**
 * BurntSushi/toml's valueDatetime (parse.go): normalise `z`, `t` and the space separator, then
 * try time.ParseInLocation with RFC 3339 (zone Local, assumed UTC as under Helm's TZ=UTC), a local
 * datetime, a local date and a local time, in that order. Go's range checks apply (month,
 * day of month incl. leap years, hour, minute, second); fractional seconds beyond nanoseconds are
 * truncated.
 */
import type { TomlDatetimeFields, TomlDatetimeKind } from './datetime.js';
import { TomlDatetime } from './datetime.js';

const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const CLOCK = '(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?';
const FORMS: readonly { kind: TomlDatetimeKind; re: RegExp }[] = [
  { kind: 'offset', re: new RegExp(`^${DATE}T${CLOCK}(Z|[+-]\\d{2}:\\d{2})$`) },
  { kind: 'local-datetime', re: new RegExp(`^${DATE}T${CLOCK}$`) },
  { kind: 'local-date', re: new RegExp(`^${DATE}$`) },
  { kind: 'local-time', re: new RegExp(`^${CLOCK}$`) },
];

const ZONES: Record<Exclude<TomlDatetimeKind, 'offset'>, string> = {
  'local-datetime': 'datetime-local',
  'local-date': 'date-local',
  'local-time': 'time-local',
};

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function build(kind: TomlDatetimeKind, m: RegExpExecArray): TomlDatetime | undefined {
  const nums = (from: number, n: number): number[] => m.slice(from, from + n).map((x) => Number(x ?? 0));
  const hasDate = kind !== 'local-time';
  const [year = 0, month = 1, day = 1] = hasDate ? nums(1, 3) : [0, 1, 1];
  const clockAt = hasDate ? 4 : 1;
  const hasClock = kind !== 'local-date';
  const [hour = 0, minute = 0, second = 0] = hasClock ? nums(clockAt, 3) : [0, 0, 0];
  const frac = hasClock ? (m[clockAt + 3] ?? '') : '';
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  let zone = kind === 'offset' ? 'UTC' : ZONES[kind];
  if (kind === 'offset') {
    const z = m[clockAt + 4] ?? 'Z';
    if (z !== 'Z') {
      const oh = Number(z.slice(1, 3));
      const om = Number(z.slice(4, 6));
      if (oh > 23 || om > 59) return undefined;
      offsetMinutes = (z[0] === '-' ? -1 : 1) * (oh * 60 + om);
      zone = offsetMinutes === 0 ? 'UTC' : '';
    }
  }
  const fields: TomlDatetimeFields = {
    kind,
    year,
    month,
    day,
    hour,
    minute,
    second,
    nanos: frac === '' ? 0 : Number(frac.slice(0, 9).padEnd(9, '0')),
    offsetMinutes,
    zone,
  };
  return new TomlDatetime(fields);
}

/** The datetime a TOML datetime literal denotes, or undefined when Go's parser rejects it. */
export function parseDatetime(literal: string): TomlDatetime | undefined {
  const text = literal.replace(/[zt ]/g, (c) => (c === 'z' ? 'Z' : 'T'));
  for (const { kind, re } of FORMS) {
    const m = re.exec(text);
    if (m) return build(kind, m);
  }
  return undefined;
}
