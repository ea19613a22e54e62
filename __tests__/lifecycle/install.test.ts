/**
 * install() against the simulator through the real node-client, storage in Secrets (ST-4,
 * ST-7). Expectations follow helm/helm pkg/action/install.go and validate.go (v3.21.4):
 * helm-semantics.md section 4.1, CMD-OWN, CMD-ADOPT, EX-10, ORD-5, HK-9; design decisions
 * 11 (never stuck) and 12 (culprits).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadChart } from '../../src/chart/directory.js';
import { NotFoundError } from '../../src/kube/client.js';
import { InstallError } from '../../src/lifecycle/errors.js';
import { install } from '../../src/lifecycle/install.js';
import { ReleaseNotFoundError } from '../../src/storage/driver.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, deploymentDoc, jobHook, writeChart } from './install-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('install');
});
afterAll(async () => {
  await c.sim.close();
});

async function caught(p: Promise<unknown>): Promise<InstallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof InstallError) return err;
    throw err;
  }
  throw new Error('expected an InstallError');
}

const ref = (kind: string, name: string, apiVersion = 'v1') => ({
  apiVersion,
  kind,
  name,
  namespace: c.namespace,
});

describe('install of examples/database-app (section 4.1)', () => {
  it('runs hooks in weight order, applies owned objects and stores revision 1 deployed', async () => {
    const cfg = config(c);
    const name = uniqueName('db');
    const chart = loadChart('examples/database-app');
    const res = await install(cfg, chart, { releaseName: name, namespace: c.namespace });

    // ORD-5: pre-install by weight (SA -10, Role -9, RoleBinding -8, Job 0), then post-install.
    expect(res.hookOutcomes.map((o) => [o.event, o.kind, o.name, o.phase])).toEqual([
      ['pre-install', 'ServiceAccount', 'helm-cleanup-sa', 'Succeeded'],
      ['pre-install', 'Role', 'helm-cleanup-role', 'Succeeded'],
      ['pre-install', 'RoleBinding', 'helm-cleanup-binding', 'Succeeded'],
      ['pre-install', 'Job', `${name}-db-init`, 'Succeeded'],
      ['post-install', 'Job', `${name}-notification`, 'Succeeded'],
    ]);
    expect(res.release.info.status).toBe('deployed');
    expect(res.release.info.description).toBe('Install complete');
    expect(res.release.version).toBe(1);
    expect(res.notes).toBe(res.release.info.notes);
    expect(res.notes).not.toBe('');

    // CMD-OWN on every manifest object sent, but not in the stored manifest.
    const fullname = `${name}-database-app`;
    for (const [kind, objName, apiVersion] of [
      ['ConfigMap', `${fullname}-config`, 'v1'],
      ['Service', fullname, 'v1'],
      ['Deployment', fullname, 'apps/v1'],
    ] as const) {
      const live = await c.client.get(ref(kind, objName, apiVersion));
      expect(live.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('Helm');
      expect(live.metadata.annotations?.['meta.helm.sh/release-name']).toBe(name);
      expect(live.metadata.annotations?.['meta.helm.sh/release-namespace']).toBe(c.namespace);
    }
    expect(res.release.manifest).not.toContain('meta.helm.sh/release-name');

    // ST-3/ST-4/ST-7: the Secret's name, type and labels.
    const secret = await c.client.secrets(c.namespace).get(`sh.helm.release.v1.${name}.v1`);
    expect(secret.type).toBe('helm.sh/release.v1');
    expect(secret.metadata.labels).toMatchObject({
      owner: 'helm',
      status: 'deployed',
      name,
      version: '1',
    });
    const stored = await cfg.storage.get(name, 1);
    expect(stored.info.status).toBe('deployed');
    expect(stored.hooks.find((h) => h.name === `${name}-db-init`)?.last_run.phase).toBe(
      'Succeeded',
    );

    // HK-9: hook-succeeded deletes the Job; before-hook-creation leaves the SA in place.
    await expect(c.client.get(ref('Job', `${name}-db-init`, 'batch/v1'))).rejects.toThrow(
      NotFoundError,
    );
    const sa = await c.client.get(ref('ServiceAccount', 'helm-cleanup-sa'));
    expect(sa.metadata.name).toBe('helm-cleanup-sa');
  });
});

describe('install failures (failRelease, EX-10, decision 11)', () => {
  it('fails pre-install with the Job reason, records failed and keeps the log tail', async () => {
    const cfg = config(c);
    const name = uniqueName('pre');
    const chart = writeChart('failing', {
      'hook.yaml': jobHook(`${name}-x`, 'pre-install', 'echo migrating; exit 3'),
      'cm.yaml': configMapDoc(`${name}-cm`),
    });
    const err = await caught(install(cfg, chart, { releaseName: name, namespace: c.namespace }));
    const reason = `failed pre-install: job ${name}-x failed: BackoffLimitExceeded`;
    expect(err.message).toBe(reason);
    expect(err.release?.info.status).toBe('failed');
    const stored = await cfg.storage.get(name, 1);
    expect(stored.info.status).toBe('failed');
    expect(stored.info.description).toBe(`Release "${name}" failed: ${reason}`);
    expect(err.hookOutcomes).toHaveLength(1);
    expect(err.hookOutcomes[0]?.phase).toBe('Failed');
    expect(err.hookOutcomes[0]?.logTail).toContain('migrating');
    // Step 15 never ran.
    await expect(c.client.get(ref('ConfigMap', `${name}-cm`))).rejects.toThrow(NotFoundError);
  });

  it('atomic: uninstalls on failure and leaves no records', async () => {
    const cfg = config(c);
    const name = uniqueName('atomic');
    const chart = writeChart('atomic', {
      'hook.yaml': jobHook(`${name}-post`, 'post-install', 'exit 3'),
      'cm.yaml': configMapDoc(`${name}-cm`),
    });
    const err = await caught(
      install(cfg, chart, {
        releaseName: name,
        namespace: c.namespace,
        atomic: true,
        timeout: 20_000,
      }),
    );
    expect(err.message).toBe(
      `release ${name} failed, and has been uninstalled due to atomic being set: ` +
        `failed post-install: job ${name}-post failed: BackoffLimitExceeded`,
    );
    await expect(cfg.storage.history(name)).rejects.toThrow(ReleaseNotFoundError);
    await expect(c.client.get(ref('ConfigMap', `${name}-cm`))).rejects.toThrow(NotFoundError);
  });

  it('cancellation mid-hook records failed with `context canceled`, never pending', async () => {
    const cfg = config(c);
    const name = uniqueName('cancel');
    const chart = writeChart('slow', {
      'hook.yaml': jobHook(`${name}-slow`, 'pre-install', 'sleep 3600'),
    });
    const ac = new AbortController();
    const result = caught(
      install(cfg, chart, { releaseName: name, namespace: c.namespace, signal: ac.signal }),
    );
    // Abort once the hook has been persisted as Running (section 3.1 step 4).
    let running = false;
    for (let i = 0; i < 100 && !running; i++) {
      const rel = await cfg.storage.get(name, 1).catch(() => undefined);
      running = rel?.hooks[0]?.last_run.phase === 'Running';
      if (!running) await new Promise((r) => setTimeout(r, 50));
    }
    expect(running).toBe(true);
    ac.abort();
    // The hook sleeps an hour: only the abort ends the install.
    const err = await result;
    expect(err.message).toBe('context canceled');
    const stored = await cfg.storage.get(name, 1);
    expect(stored.info.status).toBe('failed');
    expect(stored.info.description).toBe(`Release "${name}" failed: context canceled`);
  });

  it('wait: a timeout names the Deployment and its pod ImagePullBackOff (section 4.6, decision 12)', async () => {
    const cfg = config(c);
    const name = uniqueName('wait');
    const chart = writeChart('waiting', {
      'dep.yaml': deploymentDoc(`${name}-web`, 'registry.example/does-not-exist:1'),
    });
    const err = await caught(
      install(cfg, chart, { releaseName: name, namespace: c.namespace, wait: true, timeout: 5000 }),
    );
    expect(err.message).toMatch(/^timed out waiting for the condition: /);
    expect(err.message).toContain(`Deployment ${name}-web`);
    expect(err.message).toMatch(/pod \S+: ImagePullBackOff/);
    const stored = await cfg.storage.get(name, 1);
    expect(stored.info.status).toBe('failed');
    expect(stored.info.description).toBe(`Release "${name}" failed: ${err.message}`);
  });
});

describe('name availability, dry run and adoption (steps 2, 9, 10; CMD-ADOPT)', () => {
  it('refuses a name that is still in use; --replace only over failed/uninstalled', async () => {
    const cfg = config(c);
    const name = uniqueName('name');
    const chart = writeChart('plain', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    for (const replace of [false, true]) {
      const err = await caught(
        install(cfg, chart, { releaseName: name, namespace: c.namespace, replace }),
      );
      expect(err.message).toBe('cannot re-use a name that is still in use');
    }
  });

  it('--create-namespace creates the namespace labelled name=<ns> (step 11)', async () => {
    const ns = uniqueName('created');
    const cfg = config(c, ns);
    const name = uniqueName('nsrel');
    const chart = writeChart('plain', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    const res = await install(cfg, chart, {
      releaseName: name,
      namespace: ns,
      createNamespace: true,
    });
    expect(res.release.namespace).toBe(ns);
    const live = await c.client.get({ apiVersion: 'v1', kind: 'Namespace', name: ns });
    expect(live.metadata.labels?.name).toBe(ns);
    const cm = await c.client.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: `${name}-cm`,
      namespace: ns,
    });
    expect(cm.metadata.namespace).toBe(ns);
    expect((await cfg.storage.get(name, 1)).info.status).toBe('deployed');
  });

  it('rejects an invalid name (CMD-NAME)', async () => {
    const err = await caught(
      install(config(c), writeChart('plain', {}), { releaseName: 'Bad_Name' }),
    );
    expect(err.message).toMatch(/^release name "Bad_Name": invalid release name, must match regex/);
  });

  it('dry run returns `Dry run complete` and stores or applies nothing', async () => {
    const cfg = config(c);
    const name = uniqueName('dry');
    const chart = writeChart('dry', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'hook.yaml': jobHook(`${name}-hook`, 'pre-install', 'exit 0'),
    });
    const res = await install(cfg, chart, {
      releaseName: name,
      namespace: c.namespace,
      dryRun: true,
    });
    expect(res.release.info.description).toBe('Dry run complete');
    expect(res.release.info.status).toBe('pending-install');
    expect(res.hookOutcomes).toEqual([]);
    await expect(cfg.storage.history(name)).rejects.toThrow(ReleaseNotFoundError);
    await expect(c.client.get(ref('ConfigMap', `${name}-cm`))).rejects.toThrow(NotFoundError);
    await expect(c.client.get(ref('Job', `${name}-hook`, 'batch/v1'))).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses an existing unowned object with Helm text and stores nothing', async () => {
    const cfg = config(c);
    const name = uniqueName('adopt');
    await c.client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${name}-taken`, namespace: c.namespace },
    });
    const chart = writeChart('adopt', { 'cm.yaml': configMapDoc(`${name}-taken`) });
    const err = await caught(install(cfg, chart, { releaseName: name, namespace: c.namespace }));
    expect(err.message).toBe(
      `Unable to continue with install: ConfigMap "${name}-taken" in namespace "${c.namespace}" exists and cannot be imported into the current release: ` +
        'invalid ownership metadata; ' +
        'label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"; ' +
        `annotation validation error: missing key "meta.helm.sh/release-name": must be set to "${name}"; ` +
        `annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "${c.namespace}"`,
    );
    expect(err.release).toBeUndefined();
    await expect(cfg.storage.history(name)).rejects.toThrow(ReleaseNotFoundError);
  });

  it('adopts an existing object carrying this release ownership', async () => {
    const cfg = config(c);
    const name = uniqueName('own');
    await c.client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: `${name}-mine`,
        namespace: c.namespace,
        labels: { 'app.kubernetes.io/managed-by': 'Helm' },
        annotations: {
          'meta.helm.sh/release-name': name,
          'meta.helm.sh/release-namespace': c.namespace,
        },
      },
    });
    const chart = writeChart('adopt', { 'cm.yaml': configMapDoc(`${name}-mine`) });
    const res = await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    expect(res.adopted.map((o) => o.metadata.name)).toEqual([`${name}-mine`]);
    expect(res.release.info.status).toBe('deployed');
    const live = await c.client.get(ref('ConfigMap', `${name}-mine`));
    expect(live.data).toEqual({ a: '1' });
  });
});
