/**
 * BurntSushi/toml's valueDatetime (parse.go): normalise `z`, `t` and the space separator, then
 * try time.ParseInLocation with RFC 3339 (zone Local, assumed UTC as under Helm's TZ=UTC), a
 * local datetime, a local date and a local time, in that order (TOML_DATETIME_FORMS), then the
 * TOML 1.1 forms without seconds that v1.6.0 reads by default (dtTypes' `next` entries). Those
 * decode to the same kinds, so they encode back with seconds. Go's range checks and fraction
 * truncation are those of src/gotime/parse.ts.
 */
import { TimeParseError } from '../gotime/parse.js';
import { parseInLocation } from '../gotime/time.js';
import { TOML_DATETIME_FORMS, TomlDatetime, type TomlDatetimeForm } from './datetime.js';

const [OFFSET, LOCAL_DATETIME, , LOCAL_TIME] = TOML_DATETIME_FORMS as [
  TomlDatetimeForm,
  TomlDatetimeForm,
  TomlDatetimeForm,
  TomlDatetimeForm,
];

/** The layouts tried in order, each with the form (kind, zone, encoding layout) it decodes to. */
const PARSE_ORDER: ReadonlyArray<{ layout: string; form: TomlDatetimeForm }> = [
  ...TOML_DATETIME_FORMS.map((form) => ({ layout: form.layout, form })),
  { layout: '2006-01-02T15:04Z07:00', form: OFFSET },
  { layout: '2006-01-02T15:04', form: LOCAL_DATETIME },
  { layout: '15:04', form: LOCAL_TIME },
];

/** The datetime a TOML datetime literal denotes, or undefined when Go's parser rejects it. */
export function parseDatetime(literal: string): TomlDatetime | undefined {
  const text = literal.replace(/[zt ]/g, (c) => (c === 'z' ? 'Z' : 'T'));
  for (const { layout, form } of PARSE_ORDER) {
    try {
      return new TomlDatetime(form, parseInLocation(layout, text, form.loc));
    } catch (e) {
      if (!(e instanceof TimeParseError)) throw e;
    }
  }
  return undefined;
}
