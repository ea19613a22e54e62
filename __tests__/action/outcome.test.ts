/**
 * Issue 8 items 4 and 5: the run's end state comes from the stored releases, not from what the
 * verb meant to do: an atomic rollback or uninstall is a recovery with its reason; a render
 * error during install has no revision; a failed wait is "timed out".
 */
import { describe, expect, it } from '@jest/globals';
import { mockRelease } from '../../__fixtures__/releases.js';
import { endState } from '../../src/action/outcome.js';
import { WaitTimeoutError } from '../../src/kube/wait.js';
import type { Release, Status } from '../../src/release/types.js';

const rel = (version: number, status: Status, description = ''): Release => {
  const r = mockRelease({ name: 'app', version, status });
  return { ...r, info: { ...r.info, description } };
};

describe('endState', () => {
  it('an atomic install that failed and was uninstalled: no revision, the reason kept', () => {
    const attempted = rel(1, 'failed', 'Release "app" failed: pre-install hooks failed');
    const end = endState({
      command: 'install',
      atomic: true,
      error: new Error('release app failed, and has been uninstalled due to atomic being set'),
      cancelled: false,
      attempted,
      history: [],
    });
    expect(end).toEqual({
      outcome: 'uninstalled',
      status: 'uninstalled',
      revision: 0,
      description: '',
      recovery: {
        action: 'uninstall',
        reason: 'Release "app" failed: pre-install hooks failed',
        failedRevision: 1,
      },
      manifest: '',
    });
  });

  it('an atomic upgrade rolled back: the rollback record is the status and revision', () => {
    const history = [
      rel(1, 'superseded'),
      rel(2, 'superseded'),
      rel(3, 'failed', 'Upgrade "app" failed: x'),
      rel(4, 'deployed', 'Rollback to 2'),
    ];
    const end = endState({
      command: 'upgrade',
      atomic: true,
      error: new Error('rolled back'),
      cancelled: false,
      attempted: history[2],
      history,
    });
    expect(end).toMatchObject({
      outcome: 'rolled-back',
      status: 'deployed',
      revision: 4,
      description: 'Rollback to 2',
      recovery: { action: 'rollback', failedRevision: 3, toRevision: 2, revision: 4 },
    });
  });

  it('a render error during install: nothing stored, no revision', () => {
    const end = endState({
      command: 'install',
      atomic: false,
      error: new Error('parse error'),
      cancelled: false,
      attempted: undefined,
      history: [],
    });
    expect(end).toMatchObject({ outcome: 'failed', status: 'failed', revision: 0, recovery: null });
  });

  it('a failed wait is timed out; the failed record is the end state', () => {
    const failed = rel(2, 'failed', 'Upgrade "app" failed: timed out');
    const end = endState({
      command: 'upgrade',
      atomic: false,
      error: new Error('UPGRADE FAILED', { cause: new WaitTimeoutError(['Deployment web: 0/2']) }),
      cancelled: false,
      attempted: failed,
      history: [rel(1, 'deployed'), failed],
    });
    expect(end).toMatchObject({ outcome: 'timed-out', status: 'failed', revision: 2 });
  });
});
