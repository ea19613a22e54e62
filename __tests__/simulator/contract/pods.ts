/**
 * Pods as a kubelet runs them (pkg/kubelet: status, container states, logs, events), given
 * busybox commands whose outcome is the same on a real node and under the simulator's rules.
 */
import { expect } from '@jest/globals';
import { it } from './real-differences.js';
import type { V1Pod } from '@kubernetes/client-node';
import { apiError, IMAGE, pod, uniqueName, waitFor } from '../harness.js';
import { expectEchoLog, type Ctx } from './ctx.js';

async function podWhen(ctx: Ctx, name: string, ok: (p: V1Pod) => boolean): Promise<V1Pod> {
  return waitFor(`pod ${name}`, async () => {
    const p = await ctx.c.core.readNamespacedPod({ name, namespace: ctx.ns });
    return ok(p) ? p : undefined;
  });
}

const phase =
  (want: string) =>
  (p: V1Pod): boolean =>
    p.status?.phase === want;

export function podCases(ctx: Ctx): void {
  it('a Pod whose command echoes and exits 0 Succeeds, and its log is the echoed lines', async () => {
    const name = uniqueName('ok');
    await ctx.c.objects.create(pod(ctx.ns, name, 'echo hello; echo "big world"'));
    const p = await podWhen(ctx, name, phase('Succeeded'));
    expect(p.status?.containerStatuses?.[0].state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    const log = await ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns });
    expectEchoLog(log, ['hello', 'big world']);
  });

  it('tailLines returns the last lines of the log', async () => {
    const name = uniqueName('tail');
    await ctx.c.objects.create(pod(ctx.ns, name, 'echo one; echo two; echo three'));
    await podWhen(ctx, name, phase('Succeeded'));
    const full = await ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns });
    expectEchoLog(full, ['one', 'two', 'three']);
    const lastTwo = `${full.trimEnd().split('\n').slice(-2).join('\n')}\n`;
    expect(await ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns, tailLines: 2 })).toBe(
      lastTwo,
    );
  });

  it('exit N fails the Pod with exit code N after it runs', async () => {
    const name = uniqueName('fail');
    await ctx.c.objects.create(pod(ctx.ns, name, 'echo about to fail; sleep 1; exit 3'));
    const p = await podWhen(ctx, name, phase('Failed'));
    const t = p.status?.containerStatuses?.[0].state?.terminated;
    expect(t).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(new Date(t?.finishedAt as Date).getTime()).toBeGreaterThanOrEqual(
      new Date(t?.startedAt as Date).getTime(),
    );
    expectEchoLog(await ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns }), [
      'about to fail',
    ]);
  });

  it('a long-running Pod is Running and Ready', async () => {
    const name = uniqueName('run');
    await ctx.c.objects.create(pod(ctx.ns, name, 'sleep 3600', 'Always'));
    const p = await podWhen(ctx, name, (x) =>
      (x.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    );
    expect(p.status?.phase).toBe('Running');
    expect(p.spec?.nodeName).toBeTruthy();
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ ready: true, restartCount: 0 });
  });

  it('status.phase fieldSelector finds running Pods', async () => {
    const name = uniqueName('phase');
    await ctx.c.objects.create(pod(ctx.ns, name, 'sleep 3600', 'Always'));
    await podWhen(ctx, name, phase('Running'));
    const list = await ctx.c.core.listNamespacedPod({
      namespace: ctx.ns,
      fieldSelector: `status.phase=Running,metadata.name=${name}`,
    });
    expect(list.items.map((p) => p.metadata?.name)).toEqual([name]);
  });

  it('an image that does not exist leaves the Pod Pending in ErrImagePull/ImagePullBackOff', async () => {
    const name = uniqueName('pull');
    await ctx.c.objects.create(
      pod(ctx.ns, name, 'true', 'Never', 'ghcr.io/hookline-dev/does-not-exist:0.0.0'),
    );
    const p = await podWhen(ctx, name, (x) =>
      ['ErrImagePull', 'ImagePullBackOff'].includes(
        x.status?.containerStatuses?.[0].state?.waiting?.reason ?? '',
      ),
    );
    expect(p.status?.phase).toBe('Pending');
    const events = await waitFor('a Failed event', async () => {
      const list = await ctx.c.core.listNamespacedEvent({
        namespace: ctx.ns,
        fieldSelector: `involvedObject.name=${name},reason=Failed`,
      });
      return list.items.length ? list.items : undefined;
    });
    expect(events.map((e) => e.message).join('\n')).toContain('does-not-exist');
  });

  it('a failing Pod with restartPolicy Always goes to CrashLoopBackOff, with previous logs', async () => {
    const name = uniqueName('crash');
    await ctx.c.objects.create(pod(ctx.ns, name, 'echo crashing; exit 1', 'Always'));
    const p = await podWhen(
      ctx,
      name,
      (x) => x.status?.containerStatuses?.[0].state?.waiting?.reason === 'CrashLoopBackOff',
    );
    expect(p.status?.containerStatuses?.[0].restartCount).toBeGreaterThanOrEqual(1);
    expect(p.status?.containerStatuses?.[0].lastState?.terminated?.exitCode).toBe(1);
    expectEchoLog(
      await ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns, previous: true }),
      ['crashing'],
    );
  });

  it('a Pod with two containers needs the container parameter for its log', async () => {
    const name = uniqueName('two');
    await ctx.c.objects.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ctx.ns },
      spec: {
        restartPolicy: 'Never',
        containers: ['a', 'b'].map((c) => ({
          name: c,
          image: IMAGE,
          command: ['sh', '-c', `echo from-${c}`],
        })),
      },
    });
    await podWhen(ctx, name, phase('Succeeded'));
    expectEchoLog(
      await ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns, container: 'b' }),
      ['from-b'],
    );
    const err = await apiError(ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns }));
    expect(err.code).toBe(400);
  });

  it('records Scheduled, Pulled, Created and Started events for a Pod', async () => {
    const name = uniqueName('ev');
    await ctx.c.objects.create(pod(ctx.ns, name, 'echo hi'));
    await podWhen(ctx, name, phase('Succeeded'));
    const reasons = await waitFor('the events', async () => {
      const list = await ctx.c.core.listNamespacedEvent({
        namespace: ctx.ns,
        fieldSelector: `involvedObject.name=${name},involvedObject.kind=Pod`,
      });
      const r = new Set(list.items.map((e) => e.reason));
      return ['Scheduled', 'Pulled', 'Created', 'Started'].every((x) => r.has(x)) ? r : undefined;
    });
    expect([...reasons]).toEqual(
      expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started']),
    );
  });

  it("a Pod's spec cannot change except images (422)", async () => {
    const name = uniqueName('imm');
    await ctx.c.objects.create(pod(ctx.ns, name, 'sleep 3600', 'Always'));
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/pods/${name}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: JSON.stringify({ spec: { containers: [{ name: 'main', command: ['sleep', '1'] }] } }),
    });
    expect(res.status).toBe(422);
  });

  it('follow=true streams the log until the container exits', async () => {
    const name = uniqueName('follow');
    await ctx.c.objects.create(pod(ctx.ns, name, 'echo first; sleep 2; echo second'));
    await podWhen(ctx, name, (x) => ['Running', 'Succeeded'].includes(x.status?.phase ?? ''));
    const log = await ctx.c.core.readNamespacedPodLog({ name, namespace: ctx.ns, follow: true });
    expectEchoLog(log, ['first', 'second']);
  });

  it('deleting a running Pod is graceful: deletionTimestamp and grace period, then gone', async () => {
    const name = uniqueName('grace');
    await ctx.c.objects.create(pod(ctx.ns, name, 'sleep 3600', 'Always'));
    await podWhen(ctx, name, phase('Running'));
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/pods/${name}?gracePeriodSeconds=2`, {
      method: 'DELETE',
    });
    expect([200, 202]).toContain(res.status);
    const meta = res.json().metadata as Record<string, unknown>;
    expect(meta.deletionTimestamp).toBeDefined();
    expect(meta.deletionGracePeriodSeconds).toBe(2);
    await waitFor(
      'the Pod to go',
      async () => (await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/pods/${name}`)).status === 404,
    );
  });

  it('gracePeriodSeconds=0 removes a running Pod at once', async () => {
    const name = uniqueName('force');
    await ctx.c.objects.create(pod(ctx.ns, name, 'sleep 3600', 'Always'));
    await podWhen(ctx, name, phase('Running'));
    await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/pods/${name}?gracePeriodSeconds=0`, {
      method: 'DELETE',
    });
    expect((await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/pods/${name}`)).status).toBe(404);
  });
}
