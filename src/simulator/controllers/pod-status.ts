/**
 * Pod status as the kubelet reports it (pkg/kubelet/status/generate.go, kubelet_pods.go
 * convertToAPIContainerStatuses): phase from the containers and restart policy, the standard
 * conditions, and one containerStatus per container.
 */
import { rfc3339, type JsonObject } from '../json.js';

export type ContainerState =
  | { kind: 'waiting'; reason: string; message?: string; last?: ContainerState }
  | { kind: 'running'; startedAt: string; last?: ContainerState }
  | {
      kind: 'terminated';
      exitCode: number;
      reason: string;
      startedAt: string;
      finishedAt: string;
      last?: ContainerState;
    };

export interface PodRunView {
  uid: string;
  restartPolicy: string;
  podIP: string;
  startWall: number;
  containers: Array<{ name: string; image: string; state: ContainerState; restartCount: number }>;
}

function stateJson(s: ContainerState): JsonObject {
  if (s.kind === 'waiting')
    return { waiting: { reason: s.reason, ...(s.message ? { message: s.message } : {}) } };
  if (s.kind === 'running') return { running: { startedAt: s.startedAt } };
  return {
    terminated: {
      exitCode: s.exitCode,
      reason: s.reason,
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
      containerID: 'containerd://0',
    },
  };
}

function phaseOf(run: PodRunView): string {
  const states = run.containers.map((c) => c.state);
  if (states.some((s) => s.kind === 'running')) return 'Running';
  if (states.length && states.every((s) => s.kind === 'terminated')) {
    const failed = states.some((s) => s.kind === 'terminated' && s.exitCode !== 0);
    if (run.restartPolicy === 'Never') return failed ? 'Failed' : 'Succeeded';
    if (run.restartPolicy === 'OnFailure' && !failed) return 'Succeeded';
  }
  if (states.some((s) => s.kind === 'waiting' && s.last)) return 'Running';
  return 'Pending';
}

export function podStatus(run: PodRunView, nowMs: number): JsonObject {
  const now = rfc3339(nowMs);
  const start = rfc3339(run.startWall);
  const phase = phaseOf(run);
  const ready =
    run.containers.length > 0 && run.containers.every((c) => c.state.kind === 'running');
  const notReady = run.containers.filter((c) => c.state.kind !== 'running').map((c) => c.name);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const readyReason = terminal
    ? phase === 'Succeeded'
      ? 'PodCompleted'
      : 'PodFailed'
    : 'ContainersNotReady';
  const cond = (type: string, ok: boolean, reason?: string): JsonObject => ({
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: now,
    ...(!ok && reason
      ? {
          reason,
          ...(reason === 'ContainersNotReady'
            ? { message: `containers with unready status: [${notReady.join(' ')}]` }
            : {}),
        }
      : {}),
  });
  const started = run.containers.some((c) => c.state.kind !== 'waiting' || c.state.last);
  return {
    phase,
    conditions: [
      cond('PodReadyToStartContainers', !terminal),
      cond('Initialized', true),
      cond('Ready', ready, readyReason),
      cond('ContainersReady', ready, readyReason),
      cond('PodScheduled', true),
    ],
    hostIP: '172.18.0.2',
    hostIPs: [{ ip: '172.18.0.2' }],
    podIP: run.podIP,
    podIPs: [{ ip: run.podIP }],
    startTime: start,
    qosClass: 'BestEffort',
    containerStatuses: run.containers.map((c) => ({
      name: c.name,
      state: stateJson(c.state),
      lastState: c.state.last ? stateJson(c.state.last) : {},
      ready: c.state.kind === 'running',
      restartCount: c.restartCount,
      image: c.image.includes('/') ? c.image : `docker.io/library/${c.image}`,
      imageID: started ? `docker.io/library/${c.image}@sha256:0` : '',
      started: c.state.kind === 'running',
      ...(c.state.kind === 'running' || c.state.kind === 'terminated'
        ? { containerID: 'containerd://0' }
        : {}),
    })),
  };
}
