/** Create/get/list/update and metadata (registry/generic/registry/store.go, apimachinery ObjectMeta). */
import { expect, it } from '@jest/globals';
import { PatchStrategy } from '@kubernetes/client-node';
import { apiError, configMap, uniqueName, waitFor, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

const RFC3339_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function deployment(ns: string, name: string, replicas = 0): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
      },
    },
  };
}

export function objectCases(ctx: Ctx): void {
  it('create sets uid, a string resourceVersion and an RFC 3339 creationTimestamp', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const raw = (await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/configmaps/${name}`)).json() as {
      metadata: Record<string, unknown>;
    };
    expect(raw.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof raw.metadata.resourceVersion).toBe('string');
    expect(raw.metadata.creationTimestamp).toMatch(RFC3339_SECONDS);
  });

  it('POST answers 201 with apiVersion and kind set', async () => {
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/configmaps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { name: uniqueName('cm') }, data: {} }),
    });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
  });

  it('generateName produces a name with the prefix', async () => {
    const created = await ctx.c.objects.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { generateName: 'gen-', namespace: ctx.ns },
    } as Obj);
    expect(created.metadata?.name).toMatch(/^gen-[a-z0-9]{5}$/);
  });

  it('a second create of the same name is 409 AlreadyExists', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const err = await apiError(ctx.c.objects.create(configMap(ctx.ns, name)));
    expect(err.code).toBe(409);
    expect(err.body).toMatchObject({
      kind: 'Status',
      reason: 'AlreadyExists',
      details: { name, kind: 'configmaps' },
    });
  });

  it('reading a missing object is 404 NotFound naming it', async () => {
    const err = await apiError(
      ctx.c.objects.read({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'missing-one', namespace: ctx.ns },
      }),
    );
    expect(err.code).toBe(404);
    expect(err.body).toMatchObject({
      reason: 'NotFound',
      message: 'configmaps "missing-one" not found',
    });
  });

  it('a missing object of a named group is reported as plural.group', async () => {
    const err = await apiError(ctx.c.batch.readNamespacedJob({ name: 'nope', namespace: ctx.ns }));
    expect(err.body).toMatchObject({
      reason: 'NotFound',
      message: 'jobs.batch "nope" not found',
      details: { group: 'batch', kind: 'jobs' },
    });
  });

  it('update with a stale resourceVersion is 409 Conflict', async () => {
    const name = uniqueName('cm');
    const first = await ctx.c.objects.create(configMap(ctx.ns, name));
    await ctx.c.objects.replace({ ...first, data: { a: '2' } } as Obj);
    const err = await apiError(ctx.c.objects.replace({ ...first, data: { a: '3' } } as Obj));
    expect(err.code).toBe(409);
    expect(err.body.reason).toBe('Conflict');
    expect(String(err.body.message)).toContain('the object has been modified');
  });

  it('update with the current resourceVersion changes it', async () => {
    const name = uniqueName('cm');
    const first = await ctx.c.objects.create(configMap(ctx.ns, name));
    const second = await ctx.c.objects.replace({ ...first, data: { a: '2' } } as Obj);
    expect(second.metadata?.resourceVersion).not.toBe(first.metadata?.resourceVersion);
    expect(second.metadata?.uid).toBe(first.metadata?.uid);
    expect((second as Obj).data).toEqual({ a: '2' });
  });

  it('an update that changes nothing keeps the resourceVersion', async () => {
    const first = await ctx.c.objects.create(configMap(ctx.ns, uniqueName('cm')));
    const again = await ctx.c.objects.replace(first);
    expect(again.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
  });

  it('generation starts at 1 and moves on spec changes only', async () => {
    const name = uniqueName('deploy');
    const d = await ctx.c.objects.create(deployment(ctx.ns, name));
    expect(d.metadata?.generation).toBe(1);
    const labelled = await ctx.c.objects.patch(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ctx.ns, labels: { x: 'y' } },
      } as Obj,
      undefined,
      undefined,
      'test',
      undefined,
      PatchStrategy.MergePatch,
    );
    expect(labelled.metadata?.generation).toBe(1);
    const scaled = await ctx.c.objects.patch(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ctx.ns },
        spec: { replicas: 0, minReadySeconds: 1 },
      } as Obj,
      undefined,
      undefined,
      'test',
      undefined,
      PatchStrategy.MergePatch,
    );
    expect(scaled.metadata?.generation).toBe(2);
  });

  it.each([
    ['tier=web', ['a']],
    ['tier!=web', ['b', 'c']],
    ['tier in (web,db)', ['a', 'b']],
    ['tier notin (web)', ['b', 'c']],
    ['tier', ['a', 'b']],
    ['!tier', ['c']],
  ])('labelSelector %s selects %j', async (selector, expected) => {
    const set = uniqueName('sel');
    const labels: Record<string, Record<string, string>> = {
      a: { tier: 'web' },
      b: { tier: 'db' },
      c: {},
    };
    for (const key of ['a', 'b', 'c']) {
      await ctx.c.objects.create(
        configMap(ctx.ns, `${set}-${key}`, { metadata: { labels: { ...labels[key], set } } }),
      );
    }
    const list = await ctx.c.core.listNamespacedConfigMap({
      namespace: ctx.ns,
      labelSelector: `set=${set},${selector}`,
    });
    expect(list.items.map((i) => i.metadata?.name).sort()).toEqual(
      expected.map((k) => `${set}-${k}`),
    );
  });

  it('fieldSelector metadata.name selects one object', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const list = await ctx.c.core.listNamespacedConfigMap({
      namespace: ctx.ns,
      fieldSelector: `metadata.name=${name}`,
    });
    expect(list.items.map((i) => i.metadata?.name)).toEqual([name]);
  });

  it('fieldSelector metadata.namespace filters a cluster-wide list', async () => {
    const list = await ctx.c.core.listConfigMapForAllNamespaces({
      fieldSelector: `metadata.namespace=${ctx.ns}`,
    });
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((i) => i.metadata?.namespace))).toEqual(new Set([ctx.ns]));
  });

  it('a list carries the collection resourceVersion and paginates with limit/continue', async () => {
    const set = uniqueName('page');
    for (let i = 0; i < 3; i++)
      await ctx.c.objects.create(
        configMap(ctx.ns, `${set}-${i}`, { metadata: { labels: { set } } }),
      );
    const first = await ctx.c.core.listNamespacedConfigMap({
      namespace: ctx.ns,
      labelSelector: `set=${set}`,
      limit: 2,
    });
    expect(first.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(first.items).toHaveLength(2);
    const rest = await ctx.c.core.listNamespacedConfigMap({
      namespace: ctx.ns,
      labelSelector: `set=${set}`,
      limit: 2,
      _continue: first.metadata?._continue,
    });
    expect(rest.items.map((i) => i.metadata?.name)).toEqual([`${set}-2`]);
  });

  it('the status subresource ignores spec, the main resource ignores status', async () => {
    const name = uniqueName('svc');
    await ctx.c.objects.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: ctx.ns },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    } as Obj);
    const ingress = [{ ip: '192.0.2.10' }];
    const viaMain = await ctx.c.objects.patch(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: ctx.ns },
        status: { loadBalancer: { ingress } },
      } as Obj,
      undefined,
      undefined,
      'test',
      undefined,
      PatchStrategy.MergePatch,
    );
    expect(JSON.stringify((viaMain as Obj).status ?? {})).not.toContain('192.0.2.10');
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/services/${name}/status`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({
        spec: { ports: [{ port: 81 }] },
        status: { loadBalancer: { ingress } },
      }),
    });
    expect(res.status).toBe(200);
    const svc = res.json() as {
      spec: { ports: Array<{ port: number }> };
      status: { loadBalancer: { ingress: Array<{ ip: string }> } };
    };
    expect(svc.status.loadBalancer.ingress[0].ip).toBe('192.0.2.10');
    expect(svc.spec.ports[0].port).toBe(80);
  });

  it('Secret stringData is stored base64-encoded in data', async () => {
    const name = uniqueName('sec');
    await ctx.c.objects.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace: ctx.ns },
      stringData: { password: 'hunter2' },
    } as Obj);
    const secret = await ctx.c.core.readNamespacedSecret({ name, namespace: ctx.ns });
    expect(secret.data).toEqual({ password: Buffer.from('hunter2').toString('base64') });
    expect(secret.type).toBe('Opaque');
    expect((secret as unknown as Obj).stringData).toBeUndefined();
  });

  it('an immutable ConfigMap refuses data changes (422)', async () => {
    const name = uniqueName('imm');
    await ctx.c.objects.create({ ...configMap(ctx.ns, name), immutable: true } as Obj);
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/configmaps/${name}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ data: { a: 'changed' } }),
    });
    expect(res.status).toBe(422);
  });

  it('a new namespace gets a default ServiceAccount and the kube-root-ca.crt ConfigMap', async () => {
    const sa = await waitFor('the default ServiceAccount', () =>
      ctx.c.core.readNamespacedServiceAccount({ name: 'default', namespace: ctx.ns }),
    );
    expect(sa.metadata?.name).toBe('default');
    const cm = await waitFor('kube-root-ca.crt', () =>
      ctx.c.core.readNamespacedConfigMap({ name: 'kube-root-ca.crt', namespace: ctx.ns }),
    );
    expect(cm.data?.['ca.crt']).toContain('BEGIN CERTIFICATE');
  });

  it('a Pod naming a missing service account is 403 Forbidden', async () => {
    const name = uniqueName('nosa');
    const err = await apiError(
      ctx.c.objects.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: ctx.ns },
        spec: {
          serviceAccountName: 'nobody',
          containers: [{ name: 'main', image: 'busybox:1.36' }],
        },
      } as Obj),
    );
    expect(err.code).toBe(403);
    expect(err.body.message).toBe(
      `pods "${name}" is forbidden: error looking up service account ${ctx.ns}/nobody: serviceaccount "nobody" not found`,
    );
  });

  it('an invalid label key is 422 with a metadata.labels cause', async () => {
    const err = await apiError(
      ctx.c.objects.create(
        configMap(ctx.ns, uniqueName('lbl'), { metadata: { labels: { 'bad key': 'x' } } }),
      ),
    );
    expect(err.code).toBe(422);
    expect(JSON.stringify(err.body)).toContain('metadata.labels');
  });
}
