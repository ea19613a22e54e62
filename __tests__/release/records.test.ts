// Release record constructors and transitions, with Helm 3's statuses and descriptions
// (helm/helm pkg/action/{install,upgrade,rollback,uninstall}.go v3.21; section 4, ST-10).
import { describe, expect, it } from '@jest/globals';
import { mockChart, mockRelease } from '../../__fixtures__/releases.js';
import { GoTime } from '../../src/gotime/time.js';
import { UTC } from '../../src/gotime/zone.js';
import type { Release } from '../../src/release/types.js';
import { isPending, STATUSES } from '../../src/release/types.js';
import {
  failInstall,
  failRender,
  failRollback,
  failUpgrade,
  helmTime,
  markDeployed,
  markPendingInstall,
  markUninstalled,
  markUninstalling,
  mergeCustomLabels,
  newInstallRelease,
  newRollbackRelease,
  newUpgradeRelease,
  supersede,
  withRendered,
} from '../../src/release/records.js';
import { fixedClock } from '../../src/gotime/clock.js';

const plus2 = { kind: 'fixed', name: '', offset: 7200 } as const;
/** 2024-05-06T07:08:09.5+02:00 */
const clock = fixedClock(1714972089, 500_000_000, plus2);

describe('Status (pkg/release/status.go, section 4)', () => {
  it('has Helm 3 exact strings', () => {
    expect(STATUSES).toEqual([
      'unknown',
      'deployed',
      'uninstalled',
      'superseded',
      'failed',
      'uninstalling',
      'pending-install',
      'pending-upgrade',
      'pending-rollback',
    ]);
  });

  it.each(STATUSES.map((s) => [s, s.startsWith('pending-')] as const))(
    'isPending(%s) = %s (uninstalling is not pending)',
    (s, want) => {
      expect(isPending(s)).toBe(want);
    },
  );
});

describe('helmTime (pkg/time/time.go; ST-10)', () => {
  it.each<[string, GoTime, string]>([
    ['zero time is ""', new GoTime(-62135596800, 0, UTC), ''],
    [
      'UTC with trimmed nanoseconds',
      new GoTime(1714972089, 120_000_000, UTC),
      '2024-05-06T05:08:09.12Z',
    ],
    ['local offset', new GoTime(1714972089, 1, plus2), '2024-05-06T07:08:09.000000001+02:00'],
    ['whole seconds', new GoTime(0, 0, UTC), '1970-01-01T00:00:00Z'],
  ])('%s', (_n, t, want) => {
    expect(helmTime(t)).toBe(want);
  });
});

describe('install records (install.go createRelease, performInstall, failRelease)', () => {
  const base = newInstallRelease({
    name: 'web',
    namespace: 'prod',
    chart: mockChart(),
    config: null,
    labels: { team: 'a' },
    clock,
  });

  it('starts at revision 1, status unknown, first = last deployed = now', () => {
    expect(base.version).toBe(1);
    expect(base.info).toEqual({
      first_deployed: '2024-05-06T07:08:09.5+02:00',
      last_deployed: '2024-05-06T07:08:09.5+02:00',
      deleted: '',
      description: '',
      status: 'unknown',
      notes: '',
    });
    expect(base.labels).toEqual({ team: 'a' });
  });

  it.each<[string, (r: Release) => Release, string, string]>([
    ['pending', markPendingInstall, 'pending-install', 'Initial install underway'],
    ['deployed', (r) => markDeployed(r, 'Install complete'), 'deployed', 'Install complete'],
    [
      'render failure',
      (r) => failRender(r, new Error('parse error')),
      'failed',
      'failed to render resource: parse error',
    ],
    [
      'install failure',
      (r) => failInstall(r, new Error('context canceled')),
      'failed',
      'Release "web" failed: context canceled',
    ],
    [
      'upgrade failure',
      (r) => failUpgrade(r, new Error('timed out')),
      'failed',
      'Upgrade "web" failed: timed out',
    ],
    [
      'rollback failure',
      (r) => failRollback(r, new Error('boom')),
      'failed',
      'Rollback "web" failed: boom',
    ],
  ])('%s', (_n, step, status, description) => {
    const next = step(base);
    expect(next.info.status).toBe(status);
    expect(next.info.description).toBe(description);
    expect(base.info.status).toBe('unknown');
  });

  it('withRendered sets manifest, hooks and notes (notes only when non-empty)', () => {
    const r = withRendered(base, { manifest: 'm', hooks: [], notes: 'n' });
    expect([r.manifest, r.info.notes]).toEqual(['m', 'n']);
    expect(withRendered(r, { manifest: 'm2', hooks: [], notes: '' }).info.notes).toBe('n');
  });
});

describe('supersede', () => {
  it('changes only the status, or sets install --replace description', () => {
    const r = mockRelease({ status: 'deployed' });
    expect(supersede(r).info).toEqual({ ...r.info, status: 'superseded' });
    expect(supersede(r, 'superseded by new release').info.description).toBe(
      'superseded by new release',
    );
  });
});

describe('upgrade record (upgrade.go prepareUpgrade, mergeCustomLabels)', () => {
  const current = mockRelease({ version: 2, labels: { a: '1', gone: 'x' } });
  const last = mockRelease({ version: 3, status: 'failed', labels: { a: '1', gone: 'x' } });
  const next = newUpgradeRelease({
    current,
    last,
    chart: mockChart(),
    config: null,
    manifest: 'm',
    hooks: [],
    notes: 'hi',
    labels: { b: '2', gone: 'null' },
    clock,
  });

  it('is last + 1, pending-upgrade, first_deployed from current', () => {
    expect(next.version).toBe(4);
    expect(next.info).toEqual({
      first_deployed: current.info.first_deployed,
      last_deployed: '2024-05-06T07:08:09.5+02:00',
      deleted: '',
      description: 'Preparing upgrade',
      status: 'pending-upgrade',
      notes: 'hi',
    });
  });

  it('merges labels; "null" deletes', () => {
    expect(next.labels).toEqual({ a: '1', b: '2' });
    expect(mergeCustomLabels({ a: '1' })).toEqual({ a: '1' });
  });
});

describe('rollback record (rollback.go prepareRollback)', () => {
  it('copies the target and describes "Rollback to <N>"', () => {
    const current = mockRelease({ version: 5, status: 'failed' });
    const target = { ...mockRelease({ version: 3, labels: { k: 'v' } }), manifest: 'old' };
    target.info = { ...target.info, notes: 'old notes' };
    const next = newRollbackRelease({ current, target, clock });
    expect(next.version).toBe(6);
    expect(next.manifest).toBe('old');
    expect(next.labels).toEqual({ k: 'v' });
    expect(next.info).toEqual({
      first_deployed: current.info.first_deployed,
      last_deployed: '2024-05-06T07:08:09.5+02:00',
      deleted: '',
      description: 'Rollback to 3',
      status: 'pending-rollback',
      notes: 'old notes',
    });
  });
});

describe('uninstall records (uninstall.go Run)', () => {
  it('uninstalling sets deleted now; uninstalled describes completion', () => {
    const r = markUninstalling(mockRelease(), clock);
    expect([r.info.status, r.info.description, r.info.deleted]).toEqual([
      'uninstalling',
      'Deletion in progress (or silently failed)',
      '2024-05-06T07:08:09.5+02:00',
    ]);
    expect(markUninstalled(r).info.description).toBe('Uninstallation complete');
    expect(markUninstalled(r, 'by CI').info.description).toBe('by CI');
    expect(markUninstalled(r).info.deleted).toBe(r.info.deleted);
  });
});
