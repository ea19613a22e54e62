/**
 * node-client.ts with the real @kubernetes/client-node against the simulator over HTTP:
 * CRUD, server-side apply, selectors, raw-manifest fidelity, error mapping, logs, events.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AlreadyExistsError,
  ConflictError,
  InvalidError,
  NotFoundError,
  UnreachableError,
  type KubeObject,
} from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { waitForHook } from '../../src/kube/wait.js';
import { configMap, job, startCluster, uniqueName, type TestCluster } from './cluster.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('kube-client');
});
afterAll(async () => {
  await c.sim.close();
});

describe('create / get / apply / delete / list', () => {
  it('creates and reads back an object with server-filled metadata', async () => {
    const created = await c.client.create(configMap(c.namespace, 'one'));
    expect(created.metadata.uid).toMatch(/./);
    expect(typeof created.metadata.creationTimestamp).toBe('string');
    const got = await c.client.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'one',
      namespace: c.namespace,
    });
    expect(got.data).toEqual({ a: '1' });
    expect(got.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('server-side applies with field manager helm (as Helm 3 and 4 name it), creating then updating', async () => {
    const cm = { ...configMap(c.namespace, 'applied'), data: { a: '1' } };
    await c.client.apply(cm);
    const updated = await c.client.apply({ ...cm, data: { a: '2', b: '3' } });
    expect(updated.data).toEqual({ a: '2', b: '3' });
    const managers =
      (updated.metadata.managedFields as Array<{ manager: string; operation: string }>) ?? [];
    expect(managers.map((m) => `${m.manager}/${m.operation}`)).toContain('helm/Apply');
  });

  it('reports conflicts by default and forces them only when asked (--force-conflicts)', async () => {
    const cm = configMap(c.namespace, 'contested');
    await c.client.apply({ ...cm, data: { a: 'other' } }, { fieldManager: 'someone-else' });
    await expect(c.client.apply({ ...cm, data: { a: 'mine' } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const forced = await c.client.apply({ ...cm, data: { a: 'mine' } }, { force: true });
    expect(forced.data).toEqual({ a: 'mine' });
  });

  it('patches with strategic merge and JSON merge patches as field manager helm', async () => {
    const cm = { ...configMap(c.namespace, 'patched'), data: { a: '1', b: '2' } };
    await c.client.create(cm);
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'patched', namespace: c.namespace };
    const merged = await c.client.patch(ref, { data: { a: null, c: '3' } }, 'merge');
    expect(merged.data).toEqual({ b: '2', c: '3' });
    const strategic = await c.client.patch(ref, { data: { b: '4' } }, 'strategic');
    expect(strategic.data).toEqual({ b: '4', c: '3' });
    const managers =
      (strategic.metadata.managedFields as Array<{ manager: string; operation: string }>) ?? [];
    expect(managers.map((m) => `${m.manager}/${m.operation}`)).toContain('helm/Update');
  });

  it('replaces an object with the live resourceVersion (Helm 3 --force)', async () => {
    const cm = { ...configMap(c.namespace, 'replaced'), data: { a: '1', b: '2' } };
    await c.client.create(cm);
    const replaced = await c.client.replace({ ...cm, data: { z: '9' } });
    expect(replaced.data).toEqual({ z: '9' });
  });

  it('discovers the server version, group versions and resource kinds (subresources too)', async () => {
    const d = await c.client.discover();
    expect(d.version.gitVersion).toMatch(/^v1\.\d+\.\d+/);
    expect(d.version.major).toBe('1');
    expect(d.groupVersions[0]).toBe('v1');
    expect(d.groupVersions).toContain('apps/v1');
    const apps = d.resources.find((r) => r.groupVersion === 'apps/v1');
    expect(apps?.kinds).toEqual(expect.arrayContaining(['Deployment', 'Scale']));
    expect(d.failed).toEqual([]);
  });

  it('lists by label selector and by field selector, restoring apiVersion/kind', async () => {
    await c.client.create(configMap(c.namespace, 'sel-a', { tier: 'web' }));
    await c.client.create(configMap(c.namespace, 'sel-b', { tier: 'db' }));
    const byLabel = await c.client.list({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: c.namespace,
      labelSelector: 'tier=web',
    });
    expect(byLabel.items.map((o) => o.metadata.name)).toEqual(['sel-a']);
    expect(byLabel.items[0]?.kind).toBe('ConfigMap');
    expect(byLabel.resourceVersion).toMatch(/^\d+$/);
    const byField = await c.client.list({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: c.namespace,
      fieldSelector: 'metadata.name=sel-b',
    });
    expect(byField.items.map((o) => o.metadata.name)).toEqual(['sel-b']);
  });

  it('deletes, and ignores a missing object only when asked', async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'doomed', namespace: c.namespace };
    await c.client.create(configMap(c.namespace, 'doomed'));
    await expect(c.client.delete(ref, { propagation: 'Background' })).resolves.toBe(true);
    await expect(c.client.get(ref)).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.client.delete(ref, { ignoreNotFound: true })).resolves.toBe(false);
    await expect(c.client.delete(ref)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates a namespace only when missing', async () => {
    const name = uniqueName('ns');
    await expect(c.client.ensureNamespace(name)).resolves.toBe(true);
    await expect(c.client.ensureNamespace(name)).resolves.toBe(false);
  });
});

describe('raw manifests keep every field', () => {
  it('a CRD keeps x-kubernetes-preserve-unknown-fields and enum through create, apply and get', async () => {
    const crd: KubeObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    'x-kubernetes-preserve-unknown-fields': true,
                    properties: { size: { type: 'string', enum: ['small', 'large'] } },
                  },
                },
              },
            },
          },
        ],
      },
    };
    const schemaOf = (o: KubeObject): unknown =>
      (
        o.spec as {
          versions: Array<{ schema: { openAPIV3Schema: { properties: { spec: unknown } } } }>;
        }
      ).versions[0]?.schema.openAPIV3Schema.properties.spec;
    const expected = {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      properties: { size: { type: 'string', enum: ['small', 'large'] } },
    };
    expect(schemaOf(await c.client.create(crd))).toEqual(expected);
    expect(schemaOf(await c.client.apply(crd))).toEqual(expected);
    const ref = { apiVersion: crd.apiVersion, kind: crd.kind, name: crd.metadata.name };
    expect(schemaOf(await c.client.get(ref))).toEqual(expected);
  });
});

describe('error mapping', () => {
  it('404 → NotFoundError carrying the Status reason and message', async () => {
    const err = await c.client
      .get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'absent', namespace: c.namespace })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).status).toEqual({
      code: 404,
      reason: 'NotFound',
      message: 'configmaps "absent" not found',
    });
  });

  it('an unknown kind → NotFoundError naming it', async () => {
    const err = await c.client
      .get({ apiVersion: 'nope.example.com/v1', kind: 'Gadget', name: 'x', namespace: c.namespace })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
  });

  it('409 AlreadyExists → AlreadyExistsError', async () => {
    await c.client.create(configMap(c.namespace, 'twice'));
    const err = await c.client.create(configMap(c.namespace, 'twice')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AlreadyExistsError);
    expect((err as AlreadyExistsError).status?.reason).toBe('AlreadyExists');
  });

  it('422 → InvalidError with field causes', async () => {
    const bad = configMap(c.namespace, 'Not_A_Valid_Name');
    const err = await c.client.create(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).status?.reason).toBe('Invalid');
    expect((err as InvalidError).causes.map((x) => x.field)).toContain('metadata.name');
  });

  it('no server → UnreachableError, and isReachable says false', async () => {
    const kubeconfig = c.sim.kubeconfig.replace(c.sim.url, 'http://127.0.0.1:1');
    const dead = createNodeClient({ kubeconfig });
    await expect(dead.isReachable()).resolves.toBe(false);
    await expect(c.client.isReachable()).resolves.toBe(true);
    await expect(
      dead.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x' }),
    ).rejects.toBeInstanceOf(UnreachableError);
  });
});

describe('logs and events', () => {
  it("reads a Job pod's log (all of it and the tail) and the Job's events", async () => {
    const name = uniqueName('logger');
    await c.client.create(job(c.namespace, name, 'echo first; echo second; echo third'));
    await waitForHook(
      c.client,
      { apiVersion: 'batch/v1', kind: 'Job', name, namespace: c.namespace },
      { timeoutMs: 10_000 },
    );
    const pods = await c.client.list({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: c.namespace,
      labelSelector: `job-name=${name}`,
    });
    const pod = pods.items[0]?.metadata.name ?? '';
    expect(await c.client.podLogs(c.namespace, pod, { container: 'main' })).toBe(
      'first\nsecond\nthird\nCompleted: exit code 0\n',
    );
    expect(await c.client.podLogs(c.namespace, pod, { tailLines: 2 })).toBe(
      'third\nCompleted: exit code 0\n',
    );
    const events = await c.client.eventsFor({
      apiVersion: 'batch/v1',
      kind: 'Job',
      name,
      namespace: c.namespace,
    });
    expect(events.map((e) => e.reason)).toContain('SuccessfulCreate');
  });
});
