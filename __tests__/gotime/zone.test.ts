// time.Local's zone (src/gotime/zone.ts): `TZ`, then the system zone the edge read, then Intl.
import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeEnvironment, type TimeEnvironment } from '../../src/gotime/environment.js';
import { localLocation, zoneAt } from '../../src/gotime/zone.js';

const JAN = Date.UTC(2026, 0, 15) / 1000;
const JUL = Date.UTC(2026, 6, 15) / 1000;

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function install(env: Partial<TimeEnvironment>): void {
  restore = setTimeEnvironment({
    tz: () => undefined,
    nowMillis: () => 0,
    monotonicNanos: () => 0n,
    ...env,
  });
}

describe('time.Local', () => {
  it('is the system zone the edge read when TZ is unset', () => {
    install({ systemZone: () => 'Europe/Berlin' });
    const local = localLocation();
    expect(local).toEqual({ kind: 'iana', name: 'Local', tz: 'Europe/Berlin' });
    expect(zoneAt(local, JAN)).toEqual({ name: 'CET', offset: 3600 });
    expect(zoneAt(local, JUL)).toEqual({ name: 'CEST', offset: 7200 });
  });

  it('is UTC, offset 0 and abbreviation UTC at every instant, for Etc/UTC', () => {
    install({ systemZone: () => 'Etc/UTC' });
    const local = localLocation();
    expect(local.kind === 'iana' && local.tz).toBe('Etc/UTC');
    for (const sec of [JAN, JUL, -62135596800, 253402300799]) {
      expect(zoneAt(local, sec)).toEqual({ name: 'UTC', offset: 0 });
    }
  });

  it('prefers TZ over the system zone, and an empty TZ means UTC (as in Go)', () => {
    install({ tz: () => 'America/New_York', systemZone: () => 'Europe/Berlin' });
    expect(zoneAt(localLocation(), JAN)).toEqual({ name: 'EST', offset: -18000 });
    restore?.();
    install({ tz: () => '', systemZone: () => 'Europe/Berlin' });
    expect(zoneAt(localLocation(), JUL)).toEqual({ name: 'UTC', offset: 0 });
  });

  it("falls back to the runtime's zone when the system zone is unknown or unreadable", () => {
    const runtime = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const systemZone of [() => undefined, () => 'Not/AZone']) {
      install({ systemZone });
      const local = localLocation();
      expect(local.kind === 'iana' && local.tz).toBe(runtime);
      restore?.();
    }
  });
});
