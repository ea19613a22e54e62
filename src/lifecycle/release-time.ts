/**
 * Stored release times as the Helm CLI prints them: `Format(time.ANSIC)` (cmd/helm/status.go)
 * and `Time.String()` (cmd/helm/history.go through uitable's `%v`). A stored time is read as
 * helm's time.Time UnmarshalJSON does (time.Parse: `Z` is UTC, an offset matching Local is
 * Local); `''` is Go's zero time.
 */
import { parseInLocation, zeroTime, type GoTime } from '../gotime/time.js';
import { localLocation } from '../gotime/zone.js';
import type { HelmTime } from '../release/types.js';

const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const ANSIC = 'Mon Jan _2 15:04:05 2006';
/** Go's Time.String layout (without the monotonic part, which stored times never have). */
export const TIME_STRING = '2006-01-02 15:04:05.999999999 -0700 MST';

/** The stored time as a GoTime (`''` = the zero time). */
export function readHelmTime(t: HelmTime): GoTime {
  return t === '' ? zeroTime() : parseInLocation(RFC3339, t, localLocation());
}

/** `t.Format(layout)` of a stored time. */
export function formatHelmTime(t: HelmTime, layout: string): string {
  return readHelmTime(t).format(layout);
}
