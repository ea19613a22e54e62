/**
 * Lifecycles under injected API faults and cancellations (issue 9; the 200-run version is
 * scripts/fault-lifecycles.ts in .ci/run): no record lost or undecodable, no release left in a
 * non-final state, no command succeeding with a non-final record. Seeded, so deterministic.
 */
import { describe, expect, it } from '@jest/globals';
import { runFaultLifecycles } from './fault-lifecycles.js';

describe('lifecycles under faults (decision 11: never stuck, never lying)', () => {
  it('with retries: every command ends in a final record, faults notwithstanding', async () => {
    const report = await runFaultLifecycles({ runs: 12, seed: 3 });
    expect(report.violations).toEqual([]);
    expect(report.succeeded).toBeGreaterThan(report.commands / 3);
    const { error500, tooMany, reset } = report.injected;
    expect(error500 + tooMany + reset).toBeGreaterThan(20);
  }, 120_000);

  it('without retries: commands fail, but none reports success with a non-final record', async () => {
    const report = await runFaultLifecycles({ runs: 10, seed: 7, noRetries: true });
    expect(report.violations).toEqual([]);
    expect(report.failed).toBeGreaterThan(report.succeeded);
  }, 120_000);
});
