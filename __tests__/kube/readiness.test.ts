/**
 * Pure readiness rules on plain objects: Helm 3's legacy waiter (helm/helm pkg/kube/ready.go;
 * helm-semantics.md 4.6) and hook completion (pkg/kube/client.go; 3.2, EX-5/EX-6).
 */
import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../src/kube/client.js';
import { hookState, readiness, type ReadinessContext } from '../../src/kube/readiness.js';

function o(
  kind: string,
  spec: unknown,
  status: unknown,
  meta: Partial<KubeObject['metadata']> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name: 'x', namespace: 'ns', generation: 1, ...meta },
    spec,
    status,
  };
}
const cond = (type: string, status: string, reason?: string) => ({ type, status, reason });

const pod = (name: string, ready: boolean, waiting?: string): KubeObject => ({
  ...o(
    'Pod',
    {},
    {
      phase: ready ? 'Running' : 'Pending',
      conditions: [cond('Ready', ready ? 'True' : 'False')],
      containerStatuses: waiting ? [{ name: 'main', state: { waiting: { reason: waiting } } }] : [],
    },
  ),
  metadata: {
    name,
    namespace: 'ns',
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: 'rs-uid' }],
  },
});

const dep = (
  spec: Record<string, unknown>,
  status: Record<string, unknown> = { observedGeneration: 1 },
) => o('Deployment', { replicas: 2, ...spec }, status, { uid: 'dep-uid' });
const rs = (readyReplicas: number, revision = '1', observedGeneration = 1): KubeObject =>
  o(
    'ReplicaSet',
    {},
    { readyReplicas, observedGeneration },
    {
      uid: 'rs-uid',
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'x', uid: 'dep-uid' }],
    },
  );

describe('readiness (ready.go)', () => {
  it.each<[string, KubeObject, ReadinessContext, boolean, string]>([
    ['pod Ready=True', pod('p', true), {}, true, 'ready'],
    ['pod pulling fails', pod('p', false, 'ImagePullBackOff'), {}, false, 'ImagePullBackOff'],
    [
      'pod without statuses shows its phase',
      o('Pod', {}, { phase: 'Pending' }),
      {},
      false,
      'Pending',
    ],
    ['deployment paused', dep({ paused: true }, {}), {}, true, 'ready'],
    [
      'deployment generation not observed',
      dep({}, { observedGeneration: 0 }),
      { replicaSets: [rs(2)] },
      false,
      'generation not observed',
    ],
    [
      'deployment without ReplicaSet',
      dep({}),
      { replicaSets: [] },
      false,
      '0/2 ready (no ReplicaSet)',
    ],
    // default maxUnavailable 25% of 2 = 0 (rounded down): both must be ready
    ['deployment 1/2 ready', dep({}), { replicaSets: [rs(1)] }, false, '1/2 ready'],
    ['deployment 2/2 ready', dep({}), { replicaSets: [rs(2)] }, true, 'ready'],
    [
      'deployment maxUnavailable 1',
      dep({ strategy: { rollingUpdate: { maxUnavailable: 1 } } }),
      { replicaSets: [rs(1)] },
      true,
      'ready',
    ],
    [
      'deployment judged by newest ReplicaSet',
      dep({}),
      { replicaSets: [rs(2, '1'), rs(0, '2')] },
      false,
      '0/2 ready',
    ],
    [
      'statefulset OnDelete',
      o('StatefulSet', { updateStrategy: { type: 'OnDelete' } }, {}),
      {},
      true,
      'ready',
    ],
    [
      'statefulset partition',
      o(
        'StatefulSet',
        { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } },
        { updatedReplicas: 2, readyReplicas: 3 },
      ),
      {},
      true,
      'ready',
    ],
    [
      'statefulset not updated',
      o('StatefulSet', { replicas: 3 }, { updatedReplicas: 1, readyReplicas: 3 }),
      {},
      false,
      '1/3 updated',
    ],
    [
      'statefulset revision pending',
      o(
        'StatefulSet',
        { replicas: 1 },
        { updatedReplicas: 1, readyReplicas: 1, currentRevision: 'a', updateRevision: 'b' },
      ),
      {},
      false,
      'revision not rolled out',
    ],
    [
      'daemonset ready within maxUnavailable',
      o('DaemonSet', {}, { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 2 }),
      {},
      true,
      'ready',
    ],
    [
      'daemonset maxUnavailable 10% of 3 rounds up to 1',
      o(
        'DaemonSet',
        { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } } },
        { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 2 },
      ),
      {},
      true,
      'ready',
    ],
    [
      'deployment maxUnavailable 40% of 2 rounds down to 0',
      dep({ strategy: { rollingUpdate: { maxUnavailable: '40%' } } }),
      { replicaSets: [rs(1)] },
      false,
      '1/2 ready',
    ],
    [
      'daemonset not ready',
      o('DaemonSet', {}, { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 1 }),
      {},
      false,
      '1/3 ready',
    ],
    [
      'replicaset names its unready pods',
      o('ReplicaSet', {}, { observedGeneration: 1 }),
      { pods: [pod('a', true), pod('b', false, 'ErrImagePull')] },
      false,
      'pod b: ErrImagePull',
    ],
    ['pvc bound', o('PersistentVolumeClaim', {}, { phase: 'Bound' }), {}, true, 'ready'],
    ['pvc pending', o('PersistentVolumeClaim', {}, { phase: 'Pending' }), {}, false, 'Pending'],
    ['service ExternalName', o('Service', { type: 'ExternalName' }, {}), {}, true, 'ready'],
    [
      'service without clusterIP',
      o('Service', { type: 'ClusterIP' }, {}),
      {},
      false,
      'no clusterIP',
    ],
    [
      'LoadBalancer without ingress',
      o('Service', { type: 'LoadBalancer', clusterIP: '10.0.0.1' }, {}),
      {},
      false,
      'no load balancer ingress',
    ],
    [
      'LoadBalancer with externalIPs',
      o('Service', { type: 'LoadBalancer', clusterIP: '10.0.0.1', externalIPs: ['1.2.3.4'] }, {}),
      {},
      true,
      'ready',
    ],
    [
      'crd established',
      o('CustomResourceDefinition', {}, { conditions: [cond('Established', 'True')] }),
      {},
      true,
      'ready',
    ],
    [
      'crd names not accepted',
      o('CustomResourceDefinition', {}, { conditions: [cond('NamesAccepted', 'False')] }),
      {},
      true,
      'ready',
    ],
    [
      'crd pending',
      o('CustomResourceDefinition', {}, { conditions: [] }),
      {},
      false,
      'not established',
    ],
    ['job without waitForJobs', o('Job', {}, {}), {}, true, 'ready'],
    [
      'job running with waitForJobs',
      o('Job', { completions: 2 }, { succeeded: 1 }),
      { waitForJobs: true },
      false,
      '1/2 completed',
    ],
    [
      'job complete with waitForJobs',
      o('Job', {}, { succeeded: 1 }),
      { waitForJobs: true },
      true,
      'ready',
    ],
    ['other kinds', o('ConfigMap', undefined, undefined), {}, true, 'ready'],
  ])('%s', (_name, obj, ctx, ready, reason) => {
    expect(readiness(obj, ctx)).toEqual({ ready, reason });
  });

  it('a Job past its backoffLimit fails at once: `job is failed: <ns>/<name>`', () => {
    const job = o('Job', { backoffLimit: 1 }, { failed: 2 });
    expect(readiness(job, { waitForJobs: true })).toEqual({
      ready: false,
      reason: 'job is failed: ns/x',
      failed: true,
    });
  });
});

describe('hook completion (EX-5, EX-6)', () => {
  it.each<[string, KubeObject | undefined, ReturnType<typeof hookState>]>([
    ['job complete', o('Job', {}, { conditions: [cond('Complete', 'True')] }), { state: 'done' }],
    [
      'job failed',
      o('Job', {}, { conditions: [cond('Failed', 'True', 'DeadlineExceeded')] }),
      { state: 'failed', message: 'job x failed: DeadlineExceeded' },
    ],
    [
      'job running',
      o('Job', {}, { active: 1, failed: 1 }),
      { state: 'waiting', reason: 'active 1, failed 1' },
    ],
    [
      'job Complete=False keeps waiting',
      o('Job', {}, { conditions: [cond('Complete', 'False')] }),
      { state: 'waiting', reason: 'active 0, failed 0' },
    ],
    ['pod succeeded', o('Pod', {}, { phase: 'Succeeded' }), { state: 'done' }],
    ['pod failed', o('Pod', {}, { phase: 'Failed' }), { state: 'failed', message: 'pod x failed' }],
    ['pod pending', o('Pod', {}, { phase: 'Pending' }), { state: 'waiting', reason: 'Pending' }],
    ['deleted', undefined, { state: 'done' }],
    ['other kinds at once', o('Deployment', {}, {}), { state: 'done' }],
  ])('%s', (_name, obj, expected) => {
    expect(hookState(obj)).toEqual(expected);
  });
});
