/**
 * A failed hook's diagnostics (design decision 9, issue 8 item 8): only its own events and pods
 * (an earlier, deleted Job of the same name has another uid), in time order; a waiting
 * container's back-off message is not a termination message; the exit code is a field.
 */
import { describe, expect, it } from '@jest/globals';
import type { KubeClient, KubeEvent, KubeObject, ListQuery } from '../../src/kube/client.js';
import { collectDiagnostics } from '../../src/lifecycle/hook-outcome.js';

const ref = { apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', namespace: 'default' };

const pod = (name: string, jobUid: string, status: object): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    uid: `${name}-uid`,
    labels: { 'job-name': 'migrate', 'batch.kubernetes.io/controller-uid': jobUid },
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', uid: jobUid }],
    creationTimestamp: name === 'new-pod' ? '2026-01-01T00:01:00Z' : '2026-01-01T00:00:00Z',
  },
  spec: { containers: [{ name: 'main' }] },
  status,
});

const ev = (uid: string, reason: string, last: string, first = last): KubeEvent => ({
  type: 'Warning',
  reason,
  message: `${reason} message`,
  count: 1,
  lastTimestamp: last,
  firstTimestamp: first,
  uid,
});

function fakeKube(): KubeClient {
  const events: Record<string, KubeEvent[]> = {
    'Job migrate': [
      ev('old-job', 'OldJobEvent', '2026-01-01T00:00:05Z'),
      ev('new-job', 'BackoffLimitExceeded', '2026-01-01T00:01:09Z'),
      ev('new-job', 'SuccessfulCreate', '2026-01-01T00:01:00Z'),
    ],
    'Pod new-pod': [
      ev('new-pod-uid', 'BackOff', '2026-01-01T00:01:08Z', '2026-01-01T00:01:02Z'),
      ev('new-pod-uid', 'Started', '2026-01-01T00:01:08Z', '2026-01-01T00:01:01Z'),
    ],
    'Pod old-pod': [ev('old-pod-uid', 'OldPodEvent', '2026-01-01T00:00:06Z')],
  };
  const pods = [
    pod('old-pod', 'old-job', {}),
    pod('new-pod', 'new-job', {
      containerStatuses: [
        {
          name: 'main',
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting' } },
          lastState: { terminated: { reason: 'Error', exitCode: 3 } },
        },
      ],
    }),
  ];
  return {
    defaultNamespace: 'default',
    get: async () => ({ ...ref, metadata: { name: 'migrate', uid: 'new-job' } }),
    list: async (_q: ListQuery) => ({ items: pods, resourceVersion: '1' }),
    eventsFor: async (r: { kind: string; name: string }) => events[`${r.kind} ${r.name}`] ?? [],
    podLogs: async (_ns: string, name: string) => `log of ${name}\n`,
  } as unknown as KubeClient;
}

describe('collectDiagnostics (issue 8 item 8)', () => {
  it('keeps only the events and pods of this Job (by involvedObject uid), in time order', async () => {
    const d = await collectDiagnostics(
      fakeKube(),
      ref,
      { logs: true, tailLines: 20, maxEvents: 10 },
      () => undefined,
    );
    expect(d.events.map((e) => `${e.object} ${e.reason}`)).toEqual([
      'Job migrate SuccessfulCreate',
      'Pod new-pod Started',
      'Pod new-pod BackOff',
      'Job migrate BackoffLimitExceeded',
    ]);
    expect(d.containers.map((c) => c.pod)).toEqual(['new-pod']);
    expect(d.logTail).toBe('log of new-pod');
  });

  it('orders events of one second by their last write (resourceVersion), not by list order', async () => {
    const second = '2026-01-01T00:01:00Z';
    const kube = fakeKube();
    // The API lists events by name; within one second only the revision of each event's last
    // write tells which came later.
    kube.eventsFor = async (r) =>
      r.kind === 'Job'
        ? []
        : [
            { ...ev('new-pod-uid', 'BackOff', second), sequence: 40 },
            { ...ev('new-pod-uid', 'Failed', second), sequence: 31 },
            { ...ev('new-pod-uid', 'Pulling', second), sequence: 30 },
            { ...ev('new-pod-uid', 'Scheduled', second), sequence: 12 },
          ];
    const d = await collectDiagnostics(
      kube,
      ref,
      { logs: false, tailLines: 20, maxEvents: 10 },
      () => undefined,
    );
    expect(d.events.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Failed', 'BackOff']);
  });

  it('labels a back-off as a waiting message and reports the exit code as a field', async () => {
    const d = await collectDiagnostics(
      fakeKube(),
      ref,
      { logs: false, tailLines: 20, maxEvents: 10 },
      () => undefined,
    );
    expect(d.containers[0]).toMatchObject({
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      message: 'back-off 10s restarting',
      exitCode: 3,
    });
    expect(d.exitCode).toBe(3);
  });

  it('reads no log of a container that never started, and warns of none (its waiting reason says why)', async () => {
    const kube = fakeKube();
    const asked: string[] = [];
    kube.list = async () => ({
      items: [
        pod('new-pod', 'new-job', {
          containerStatuses: [
            {
              name: 'main',
              state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } },
            },
          ],
        }),
      ],
      resourceVersion: '1',
    });
    kube.podLogs = async (_ns, name) => {
      asked.push(name);
      throw new Error('container "main" in pod "new-pod" is waiting to start');
    };
    const warnings: string[] = [];
    const d = await collectDiagnostics(
      kube,
      ref,
      { logs: true, tailLines: 20, maxEvents: 10 },
      (m) => warnings.push(m),
    );
    expect(asked).toEqual([]);
    expect(warnings).toEqual([]);
    expect(d.containers[0]).toMatchObject({ state: 'waiting', reason: 'ImagePullBackOff' });
    expect(d.logTail).toBe('');
  });
});
