/**
 * Go's time.Time as a template value: an instant (Unix seconds + nanoseconds), a location, and
 * an optional monotonic reading (only time.Now sets one; String prints it as `m=+0.001`).
 * Mirrors golang/go:src/time/time.go. goType is `time.Time` (kind `struct`, no exported fields).
 */
import type { FuncSignature } from '../gotemplate/functions.js';
import { fn } from '../gotemplate/functions.js';
import type { GoFuncValue, GoTypeInfo, GoValue } from '../gotemplate/values.js';
import { GoInt, GoStruct } from '../gotemplate/values.js';
import type { Civil } from './civil.js';
import { civilFromSeconds, secondsFromCivil } from './civil.js';
import { durationString, SECOND } from './duration.js';
import { sinceStart, timeEnvironment } from './environment.js';
import { formatLayout } from './layout.js';
import { parseLayout } from './parse.js';
import type { GoLocation, ZoneInfo } from './zone.js';
import { UTC, localLocation, lookupZoneName, wallToUnix, zoneAt } from './zone.js';

/** Unix seconds of Go's zero Time (January 1, year 1, 00:00:00 UTC). */
export const ZERO_UNIX = -62135596800;

export class GoTime extends GoStruct {
  readonly fieldNames: readonly string[] = [];
  private typeInfo: GoTypeInfo | undefined;

  /**
   * @param sec  Unix seconds (integer)
   * @param nsec nanoseconds within the second, 0..999999999
   * @param loc  the location used for display
   * @param mono monotonic reading in nanoseconds since process start (time.Now only)
   */
  constructor(
    readonly sec: number,
    readonly nsec: number,
    readonly loc: GoLocation,
    readonly mono?: bigint,
  ) {
    super();
  }

  get goType(): GoTypeInfo {
    this.typeInfo ??= { name: 'time.Time', kind: 'struct', methods: timeMethods(this) };
    return this.typeInfo;
  }

  field(): GoValue {
    return null;
  }

  /** time.Now(). */
  static now(): GoTime {
    const env = timeEnvironment();
    const ms = env.nowMillis();
    const hr = env.monotonicNanos();
    const sec = Math.floor(ms / 1000);
    const nsec = (ms - sec * 1000) * 1e6 + Number(hr % 1000000n);
    return new GoTime(sec, nsec, localLocation(), sinceStart(hr));
  }

  /** time.Unix(sec, 0) in Local. */
  static unix(sec: number): GoTime {
    return new GoTime(sec, 0, localLocation());
  }

  zone(): ZoneInfo {
    return zoneAt(this.loc, this.sec);
  }

  civil(): Civil {
    return civilFromSeconds(this.sec + this.zone().offset);
  }

  format(layout: string): string {
    const z = this.zone();
    return formatLayout(layout, {
      civil: civilFromSeconds(this.sec + z.offset),
      nsec: this.nsec,
      zoneName: z.name,
      offset: z.offset,
    });
  }

  in(loc: GoLocation): GoTime {
    return new GoTime(this.sec, this.nsec, loc);
  }

  /** Add a duration in nanoseconds (keeps the monotonic reading, as Go does). */
  add(d: bigint): GoTime {
    const total = BigInt(this.nsec) + d;
    const secs = total / SECOND - (total % SECOND < 0n ? 1n : 0n);
    const nsec = Number(total - secs * SECOND);
    const mono = this.mono === undefined ? undefined : this.mono + d;
    return new GoTime(this.sec + Number(secs), nsec, this.loc, mono);
  }

  /** t.Sub(u) in nanoseconds. */
  sub(u: GoTime): bigint {
    if (this.mono !== undefined && u.mono !== undefined) return this.mono - u.mono;
    return (BigInt(this.sec) - BigInt(u.sec)) * SECOND + BigInt(this.nsec - u.nsec);
  }

  addDate(years: number, months: number, days: number): GoTime {
    const c = this.civil();
    const wall = secondsFromCivil(
      c.year + years,
      c.month + months,
      c.day + days,
      c.hour,
      c.minute,
      c.second,
    );
    return new GoTime(wallToUnix(this.loc, wall), this.nsec, this.loc);
  }

  unixNano(): bigint {
    return BigInt.asIntN(64, BigInt(this.sec) * SECOND + BigInt(this.nsec));
  }

  isZero(): boolean {
    return this.sec === ZERO_UNIX && this.nsec === 0;
  }

  /** Time.String (used by fmt through the GoStringer hook). */
  goString(): string {
    let s = this.format('2006-01-02 15:04:05.999999999 -0700 MST');
    if (this.mono !== undefined) {
      const m = this.mono;
      const sign = m < 0n ? '-' : '+';
      const abs = m < 0n ? -m : m;
      s += ` m=${sign}${abs / SECOND}.${(abs % SECOND).toString().padStart(9, '0')}`;
    }
    return s;
  }

  /** Time.MarshalJSON's value (gojson's GoJsonMarshaler): RFC 3339 with nanoseconds. */
  toGoJson(): GoValue {
    return this.format('2006-01-02T15:04:05.999999999Z07:00');
  }

  /** Time.MarshalJSON: the JSON text. */
  marshalJSON(): string {
    return JSON.stringify(this.toGoJson());
  }
}

/**
 * time.ParseInLocation(layout, value, loc). Throws TimeParseError.
 * Zone resolution follows the end of Go's `parse`.
 */
export function parseInLocation(layout: string, value: string, loc: GoLocation): GoTime {
  const p = parseLayout(layout, value);
  const wall = secondsFromCivil(p.year, p.month, p.day, p.hour, p.minute, p.second);
  if (p.utc) return new GoTime(wall, p.nsec, UTC);
  if (p.zoneOffset !== undefined) {
    const sec = wall - p.zoneOffset;
    const z = zoneAt(loc, sec);
    if (z.offset === p.zoneOffset && (p.zoneName === '' || z.name === p.zoneName)) {
      return new GoTime(sec, p.nsec, loc);
    }
    return new GoTime(sec, p.nsec, { kind: 'fixed', name: p.zoneName, offset: p.zoneOffset });
  }
  if (p.zoneName !== '') {
    const offset = lookupZoneName(loc, p.zoneName, wall);
    if (offset !== undefined) return new GoTime(wall - offset, p.nsec, loc);
    const gmt = /^GMT([+-][0-9]+)$/.exec(p.zoneName);
    const off = gmt ? Number(gmt[1]) * 3600 : 0;
    return new GoTime(wall - off, p.nsec, { kind: 'fixed', name: p.zoneName, offset: off });
  }
  return new GoTime(wallToUnix(loc, wall), p.nsec, loc);
}

/** Go's zero Time (what toDate returns on a parse error). */
export function zeroTime(): GoTime {
  return new GoTime(ZERO_UNIX, 0, UTC);
}

const sig = (params: FuncSignature['params']): FuncSignature => ({ params });

/** The methods templates call on a time.Time (`{{ now.Year }}`, `{{ (now).Format "…" }}`). */
function timeMethods(t: GoTime): Record<string, GoFuncValue> {
  const int = (n: number): GoInt => new GoInt(n, 'int');
  const methods: GoFuncValue[] = [
    fn('Format', sig(['string']), (layout: string) => t.format(layout)),
    fn('String', sig([]), () => t.goString()),
    fn('Unix', sig([]), () => new GoInt(t.sec, 'int64')),
    fn(
      'UnixMilli',
      sig([]),
      () => new GoInt(BigInt(t.sec) * 1000n + BigInt(Math.floor(t.nsec / 1e6)), 'int64'),
    ),
    fn('UnixNano', sig([]), () => new GoInt(t.unixNano(), 'int64')),
    fn('Year', sig([]), () => int(t.civil().year)),
    fn('Month', sig([]), () => new GoInt(t.civil().month, 'time.Month')),
    fn('Day', sig([]), () => int(t.civil().day)),
    fn('Hour', sig([]), () => int(t.civil().hour)),
    fn('Minute', sig([]), () => int(t.civil().minute)),
    fn('Second', sig([]), () => int(t.civil().second)),
    fn('Nanosecond', sig([]), () => int(t.nsec)),
    fn('YearDay', sig([]), () => int(t.civil().yday)),
    fn('Weekday', sig([]), () => new GoInt(t.civil().weekday, 'time.Weekday')),
    fn('IsZero', sig([]), () => t.isZero()),
    fn('UTC', sig([]), () => t.in(UTC)),
    fn('Local', sig([]), () => t.in(localLocation())),
    fn('Add', sig(['int64']), (d: GoInt) => t.add(d.value)),
    fn('AddDate', sig(['int', 'int', 'int']), (y: GoInt, m: GoInt, d: GoInt) =>
      t.addDate(y.toNumber(), m.toNumber(), d.toNumber()),
    ),
    fn('Sub', sig(['time']), (u: GoTime) => new GoInt(t.sub(u), 'time.Duration')),
    fn('Before', sig(['time']), (u: GoTime) => t.sub(u) < 0n),
    fn('After', sig(['time']), (u: GoTime) => t.sub(u) > 0n),
    fn('Equal', sig(['time']), (u: GoTime) => t.sub(u) === 0n),
  ];
  return Object.fromEntries(methods.map((m) => [m.name, m]));
}

/** time.Duration's String, re-exported for callers that print durations. */
export { durationString };
