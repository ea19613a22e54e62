/**
 * test() (helm test) against the simulator through the real node-client, storage in Secrets.
 * Expectations follow helm/helm pkg/action/release_testing.go and cmd/helm/release_testing.go
 * (v3.21.4): helm-semantics.md section 4.5 (filters, same revision, skipped hooks re-prepended
 * [quirk]), HK-9 (default before-hook-creation), EX-11 and design decision 9 (logs of every
 * test hook, Jobs through their pods, read before deletion).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadChart } from '../../src/chart/directory.js';
import { install } from '../../src/lifecycle/install.js';
import {
  ReleaseTestError,
  filterHooks,
  parseTestFilters,
  test as releaseTest,
} from '../../src/lifecycle/test.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, jobHook, writeChart } from './install-fixtures.js';
import { testHook } from './status-fixtures.js';

async function caught(p: Promise<unknown>): Promise<ReleaseTestError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ReleaseTestError) return err;
    throw err;
  }
  throw new Error('expected a ReleaseTestError');
}

const unrun = { started_at: '', completed_at: '', phase: '' } as const;

describe('filters (cmd/helm/release_testing.go, section 4.5 step 3)', () => {
  it.each([
    [['name=a'], { include: ['a'], exclude: [] }],
    [['name=a,!name=b', '! name=c'], { include: ['a'], exclude: ['b', 'c'] }],
    [['name=a', 'name=b'], { include: ['a', 'b'], exclude: [] }],
    [['label=x', 'a', ''], { include: [], exclude: [] }],
  ])('parses %j', (filters, want) => {
    expect(parseTestFilters(filters)).toEqual(want);
  });

  const hooks = ['a', 'b', 'c'].map((n) => testHook(n, { ...unrun }));
  it.each([
    [[], ['a', 'b', 'c'], []],
    [['!name=b'], ['a', 'c'], ['b']],
    [['name=b'], ['b'], ['a', 'c']],
    // Exclusion first, then inclusion: skipped = excluded, then not included.
    [['name=a,name=b', '!name=a'], ['b'], ['a', 'c']],
    [['name=zzz'], [], ['a', 'b', 'c']],
  ])('%j runs %j and skips %j', (filters, executing, skipped) => {
    const got = filterHooks(hooks, parseTestFilters(filters));
    expect(got.executing.map((h) => h.name)).toEqual(executing);
    expect(got.skipped.map((h) => h.name)).toEqual(skipped);
  });
});

describe('test() against the simulator', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster('reltest');
  });
  afterAll(async () => {
    await c.sim.close();
  });

  it('runs examples/database-app test-connection and updates last_run in revision 1', async () => {
    const cfg = config(c);
    const name = uniqueName('dbt');
    await install(cfg, loadChart('examples/database-app'), {
      releaseName: name,
      namespace: c.namespace,
    });
    const res = await releaseTest(cfg, name, { hookLogs: 'all' });
    const podName = `${name}-database-app-test-connection`;
    expect(res.hookOutcomes.map((o) => [o.event, o.kind, o.name, o.phase])).toEqual([
      ['test', 'Pod', podName, 'Succeeded'],
    ]);
    expect(res.hookOutcomes[0]?.containers.map((x) => [x.pod, x.container])).toEqual([
      [podName, 'wget'],
    ]);
    const history = await cfg.storage.history(name);
    expect(history.map((r) => [r.version, r.info.status])).toEqual([[1, 'deployed']]);
    const stored = history[0]?.hooks.find((h) => h.name === podName);
    expect(stored?.last_run.phase).toBe('Succeeded');
    expect(stored?.last_run.started_at).not.toBe('');
    expect(stored?.delete_policies).toEqual(['before-hook-creation']);
    // HK-9: the pod stays until the next run, which deletes and recreates it.
    const again = await releaseTest(cfg, name);
    expect(again.hookOutcomes.map((o) => o.phase)).toEqual(['Succeeded']);
    expect((await cfg.storage.history(name)).length).toBe(1);
  });

  it('fails with the failing Job test, its log tail in the outcome, stored as Failed', async () => {
    const cfg = config(c);
    const name = uniqueName('tfail');
    const chart = writeChart('tfail', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'tests/a-ok.yaml': jobHook(`${name}-a-ok`, 'test', 'echo fine'),
      'tests/b-bad.yaml': jobHook(`${name}-b-bad`, 'test', 'echo connecting; echo refused; exit 3'),
    });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const err = await caught(releaseTest(cfg, name));
    expect(err.message).toContain(`${name}-b-bad`);
    expect(err.hookOutcomes.map((o) => [o.name, o.phase])).toEqual([
      [`${name}-a-ok`, 'Succeeded'],
      [`${name}-b-bad`, 'Failed'],
    ]);
    const bad = err.hookOutcomes[1];
    expect(bad?.logTail).toContain('connecting\nrefused');
    expect(bad?.containers[0]?.exitCode).toBe(3);
    // hook-logs 'failed': the succeeded test's logs are not read.
    expect(err.hookOutcomes[0]?.logTail).toBe('');
    const stored = await cfg.storage.get(name, 1);
    expect(stored.info.status).toBe('deployed');
    expect(stored.hooks.map((h) => [h.name, h.last_run.phase])).toEqual([
      [`${name}-a-ok`, 'Succeeded'],
      [`${name}-b-bad`, 'Failed'],
    ]);
  });

  it('collects the logs of succeeded Job tests with hookLogs all (decision 9)', async () => {
    const cfg = config(c);
    const name = uniqueName('tlogs');
    const chart = writeChart('tlogs', {
      'tests/job.yaml': jobHook(`${name}-job`, 'test', 'echo all good', 'hook-succeeded'),
    });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const res = await releaseTest(cfg, name, { hookLogs: 'all' });
    expect(res.hookOutcomes[0]?.logTail).toContain('all good');
    expect(res.hookOutcomes[0]?.deletePolicyApplied).toBe('hook-succeeded');
  });

  it('applies filters and re-prepends skipped hooks in storage [quirk]', async () => {
    const cfg = config(c);
    const name = uniqueName('tfilt');
    const chart = writeChart('tfilt', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'tests/a.yaml': jobHook(`${name}-a`, 'test', 'echo a'),
      'tests/b.yaml': jobHook(`${name}-b`, 'test', 'echo b'),
    });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const before = (await cfg.storage.get(name, 1)).hooks.map((h) => h.name);
    expect(before).toEqual([`${name}-a`, `${name}-b`]);

    const excl = await releaseTest(cfg, name, { filters: [`!name=${name}-a`] });
    expect(excl.hookOutcomes.map((o) => o.name)).toEqual([`${name}-b`]);
    let stored = (await cfg.storage.get(name, 1)).hooks;
    expect(stored.map((h) => [h.name, h.last_run.phase])).toEqual([
      [`${name}-a`, ''],
      [`${name}-b`, 'Succeeded'],
    ]);

    const incl = await releaseTest(cfg, name, { filters: [`name=${name}-b`] });
    expect(incl.hookOutcomes.map((o) => o.name)).toEqual([`${name}-b`]);
    stored = (await cfg.storage.get(name, 1)).hooks;
    expect(stored.map((h) => h.name)).toEqual([`${name}-a`, `${name}-b`]);

    const only = await releaseTest(cfg, name, { filters: [`name=${name}-a,name=${name}-b`] });
    expect(only.hookOutcomes.map((o) => o.name)).toEqual([`${name}-a`, `${name}-b`]);

    // The quirk shows when a later hook is skipped: it moves to the front.
    await releaseTest(cfg, name, { filters: [`!name=${name}-b`] });
    stored = (await cfg.storage.get(name, 1)).hooks;
    expect(stored.map((h) => h.name)).toEqual([`${name}-b`, `${name}-a`]);
  });

  it('rejects an invalid name and a missing release', async () => {
    const cfg = config(c);
    const bad = await caught(releaseTest(cfg, 'Bad_Name'));
    expect(bad.message).toBe('releaseTest: Release name is invalid: Bad_Name');
    const missing = await caught(releaseTest(cfg, 'no-such-release'));
    expect(missing.message).toBe('release: not found');
    expect(missing.release).toBeUndefined();
  });
});
