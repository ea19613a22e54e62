/**
 * wait.ts against the simulator with the real client: hook completion (helm-semantics.md 3.2,
 * EX-5/EX-6/EX-7), --wait readiness (4.6) with the culprit named on timeout (design decision
 * 12), and abort (decision 11).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeObject, ResourceRef } from '../../src/kube/client.js';
import {
  WaitAbortedError,
  WaitFailedError,
  WaitTimeoutError,
  waitForHook,
  waitUntilReady,
  type WaitTimer,
} from '../../src/kube/wait.js';
import { job, podSpec, startCluster, uniqueName, type TestCluster } from './cluster.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('kube-wait');
});
afterAll(async () => {
  await c.sim.close();
});

const jobRef = (name: string): ResourceRef => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  name,
  namespace: c.namespace,
});

function deployment(name: string, image: string, replicas = 2): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: c.namespace },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { ...podSpec('sleep 3600', image), restartPolicy: 'Always' },
      },
    },
  };
}

describe('hooks (EX-5, EX-6)', () => {
  it('resolves when a Job completes', async () => {
    const name = uniqueName('ok');
    await c.client.create(job(c.namespace, name, 'sleep 20; echo done'));
    await expect(
      waitForHook(c.client, jobRef(name), { timeoutMs: 10_000 }),
    ).resolves.toBeUndefined();
    const done = await c.client.get(jobRef(name));
    expect((done.status as { succeeded?: number }).succeeded).toBe(1);
  });

  it('rejects with `job <name> failed: BackoffLimitExceeded` after the retries', async () => {
    const name = uniqueName('bad');
    await c.client.create(job(c.namespace, name, 'exit 3', 1));
    const err = await waitForHook(c.client, jobRef(name), { timeoutMs: 10_000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WaitFailedError);
    expect((err as Error).message).toBe(`job ${name} failed: BackoffLimitExceeded`);
  });

  it('counts a deleted hook as done', async () => {
    const name = uniqueName('gone');
    await c.client.create(job(c.namespace, name, 'sleep 3600'));
    const waiting = waitForHook(c.client, jobRef(name), { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    await c.client.delete(jobRef(name), { propagation: 'Background' });
    await expect(waiting).resolves.toBeUndefined();
  });

  it('does not wait for other kinds', async () => {
    const ref = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'never-created',
      namespace: c.namespace,
    };
    await expect(waitForHook(c.client, ref, { timeoutMs: 1 })).resolves.toBeUndefined();
  });

  it('stops with WaitAbortedError when the signal fires', async () => {
    const name = uniqueName('long');
    await c.client.create(job(c.namespace, name, 'sleep 3600'));
    const ctl = new AbortController();
    // No timeout and a Job that sleeps an hour: only the abort ends the wait.
    setTimeout(() => ctl.abort(), 200);
    const err = await waitForHook(c.client, jobRef(name), {
      timeoutMs: 0,
      signal: ctl.signal,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitAbortedError);
    expect((err as WaitAbortedError).culprits).toEqual([`Job ${name}: active 1, failed 0`]);
  });
});

describe('--wait readiness (4.6)', () => {
  it('resolves when a Deployment has its replicas ready', async () => {
    const name = uniqueName('web');
    await c.client.create(deployment(name, 'nginx:1.27'));
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name, namespace: c.namespace };
    await expect(
      waitUntilReady(c.client, [ref], { timeoutMs: 10_000, intervalMs: 50 }),
    ).resolves.toBeUndefined();
  });

  it('re-checks when a watched object changes, not only at the interval (issue 10)', async () => {
    const name = uniqueName('watched');
    await c.client.create(job(c.namespace, name, 'sleep 20; echo done'));
    let gets = 0;
    const client = Object.create(c.client) as typeof c.client;
    client.get = (ref) => {
      gets++;
      return c.client.get(ref);
    };
    // An interval that never ends: only a watch event can bring the second check.
    const never: WaitTimer = {
      sleep: (_ms, signal) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
    };
    await expect(
      waitUntilReady(client, [jobRef(name)], {
        timeoutMs: 0,
        intervalMs: 3_600_000,
        waitForJobs: true,
        timer: never,
      }),
    ).resolves.toBeUndefined();
    expect(gets).toBeGreaterThanOrEqual(2);
  });

  it('names a Pod stuck in ImagePullBackOff on timeout (EX-7 text first)', async () => {
    const name = uniqueName('stuck');
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: c.namespace },
      spec: {
        ...podSpec('sleep 3600', 'registry.example/does-not-exist:1'),
        restartPolicy: 'Always',
      },
    };
    await c.client.create(pod);
    const ref = { apiVersion: 'v1', kind: 'Pod', name, namespace: c.namespace };
    const err = await waitUntilReady(c.client, [ref], { timeoutMs: 1500, intervalMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect((err as Error).message).toBe(
      `timed out waiting for the condition: Pod ${name}: ImagePullBackOff`,
    );
  });

  it("names a Deployment's stuck pods after its own count", async () => {
    const name = uniqueName('broken');
    await c.client.create(deployment(name, 'registry.example/does-not-exist:1', 1));
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name, namespace: c.namespace };
    const err = await waitUntilReady(c.client, [ref], { timeoutMs: 1500, intervalMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect((err as WaitTimeoutError).culprits).toHaveLength(1);
    expect((err as WaitTimeoutError).culprits[0]).toMatch(
      new RegExp(
        `^Deployment ${name}: 0/1 ready; pod ${name}-[a-z0-9]+-[a-z0-9]+: ImagePullBackOff$`,
      ),
    );
  });
});
