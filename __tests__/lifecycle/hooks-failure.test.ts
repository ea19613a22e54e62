/**
 * runHooks failure paths against the simulator through the real node-client, as helm/helm
 * pkg/action/hooks.go (v3.21.4) handles them (helm-semantics.md section 3.1 steps 2.6 and
 * 2.8, EX-1, EX-6..EX-8) plus hookline's diagnostics (design decision 9) and cancellation
 * (decision 11).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeClient, ResourceRef } from '../../src/kube/client.js';
import { NotFoundError } from '../../src/kube/client.js';
import {
  HookBuildError,
  HookCanceledError,
  HookCreateError,
  HookDeleteError,
  HookFailedError,
  runHooks,
  type HookDeps,
  type RunHooksOptions,
} from '../../src/lifecycle/hooks.js';
import type { Release } from '../../src/release/types.js';
import { systemClock } from '../../src/gotime/clock.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import {
  configMapObject,
  hook,
  jobObject,
  memoryLog,
  podObject,
  recording,
  release,
  type Call,
} from './hooks-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('hooks-fail');
});
afterAll(async () => {
  await c.sim.close();
});

function setup(opts: { failDeleteOf?: string; failPersist?: boolean } = {}): {
  deps: HookDeps;
  calls: Call[];
  log: ReturnType<typeof memoryLog>;
} {
  const { kube, calls } = recording(c.client);
  if (opts.failDeleteOf !== undefined) {
    const inner = kube.delete.bind(kube);
    kube.delete = async (r, o) => {
      if (r.name === opts.failDeleteOf) throw new Error(`deletion of ${r.name} refused`);
      return inner(r, o);
    };
  }
  const log = memoryLog();
  const deps: HookDeps = {
    kube: kube as KubeClient,
    clock: systemClock,
    log,
    persist: async (_rel: Release) => {
      calls.push({ method: 'persist' });
      if (opts.failPersist) throw new Error('storage down');
    },
  };
  return { deps, calls, log };
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

/** cm `first` (w-1, hook-succeeded), Job `job` failing (w0), cm `later` (w1). */
function failingEvent(names: { first: string; job: string; later: string }) {
  return [
    hook({
      kind: 'ConfigMap',
      name: names.first,
      weight: -1,
      object: configMapObject(names.first, {}),
      deletePolicies: ['hook-succeeded'],
    }),
    hook({
      kind: 'Job',
      name: names.job,
      object: jobObject(names.job, 'echo step one; echo boom; exit 3'),
      deletePolicies: ['before-hook-creation', 'hook-failed'],
      outputLogPolicies: ['hook-failed'],
    }),
    hook({
      kind: 'ConfigMap',
      name: names.later,
      weight: 1,
      object: configMapObject(names.later, {}),
    }),
  ];
}

describe('a failing Job (section 3.1 step 2.8, EX-6, HK-12/HK-13)', () => {
  it('returns `job x failed: BackoffLimitExceeded`, skips later hooks, cleans earlier ones, keeps the diagnostics', async () => {
    const names = { first: uniqueName('first'), job: uniqueName('x'), later: uniqueName('later') };
    const hooks = failingEvent(names);
    const { deps, calls, log } = setup();
    const result = await runHooks(release(c.namespace, hooks), 'pre-install', deps, opts());

    expect(result.error).toBeInstanceOf(HookFailedError);
    expect(result.error?.message).toBe(`job ${names.job} failed: BackoffLimitExceeded`);
    expect(result.error?.hook).toBe(hooks[1]);
    expect(result.error?.event).toBe('pre-install');
    // Later hooks are not run and keep their previous last_run.
    expect(hooks[2]?.last_run).toEqual({ started_at: '', completed_at: '', phase: '' });
    expect(await exists(ref('ConfigMap', names.later))).toBe(false);
    expect(hooks[1]?.last_run.phase).toBe('Failed');
    expect(hooks[1]?.last_run.completed_at).not.toBe('');
    // hook-failed for the Job, hook-succeeded for the earlier ConfigMap.
    expect(await exists(ref('Job', names.job))).toBe(false);
    expect(await exists(ref('ConfigMap', names.first))).toBe(false);
    expect(result.outcomes.map((o) => [o.name, o.phase, o.deletePolicyApplied])).toEqual([
      [names.first, 'Succeeded', 'hook-succeeded'],
      [names.job, 'Failed', 'hook-failed'],
    ]);

    const failed = result.outcomes[1];
    expect(failed?.reason).toBe(`job ${names.job} failed: BackoffLimitExceeded`);
    expect(failed?.logTail.split('\n')).toEqual(expect.arrayContaining(['step one', 'boom']));
    expect(failed?.containers[0]).toMatchObject({ container: 'main', exitCode: 3 });
    expect(failed?.events.length).toBeGreaterThan(0);
    // Logs read before the hook-failed deletion, which precedes the earlier hook's cleanup.
    const seq = calls.map((x) => `${x.method} ${x.name ?? ''}`);
    const firstLog = seq.findIndex((s) => s.startsWith('podLogs'));
    const jobDelete = seq.lastIndexOf(`delete ${names.job}`);
    expect(firstLog).toBeGreaterThan(seq.indexOf(`create ${names.job}`));
    expect(firstLog).toBeLessThan(jobDelete);
    expect(jobDelete).toBeLessThan(seq.indexOf(`delete ${names.first}`));
    // The output-log policy wrote the full log (HK-12); hook-succeeded without
    // before-hook-creation is no warning (issue 8 item 10).
    expect(log.infos.join('\n')).toContain('boom');
    expect(log.warns).toEqual([]);
  });

  it('an error cleaning an earlier hook replaces the hook error', async () => {
    const names = { first: uniqueName('first'), job: uniqueName('x'), later: uniqueName('later') };
    const { deps } = setup({ failDeleteOf: names.first });
    const result = await runHooks(
      release(c.namespace, failingEvent(names)),
      'pre-install',
      deps,
      opts(),
    );
    expect(result.error).toBeInstanceOf(HookDeleteError);
    expect(result.error?.message).toBe(`deletion of ${names.first} refused`);
    expect((result.error as HookDeleteError).policy).toBe('hook-succeeded');
  });

  it('hook-logs `none` keeps states and events but reads no logs', async () => {
    const names = { first: uniqueName('first'), job: uniqueName('x'), later: uniqueName('later') };
    const hooks = failingEvent(names);
    hooks[1]!.output_log_policies = [];
    const { deps, calls } = setup();
    const result = await runHooks(
      release(c.namespace, hooks),
      'pre-install',
      deps,
      opts({ hookLogs: 'none' }),
    );
    expect(result.outcomes[1]?.containers[0]).toMatchObject({ exitCode: 3, logTail: '' });
    expect(calls.some((x) => x.method === 'podLogs')).toBe(false);
  });
});

describe('create failures (section 3.1 step 2.6, EX-8)', () => {
  it('a leftover without before-hook-creation fails with `warning: Hook ... already exists`', async () => {
    const name = uniqueName('left');
    const leftover = await c.client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: c.namespace },
    });
    const h = hook({
      kind: 'ConfigMap',
      name,
      object: configMapObject(name, {}),
      deletePolicies: ['hook-succeeded'],
      events: ['pre-upgrade'],
    });
    const { deps, calls } = setup();
    const result = await runHooks(release(c.namespace, [h]), 'pre-upgrade', deps, opts());
    expect(result.error).toBeInstanceOf(HookCreateError);
    expect(result.error?.message).toMatch(
      new RegExp(
        `^warning: Hook pre-upgrade chart/templates/${name}\\.yaml failed: .*"${name}" already exists$`,
      ),
    );
    expect(h.last_run.phase).toBe('Failed');
    expect(h.last_run.completed_at).not.toBe('');
    // No delete policy runs in this branch.
    expect(calls.map((x) => x.method)).toEqual(['persist', 'create']);
    expect((await c.client.get(ref('ConfigMap', name))).metadata.uid).toBe(leftover.metadata.uid);
  });

  it.each([
    {
      policies: [],
      message: 'unable to build kubernetes object for deleting hook chart/templates/bad.yaml: ',
    },
    {
      policies: ['hook-succeeded'],
      message: 'unable to build kubernetes object for pre-install hook chart/templates/bad.yaml: ',
    },
  ])(
    'a manifest that is not an object fails to build (policies $policies)',
    async ({ policies, message }) => {
      const h = {
        ...hook({ kind: 'ConfigMap', name: 'bad', deletePolicies: policies }),
        manifest: '- a\n- b',
      };
      const { deps, calls } = setup();
      const result = await runHooks(release(c.namespace, [h]), 'pre-install', deps, opts());
      expect(result.error).toBeInstanceOf(HookBuildError);
      expect(result.error?.message.startsWith(message)).toBe(true);
      expect(calls).toEqual([]);
      // A hook refused before it is created: reported failed with the reason, no run recorded.
      const refused =
        policies.length > 0 ? [{ phase: 'Failed', reason: result.error?.message }] : [];
      expect(result.outcomes).toMatchObject(refused);
      expect(h.last_run.phase).toBe('');
    },
  );

  it('a persist failure is only logged (recordRelease)', async () => {
    const name = uniqueName('cm');
    const { deps, log } = setup({ failPersist: true });
    const h = hook({ kind: 'ConfigMap', name, object: configMapObject(name, {}) });
    const result = await runHooks(release(c.namespace, [h]), 'pre-install', deps, opts());
    expect(result.error).toBeUndefined();
    expect(log.warns).toEqual([expect.stringContaining('storage down')]);
  });
});

describe('success cleanup (section 3.1 step 3)', () => {
  it('a hook-succeeded deletion error fails the event and stops the remaining cleanup', async () => {
    const [a, b] = [uniqueName('a'), uniqueName('b')];
    const hooks = [a, b].map((n) =>
      hook({
        kind: 'ConfigMap',
        name: n,
        object: configMapObject(n, {}),
        deletePolicies: ['hook-succeeded'],
      }),
    );
    const { deps } = setup({ failDeleteOf: b });
    const result = await runHooks(release(c.namespace, hooks), 'pre-install', deps, opts());
    expect(result.error).toBeInstanceOf(HookDeleteError);
    expect(result.error?.message).toBe(`deletion of ${b} refused`);
    expect(hooks.map((h) => h.last_run.phase)).toEqual(['Succeeded', 'Succeeded']);
    // Reverse order: b first; its error leaves a in place.
    expect(await exists(ref('ConfigMap', a))).toBe(true);
  });
});

describe('before-hook-creation wait (section 3.1 step 2.2)', () => {
  it('a leftover that never goes away aborts the event with no hook state change', async () => {
    const name = uniqueName('held');
    await c.client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: c.namespace, finalizers: ['example.com/hold'] },
    });
    const h = hook({ kind: 'ConfigMap', name, object: configMapObject(name, {}) });
    const { deps, calls } = setup();
    const result = await runHooks(
      release(c.namespace, [h]),
      'pre-install',
      deps,
      opts({ timeout: 300 }),
    );
    expect(result.error).toBeInstanceOf(HookDeleteError);
    expect(result.error?.message).toBe('context deadline exceeded');
    expect((result.error as HookDeleteError).policy).toBe('before-hook-creation');
    expect(h.last_run.phase).toBe('');
    expect(result.outcomes).toEqual([]);
    expect(calls.map((x) => x.method)).toEqual(['delete']);
  });
});

describe('timeout (EX-1, EX-7) and cancellation (design decision 11)', () => {
  it('a `sleep 100` Pod with a small per-hook timeout fails with Helm text; the culprit is in the reason', async () => {
    const name = uniqueName('slow');
    const h = hook({ kind: 'Pod', name, object: podObject(name, 'sleep 100') });
    const { deps } = setup();
    // Without the per-hook timeout the Pod would run for 100 s and succeed.
    const result = await runHooks(
      release(c.namespace, [h]),
      'pre-install',
      deps,
      opts({ timeout: 300 }),
    );
    expect(result.error).toBeInstanceOf(HookFailedError);
    expect(result.error?.message).toBe('timed out waiting for the condition');
    expect(result.outcomes[0]?.reason).toMatch(/^timed out waiting for the condition: Pod /);
    expect(h.last_run.phase).toBe('Failed');
  });

  it('an abort stops the wait at once: the hook is Failed with `context canceled`', async () => {
    const name = uniqueName('forever');
    const h = hook({ kind: 'Job', name, object: jobObject(name, 'sleep 3600') });
    const { deps } = setup();
    const ctl = new AbortController();
    const running = runHooks(
      release(c.namespace, [h]),
      'pre-install',
      deps,
      opts({ signal: ctl.signal }),
    );
    while (h.last_run.phase !== 'Unknown') await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    ctl.abort();
    // The Job sleeps an hour and there is no timeout: only the abort can end this wait.
    const result = await running;
    expect(result.error).toBeInstanceOf(HookCanceledError);
    expect(result.error?.message).toBe('context canceled');
    expect(result.error?.hook).toBe(h);
    expect(h.last_run.phase).toBe('Failed');
    expect(result.outcomes[0]?.reason).toBe('context canceled');
  });

  it('an already aborted signal runs nothing', async () => {
    const h = hook({ kind: 'ConfigMap', name: uniqueName('never') });
    const { deps, calls } = setup();
    const result = await runHooks(
      release(c.namespace, [h]),
      'pre-install',
      deps,
      opts({ signal: AbortSignal.abort() }),
    );
    expect(result.error).toBeInstanceOf(HookCanceledError);
    expect(calls).toEqual([]);
    expect(h.last_run.phase).toBe('');
  });
});
