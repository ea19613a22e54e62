/**
 * deleteAndWait (hook deletion by policy, HK-9/HK-10 deletion waits): the wait is a list + watch
 * until the object is gone, not Helm's GET every 2 s (issue 10: no fixed sleeps), with Helm's
 * `context deadline exceeded` / `context canceled` texts kept.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeClient, KubeObject, ResourceRef } from '../../src/kube/client.js';
import { NotFoundError } from '../../src/kube/client.js';
import {
  DeleteAbortedError,
  DeleteTimeoutError,
  deleteAndWait,
} from '../../src/lifecycle/hook-kube.js';
import { waitForDeleted } from '../../src/lifecycle/uninstall-resources.js';
import { configMap, startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('hook-kube');
});
afterAll(async () => {
  await c.sim.close();
});

/** The client with each call's name recorded. */
function recording(kube: KubeClient): { kube: KubeClient; calls: string[] } {
  const calls: string[] = [];
  const wrapped = Object.create(kube) as KubeClient;
  for (const m of ['get', 'list', 'watch', 'delete'] as const) {
    const f = kube[m].bind(kube) as (...a: unknown[]) => Promise<unknown>;
    Object.assign(wrapped, {
      [m]: (...a: unknown[]) => {
        calls.push(m);
        return f(...a);
      },
    });
  }
  return { kube: wrapped, calls };
}

const cmRef = (name: string): ResourceRef => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  name,
  namespace: c.namespace,
});

/** A ConfigMap that a finalizer keeps (terminating) after its deletion until released. */
async function heldConfigMap(name: string): Promise<void> {
  const cm = configMap(c.namespace, name);
  await c.client.create({ ...cm, metadata: { ...cm.metadata, finalizers: [HOLD] } });
}

const HOLD = 'hookline.test/hold';

/** PUT the object without its finalizers (what a controller does when it is done). */
async function release(obj: KubeObject): Promise<void> {
  const { managedFields: _, ...metadata } = obj.metadata as KubeObject['metadata'] & {
    managedFields?: unknown;
  };
  const path = `/api/v1/namespaces/${c.namespace}/configmaps/${obj.metadata.name}`;
  const res = await fetch(`${c.sim.url}${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...obj, metadata: { ...metadata, finalizers: [] } }),
  });
  expect(res.status).toBe(200);
}

describe('deleteAndWait watches the deletion', () => {
  it('returns after one list when the object is gone at once', async () => {
    const name = uniqueName('cm');
    await c.client.create(configMap(c.namespace, name));
    const { kube, calls } = recording(c.client);
    const ref = cmRef(name);
    await deleteAndWait(kube, ref, { timeoutMs: 10_000, signal: new AbortController().signal });
    expect(calls).toEqual(['delete', 'list']);
    await expect(c.client.get(ref)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('returns after the DELETE alone when nothing was there (before-hook-creation, first run)', async () => {
    const { kube, calls } = recording(c.client);
    const ref = cmRef(uniqueName('absent'));
    await deleteAndWait(kube, ref, { timeoutMs: 10_000, signal: new AbortController().signal });
    expect(calls).toEqual(['delete']);
    await expect(c.client.get(ref)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('waits for a terminating object through one watch, without GET polls', async () => {
    const name = uniqueName('held');
    await heldConfigMap(name);
    const { kube, calls } = recording(c.client);
    let done = false;
    const waiting = deleteAndWait(kube, cmRef(name), {
      timeoutMs: 30_000,
      signal: new AbortController().signal,
    }).finally(() => (done = true));
    while (!calls.includes('watch')) await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    const held = await c.client.get(cmRef(name));
    expect(held.metadata.deletionTimestamp).toBeDefined();
    await release(held);
    await waiting;
    await expect(c.client.get(cmRef(name))).rejects.toBeInstanceOf(NotFoundError);
    expect(calls).toEqual(['delete', 'list', 'watch']);
  });

  it('says context deadline exceeded when the object outlives the timeout', async () => {
    const name = uniqueName('slow');
    await heldConfigMap(name);
    await expect(
      deleteAndWait(c.client, cmRef(name), {
        timeoutMs: 200,
        signal: new AbortController().signal,
      }),
    ).rejects.toBeInstanceOf(DeleteTimeoutError);
  });

  it('says context canceled when the signal fires', async () => {
    const name = uniqueName('abort');
    await heldConfigMap(name);
    const ac = new AbortController();
    const waiting = deleteAndWait(c.client, cmRef(name), { timeoutMs: 0, signal: ac.signal });
    ac.abort();
    await expect(waiting).rejects.toBeInstanceOf(DeleteAbortedError);
  });
});

describe('waitForDeleted (uninstall --wait) watches between its checks (issue 10)', () => {
  it('ends when the terminating object goes, not at the next poll', async () => {
    const name = uniqueName('unwait');
    await heldConfigMap(name);
    await c.client.delete(cmRef(name), { propagation: 'Background' });
    const { kube, calls } = recording(c.client);
    // A poll interval of an hour: only the watch can end this wait within the test's timeout.
    const waiting = waitForDeleted(kube, [cmRef(name)], {
      timeoutMs: 0,
      signal: new AbortController().signal,
      pollMs: 3_600_000,
    });
    while (!calls.includes('watch')) await new Promise((r) => setImmediate(r));
    await release(await c.client.get(cmRef(name)));
    await waiting;
    await expect(c.client.get(cmRef(name))).rejects.toBeInstanceOf(NotFoundError);
    expect(calls.filter((x) => x === 'watch')).toHaveLength(1);
  });
});
