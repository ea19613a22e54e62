/**
 * The Node process's time environment for the pure core (src/gotime/environment.ts): `TZ` read
 * on each call (tests change it), Date.now and process.hrtime. Installed by the entry points.
 */
import { setTimeEnvironment, type TimeEnvironment } from './gotime/environment.js';

export const nodeTimeEnvironment: TimeEnvironment = {
  tz: () => process.env.TZ,
  nowMillis: () => Date.now(),
  monotonicNanos: () => process.hrtime.bigint(),
};

/** Install the process's environment; returns a function restoring the previous one. */
export function installNodeEnvironment(): () => void {
  return setTimeEnvironment(nodeTimeEnvironment);
}
