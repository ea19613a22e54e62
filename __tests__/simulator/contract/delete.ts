/**
 * Deletion (registry/generic/registry/store.go Delete, pkg/controller/garbagecollector and
 * pkg/controller/namespace): finalizers, deletionTimestamp, propagation policies, preconditions,
 * deletecollection, namespace termination.
 */
import { expect, it } from '@jest/globals';
import { apiError, configMap, createNamespace, uniqueName, waitFor, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

const FINALIZER = 'hookline.dev/hold';

async function ownerAndDependent(
  ctx: Ctx,
  dependentFinalizer = false,
): Promise<{ owner: string; dependent: string }> {
  const owner = uniqueName('owner');
  const dependent = uniqueName('dep');
  const created = await ctx.c.objects.create(configMap(ctx.ns, owner));
  await ctx.c.objects.create(
    configMap(ctx.ns, dependent, {
      metadata: {
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            name: owner,
            uid: created.metadata?.uid as string,
            blockOwnerDeletion: true,
          },
        ],
        ...(dependentFinalizer ? { finalizers: [FINALIZER] } : {}),
      },
    }),
  );
  return { owner, dependent };
}

async function exists(ctx: Ctx, name: string, ns = ctx.ns): Promise<Obj | undefined> {
  const res = await ctx.c.raw(`/api/v1/namespaces/${ns}/configmaps/${name}`);
  return res.status === 200 ? (res.json() as Obj) : undefined;
}

async function removeFinalizers(ctx: Ctx, name: string, ns = ctx.ns): Promise<void> {
  await ctx.c.raw(`/api/v1/namespaces/${ns}/configmaps/${name}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify({ metadata: { finalizers: null } }),
  });
}

export function deleteCases(ctx: Ctx): void {
  it('delete removes the object: a later read is 404', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/configmaps/${name}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(await exists(ctx, name)).toBeUndefined();
  });

  it('deleting a missing object is 404', async () => {
    const err = await apiError(ctx.c.objects.delete(configMap(ctx.ns, 'never-created')));
    expect(err.code).toBe(404);
  });

  it('a finalizer keeps the object with a deletionTimestamp until it is removed', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name, { metadata: { finalizers: [FINALIZER] } }));
    await ctx.c.objects.delete(configMap(ctx.ns, name));
    const held = await exists(ctx, name);
    expect((held?.metadata as Record<string, unknown>).deletionTimestamp).toBeDefined();
    await removeFinalizers(ctx, name);
    await waitFor('the object to go', async () => (await exists(ctx, name)) === undefined);
  });

  it('no new finalizer may be added to an object being deleted (422)', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name, { metadata: { finalizers: [FINALIZER] } }));
    await ctx.c.objects.delete(configMap(ctx.ns, name));
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/configmaps/${name}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { finalizers: [FINALIZER, 'hookline.dev/other'] } }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json())).toContain('metadata.finalizers');
    await removeFinalizers(ctx, name);
  });

  it('a precondition on resourceVersion that no longer holds is 409', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/configmaps/${name}`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ preconditions: { resourceVersion: '1' } }),
    });
    expect(res.status).toBe(409);
    expect(await exists(ctx, name)).toBeDefined();
  });

  it('Background propagation deletes dependents after the owner', async () => {
    const { owner, dependent } = await ownerAndDependent(ctx);
    await ctx.c.objects.delete(
      configMap(ctx.ns, owner),
      undefined,
      undefined,
      undefined,
      undefined,
      'Background',
    );
    expect(await exists(ctx, owner)).toBeUndefined();
    await waitFor(
      'the dependent to be collected',
      async () => (await exists(ctx, dependent)) === undefined,
    );
  });

  it('Orphan propagation keeps dependents and strips their ownerReferences', async () => {
    const { owner, dependent } = await ownerAndDependent(ctx);
    await ctx.c.objects.delete(
      configMap(ctx.ns, owner),
      undefined,
      undefined,
      undefined,
      undefined,
      'Orphan',
    );
    await waitFor('the owner to go', async () => (await exists(ctx, owner)) === undefined);
    const dep = await exists(ctx, dependent);
    expect((dep?.metadata as Record<string, unknown>).ownerReferences).toBeUndefined();
  });

  it('Foreground propagation keeps the owner (foregroundDeletion) until dependents are gone', async () => {
    const { owner, dependent } = await ownerAndDependent(ctx, true);
    await ctx.c.objects.delete(
      configMap(ctx.ns, owner),
      undefined,
      undefined,
      undefined,
      undefined,
      'Foreground',
    );
    const held = await waitFor('the dependent to be deleting', async () => {
      const d = await exists(ctx, dependent);
      return (d?.metadata as Record<string, unknown> | undefined)?.deletionTimestamp
        ? d
        : undefined;
    });
    expect(held).toBeDefined();
    const ownerObj = await exists(ctx, owner);
    expect((ownerObj?.metadata as Record<string, unknown>).finalizers).toContain(
      'foregroundDeletion',
    );
    await removeFinalizers(ctx, dependent);
    await waitFor('the owner to go', async () => (await exists(ctx, owner)) === undefined);
    expect(await exists(ctx, dependent)).toBeUndefined();
  });

  it('deletecollection with a labelSelector deletes only the matching objects', async () => {
    const set = uniqueName('dc');
    await ctx.c.objects.create(
      configMap(ctx.ns, `${set}-a`, { metadata: { labels: { set, drop: 'yes' } } }),
    );
    await ctx.c.objects.create(configMap(ctx.ns, `${set}-b`, { metadata: { labels: { set } } }));
    await ctx.c.core.deleteCollectionNamespacedConfigMap({
      namespace: ctx.ns,
      labelSelector: `set=${set},drop=yes`,
    });
    const left = await ctx.c.core.listNamespacedConfigMap({
      namespace: ctx.ns,
      labelSelector: `set=${set}`,
    });
    expect(left.items.map((i) => i.metadata?.name)).toEqual([`${set}-b`]);
  });

  it('default, kube-system and kube-public namespaces exist', async () => {
    const list = await ctx.c.core.listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'kube-public']),
    );
  });

  it('creating in a missing namespace is 404 NotFound for the namespace', async () => {
    const err = await apiError(ctx.c.objects.create(configMap('no-such-namespace-hl', 'x')));
    expect(err.code).toBe(404);
    expect(err.body).toMatchObject({
      reason: 'NotFound',
      details: { name: 'no-such-namespace-hl', kind: 'namespaces' },
    });
  });

  it('a deleted namespace is Terminating, refuses new content, then goes once empty', async () => {
    const ns = await createNamespace(ctx.c, 'term');
    await ctx.c.objects.create(configMap(ns, 'held', { metadata: { finalizers: [FINALIZER] } }));
    await ctx.c.core.deleteNamespace({ name: ns });
    const terminating = await ctx.c.core.readNamespace({ name: ns });
    expect(terminating.status?.phase).toBe('Terminating');
    expect(terminating.metadata?.deletionTimestamp).toBeDefined();
    const err = await apiError(ctx.c.objects.create(configMap(ns, 'late')));
    expect(err.code).toBe(403);
    expect(err.body.reason).toBe('Forbidden');
    await waitFor(
      'the held object to be deleting',
      async () =>
        ((await exists(ctx, 'held', ns))?.metadata as Record<string, unknown> | undefined)
          ?.deletionTimestamp !== undefined,
    );
    await removeFinalizers(ctx, 'held', ns);
    await waitFor(
      'the namespace to go',
      async () => (await ctx.c.raw(`/api/v1/namespaces/${ns}`)).status === 404,
    );
  });
}
