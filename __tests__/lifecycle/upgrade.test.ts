/**
 * upgrade() against the simulator through the real node-client, storage in Secrets (ST-4).
 * Expectations follow helm/helm pkg/action/upgrade.go and cmd/helm/upgrade.go (v3.21.4):
 * helm-semantics.md section 4.2 steps 1-17 and failRelease, HK-17, ST-14..16, EX-10; design
 * decisions 8 (server-side apply, removed objects deleted) and 11 (never stuck).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadChart } from '../../src/chart/directory.js';
import { newMap } from '../../src/gotemplate/values.js';
import { NotFoundError } from '../../src/kube/client.js';
import { install } from '../../src/lifecycle/install.js';
import { uninstall } from '../../src/lifecycle/uninstall.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { ERR_PENDING, UpgradeError } from '../../src/lifecycle/errors.js';
import { setStatus } from '../../src/release/records.js';
import { Status } from '../../src/release/types.js';
import { parseSet } from '../../src/values/strvals.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, jobHook, writeChart } from './install-fixtures.js';
import {
  rejection,
  statuses,
  untilHookRunning,
  valuesChart,
  valuesConfigMap,
} from './upgrade-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('upgrade');
});
afterAll(async () => {
  await c.sim.close();
});

const ref = (kind: string, name: string, apiVersion = 'v1') => ({
  apiVersion,
  kind,
  name,
  namespace: c.namespace,
});

describe('upgrade of examples/database-app (section 4.2 steps 2-17)', () => {
  it('--set image.tag=1.22.0: revision 2 deployed, 1 superseded, image updated', async () => {
    const cfg = config(c);
    const name = uniqueName('db');
    const chart = loadChart('examples/database-app');
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const res = await upgrade(cfg, name, chart, { values: parseSet('image.tag=1.22.0') });
    expect(res.release.version).toBe(2);
    expect(res.release.info.description).toBe('Upgrade complete');
    // The chart has no pre/post-upgrade hooks: the install hooks do not run again.
    expect(res.hookOutcomes).toEqual([]);
    expect(await statuses(cfg.storage, name)).toEqual([
      ['1', 'superseded', 'Install complete'],
      ['2', 'deployed', 'Upgrade complete'],
    ]);
    const dep = await c.client.get(ref('Deployment', `${name}-database-app`, 'apps/v1'));
    const spec = dep.spec as { template: { spec: { containers: Array<{ image: string }> } } };
    expect(spec.template.spec.containers[0]?.image).toBe('nginx:1.22.0');
    // CMD-OWN still on the updated object; config is this run's --set (step 5 default).
    expect(dep.metadata.annotations?.['meta.helm.sh/release-name']).toBe(name);
    expect((await cfg.storage.get(name, 2)).config).toEqual(parseSet('image.tag=1.22.0'));
  });
});

describe('hooks and failures (steps 12, 16, failRelease)', () => {
  it('runs pre-upgrade then post-upgrade hooks of the new chart (backup-job style)', async () => {
    const cfg = config(c);
    const name = uniqueName('hooks');
    await install(cfg, writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) }), {
      releaseName: name,
      namespace: c.namespace,
    });
    const v2 = writeChart('app', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'backup.yaml': jobHook(`${name}-backup`, 'pre-upgrade', 'echo backup', 'hook-succeeded'),
      'notify.yaml': jobHook(`${name}-notify`, 'post-upgrade', 'echo done'),
    });
    const res = await upgrade(cfg, name, v2, {});
    expect(res.hookOutcomes.map((o) => [o.event, o.name, o.phase])).toEqual([
      ['pre-upgrade', `${name}-backup`, 'Succeeded'],
      ['post-upgrade', `${name}-notify`, 'Succeeded'],
    ]);
    const stored = await cfg.storage.get(name, 2);
    expect(stored.hooks.map((h) => h.last_run.phase)).toEqual(['Succeeded', 'Succeeded']);
  });

  it('a failing pre-upgrade hook: revision 2 failed, revision 1 still deployed (EX-10)', async () => {
    const cfg = config(c);
    const name = uniqueName('prefail');
    await install(cfg, writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) }), {
      releaseName: name,
      namespace: c.namespace,
    });
    const v2 = writeChart('app', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'new.yaml': configMapDoc(`${name}-new`),
      'hook.yaml': jobHook(`${name}-x`, 'pre-upgrade', 'exit 3'),
    });
    const err = await rejection(upgrade(cfg, name, v2, {}), UpgradeError);
    const reason = `pre-upgrade hooks failed: job ${name}-x failed: BackoffLimitExceeded`;
    expect(err.message).toBe(reason);
    expect(err.release?.info.status).toBe('failed');
    expect(await statuses(cfg.storage, name)).toEqual([
      ['1', 'deployed', 'Install complete'],
      ['2', 'failed', `Upgrade "${name}" failed: ${reason}`],
    ]);
    // Step 13 never ran.
    await expect(c.client.get(ref('ConfigMap', `${name}-new`))).rejects.toThrow(NotFoundError);
  });

  it('atomic: rolls back to the last deployed revision after a failed post-upgrade hook', async () => {
    const cfg = config(c);
    const name = uniqueName('atomic');
    const v1 = writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    await install(cfg, v1, { releaseName: name, namespace: c.namespace });
    const v2 = writeChart('app', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'new.yaml': configMapDoc(`${name}-new`),
      'hook.yaml': jobHook(`${name}-post`, 'post-upgrade', 'exit 3'),
    });
    const err = await rejection(
      upgrade(cfg, name, v2, { atomic: true, timeout: 20_000 }),
      UpgradeError,
    );
    const reason = `post-upgrade hooks failed: job ${name}-post failed: BackoffLimitExceeded`;
    expect(err.message).toBe(
      `release ${name} failed, and has been rolled back due to atomic being set: ${reason}`,
    );
    expect(await statuses(cfg.storage, name)).toEqual([
      ['1', 'superseded', 'Install complete'],
      ['2', 'failed', `Upgrade "${name}" failed: ${reason}`],
      ['3', 'deployed', 'Rollback to 1'],
    ]);
    // The rollback deleted the object revision 2 created (decision 8).
    await expect(c.client.get(ref('ConfigMap', `${name}-new`))).rejects.toThrow(NotFoundError);
  });

  it('cleanupOnFail deletes only the objects this upgrade created', async () => {
    const cfg = config(c);
    const name = uniqueName('cleanup');
    await install(cfg, writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) }), {
      releaseName: name,
      namespace: c.namespace,
    });
    const v2 = writeChart('app', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'new.yaml': configMapDoc(`${name}-new`),
      'hook.yaml': jobHook(`${name}-post`, 'post-upgrade', 'exit 3'),
    });
    const err = await rejection(upgrade(cfg, name, v2, { cleanupOnFail: true }), UpgradeError);
    expect(err.message).toBe(
      `post-upgrade hooks failed: job ${name}-post failed: BackoffLimitExceeded`,
    );
    await expect(c.client.get(ref('ConfigMap', `${name}-new`))).rejects.toThrow(NotFoundError);
    await c.client.get(ref('ConfigMap', `${name}-cm`));
  });

  it('atomic without a superseded/deployed revision: `unable to find a previously successful release`', async () => {
    const cfg = config(c);
    const name = uniqueName('nosuccess');
    const bad = writeChart('app', { 'hook.yaml': jobHook(`${name}-i`, 'pre-install', 'exit 1') });
    await expect(install(cfg, bad, { releaseName: name, namespace: c.namespace })).rejects.toThrow(
      /failed pre-install/,
    );
    const v2 = writeChart('app', { 'hook.yaml': jobHook(`${name}-u`, 'pre-upgrade', 'exit 1') });
    const err = await rejection(upgrade(cfg, name, v2, { atomic: true }), UpgradeError);
    expect(err.message).toBe(
      'unable to find a previously successful release when attempting to rollback. original upgrade error: ' +
        `pre-upgrade hooks failed: job ${name}-u failed: BackoffLimitExceeded`,
    );
    expect((await statuses(cfg.storage, name)).map((s) => s[1])).toEqual(['failed', 'failed']);
  });

  it('cancellation mid-hook records failed with `context canceled`, never pending (decision 11)', async () => {
    const cfg = config(c);
    const name = uniqueName('cancel');
    await install(cfg, writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) }), {
      releaseName: name,
      namespace: c.namespace,
    });
    const v2 = writeChart('app', {
      'hook.yaml': jobHook(`${name}-slow`, 'pre-upgrade', 'sleep 3600'),
    });
    const ac = new AbortController();
    const pending = rejection(upgrade(cfg, name, v2, { signal: ac.signal }), UpgradeError);
    expect(await untilHookRunning(cfg.storage, name, 2)).toBe(true);
    ac.abort();
    // The hook sleeps an hour: only the abort ends the upgrade.
    const err = await pending;
    expect(err.message).toBe('context canceled');
    expect(await statuses(cfg.storage, name)).toEqual([
      ['1', 'deployed', 'Install complete'],
      ['2', 'failed', `Upgrade "${name}" failed: context canceled`],
    ]);
  });
});

describe('values selection (step 5)', () => {
  const tmpl = { 'cm.yaml': valuesConfigMap('vals-{{ .Release.Name }}', ['a', 'b', 'c']) };
  const v1 = () => valuesChart('vals', '0.1.0', 'a: chart-a\nb: chart-b\n', tmpl);
  // Version 0.2.0 adds a default for c.
  const v2 = () => valuesChart('vals', '0.2.0', 'a: chart-a\nb: chart-b\nc: new-c\n', tmpl);
  const data = (manifest: string) => manifest.split('\ndata:\n')[1]?.trim();

  async function installed(): Promise<{ name: string; cfg: ReturnType<typeof config> }> {
    const cfg = config(c);
    const name = uniqueName('vals');
    await install(cfg, v1(), {
      releaseName: name,
      namespace: c.namespace,
      values: parseSet('a=user-a'),
    });
    return { name, cfg };
  }

  it('default: no values given → the current config is reused verbatim', async () => {
    const { name, cfg } = await installed();
    const res = await upgrade(cfg, name, v2(), {});
    expect(res.release.config).toEqual(parseSet('a=user-a'));
    expect(data(res.release.manifest)).toBe('a: "user-a"\n  b: "chart-b"\n  c: "new-c"');
  });

  it('default: values given → old overrides are dropped', async () => {
    const { name, cfg } = await installed();
    const res = await upgrade(cfg, name, v2(), { values: parseSet('b=user-b') });
    expect(res.release.config).toEqual(parseSet('b=user-b'));
    expect(data(res.release.manifest)).toBe('a: "chart-a"\n  b: "user-b"\n  c: "new-c"');
  });

  it('reset wins over reuse: only this run values, new chart defaults', async () => {
    const { name, cfg } = await installed();
    const res = await upgrade(cfg, name, v2(), { resetValues: true, reuseValues: true });
    expect(res.release.config).toEqual(newMap());
    expect(data(res.release.manifest)).toBe('a: "chart-a"\n  b: "chart-b"\n  c: "new-c"');
  });

  it('reuse [quirk]: merged over the old config, new chart defaults invisible', async () => {
    const { name, cfg } = await installed();
    const res = await upgrade(cfg, name, v2(), { reuseValues: true, values: parseSet('b=user-b') });
    expect(res.release.config).toEqual(parseSet('a=user-a,b=user-b'));
    expect(data(res.release.manifest)).toBe('a: "user-a"\n  b: "user-b"\n  c: "none"');
  });

  it('reset-then-reuse: merged over the old config with the new chart defaults', async () => {
    const { name, cfg } = await installed();
    const res = await upgrade(cfg, name, v2(), {
      resetThenReuseValues: true,
      values: parseSet('b=user-b'),
    });
    expect(res.release.config).toEqual(parseSet('a=user-a,b=user-b'));
    expect(data(res.release.manifest)).toBe('a: "user-a"\n  b: "user-b"\n  c: "new-c"');
  });
});

describe('removed objects, lock, history and --install', () => {
  it('deletes a removed template object unless the live one has resource-policy keep (HK-17)', async () => {
    const cfg = config(c);
    const name = uniqueName('removed');
    const v1 = writeChart('app', {
      'a.yaml': configMapDoc(`${name}-a`),
      'b.yaml': configMapDoc(`${name}-b`, { 'helm.sh/resource-policy': 'keep' }),
      'c.yaml': configMapDoc(`${name}-c`),
      // HK-17: exactly `keep`, no case folding, so this one is deleted.
      'd.yaml': configMapDoc(`${name}-d`, { 'helm.sh/resource-policy': 'Keep' }),
    });
    await install(cfg, v1, { releaseName: name, namespace: c.namespace });
    const res = await upgrade(
      cfg,
      name,
      writeChart('app', { 'a.yaml': configMapDoc(`${name}-a`) }),
      {},
    );
    expect(res.kept.map((r) => r.name)).toEqual([`${name}-b`]);
    expect(res.deleted.map((r) => r.name).sort()).toEqual([`${name}-c`, `${name}-d`]);
    await c.client.get(ref('ConfigMap', `${name}-a`));
    await c.client.get(ref('ConfigMap', `${name}-b`));
    await expect(c.client.get(ref('ConfigMap', `${name}-c`))).rejects.toThrow(NotFoundError);
    await expect(c.client.get(ref('ConfigMap', `${name}-d`))).rejects.toThrow(NotFoundError);
  });

  it('refuses while the last revision is pending (step 3), and without history (step 2)', async () => {
    const cfg = config(c);
    const name = uniqueName('lock');
    const chart = writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const rel = await cfg.storage.get(name, 1);
    for (const status of [Status.PendingInstall, Status.PendingUpgrade, Status.PendingRollback]) {
      await cfg.storage.update(setStatus(rel, status, 'stuck'));
      const err = await rejection(upgrade(cfg, name, chart, {}), UpgradeError);
      expect(err.message).toBe(ERR_PENDING);
    }
    const missing = await rejection(upgrade(cfg, uniqueName('none'), chart, {}), UpgradeError);
    expect(missing.message).toMatch(/^"none-[^"]+" has no deployed releases$/);
  });

  it('history-max prunes the oldest records but never the deployed one (ST-16)', async () => {
    const cfg = config(c);
    const name = uniqueName('hist');
    const good = writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    const bad = writeChart('app', { 'hook.yaml': jobHook(`${name}-x`, 'pre-upgrade', 'exit 1') });
    await install(cfg, good, { releaseName: name, namespace: c.namespace });
    await expect(upgrade(cfg, name, bad, {})).rejects.toThrow(/pre-upgrade hooks failed/);
    // [1 deployed, 2 failed]: keeping 1 before creating 3 skips the deployed 1, deletes 2.
    await upgrade(cfg, name, good, { historyMax: 2 });
    expect((await statuses(cfg.storage, name)).map((s) => s.slice(0, 2))).toEqual([
      ['1', 'superseded'],
      ['3', 'deployed'],
    ]);
    await upgrade(cfg, name, good, { historyMax: 2 });
    expect((await statuses(cfg.storage, name)).map((s) => s.slice(0, 2))).toEqual([
      ['3', 'superseded'],
      ['4', 'deployed'],
    ]);
  });

  it('install: true installs a missing release, and over an uninstalled one continues the revision', async () => {
    const cfg = config(c);
    const name = uniqueName('upinst');
    const chart = writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    const first = await upgrade(cfg, name, chart, { install: true, namespace: c.namespace });
    expect(first.installed).toBe(true);
    expect(first.release.info.description).toBe('Install complete');
    expect(cfg.log.infos).toContain(`Release "${name}" does not exist. Installing it now.`);
    const second = await upgrade(cfg, name, chart, { install: true });
    expect(second.installed).toBe(false);
    expect(second.release.version).toBe(2);
    await uninstall(cfg, name, { keepHistory: true });
    const third = await upgrade(cfg, name, chart, { install: true, namespace: c.namespace });
    expect(third.installed).toBe(true);
    expect(third.release.version).toBe(3);
    expect((await statuses(cfg.storage, name)).map((s) => s[1])).toEqual([
      'superseded',
      'superseded',
      'deployed',
    ]);
  });

  it('dry run stores and applies nothing (step 10)', async () => {
    const cfg = config(c);
    const name = uniqueName('dry');
    await install(cfg, writeChart('app', { 'cm.yaml': configMapDoc(`${name}-cm`) }), {
      releaseName: name,
      namespace: c.namespace,
    });
    const v2 = writeChart('app', { 'new.yaml': configMapDoc(`${name}-new`) });
    const res = await upgrade(cfg, name, v2, { dryRun: true });
    expect(res.release.info.description).toBe('Dry run complete');
    expect(res.release.info.status).toBe('pending-upgrade');
    expect((await statuses(cfg.storage, name)).map((s) => s[0])).toEqual(['1']);
    await expect(c.client.get(ref('ConfigMap', `${name}-new`))).rejects.toThrow(NotFoundError);
  });
});
