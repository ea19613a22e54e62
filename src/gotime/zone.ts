/**
 * Go's *time.Location for templates: UTC, Local (the process time zone, `TZ`), IANA zones
 * (offsets and abbreviations from the runtime's ICU data through Intl) and fixed zones
 * (golang/go:src/time/zoneinfo.go). `LoadLocation` semantics follow zoneinfo_read.go.
 */
import { timeEnvironment } from './environment.js';

/** A zone in effect at an instant: abbreviation and offset east of UTC in seconds. */
export interface ZoneInfo {
  readonly name: string;
  readonly offset: number;
}

export type GoLocation =
  | { readonly kind: 'utc' }
  | { readonly kind: 'fixed'; readonly name: string; readonly offset: number }
  | { readonly kind: 'iana'; readonly name: string; readonly tz: string };

export const UTC: GoLocation = { kind: 'utc' };

/**
 * IANA names of UTC itself, answered without Intl (offset 0, abbreviation "UTC" at every
 * instant): a formatter for a zone costs ~13 ms of ICU set-up, and UTC is the zone of most
 * machines that run hookline (CI runners, containers).
 */
const UTC_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC']);

/**
 * The process's zone: `TZ` if set (empty means UTC, as in Go), else the system zone the edge
 * read (when it is a zone Intl knows), else the runtime's.
 */
function localTimeZone(): string {
  const env = timeEnvironment();
  const tz = env.tz();
  if (tz !== undefined) return tz === '' ? 'UTC' : tz.replace(/^:/, '');
  const system = env.systemZone?.();
  if (system !== undefined && isValidZone(system)) return system;
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** time.Local. Resolved on each call so tests can change `TZ`. */
export function localLocation(): GoLocation {
  const tz = localTimeZone();
  return { kind: 'iana', name: 'Local', tz: isValidZone(tz) ? tz : 'UTC' };
}

const validZones = new Map<string, boolean>();

function isValidZone(tz: string): boolean {
  if (UTC_ZONES.has(tz)) return true;
  let ok = validZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = /^[A-Za-z0-9_+\-/]+$/.test(tz) && !tz.split('/').includes('..');
    } catch {
      ok = false;
    }
    validZones.set(tz, ok);
  }
  return ok;
}

/** time.LoadLocation: "" and "UTC" are UTC, "Local" is Local; undefined for unknown names. */
export function loadLocation(name: string): GoLocation | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return localLocation();
  return isValidZone(name) ? { kind: 'iana', name, tz: name } : undefined;
}

/** What Location.String() prints. */
export function locationName(loc: GoLocation): string {
  return loc.kind === 'utc' ? 'UTC' : loc.name;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(tz, f);
  }
  return f;
}

function nameFormatter(tz: string, locale: string): Intl.DateTimeFormat {
  const key = `${locale}|${tz}`;
  let f = nameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' });
    nameFormatters.set(key, f);
  }
  return f;
}

// JS Date covers ±8.64e15 ms; beyond that, clamp (tz rules are constant that far out anyway).
const MAX_SEC = 8.64e12;
const clampSec = (sec: number): number => Math.max(-MAX_SEC, Math.min(MAX_SEC, sec));

function ianaOffset(tz: string, sec: number): number {
  if (UTC_ZONES.has(tz)) return 0;
  const s = clampSec(sec);
  const parts = partsFormatter(tz).formatToParts(new Date(s * 1000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
  const year = bc ? 1 - get('year') : get('year');
  const d = new Date(0);
  d.setUTCFullYear(year, get('month') - 1, get('day'));
  d.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return Math.round(d.getTime() / 1000) - Math.floor(s);
}

/** Go's fallback abbreviation for zones without letters, e.g. `+03`, `-0330` (tzdata style). */
function numericAbbrev(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = String(Math.floor(abs / 3600)).padStart(2, '0');
  const m = Math.floor((abs % 3600) / 60);
  return m === 0 ? `${sign}${h}` : `${sign}${h}${String(m).padStart(2, '0')}`;
}

function ianaAbbrev(tz: string, sec: number, offset: number): string {
  if (UTC_ZONES.has(tz)) return 'UTC';
  const date = new Date(clampSec(sec) * 1000);
  // en-US names US zones; en-GB names European ones (CET, BST). Elsewhere ICU's names are
  // not tzdata's (e.g. "GST" where tzdata says "+04"), so fall back to the numeric form.
  const locales = tz.startsWith('Europe/') ? ['en-US', 'en-GB'] : ['en-US'];
  for (const locale of locales) {
    const name = nameFormatter(tz, locale)
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{3,5}$/.test(name) && name !== 'GMT') return name;
    if (name === 'GMT' && offset === 0) return 'GMT';
  }
  return numericAbbrev(offset);
}

/** The zone in effect at Unix second `sec` (Location.lookup). */
export function zoneAt(loc: GoLocation, sec: number): ZoneInfo {
  switch (loc.kind) {
    case 'utc':
      return { name: 'UTC', offset: 0 };
    case 'fixed':
      return { name: loc.name, offset: loc.offset };
    case 'iana': {
      const offset = ianaOffset(loc.tz, sec);
      return { name: ianaAbbrev(loc.tz, sec, offset), offset };
    }
  }
}

/**
 * Unix seconds of a wall-clock time (expressed as seconds since the epoch as if UTC) in `loc`,
 * resolving gaps and overlaps the way time.Date does.
 */
export function wallToUnix(loc: GoLocation, wall: number): number {
  const off1 = zoneAt(loc, wall).offset;
  if (off1 === 0) return wall;
  const utc = wall - off1;
  const off2 = zoneAt(loc, utc).offset;
  return off2 === off1 ? utc : wall - off2;
}

/**
 * Location.lookupName: the offset of a zone abbreviation that `loc` uses near `unix`
 * (the wall time read as UTC), if any.
 */
export function lookupZoneName(loc: GoLocation, name: string, unix: number): number | undefined {
  const halfYear = 183 * 86400;
  for (const probe of [unix, unix - halfYear, unix + halfYear]) {
    const z = zoneAt(loc, probe);
    if (z.name === name) {
      const at = zoneAt(loc, unix - z.offset);
      if (at.name === name) return at.offset;
      return z.offset;
    }
  }
  return undefined;
}
