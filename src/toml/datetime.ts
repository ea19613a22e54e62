/**
 * TOML datetimes as BurntSushi/toml decodes them into interface{}: a time.Time, so the value is
 * the project's GoTime (src/gotime/time.ts) plus the TOML form it came from. Offset datetimes
 * carry their offset (`Z` → UTC; an offset equal to the local zone's → Local, which we take to
 * be UTC as Helm runs under TZ=UTC; any other offset → an unnamed fixed zone). Local datetimes,
 * dates and times use BurntSushi's marker zones `datetime-local`, `date-local` and `time-local`
 * (fixed zones at offset 0); a local time has the date 0000-01-01.
 */
import { GoTime } from '../gotime/time.js';
import type { GoLocation } from '../gotime/zone.js';
import { UTC } from '../gotime/zone.js';

export type TomlDatetimeKind = 'offset' | 'local-datetime' | 'local-date' | 'local-time';

export interface TomlDatetimeForm {
  readonly kind: TomlDatetimeKind;
  /** The time.Parse layout BurntSushi reads it with, and its encoder writes it back with. */
  readonly layout: string;
  /** The location the parse happens in (the marker zone of a local kind). */
  readonly loc: GoLocation;
}

const marker = (name: string): GoLocation => ({ kind: 'fixed', name, offset: 0 });

/** BurntSushi's dtTypes, in the order the decoder tries them. */
export const TOML_DATETIME_FORMS: readonly TomlDatetimeForm[] = [
  { kind: 'offset', layout: '2006-01-02T15:04:05.999999999Z07:00', loc: UTC },
  {
    kind: 'local-datetime',
    layout: '2006-01-02T15:04:05.999999999',
    loc: marker('datetime-local'),
  },
  { kind: 'local-date', layout: '2006-01-02', loc: marker('date-local') },
  { kind: 'local-time', layout: '15:04:05.999999999', loc: marker('time-local') },
];

/** A decoded TOML datetime: a time.Time that remembers which TOML form it was written in. */
export class TomlDatetime extends GoTime {
  constructor(
    readonly form: TomlDatetimeForm,
    t: GoTime,
  ) {
    super(t.sec, t.nsec, t.loc);
  }

  /** How BurntSushi's encoder writes it back (encode.go: the layout of its location). */
  tomlText(): string {
    return this.format(this.form.layout);
  }
}
