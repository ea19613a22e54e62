// The injectable Clock (docs/style.md section 6, habit 5).
import { describe, expect, it } from '@jest/globals';
import { UTC } from '../../src/gotime/zone.js';
import { fixedClock, manualClock, systemClock } from '../../src/gotime/clock.js';

describe('clocks', () => {
  it('fixedClock returns the same instant in the given zone', () => {
    const c = fixedClock(1700000000, 5, UTC);
    expect(c.now().format('2006-01-02T15:04:05.999999999Z07:00')).toBe(
      '2023-11-14T22:13:20.000000005Z',
    );
    expect(c.now().sec).toBe(1700000000);
  });

  it('manualClock advances by milliseconds', () => {
    const c = manualClock(10, UTC);
    c.advance(1500);
    expect([c.now().sec, c.now().nsec]).toEqual([11, 500_000_000]);
  });

  it('systemClock follows Date.now', () => {
    const before = Math.floor(Date.now() / 1000);
    const t = systemClock.now().sec;
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(before + 2);
  });
});
