/**
 * The four patch types (apiserver/pkg/endpoints/handlers/patch.go): JSON merge (RFC 7386),
 * JSON patch (RFC 6902), strategic merge with the built-in merge keys, and server-side apply.
 */
import { expect, it } from '@jest/globals';
import { PatchStrategy } from '@kubernetes/client-node';
import { apiError, configMap, uniqueName, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

type Container = { name: string; image: string; command?: string[] };

function deployment(ns: string, name: string, containers: Container[]): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers } },
    },
  };
}

const containersOf = (o: Obj): Container[] =>
  (o.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;

async function patchRaw(
  ctx: Ctx,
  path: string,
  type: string,
  body: unknown,
): Promise<{ status: number; json: () => Record<string, unknown> }> {
  return ctx.c.raw(path, {
    method: 'PATCH',
    headers: { 'Content-Type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function patchCases(ctx: Ctx): void {
  const cmPath = (name: string): string => `/api/v1/namespaces/${ctx.ns}/configmaps/${name}`;

  it('merge patch adds keys and removes keys set to null', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name, { data: { a: '1', b: '2' } }));
    const res = await patchRaw(ctx, cmPath(name), 'application/merge-patch+json', {
      data: { b: null, c: '3' },
    });
    expect(res.status).toBe(200);
    expect(res.json().data).toEqual({ a: '1', c: '3' });
  });

  it('merge patch with a stale resourceVersion is 409 Conflict', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    await patchRaw(ctx, cmPath(name), 'application/merge-patch+json', { data: { a: '2' } });
    const res = await patchRaw(ctx, cmPath(name), 'application/merge-patch+json', {
      metadata: { resourceVersion: '1' },
      data: { a: '3' },
    });
    expect(res.status).toBe(409);
    expect(res.json().reason).toBe('Conflict');
  });

  it('JSON patch applies add, replace and remove in order', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name, { data: { a: '1', b: '2' } }));
    const ops = [
      { op: 'add', path: '/data/c', value: '3' },
      { op: 'replace', path: '/data/a', value: 'one' },
      { op: 'remove', path: '/data/b' },
    ];
    const res = await patchRaw(ctx, cmPath(name), 'application/json-patch+json', ops);
    expect(res.json().data).toEqual({ a: 'one', c: '3' });
  });

  it('JSON patch whose test fails changes nothing and is refused', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name, { data: { a: '1' } }));
    const res = await patchRaw(ctx, cmPath(name), 'application/json-patch+json', [
      { op: 'test', path: '/data/a', value: '2' },
      { op: 'remove', path: '/data/a' },
    ]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    const after = (await ctx.c.raw(cmPath(name))).json();
    expect(after.data).toEqual({ a: '1' });
  });

  it('strategic merge patch merges containers by name', async () => {
    const name = uniqueName('deploy');
    await ctx.c.objects.create(
      deployment(ctx.ns, name, [
        { name: 'a', image: 'busybox:1.36' },
        { name: 'b', image: 'busybox:1.36' },
      ]),
    );
    const patched = await ctx.c.objects.patch(
      { ...deployment(ctx.ns, name, [{ name: 'b', image: 'busybox:1.37' }]) },
      undefined,
      undefined,
      'test',
      undefined,
      PatchStrategy.StrategicMergePatch,
    );
    expect(containersOf(patched as Obj).map((c) => `${c.name}=${c.image}`)).toEqual([
      'a=busybox:1.36',
      'b=busybox:1.37',
    ]);
  });

  it('strategic merge patch $patch: delete removes one container', async () => {
    const name = uniqueName('deploy');
    await ctx.c.objects.create(
      deployment(ctx.ns, name, [
        { name: 'a', image: 'busybox:1.36' },
        { name: 'b', image: 'busybox:1.36' },
      ]),
    );
    const res = await patchRaw(
      ctx,
      `/apis/apps/v1/namespaces/${ctx.ns}/deployments/${name}`,
      'application/strategic-merge-patch+json',
      { spec: { template: { spec: { containers: [{ name: 'a', $patch: 'delete' }] } } } },
    );
    expect(containersOf(res.json() as Obj).map((c) => c.name)).toEqual(['b']);
  });

  it('strategic merge patch replaces an atomic list (command)', async () => {
    const name = uniqueName('deploy');
    await ctx.c.objects.create(
      deployment(ctx.ns, name, [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '1'] }]),
    );
    const res = await patchRaw(
      ctx,
      `/apis/apps/v1/namespaces/${ctx.ns}/deployments/${name}`,
      'application/strategic-merge-patch+json',
      { spec: { template: { spec: { containers: [{ name: 'a', command: ['sleep', '2'] }] } } } },
    );
    expect(containersOf(res.json() as Obj)[0].command).toEqual(['sleep', '2']);
  });

  it('server-side apply creates the object and records the manager', async () => {
    const name = uniqueName('cm');
    const applied = await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1' } }),
      undefined,
      undefined,
      'contract-a',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect((applied as Obj).data).toEqual({ a: '1' });
    const managers = (applied.metadata?.managedFields ?? []).map(
      (m) => `${m.manager}:${m.operation}`,
    );
    expect(managers).toContain('contract-a:Apply');
  });

  it('server-side apply by another manager changing an owned field is 409 Conflict', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1' } }),
      undefined,
      undefined,
      'contract-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    const err = await apiError(
      ctx.c.objects.patch(
        configMap(ctx.ns, name, { data: { a: '2' } }),
        undefined,
        undefined,
        'contract-b',
        false,
        PatchStrategy.ServerSideApply,
      ),
    );
    expect(err.code).toBe(409);
    expect(err.body.reason).toBe('Conflict');
    expect(JSON.stringify(err.body)).toContain('contract-a');
  });

  it('server-side apply with force takes ownership of the field', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1' } }),
      undefined,
      undefined,
      'contract-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    const forced = await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '2' } }),
      undefined,
      undefined,
      'contract-b',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect((forced as Obj).data).toEqual({ a: '2' });
    const owners = (forced.metadata?.managedFields ?? [])
      .filter((m) => JSON.stringify(m.fieldsV1 ?? {}).includes('"f:a"'))
      .map((m) => m.manager);
    expect(owners).toEqual(['contract-b']);
  });

  it('server-side apply with the same value from two managers shares ownership without conflict', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1' } }),
      undefined,
      undefined,
      'contract-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    const shared = await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1' } }),
      undefined,
      undefined,
      'contract-b',
      false,
      PatchStrategy.ServerSideApply,
    );
    const owners = (shared.metadata?.managedFields ?? [])
      .filter((m) => JSON.stringify(m.fieldsV1 ?? {}).includes('"f:a"'))
      .map((m) => m.manager)
      .sort();
    expect(owners).toEqual(['contract-a', 'contract-b']);
  });

  it('server-side apply removes a field the manager stops applying', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1', b: '2' } }),
      undefined,
      undefined,
      'contract-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    const next = await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1' } }),
      undefined,
      undefined,
      'contract-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect((next as Obj).data).toEqual({ a: '1' });
  });

  it('server-side apply keeps fields another manager set', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '1' } }),
      undefined,
      undefined,
      'contract-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    await patchRaw(
      ctx,
      `${cmPath(name)}?fieldManager=contract-editor`,
      'application/merge-patch+json',
      { data: { extra: 'x' } },
    );
    const next = await ctx.c.objects.patch(
      configMap(ctx.ns, name, { data: { a: '2' } }),
      undefined,
      undefined,
      'contract-a',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect((next as Obj).data).toEqual({ a: '2', extra: 'x' });
    expect((next.metadata?.managedFields ?? []).map((m) => `${m.manager}:${m.operation}`)).toEqual(
      expect.arrayContaining(['contract-a:Apply', 'contract-editor:Update']),
    );
  });

  it('a patch of an unsupported content type is 415', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const res = await patchRaw(ctx, cmPath(name), 'text/plain', 'data: {}');
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 });
  });
}
