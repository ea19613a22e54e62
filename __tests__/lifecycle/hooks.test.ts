/**
 * runHooks against the simulator through the real node-client: order (ORD-5/ORD-7), the
 * Running record persisted before create (section 3.1 step 4), success cleanup in reverse
 * order (section 3.1 step 3, section 3.3), before-hook-creation (HK-9), other kinds done at
 * once (EX-5), a deleted hook counts as done (EX-6), CRDs never deleted (HK-10), the hook
 * namespace (EX-3). Expectations follow helm/helm pkg/action/hooks.go (v3.21.4).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeClient, ResourceRef } from '../../src/kube/client.js';
import { NotFoundError } from '../../src/kube/client.js';
import { runHooks, type HookDeps, type RunHooksOptions } from '../../src/lifecycle/hooks.js';
import type { Hook } from '../../src/release/hook.js';
import type { Release } from '../../src/release/types.js';
import { systemClock } from '../../src/gotime/clock.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import {
  configMapObject,
  hook,
  jobObject,
  memoryLog,
  recording,
  release,
  type Call,
} from './hooks-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('hooks');
});
afterAll(async () => {
  await c.sim.close();
});

interface Persisted {
  hooks: Array<Pick<Hook, 'name' | 'last_run' | 'delete_policies'>>;
}

function setup(kubeOverride?: KubeClient): {
  deps: HookDeps;
  calls: Call[];
  persisted: Persisted[];
  log: ReturnType<typeof memoryLog>;
} {
  const { kube, calls } = recording(kubeOverride ?? c.client);
  const persisted: Persisted[] = [];
  const log = memoryLog();
  const deps: HookDeps = {
    kube,
    clock: systemClock,
    log,
    persist: async (rel: Release) => {
      calls.push({ method: 'persist' });
      persisted.push({ hooks: structuredClone(rel.hooks) });
    },
  };
  return { deps, calls, persisted, log };
}

const opts = (extra: Partial<RunHooksOptions> = {}): RunHooksOptions => ({
  timeout: 10_000,
  signal: new AbortController().signal,
  hookLogs: 'failed',
  deletePollMs: 50,
  ...extra,
});

const ref = (kind: string, name: string): ResourceRef => ({
  apiVersion: kind === 'Job' ? 'batch/v1' : 'v1',
  kind,
  name,
  namespace: c.namespace,
});

async function exists(r: ResourceRef): Promise<boolean> {
  try {
    await c.client.get(r);
    return true;
  } catch (err) {
    if (err instanceof NotFoundError) return false;
    throw err;
  }
}

describe('order (ORD-5, ORD-7)', () => {
  it('Job `job` runs before ServiceAccount `zz-sa` (weight 0 both), `c` (weight -1) first', async () => {
    const [sa, job, cm] = [uniqueName('zz-sa'), uniqueName('job'), uniqueName('c')];
    const hooks = [
      hook({ kind: 'ServiceAccount', name: `zz-${sa}` }),
      hook({ kind: 'Job', name: job, object: jobObject(job, 'echo hi') }),
      hook({
        kind: 'ConfigMap',
        name: `z${cm}`,
        weight: -1,
        object: configMapObject(`z${cm}`, {}),
      }),
    ];
    const { deps, calls } = setup();
    const result = await runHooks(release(c.namespace, hooks), 'pre-install', deps, opts());
    expect(result.error).toBeUndefined();
    expect(result.outcomes.map((o) => o.name)).toEqual([`z${cm}`, job, `zz-${sa}`]);
    const created = calls.filter((x) => x.method === 'create').map((x) => x.name);
    expect(created).toEqual([`z${cm}`, job, `zz-${sa}`]);
  });
});

describe('a succeeding Job hook (section 3.1, EX-4, EX-9)', () => {
  it('persists Running before create, ends Succeeded, hook-succeeded deletes after ALL hooks in reverse', async () => {
    const [job, cm] = [uniqueName('migrate'), uniqueName('settings')];
    const hooks = [
      hook({
        kind: 'Job',
        name: job,
        events: ['post-install'],
        object: jobObject(job, 'sleep 5; echo migrated'),
        deletePolicies: ['hook-succeeded'],
      }),
      hook({
        kind: 'ConfigMap',
        name: cm,
        weight: 1,
        events: ['post-install'],
        object: configMapObject(cm, { a: '1' }),
        deletePolicies: ['before-hook-creation', 'hook-succeeded'],
      }),
    ];
    const rel = release(c.namespace, hooks);
    const { deps, calls, persisted } = setup();
    const before = Date.now();
    const run = await runHooks(rel, 'post-install', deps, opts({ hookLogs: 'all' }));
    expect(run.error).toBeUndefined();

    // Step 4: one persist per hook, with that hook Running, before its create.
    expect(calls.map((x) => `${x.method}${x.name ? ` ${x.name}` : ''}`)).toEqual([
      // before-hook-creation of the ConfigMap only (the Job's list lacks it).
      'persist',
      `create ${job}`,
      `podLogs ${calls.find((x) => x.method === 'podLogs')?.name}`,
      `delete ${cm}`,
      'persist',
      `create ${cm}`,
      // Step 3: reverse order, after all hooks ran.
      `delete ${cm}`,
      `delete ${job}`,
    ]);
    expect(persisted.map((p) => p.hooks.map((h) => h.last_run.phase))).toEqual([
      ['Running', ''],
      ['Succeeded', 'Running'],
    ]);
    for (const h of hooks) {
      expect(h.last_run.phase).toBe('Succeeded');
      const started = Date.parse(h.last_run.started_at);
      const completed = Date.parse(h.last_run.completed_at);
      expect(started).toBeGreaterThanOrEqual(before - 1000);
      expect(completed).toBeGreaterThanOrEqual(started);
    }
    expect(await exists(ref('Job', job))).toBe(false);
    expect(await exists(ref('ConfigMap', cm))).toBe(false);
    const [jobOutcome, cmOutcome] = run.outcomes;
    expect(jobOutcome).toMatchObject({
      kind: 'Job',
      name: job,
      namespace: c.namespace,
      phase: 'Succeeded',
      deletePolicyApplied: 'hook-succeeded',
    });
    expect(jobOutcome?.durationMs).toBeGreaterThan(0);
    // hook-logs `all`: a succeeded Job's log is collected too.
    expect(jobOutcome?.logTail.split('\n')).toContain('migrated');
    expect(jobOutcome?.containers[0]).toMatchObject({ reason: 'Completed', exitCode: 0 });
    expect(cmOutcome).toMatchObject({ kind: 'ConfigMap', phase: 'Succeeded', logTail: '' });
  });
});

describe('before-hook-creation (HK-9, section 3.1 step 2)', () => {
  it('deletes a leftover and creates the hook anew; the default policy is persisted', async () => {
    const name = uniqueName('leftover');
    const old = await c.client.create({
      ...configMapObject(name, { v: 'old' }),
      metadata: { name, namespace: c.namespace },
    } as never);
    const h = hook({ kind: 'ConfigMap', name, object: configMapObject(name, { v: 'new' }) });
    const { deps, persisted, log } = setup();
    const result = await runHooks(release(c.namespace, [h]), 'pre-install', deps, opts());
    expect(result.error).toBeUndefined();
    const now = await c.client.get(ref('ConfigMap', name));
    expect(now.data).toEqual({ v: 'new' });
    expect(now.metadata.uid).not.toBe(old.metadata.uid);
    expect(h.delete_policies).toEqual(['before-hook-creation']);
    expect(persisted[0]?.hooks[0]?.delete_policies).toEqual(['before-hook-creation']);
    // The default policy is not deleted after success: the object stays (EX-9 aside).
    expect(result.outcomes[0]?.deletePolicyApplied).toBeUndefined();
    expect(log.warns).toEqual([]);
  });
});

describe('what is waited for (EX-5, EX-6)', () => {
  it('a hook Deployment is done at once, even when it can never become ready', async () => {
    const name = uniqueName('web');
    const labels = { app: name };
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'main', image: 'registry/does-not-exist:1' }] },
        },
      },
    };
    const { deps } = setup();
    // Not waited on: a wait would end in the 2 s timeout's error, not in success.
    const result = await runHooks(
      release(c.namespace, [hook({ kind: 'Deployment', name, object: dep })]),
      'pre-install',
      deps,
      opts({ timeout: 2000 }),
    );
    expect(result.error).toBeUndefined();
    expect(result.outcomes[0]?.phase).toBe('Succeeded');
  });

  it('a Job deleted while waited on counts as success (DELETED event)', async () => {
    const name = uniqueName('ttl');
    const h = hook({ kind: 'Job', name, object: jobObject(name, 'sleep 3600') });
    const { deps } = setup();
    const running = runHooks(release(c.namespace, [h]), 'pre-install', deps, opts());
    while (!(await exists(ref('Job', name)))) await new Promise((r) => setTimeout(r, 20));
    await c.client.delete(ref('Job', name), { propagation: 'Background' });
    const result = await running;
    expect(result.error).toBeUndefined();
    expect(h.last_run.phase).toBe('Succeeded');
  });
});

describe('CRD hooks are never deleted (HK-10)', () => {
  it('hook-succeeded leaves the CRD; a second run skips before-hook-creation and fails on create', async () => {
    const plural = `w${uniqueName('x').replace('-', '')}s`;
    const name = `${plural}.example.com`;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural, singular: plural.slice(0, -1), kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        ],
      },
    };
    const h = hook({
      kind: 'CustomResourceDefinition',
      name,
      object: crd,
      deletePolicies: ['before-hook-creation', 'hook-succeeded'],
    });
    const crdRef = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name,
    };
    const { deps, calls } = setup();
    const first = await runHooks(release(c.namespace, [h]), 'pre-install', deps, opts());
    expect(first.error).toBeUndefined();
    expect(first.outcomes[0]?.deletePolicyApplied).toBeUndefined();
    expect(await exists(crdRef)).toBe(true);
    const second = await runHooks(release(c.namespace, [h]), 'pre-install', deps, opts());
    expect(second.error?.message).toMatch(
      new RegExp(
        `^warning: Hook pre-install chart/templates/${name}.yaml failed: .*already exists`,
      ),
    );
    expect(calls.filter((x) => x.method === 'delete')).toEqual([]);
  });
});

describe('namespace (EX-3)', () => {
  it("a hook goes to its manifest's namespace, else the release's (not the kubeconfig default)", async () => {
    const other = uniqueName('other');
    await c.client.ensureNamespace(other);
    const [mine, theirs] = [uniqueName('mine'), uniqueName('theirs')];
    const hooks = [
      hook({ kind: 'ConfigMap', name: mine, object: configMapObject(mine, {}) }),
      hook({
        kind: 'ConfigMap',
        name: theirs,
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: theirs, namespace: other },
        },
      }),
    ];
    const { deps } = setup();
    const result = await runHooks(release(c.namespace, hooks), 'pre-install', deps, opts());
    expect(result.error).toBeUndefined();
    expect(result.outcomes.map((o) => o.namespace)).toEqual([c.namespace, other]);
    expect(await exists(ref('ConfigMap', mine))).toBe(true);
    expect(await exists({ ...ref('ConfigMap', theirs), namespace: other })).toBe(true);
    expect(c.client.defaultNamespace).toBe('default');
  });
});
