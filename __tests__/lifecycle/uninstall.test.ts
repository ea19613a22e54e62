/**
 * uninstall() against the simulator through the real node-client, storage in Secrets.
 * Expectations follow helm/helm pkg/action/uninstall.go and resource_policy.go (v3.21.4):
 * helm-semantics.md section 4.4, HK-15, HK-16, UN-1, ORD-8; and hookline's fix of helm/helm
 * issue #9700 (design decision 11): a failing pre-delete hook leaves the release usable.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadChart } from '../../src/chart/directory.js';
import { NotFoundError } from '../../src/kube/client.js';
import { UninstallError } from '../../src/lifecycle/errors.js';
import { install } from '../../src/lifecycle/install.js';
import { uninstall } from '../../src/lifecycle/uninstall.js';
import { ReleaseNotFoundError } from '../../src/storage/driver.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { recording } from './hooks-fixtures.js';
import { config, configMapDoc, jobHook, writeChart } from './install-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('uninstall');
});
afterAll(async () => {
  await c.sim.close();
});

async function caught(p: Promise<unknown>): Promise<UninstallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UninstallError) return err;
    throw err;
  }
  throw new Error('expected an UninstallError');
}

const ref = (kind: string, name: string, apiVersion = 'v1') => ({
  apiVersion,
  kind,
  name,
  namespace: c.namespace,
});

describe('uninstall of examples/database-app (section 4.4)', () => {
  it('runs pre-delete, deletes in UninstallOrder, runs post-delete and purges', async () => {
    const cfg = config(c);
    const name = uniqueName('db');
    await install(cfg, loadChart('examples/database-app'), {
      releaseName: name,
      namespace: c.namespace,
    });
    const { kube, calls } = recording(c.client);
    const res = await uninstall({ ...cfg, kube }, name);

    expect(res.hookOutcomes.map((o) => [o.event, o.name, o.phase, o.deletePolicyApplied])).toEqual([
      ['pre-delete', `${name}-backup`, 'Succeeded', 'hook-succeeded'],
      ['post-delete', `${name}-cleanup`, 'Succeeded', 'hook-succeeded'],
    ]);
    // Step 7: Service, Deployment, ConfigMap (UninstallOrder); hooks are not deleted by it (UN-1).
    const fullname = `${name}-database-app`;
    const manifestDeletes = calls
      .filter((x) => x.method === 'delete' && x.name?.startsWith(fullname))
      .map((x) => [x.kind, x.name]);
    expect(manifestDeletes).toEqual([
      ['Service', fullname],
      ['Deployment', fullname],
      ['ConfigMap', `${fullname}-config`],
    ]);
    // The pre-delete hook ran (and was cleaned up) before any manifest object was deleted.
    const names = calls.filter((x) => x.method === 'create' || x.method === 'delete');
    const backup = names.findIndex((x) => x.method === 'create' && x.name === `${name}-backup`);
    const firstDelete = names.findIndex((x) => x.name === fullname);
    expect(backup).toBeGreaterThanOrEqual(0);
    expect(backup).toBeLessThan(firstDelete);
    expect(res.deleted.map((r) => r.kind)).toEqual(['Service', 'Deployment', 'ConfigMap']);
    expect(res.kept).toBe('');
    expect(res.release?.info.status).toBe('uninstalled');
    expect(res.release?.info.description).toBe('Uninstallation complete');
    // Step 11: every record gone.
    await expect(cfg.storage.history(name)).rejects.toThrow(ReleaseNotFoundError);
    await expect(c.client.get(ref('ConfigMap', `${fullname}-config`))).rejects.toThrow(
      NotFoundError,
    );
    // UN-1: the before-hook-creation ServiceAccount hook is not touched by uninstall.
    const sa = await c.client.get(ref('ServiceAccount', 'helm-cleanup-sa'));
    expect(sa.metadata.name).toBe('helm-cleanup-sa');
  });
});

describe('resource policy and history (HK-15, HK-16, steps 3, 8, 12)', () => {
  it('keeps `keep` objects and reports them; other values neither deleted nor reported', async () => {
    const cfg = config(c);
    const name = uniqueName('keep');
    const chart = writeChart('keep', {
      'a.yaml': configMapDoc(`${name}-kept`, { 'helm.sh/resource-policy': ' Keep ' }),
      'b.yaml': configMapDoc(`${name}-odd`, { 'helm.sh/resource-policy': 'delete' }),
      'c.yaml': configMapDoc(`${name}-plain`, { other: 'x' }),
    });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const res = await uninstall(cfg, name, { wait: true, timeout: 10_000 });
    expect(res.kept).toBe(
      `These resources were kept due to the resource policy:\n[ConfigMap] ${name}-kept\n`,
    );
    expect(res.deleted.map((r) => r.name)).toEqual([`${name}-plain`]);
    expect((await c.client.get(ref('ConfigMap', `${name}-kept`))).metadata.name).toBe(
      `${name}-kept`,
    );
    expect((await c.client.get(ref('ConfigMap', `${name}-odd`))).metadata.name).toBe(`${name}-odd`);
    await expect(c.client.get(ref('ConfigMap', `${name}-plain`))).rejects.toThrow(NotFoundError);
  });

  it('keepHistory stores `uninstalled`; a second run refuses, a purge then removes it', async () => {
    const cfg = config(c);
    const name = uniqueName('hist');
    const chart = writeChart('hist', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const res = await uninstall(cfg, name, { keepHistory: true, description: 'bye' });
    expect(res.release?.info.description).toBe('bye');
    const stored = await cfg.storage.get(name, 1);
    expect(stored.info.status).toBe('uninstalled');
    expect(stored.info.deleted).not.toBe('');
    const again = await caught(uninstall(cfg, name, { keepHistory: true }));
    expect(again.message).toBe(`the release named "${name}" is already deleted`);
    await uninstall(cfg, name);
    await expect(cfg.storage.history(name)).rejects.toThrow(ReleaseNotFoundError);
  });

  it('install --replace over an uninstalled release supersedes it (install step 12)', async () => {
    const cfg = config(c);
    const name = uniqueName('repl');
    const chart = writeChart('repl', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    await uninstall(cfg, name, { keepHistory: true });
    const res = await install(cfg, chart, {
      releaseName: name,
      namespace: c.namespace,
      replace: true,
    });
    expect(res.release.version).toBe(2);
    const old = await cfg.storage.get(name, 1);
    expect([old.info.status, old.info.description]).toEqual([
      'superseded',
      'superseded by new release',
    ]);
  });

  it.each([
    ['Bad_Name', {}, 'uninstall: Release name is invalid: Bad_Name'],
    ['absent', {}, 'uninstall: Release not loaded: absent: release: not found'],
  ])('refuses %s (step 2)', async (name, opts, message) => {
    const err = await caught(uninstall(config(c), name, opts));
    expect(err.message).toBe(message);
  });

  it('ignoreNotFound succeeds without a release', async () => {
    const res = await uninstall(config(c), 'absent', { ignoreNotFound: true });
    expect(res.release).toBeUndefined();
  });
});

describe('failing pre-delete hook (issue #9700 fixed, decision 11)', () => {
  it('leaves the release deployed with the failure described, objects untouched', async () => {
    const cfg = config(c);
    const name = uniqueName('pd');
    const chart = writeChart('pd', {
      'hook.yaml': jobHook(`${name}-backup`, 'pre-delete', 'echo dumping; exit 3'),
      'cm.yaml': configMapDoc(`${name}-cm`),
    });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const err = await caught(uninstall(cfg, name));
    const reason = `job ${name}-backup failed: BackoffLimitExceeded`;
    expect(err.message).toBe(reason);
    expect(err.hookOutcomes[0]?.logTail).toContain('dumping');
    const stored = await cfg.storage.get(name, 1);
    expect(stored.info.status).toBe('deployed');
    expect(stored.info.description).toBe(`Uninstall failed: ${reason}`);
    expect(stored.info.deleted).toBe('');
    expect((await c.client.get(ref('ConfigMap', `${name}-cm`))).metadata.name).toBe(`${name}-cm`);
    // Still usable: --no-hooks completes the uninstall.
    const res = await uninstall(cfg, name, { noHooks: true });
    expect(res.hookOutcomes).toEqual([]);
    await expect(cfg.storage.history(name)).rejects.toThrow(ReleaseNotFoundError);
  });
});
