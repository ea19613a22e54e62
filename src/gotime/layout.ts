/**
 * Go reference-layout tokens and Time.Format (golang/go:src/time/format.go `nextStdChunk`,
 * `appendFormat`, `appendNano`). Layout elements: 2006 06 01 1 Jan January 02 2 _2 15 03 3 04 4
 * 05 5 PM pm MST -0700 -07:00 -07 -070000 -07:00:00 Z0700 Z07:00 Z07 Z070000 Z07:00:00
 * .000 .999 ,000 ,999 Monday Mon 002 __2.
 */
import type { Civil } from './civil.js';
import { LONG_DAYS, LONG_MONTHS, SHORT_DAYS, SHORT_MONTHS } from './civil.js';

export type StdKind =
  | 'LongMonth'
  | 'Month'
  | 'NumMonth'
  | 'ZeroMonth'
  | 'LongWeekDay'
  | 'WeekDay'
  | 'Day'
  | 'UnderDay'
  | 'ZeroDay'
  | 'UnderYearDay'
  | 'ZeroYearDay'
  | 'Hour'
  | 'Hour12'
  | 'ZeroHour12'
  | 'Minute'
  | 'ZeroMinute'
  | 'Second'
  | 'ZeroSecond'
  | 'LongYear'
  | 'Year'
  | 'PM'
  | 'pm'
  | 'TZ'
  | 'ISO8601TZ'
  | 'ISO8601SecondsTZ'
  | 'ISO8601ShortTZ'
  | 'ISO8601ColonTZ'
  | 'ISO8601ColonSecondsTZ'
  | 'NumTZ'
  | 'NumSecondsTz'
  | 'NumShortTZ'
  | 'NumColonTZ'
  | 'NumColonSecondsTZ'
  | 'FracSecond0'
  | 'FracSecond9';

/** One layout element; `digits` and `sep` only for fractional seconds. */
export interface Std {
  readonly kind: StdKind;
  readonly digits?: number;
  readonly sep?: string;
}

export interface Chunk {
  readonly prefix: string;
  readonly std: Std | null;
  /** The layout text of the element itself. */
  readonly stdStr: string;
  readonly suffix: string;
}

const ZERO_2: StdKind[] = [
  'ZeroMonth',
  'ZeroDay',
  'ZeroHour12',
  'ZeroMinute',
  'ZeroSecond',
  'Year',
];
const ONE: StdKind[] = ['Hour12', 'Minute', 'Second'];

const DASH_TZ: [string, StdKind][] = [
  ['-070000', 'NumSecondsTz'],
  ['-07:00:00', 'NumColonSecondsTZ'],
  ['-0700', 'NumTZ'],
  ['-07:00', 'NumColonTZ'],
  ['-07', 'NumShortTZ'],
];
const Z_TZ: [string, StdKind][] = [
  ['Z070000', 'ISO8601SecondsTZ'],
  ['Z07:00:00', 'ISO8601ColonSecondsTZ'],
  ['Z0700', 'ISO8601TZ'],
  ['Z07:00', 'ISO8601ColonTZ'],
  ['Z07', 'ISO8601ShortTZ'],
];

const startsWithLower = (s: string): boolean => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';
export const isDigitAt = (s: string, i: number): boolean =>
  i < s.length && s[i] >= '0' && s[i] <= '9';

function chunk(layout: string, i: number, len: number, std: Std): Chunk {
  return {
    prefix: layout.slice(0, i),
    std,
    stdStr: layout.slice(i, i + len),
    suffix: layout.slice(i + len),
  };
}

/** Find the first layout element: nextStdChunk. */
export function nextStdChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const found = stdAt(layout, i);
    if (found) return found;
  }
  return { prefix: layout, std: null, stdStr: '', suffix: '' };
}

function stdAt(layout: string, i: number): Chunk | undefined {
  const rest = layout.slice(i);
  switch (layout[i]) {
    case 'J':
      if (rest.startsWith('January')) return chunk(layout, i, 7, { kind: 'LongMonth' });
      if (rest.startsWith('Jan') && !startsWithLower(rest.slice(3))) {
        return chunk(layout, i, 3, { kind: 'Month' });
      }
      return undefined;
    case 'M':
      if (rest.startsWith('Monday')) return chunk(layout, i, 6, { kind: 'LongWeekDay' });
      if (rest.startsWith('Mon') && !startsWithLower(rest.slice(3))) {
        return chunk(layout, i, 3, { kind: 'WeekDay' });
      }
      if (rest.startsWith('MST')) return chunk(layout, i, 3, { kind: 'TZ' });
      return undefined;
    case '0':
      if (rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6') {
        return chunk(layout, i, 2, { kind: ZERO_2[rest.charCodeAt(1) - 49] });
      }
      if (rest.startsWith('002')) return chunk(layout, i, 3, { kind: 'ZeroYearDay' });
      return undefined;
    case '1':
      if (rest[1] === '5') return chunk(layout, i, 2, { kind: 'Hour' });
      return chunk(layout, i, 1, { kind: 'NumMonth' });
    case '2':
      if (rest.startsWith('2006')) return chunk(layout, i, 4, { kind: 'LongYear' });
      return chunk(layout, i, 1, { kind: 'Day' });
    case '_':
      if (rest[1] === '2') {
        // `_2006` is a literal `_` followed by the long year.
        if (rest.startsWith('_2006')) return chunk(layout, i + 1, 4, { kind: 'LongYear' });
        return chunk(layout, i, 2, { kind: 'UnderDay' });
      }
      if (rest.startsWith('__2')) return chunk(layout, i, 3, { kind: 'UnderYearDay' });
      return undefined;
    case '3':
    case '4':
    case '5':
      return chunk(layout, i, 1, { kind: ONE[layout.charCodeAt(i) - 51] });
    case 'P':
      return rest[1] === 'M' ? chunk(layout, i, 2, { kind: 'PM' }) : undefined;
    case 'p':
      return rest[1] === 'm' ? chunk(layout, i, 2, { kind: 'pm' }) : undefined;
    case '-':
      for (const [text, kind] of DASH_TZ)
        if (rest.startsWith(text)) return chunk(layout, i, text.length, { kind });
      return undefined;
    case 'Z':
      for (const [text, kind] of Z_TZ)
        if (rest.startsWith(text)) return chunk(layout, i, text.length, { kind });
      return undefined;
    case '.':
    case ',':
      return fracAt(layout, i);
  }
  return undefined;
}

function fracAt(layout: string, i: number): Chunk | undefined {
  const ch = layout[i + 1];
  if (ch !== '0' && ch !== '9') return undefined;
  let j = i + 1;
  while (j < layout.length && layout[j] === ch) j++;
  if (isDigitAt(layout, j)) return undefined;
  const std: Std = {
    kind: ch === '0' ? 'FracSecond0' : 'FracSecond9',
    digits: j - (i + 1),
    sep: layout[i],
  };
  return chunk(layout, i, j - i, std);
}

/** appendInt with zero padding to `width` (negative values keep their sign first). */
export function padInt(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
}

/** The zone data a formatted instant needs. */
export interface FormatInput {
  readonly civil: Civil;
  readonly nsec: number;
  readonly zoneName: string;
  readonly offset: number;
}

/** Time.Format. */
export function formatLayout(layout: string, t: FormatInput): string {
  let out = '';
  let rest = layout;
  while (rest !== '') {
    const { prefix, std, suffix } = nextStdChunk(rest);
    out += prefix;
    if (!std) break;
    out += formatStd(std, t);
    rest = suffix;
  }
  return out;
}

function formatStd(std: Std, t: FormatInput): string {
  const c = t.civil;
  switch (std.kind) {
    case 'Year':
      return padInt(Math.abs(c.year) % 100, 2);
    case 'LongYear':
      return padInt(c.year, 4);
    case 'Month':
      return SHORT_MONTHS[c.month - 1];
    case 'LongMonth':
      return LONG_MONTHS[c.month - 1];
    case 'NumMonth':
      return String(c.month);
    case 'ZeroMonth':
      return padInt(c.month, 2);
    case 'WeekDay':
      return SHORT_DAYS[c.weekday];
    case 'LongWeekDay':
      return LONG_DAYS[c.weekday];
    case 'Day':
      return String(c.day);
    case 'UnderDay':
      return (c.day < 10 ? ' ' : '') + String(c.day);
    case 'ZeroDay':
      return padInt(c.day, 2);
    case 'UnderYearDay':
      return (c.yday < 100 ? ' ' : '') + (c.yday < 10 ? ' ' : '') + String(c.yday);
    case 'ZeroYearDay':
      return padInt(c.yday, 3);
    case 'Hour':
      return padInt(c.hour, 2);
    case 'Hour12':
      return String(c.hour % 12 === 0 ? 12 : c.hour % 12);
    case 'ZeroHour12':
      return padInt(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
    case 'Minute':
      return String(c.minute);
    case 'ZeroMinute':
      return padInt(c.minute, 2);
    case 'Second':
      return String(c.second);
    case 'ZeroSecond':
      return padInt(c.second, 2);
    case 'PM':
      return c.hour >= 12 ? 'PM' : 'AM';
    case 'pm':
      return c.hour >= 12 ? 'pm' : 'am';
    case 'TZ':
      return t.zoneName !== '' ? t.zoneName : formatOffset('NumTZ', t.offset);
    case 'FracSecond0':
    case 'FracSecond9':
      return formatNano(t.nsec, std);
    default:
      return formatOffset(std.kind, t.offset);
  }
}

/** The numeric and ISO 8601 zone elements. */
export function formatOffset(kind: StdKind, offset: number): string {
  const iso = kind.startsWith('ISO8601');
  if (offset === 0 && iso) return 'Z';
  let zone = Math.trunc(offset / 60);
  let abs = offset;
  let out = '+';
  if (zone < 0) {
    out = '-';
    zone = -zone;
    abs = -abs;
  }
  out += padInt(Math.floor(zone / 60), 2);
  const colon = kind.includes('Colon');
  if (colon) out += ':';
  if (kind !== 'NumShortTZ' && kind !== 'ISO8601ShortTZ') out += padInt(zone % 60, 2);
  if (kind.includes('Seconds')) {
    if (colon) out += ':';
    out += padInt(abs % 60, 2);
  }
  return out;
}

/** appendNano: `.000` keeps zeros, `.999` trims them (and the dot when nothing is left). */
function formatNano(nsec: number, std: Std): string {
  const trim = std.kind === 'FracSecond9';
  const n = Math.min(std.digits ?? 0, 9);
  if (trim && (n === 0 || nsec === 0)) return '';
  let digits = padInt(nsec, 9).slice(0, n);
  if (trim) digits = digits.replace(/0+$/, '');
  return digits === '' ? '' : (std.sep ?? '.') + digits;
}
