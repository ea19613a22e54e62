// The hook summary hookline prints after a command (design.md section 1: every hook's outcome;
// for a failed hook its reason, last log lines and recent events).
import { describe, expect, it } from '@jest/globals';
import { formatHookSummary } from '../../src/cli/hook-summary.js';
import type { HookOutcome } from '../../src/lifecycle/hook-outcome.js';

const outcome = (o: Partial<HookOutcome>): HookOutcome => ({
  event: 'pre-install',
  kind: 'Job',
  name: 'j',
  namespace: 'ns',
  path: 'c/templates/j.yaml',
  weight: 0,
  phase: 'Succeeded',
  startedAt: '',
  completedAt: '',
  durationMs: 1200,
  logTail: '',
  containers: [],
  events: [],
  ...o,
});

describe('formatHookSummary', () => {
  it('prints nothing when no hook ran', () => {
    expect(formatHookSummary([])).toBe('');
  });

  it('lists every hook in the order it ran, with the policy that deleted it', () => {
    const text = formatHookSummary([
      outcome({ kind: 'ServiceAccount', name: 'sa', weight: -10, durationMs: 0 }),
      outcome({ name: 'db-init', deletePolicyApplied: 'hook-succeeded' }),
    ]);
    expect(text).toBe(
      [
        'HOOKS:',
        'EVENT        HOOK               WEIGHT  PHASE      DURATION  DELETED BY',
        'pre-install  ServiceAccount/sa  -10     Succeeded  -         -',
        'pre-install  Job/db-init        0       Succeeded  1.2s      hook-succeeded',
        '',
      ].join('\n'),
    );
  });

  it('details a failed hook: reason, container exit, last log lines, events', () => {
    const text = formatHookSummary([
      outcome({
        name: 'migrate',
        phase: 'Failed',
        reason: 'job migrate failed: BackoffLimitExceeded',
        containers: [
          { pod: 'migrate-x', container: 'm', reason: 'Error', exitCode: 3, logTail: '' },
        ],
        logTail: 'connecting\nfailed: no such table\nError: exit code 3\n',
        events: [
          {
            object: 'Job migrate',
            type: 'Warning',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
            count: 1,
          },
        ],
      }),
    ]);
    expect(text).toContain('FAILED HOOK pre-install Job/migrate (c/templates/j.yaml):');
    expect(text).toContain('  reason: job migrate failed: BackoffLimitExceeded');
    expect(text).toContain('  container migrate-x/m: Error exit code 3');
    expect(text).toContain(
      '  last log lines:\n    connecting\n    failed: no such table\n    Error: exit code 3',
    );
    expect(text).toContain(
      '  event: Job migrate: Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
    );
  });
});

describe('formatHookSummary for the step log (issue 8 items 7, 8)', () => {
  it('prints the exit code as a field and labels a waiting message as such', () => {
    const text = formatHookSummary([
      outcome({
        phase: 'Failed',
        reason: 'job j failed: BackoffLimitExceeded',
        exitCode: 3,
        containers: [
          {
            pod: 'j-x',
            container: 'main',
            reason: 'CrashLoopBackOff',
            exitCode: 3,
            state: 'waiting',
            message: 'back-off 10s restarting failed container',
            logTail: '',
          },
        ],
      }),
    ]);
    expect(text).toContain('  exit code: 3\n');
    expect(text).toContain(
      '  container j-x/main: CrashLoopBackOff exit code 3\n    waiting message: back-off 10s restarting failed container\n',
    );
    expect(text).not.toContain('termination message');
  });

  it('with allLogs prints every hook log, not only the failed one', () => {
    const hooks = [outcome({ name: 'seed', logTail: 'seeded 3 rows\n' })];
    expect(formatHookSummary(hooks, { allLogs: true })).toContain(
      'LOG OF HOOK pre-install Job/seed:\n  seeded 3 rows',
    );
    expect(formatHookSummary(hooks)).not.toContain('seeded 3 rows');
  });
});
