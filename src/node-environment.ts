/**
 * The Node process's time environment for the pure core (src/gotime/environment.ts): `TZ` read
 * on each call (tests change it), Date.now and process.hrtime. Installed by the entry points.
 */
import { readlinkSync } from 'node:fs';
import { setTimeEnvironment, type TimeEnvironment } from './gotime/environment.js';

let systemZone: { readonly name: string | undefined } | undefined;

/**
 * The zone `/etc/localtime` links to (`…/zoneinfo/Europe/Berlin` -> `Europe/Berlin`), read once;
 * undefined when it is no link into a zoneinfo tree (a copied file, another OS), and the core
 * asks Intl instead. `posix/` trees hold the same zones; `right/` ones count leap seconds, which
 * Intl's zones do not, so those are left to Intl.
 */
export function readSystemZone(
  link: () => string = () => readlinkSync('/etc/localtime'),
): string | undefined {
  try {
    const m = /(?:^|\/)zoneinfo\/(?:posix\/)?(?!right\/)(.+)$/.exec(link());
    return m?.[1];
  } catch {
    return undefined;
  }
}

export const nodeTimeEnvironment: TimeEnvironment = {
  tz: () => process.env.TZ,
  systemZone: () => (systemZone ??= { name: readSystemZone() }).name,
  nowMillis: () => Date.now(),
  monotonicNanos: () => process.hrtime.bigint(),
};

/** Install the process's environment; returns a function restoring the previous one. */
export function installNodeEnvironment(): () => void {
  return setTimeEnvironment(nodeTimeEnvironment);
}
