/**
 * Workload controllers (pkg/controller/{deployment,replicaset,statefulset,daemon}): Pods
 * created through owners, ready replicas reported in status.
 */
import { expect } from '@jest/globals';
import { it } from './real-differences.js';
import { IMAGE, uniqueName, waitFor, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

function workload(kind: string, ns: string, name: string, replicas?: number): Obj {
  const spec: Record<string, unknown> = {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        terminationGracePeriodSeconds: 1,
        containers: [{ name: 'main', image: IMAGE, command: ['sleep', '3600'] }],
      },
    },
  };
  if (replicas !== undefined) spec.replicas = replicas;
  if (kind === 'StatefulSet') spec.serviceName = name;
  return { apiVersion: 'apps/v1', kind, metadata: { name, namespace: ns }, spec };
}

async function statusWhen(
  ctx: Ctx,
  kind: string,
  name: string,
  ok: (s: Record<string, number>) => boolean,
): Promise<Record<string, number>> {
  return waitFor(`${kind} ${name}`, async () => {
    const o = (await ctx.c.objects.read({
      apiVersion: 'apps/v1',
      kind,
      metadata: { name, namespace: ctx.ns },
    })) as Obj;
    const s = (o.status ?? {}) as Record<string, number>;
    return ok(s) ? s : undefined;
  });
}

export function workloadCases(ctx: Ctx): void {
  it('a Deployment reports its replicas ready through a ReplicaSet it owns', async () => {
    const name = uniqueName('web');
    const d = await ctx.c.objects.create(workload('Deployment', ctx.ns, name, 2));
    const s = await statusWhen(
      ctx,
      'Deployment',
      name,
      (x) => x.readyReplicas === 2 && x.availableReplicas === 2,
    );
    expect(s.updatedReplicas).toBe(2);
    const sets = await ctx.c.apps.listNamespacedReplicaSet({
      namespace: ctx.ns,
      labelSelector: `app=${name}`,
    });
    expect(sets.items).toHaveLength(1);
    expect(sets.items[0].metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      uid: d.metadata?.uid,
      controller: true,
    });
    const pods = await ctx.c.core.listNamespacedPod({
      namespace: ctx.ns,
      labelSelector: `app=${name}`,
    });
    expect(pods.items.map((p) => p.metadata?.ownerReferences?.[0].kind)).toEqual([
      'ReplicaSet',
      'ReplicaSet',
    ]);
  });

  it('a Deployment is Available with observedGeneration equal to its generation', async () => {
    const name = uniqueName('avail');
    await ctx.c.objects.create(workload('Deployment', ctx.ns, name, 1));
    const d = await waitFor('Available', async () => {
      const x = await ctx.c.apps.readNamespacedDeployment({ name, namespace: ctx.ns });
      return (x.status?.conditions ?? []).some(
        (c) => c.type === 'Available' && c.status === 'True',
      ) && x.status?.readyReplicas === 1
        ? x
        : undefined;
    });
    expect(d.status?.observedGeneration).toBe(d.metadata?.generation);
  });

  it('a ReplicaSet keeps its replica count of Pods', async () => {
    const name = uniqueName('rs');
    await ctx.c.objects.create(workload('ReplicaSet', ctx.ns, name, 2));
    const s = await statusWhen(ctx, 'ReplicaSet', name, (x) => x.readyReplicas === 2);
    expect(s.replicas).toBe(2);
  });

  it('a StatefulSet creates ordinal Pods name-0, name-1 and reports them ready', async () => {
    const name = uniqueName('sts');
    await ctx.c.objects.create(workload('StatefulSet', ctx.ns, name, 2));
    await statusWhen(ctx, 'StatefulSet', name, (x) => x.readyReplicas === 2);
    const pods = await ctx.c.core.listNamespacedPod({
      namespace: ctx.ns,
      labelSelector: `app=${name}`,
    });
    expect(pods.items.map((p) => p.metadata?.name).sort()).toEqual([`${name}-0`, `${name}-1`]);
  });

  it('a DaemonSet runs a ready Pod on each node', async () => {
    const name = uniqueName('ds');
    await ctx.c.objects.create(workload('DaemonSet', ctx.ns, name));
    const s = await statusWhen(
      ctx,
      'DaemonSet',
      name,
      (x) => x.desiredNumberScheduled > 0 && x.numberReady === x.desiredNumberScheduled,
    );
    expect(s.numberReady).toBeGreaterThan(0);
  });

  it('deleting a Deployment (Background) removes its ReplicaSet and Pods', async () => {
    const name = uniqueName('gone');
    await ctx.c.objects.create(workload('Deployment', ctx.ns, name, 1));
    await statusWhen(ctx, 'Deployment', name, (x) => x.readyReplicas === 1);
    await ctx.c.apps.deleteNamespacedDeployment({
      name,
      namespace: ctx.ns,
      propagationPolicy: 'Background',
    });
    await waitFor(
      'the ReplicaSet to go',
      async () =>
        (
          await ctx.c.apps.listNamespacedReplicaSet({
            namespace: ctx.ns,
            labelSelector: `app=${name}`,
          })
        ).items.length === 0,
    );
    await waitFor(
      'the Pods to go',
      async () =>
        (await ctx.c.core.listNamespacedPod({ namespace: ctx.ns, labelSelector: `app=${name}` }))
          .items.length === 0,
    );
  });

  it('scaling a Deployment changes the Pods of its one ReplicaSet', async () => {
    const name = uniqueName('scale');
    await ctx.c.objects.create(workload('Deployment', ctx.ns, name, 1));
    await statusWhen(ctx, 'Deployment', name, (x) => x.readyReplicas === 1);
    await ctx.c.raw(`/apis/apps/v1/namespaces/${ctx.ns}/deployments/${name}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { replicas: 3 } }),
    });
    await statusWhen(ctx, 'Deployment', name, (x) => x.readyReplicas === 3 && x.replicas === 3);
    const sets = await ctx.c.apps.listNamespacedReplicaSet({
      namespace: ctx.ns,
      labelSelector: `app=${name}`,
    });
    expect(sets.items.map((rs) => rs.spec?.replicas)).toEqual([3]);
  });

  it('a new pod template rolls out a new ReplicaSet and scales the old one to 0', async () => {
    const name = uniqueName('roll');
    await ctx.c.objects.create(workload('Deployment', ctx.ns, name, 1));
    await statusWhen(ctx, 'Deployment', name, (x) => x.readyReplicas === 1);
    await ctx.c.raw(`/apis/apps/v1/namespaces/${ctx.ns}/deployments/${name}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: JSON.stringify({ spec: { template: { metadata: { annotations: { rev: '2' } } } } }),
    });
    const sets = await waitFor('the rollout', async () => {
      const list = await ctx.c.apps.listNamespacedReplicaSet({
        namespace: ctx.ns,
        labelSelector: `app=${name}`,
      });
      const replicas = list.items
        .map(
          (rs) =>
            `${rs.metadata?.annotations?.['deployment.kubernetes.io/revision']}:${rs.spec?.replicas}:${rs.status?.readyReplicas ?? 0}`,
        )
        .sort();
      return replicas.join(' ') === '1:0:0 2:1:1' ? replicas : undefined;
    });
    expect(sets).toEqual(['1:0:0', '2:1:1']);
  });

  // Found by the lifecycle conformance: `helm rollback --wait` waits on the newest revision.
  it('going back to an old pod template reuses its ReplicaSet as the newest revision', async () => {
    const name = uniqueName('back');
    const path = `/apis/apps/v1/namespaces/${ctx.ns}/deployments/${name}`;
    const annotate = (rev: string | null) =>
      ctx.c.raw(path, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ spec: { template: { metadata: { annotations: { rev } } } } }),
      });
    await ctx.c.objects.create(workload('Deployment', ctx.ns, name, 1));
    await statusWhen(ctx, 'Deployment', name, (x) => x.readyReplicas === 1);
    await annotate('2');
    await statusWhen(ctx, 'Deployment', name, (x) => x.updatedReplicas === 1 && x.replicas === 1);
    await annotate(null);
    const sets = await waitFor('the rollback', async () => {
      const list = await ctx.c.apps.listNamespacedReplicaSet({
        namespace: ctx.ns,
        labelSelector: `app=${name}`,
      });
      const replicas = list.items
        .map(
          (rs) =>
            `${rs.metadata?.annotations?.['deployment.kubernetes.io/revision']}:${rs.spec?.replicas}:${rs.status?.readyReplicas ?? 0}`,
        )
        .sort();
      return replicas.join(' ') === '2:0:0 3:1:1' ? replicas : undefined;
    });
    expect(sets).toEqual(['2:0:0', '3:1:1']);
  });

  it('a claimed PersistentVolumeClaim is Bound to a provisioned volume', async () => {
    const name = uniqueName('data');
    await ctx.c.objects.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace: ctx.ns },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    } as Obj);
    await ctx.c.objects.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${name}-user`, namespace: ctx.ns },
      spec: {
        terminationGracePeriodSeconds: 1,
        containers: [
          {
            name: 'main',
            image: IMAGE,
            command: ['sleep', '3600'],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: name } }],
      },
    } as Obj);
    const pvc = await waitFor('the claim to bind', async () => {
      const c = await ctx.c.core.readNamespacedPersistentVolumeClaim({ name, namespace: ctx.ns });
      return c.status?.phase === 'Bound' ? c : undefined;
    });
    expect(pvc.spec?.volumeName).toBeTruthy();
    expect(pvc.status?.capacity?.storage).toBeDefined();
    const pv = await ctx.c.core.readPersistentVolume({ name: pvc.spec?.volumeName as string });
    expect(pv.spec?.claimRef).toMatchObject({ name, namespace: ctx.ns });
  });
}
