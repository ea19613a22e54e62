/**
 * TOML datetimes as BurntSushi/toml decodes them into interface{}: a time.Time. Offset
 * datetimes carry their offset (`Z` → UTC; an offset equal to the local zone's → Local, which
 * we take to be UTC as Helm runs under TZ=UTC; any other offset → an unnamed fixed zone). Local
 * datetimes, dates and times use BurntSushi's marker zones `datetime-local`, `date-local` and
 * `time-local` (offset 0); a local time has the date 0000-01-01.
 *
 * Modelled as a GoStruct named `time.Time` (no exported fields) with String() (Go's
 * `2006-01-02 15:04:05.999999999 -0700 MST` layout) and a JSON form (MarshalJSON's RFC 3339).
 */
import type { GoStringer, GoTypeInfo, GoValue } from '../gotemplate/values.js';
import { GoStruct } from '../gotemplate/values.js';

export type TomlDatetimeKind = 'offset' | 'local-datetime' | 'local-date' | 'local-time';

export interface TomlDatetimeFields {
  readonly kind: TomlDatetimeKind;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanos: number;
  /** Offset east of UTC in minutes (0 for local kinds). */
  readonly offsetMinutes: number;
  /** Zone name Go prints with MST: `UTC`, `datetime-local`…, or `` for an unnamed fixed zone. */
  readonly zone: string;
}

const TIME_TYPE: GoTypeInfo = { name: 'time.Time', kind: 'struct' };
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export class TomlDatetime extends GoStruct implements GoStringer {
  readonly goType = TIME_TYPE;
  readonly fieldNames: readonly string[] = [];

  constructor(readonly t: TomlDatetimeFields) {
    super();
  }

  field(): GoValue {
    return null;
  }

  private date(): string {
    return `${pad(this.t.year, 4)}-${pad(this.t.month, 2)}-${pad(this.t.day, 2)}`;
  }

  /** 15:04:05.999999999 (fraction without trailing zeros). */
  private clock(): string {
    const frac = this.t.nanos === 0 ? '' : '.' + pad(this.t.nanos, 9).replace(/0+$/, '');
    return `${pad(this.t.hour, 2)}:${pad(this.t.minute, 2)}:${pad(this.t.second, 2)}${frac}`;
  }

  private offset(colon: boolean): string {
    const m = this.t.offsetMinutes;
    const abs = Math.abs(m);
    return (m < 0 ? '-' : '+') + pad(Math.floor(abs / 60), 2) + (colon ? ':' : '') + pad(abs % 60, 2);
  }

  /** time.Time.String(). */
  goString(): string {
    const zone = this.t.zone === '' ? this.offset(false) : this.t.zone;
    return `${this.date()} ${this.clock()} ${this.offset(false)} ${zone}`;
  }

  /** MarshalJSON / RFC 3339 with nanoseconds. */
  rfc3339(): string {
    const z = this.t.offsetMinutes === 0 ? 'Z' : this.offset(true);
    return `${this.date()}T${this.clock()}${z}`;
  }

  toGoJson(): GoValue {
    return this.rfc3339();
  }

  /** How BurntSushi's encoder writes it back (local kinds keep their TOML form). */
  tomlText(): string {
    switch (this.t.kind) {
      case 'local-datetime':
        return `${this.date()}T${this.clock()}`;
      case 'local-date':
        return this.date();
      case 'local-time':
        return this.clock();
      default:
        return this.rfc3339();
    }
  }
}
