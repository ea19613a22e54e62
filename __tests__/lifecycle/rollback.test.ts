/**
 * rollback() against the simulator through the real node-client, storage in Secrets (ST-4).
 * Expectations follow helm/helm pkg/action/rollback.go (v3.21.4): helm-semantics.md section
 * 4.3 steps 1-11, HK-17, ST-15; design decisions 8 (server-side apply) and 11 (issue #3828
 * fixed: a failed rollback hook ends `failed`, never `pending-rollback`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundError, type KubeClient } from '../../src/kube/client.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';
import { install } from '../../src/lifecycle/install.js';
import { RollbackError, rollback } from '../../src/lifecycle/rollback.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, jobHook, writeChart } from './install-fixtures.js';
import { rejection, statuses, untilHookRunning } from './upgrade-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('rollback');
});
afterAll(async () => {
  await c.sim.close();
});

const ref = (kind: string, name: string) => ({
  apiVersion: 'v1',
  kind,
  name,
  namespace: c.namespace,
});

/** Revision 1 from `v1`, revision 2 from `v2`. */
async function twoRevisions(
  prefix: string,
  v1: Record<string, string>,
  v2: Record<string, string>,
): Promise<{ name: string; cfg: ReturnType<typeof config> }> {
  const cfg = config(c);
  const name = uniqueName(prefix);
  await install(cfg, writeChart('app', v1), { releaseName: name, namespace: c.namespace });
  await upgrade(cfg, name, writeChart('app', v2), {});
  return { name, cfg };
}

describe('rollback after an upgrade (section 4.3 steps 2-11)', () => {
  it('back to 1: revision 3 deployed with revision 1 manifest, 1 and 2 superseded', async () => {
    const p = uniqueName('objs');
    const { name, cfg } = await twoRevisions(
      'back',
      { 'a.yaml': configMapDoc(`${p}-a`) },
      { 'a.yaml': configMapDoc(`${p}-a`), 'b.yaml': configMapDoc(`${p}-b`) },
    );
    const res = await rollback(cfg, name, {});
    expect(res.release.version).toBe(3);
    const one = await cfg.storage.get(name, 1);
    const three = await cfg.storage.get(name, 3);
    expect(three.manifest).toBe(one.manifest);
    expect(three.config).toEqual(one.config);
    expect(await statuses(cfg.storage, name)).toEqual([
      ['1', 'superseded', 'Install complete'],
      ['2', 'superseded', 'Upgrade complete'],
      ['3', 'deployed', 'Rollback to 1'],
    ]);
    // Objects only in revision 2 are deleted (decision 8); revision 1's stay owned.
    expect(res.deleted.map((r) => r.name)).toEqual([`${p}-b`]);
    await expect(c.client.get(ref('ConfigMap', `${p}-b`))).rejects.toThrow(NotFoundError);
    const a = await c.client.get(ref('ConfigMap', `${p}-a`));
    expect(a.metadata.annotations?.['meta.helm.sh/release-name']).toBe(name);
  });

  it('runs the pre/post-rollback hooks of the TARGET revision (issue #5825)', async () => {
    const p = uniqueName('hk');
    const { name, cfg } = await twoRevisions(
      'hooks',
      {
        'a.yaml': configMapDoc(`${p}-a`),
        'pre.yaml': jobHook(`${p}-old-pre`, 'pre-rollback', 'echo old'),
        'post.yaml': jobHook(`${p}-old-post`, 'post-rollback', 'echo old'),
      },
      {
        'a.yaml': configMapDoc(`${p}-a`),
        'pre.yaml': jobHook(`${p}-new-pre`, 'pre-rollback', 'echo new'),
      },
    );
    const res = await rollback(cfg, name, { revision: 1 });
    expect(res.hookOutcomes.map((o) => [o.event, o.name, o.phase])).toEqual([
      ['pre-rollback', `${p}-old-pre`, 'Succeeded'],
      ['post-rollback', `${p}-old-post`, 'Succeeded'],
    ]);
    expect((await cfg.storage.get(name, 3)).hooks.map((h) => h.last_run.phase)).toEqual([
      'Succeeded',
      'Succeeded',
    ]);
  });
});

/** The cluster's client counting discoveries and release-history lists (Secrets by label). */
function counting(inner: KubeClient): {
  kube: KubeClient;
  counts: { discover: number; list: number };
} {
  const counts = { discover: 0, list: 0 };
  const kube = Object.create(inner) as KubeClient;
  Object.assign(kube, {
    discover: () => {
      counts.discover++;
      return inner.discover();
    },
    secrets: (namespace: string) => {
      const api = inner.secrets(namespace);
      return {
        ...api,
        list: (selector?: string) => {
          counts.list++;
          return api.list(selector);
        },
      };
    },
  });
  return { kube, counts };
}

describe('rollback round trips (issue 10)', () => {
  it('a client-side target: no discovery, the history listed once before the record (ST-14, ST-16)', async () => {
    const p = uniqueName('rt');
    const cfg = config(c);
    const name = uniqueName('trips');
    const v1 = writeChart('app', { 'a.yaml': configMapDoc(`${p}-a`) });
    const v2 = writeChart('app', {
      'a.yaml': configMapDoc(`${p}-a`),
      'b.yaml': configMapDoc(`${p}-b`),
    });
    await install(cfg, v1, { releaseName: name, namespace: c.namespace, serverSide: false });
    await upgrade(cfg, name, v2, {});
    const target = await cfg.storage.get(name, 1);
    const { kube, counts } = counting(c.client);
    const storage = new Storage(new SecretsDriver(secretsApi(kube, c.namespace)), {
      maxHistory: 10,
    });
    const res = await rollback({ ...cfg, kube, storage }, name, { revision: 1 });
    // auto keeps a client-side target client-side on any server: nothing to discover.
    expect(target.apply_method).toBe('csa');
    expect(res.release.apply_method).toBe('csa');
    expect(res.release.version).toBe(3);
    expect(counts.discover).toBe(0);
    // History (current and target) once, the pruning of Storage.Create, the deployed query.
    expect(counts.list).toBe(3);
    expect(await statuses(cfg.storage, name)).toEqual([
      ['1', 'superseded', 'Install complete'],
      ['2', 'superseded', 'Upgrade complete'],
      ['3', 'deployed', 'Rollback to 1'],
    ]);
  });

  it('a server-side target still reads discovery once (the server-side apply GA check)', async () => {
    const p = uniqueName('rs');
    const cfg = config(c);
    const name = uniqueName('trips-ssa');
    const v1 = writeChart('app', { 'a.yaml': configMapDoc(`${p}-a`) });
    await install(cfg, v1, { releaseName: name, namespace: c.namespace, serverSide: true });
    await upgrade(cfg, name, v1, {});
    const { kube, counts } = counting(c.client);
    const res = await rollback({ ...cfg, kube }, name, { revision: 1 });
    expect(counts.discover).toBe(1);
    expect(res.release.apply_method).toBe('ssa');
    expect(res.release.version).toBe(3);
  });
});

describe('rollback failures', () => {
  it('a failing pre-rollback hook ends failed, not pending-rollback (issue #3828 fixed)', async () => {
    const p = uniqueName('f');
    const { name, cfg } = await twoRevisions(
      'hookfail',
      { 'a.yaml': configMapDoc(`${p}-a`), 'pre.yaml': jobHook(`${p}-x`, 'pre-rollback', 'exit 2') },
      { 'a.yaml': configMapDoc(`${p}-a`) },
    );
    const err = await rejection(rollback(cfg, name, {}), RollbackError);
    const reason = `job ${p}-x failed: BackoffLimitExceeded`;
    expect(err.message).toBe(reason);
    expect(err.release?.info.status).toBe('failed');
    expect(await statuses(cfg.storage, name)).toEqual([
      ['1', 'superseded', 'Install complete'],
      ['2', 'deployed', 'Upgrade complete'],
      ['3', 'failed', `Rollback "${name}" failed: ${reason}`],
    ]);
    // Not locked: the next upgrade goes through (revision 4 from deployed revision 2).
    const res = await upgrade(
      cfg,
      name,
      writeChart('app', { 'a.yaml': configMapDoc(`${p}-a`) }),
      {},
    );
    expect(res.release.version).toBe(4);
  });

  it('cancellation mid-hook records failed with `context canceled` (decision 11)', async () => {
    const p = uniqueName('c');
    const { name, cfg } = await twoRevisions(
      'cancel',
      { 'pre.yaml': jobHook(`${p}-slow`, 'pre-rollback', 'sleep 3600') },
      { 'a.yaml': configMapDoc(`${p}-a`) },
    );
    const ac = new AbortController();
    const pending = rejection(rollback(cfg, name, { signal: ac.signal }), RollbackError);
    expect(await untilHookRunning(cfg.storage, name, 3)).toBe(true);
    ac.abort();
    const err = await pending;
    expect(err.message).toBe('context canceled');
    const three = await cfg.storage.get(name, 3);
    expect([three.info.status, three.info.description]).toEqual([
      'failed',
      `Rollback "${name}" failed: context canceled`,
    ]);
  });

  it.each([
    [{ revision: 9 }, 'release has no 9 version'],
    [{ revision: -1 }, 'invalid release revision'],
  ])('%j → %s (steps 1, 3)', async (opts, message) => {
    const p = uniqueName('n');
    const { name, cfg } = await twoRevisions(
      'missing',
      { 'a.yaml': configMapDoc(`${p}-a`) },
      { 'a.yaml': configMapDoc(`${p}-a`) },
    );
    const err = await rejection(rollback(cfg, name, opts), RollbackError);
    expect(err.message).toBe(message);
    expect((await statuses(cfg.storage, name)).map((s) => s[0])).toEqual(['1', '2']);
  });

  it('is the way out of a stuck pending record: no pending check (step 2)', async () => {
    const p = uniqueName('s');
    const { name, cfg } = await twoRevisions(
      'stuck',
      { 'a.yaml': configMapDoc(`${p}-a`) },
      { 'a.yaml': configMapDoc(`${p}-a`) },
    );
    const two = await cfg.storage.get(name, 2);
    await cfg.storage.update({ ...two, info: { ...two.info, status: 'pending-upgrade' } });
    const res = await rollback(cfg, name, { revision: 1 });
    expect(res.release.info.status).toBe('deployed');
    expect((await statuses(cfg.storage, name)).map((s) => s[1])).toEqual([
      'superseded',
      'pending-upgrade',
      'deployed',
    ]);
  });
});
