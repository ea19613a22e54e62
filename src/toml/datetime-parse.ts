/**
 * BurntSushi/toml's valueDatetime (parse.go): normalise `z`, `t` and the space separator, then
 * try time.ParseInLocation with RFC 3339 (zone Local, assumed UTC as under Helm's TZ=UTC), a
 * local datetime, a local date and a local time, in that order (TOML_DATETIME_FORMS). Go's
 * range checks and fraction truncation are those of src/gotime/parse.ts.
 */
import { TimeParseError } from '../gotime/parse.js';
import { parseInLocation } from '../gotime/time.js';
import { TOML_DATETIME_FORMS, TomlDatetime } from './datetime.js';

/** The datetime a TOML datetime literal denotes, or undefined when Go's parser rejects it. */
export function parseDatetime(literal: string): TomlDatetime | undefined {
  const text = literal.replace(/[zt ]/g, (c) => (c === 'z' ? 'Z' : 'T'));
  for (const form of TOML_DATETIME_FORMS) {
    try {
      return new TomlDatetime(form, parseInLocation(form.layout, text, form.loc));
    } catch (e) {
      if (!(e instanceof TimeParseError)) throw e;
    }
  }
  return undefined;
}
