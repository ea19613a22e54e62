/**
 * The Job controller (pkg/controller/job/job_controller.go): pods with job-name labels and a
 * controller ownerReference, completions, backoffLimit, activeDeadlineSeconds, TTL, conditions
 * and events.
 */
import { expect } from '@jest/globals';
import { it } from './real-differences.js';
import type { V1Job } from '@kubernetes/client-node';
import { job, uniqueName, waitFor } from '../harness.js';
import { expectEchoLog, type Ctx } from './ctx.js';

function condition(j: V1Job, type: string): { reason?: string; status: string } | undefined {
  return (j.status?.conditions ?? []).find((c) => c.type === type && c.status === 'True');
}

async function jobWhen(ctx: Ctx, name: string, type: 'Complete' | 'Failed'): Promise<V1Job> {
  return waitFor(`job ${name} ${type}`, async () => {
    const j = await ctx.c.batch.readNamespacedJob({ name, namespace: ctx.ns });
    return condition(j, type) ? j : undefined;
  });
}

export function jobCases(ctx: Ctx): void {
  it('a Job whose Pod succeeds is Complete with succeeded=1', async () => {
    const name = uniqueName('done');
    await ctx.c.objects.create(job(ctx.ns, name, 'echo done'));
    const j = await jobWhen(ctx, name, 'Complete');
    expect(j.status?.succeeded).toBe(1);
    expect(j.status?.completionTime).toBeDefined();
    expect(condition(j, 'Failed')).toBeUndefined();
  });

  it("a Job's Pods carry job-name labels and a controller ownerReference", async () => {
    const name = uniqueName('own');
    const created = await ctx.c.objects.create(job(ctx.ns, name, 'echo hi'));
    await jobWhen(ctx, name, 'Complete');
    const pods = await ctx.c.core.listNamespacedPod({
      namespace: ctx.ns,
      labelSelector: `job-name=${name}`,
    });
    expect(pods.items).toHaveLength(1);
    const p = pods.items[0];
    expect(p.metadata?.labels?.['batch.kubernetes.io/job-name']).toBe(name);
    expect(p.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Job',
      name,
      uid: created.metadata?.uid,
      controller: true,
    });
    expectEchoLog(
      await ctx.c.core.readNamespacedPodLog({
        name: p.metadata?.name as string,
        namespace: ctx.ns,
      }),
      ['hi'],
    );
  });

  it('a failing Job past backoffLimit is Failed with reason BackoffLimitExceeded', async () => {
    const name = uniqueName('fail');
    await ctx.c.objects.create(job(ctx.ns, name, 'exit 2', { backoffLimit: 0 }));
    const j = await jobWhen(ctx, name, 'Failed');
    expect(condition(j, 'Failed')?.reason).toBe('BackoffLimitExceeded');
    expect(j.status?.failed).toBe(1);
  });

  it('backoffLimit 1 retries once: two failed Pods', async () => {
    const name = uniqueName('retry');
    await ctx.c.objects.create(job(ctx.ns, name, 'exit 1', { backoffLimit: 1 }));
    const j = await jobWhen(ctx, name, 'Failed');
    expect(j.status?.failed).toBe(2);
    const pods = await ctx.c.core.listNamespacedPod({
      namespace: ctx.ns,
      labelSelector: `job-name=${name}`,
    });
    expect(pods.items.map((p) => p.status?.phase)).toEqual(['Failed', 'Failed']);
  });

  it('activeDeadlineSeconds fails a long Job with reason DeadlineExceeded', async () => {
    const name = uniqueName('late');
    await ctx.c.objects.create(job(ctx.ns, name, 'sleep 600', { activeDeadlineSeconds: 2 }));
    const j = await jobWhen(ctx, name, 'Failed');
    expect(condition(j, 'Failed')?.reason).toBe('DeadlineExceeded');
  });

  it('completions 2 with parallelism 1 runs two Pods one after the other', async () => {
    const name = uniqueName('two');
    await ctx.c.objects.create(job(ctx.ns, name, 'echo run', { completions: 2, parallelism: 1 }));
    const j = await jobWhen(ctx, name, 'Complete');
    expect(j.status?.succeeded).toBe(2);
  });

  it('ttlSecondsAfterFinished 0 removes the finished Job', async () => {
    const name = uniqueName('ttl');
    await ctx.c.objects.create(job(ctx.ns, name, 'echo bye', { ttlSecondsAfterFinished: 0 }));
    await waitFor(
      'the Job to be removed',
      async () =>
        (await ctx.c.raw(`/apis/batch/v1/namespaces/${ctx.ns}/jobs/${name}`)).status === 404,
    );
  });

  it('records SuccessfulCreate and Completed events for a Job', async () => {
    const name = uniqueName('jev');
    await ctx.c.objects.create(job(ctx.ns, name, 'echo hi'));
    await jobWhen(ctx, name, 'Complete');
    const reasons = await waitFor('job events', async () => {
      const list = await ctx.c.core.listNamespacedEvent({
        namespace: ctx.ns,
        fieldSelector: `involvedObject.name=${name},involvedObject.kind=Job`,
      });
      const r = list.items.map((e) => e.reason);
      return r.includes('Completed') ? r : undefined;
    });
    expect(reasons).toEqual(expect.arrayContaining(['SuccessfulCreate', 'Completed']));
  });

  it('deleting a Job with Background propagation removes its Pods', async () => {
    const name = uniqueName('bg');
    await ctx.c.objects.create(job(ctx.ns, name, 'echo hi'));
    await jobWhen(ctx, name, 'Complete');
    await ctx.c.batch.deleteNamespacedJob({
      name,
      namespace: ctx.ns,
      propagationPolicy: 'Background',
    });
    await waitFor(
      'the pods to go',
      async () =>
        (
          await ctx.c.core.listNamespacedPod({
            namespace: ctx.ns,
            labelSelector: `job-name=${name}`,
          })
        ).items.length === 0,
    );
  });
}
