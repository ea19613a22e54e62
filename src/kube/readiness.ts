/**
 * Pure per-kind readiness rules: Helm 3's legacy waiter (helm/helm pkg/kube/ready.go, v3.x;
 * helm-semantics.md section 4.6) for `--wait`, and hook completion (pkg/kube/client.go
 * waitForJob/waitForPodSuccess; section 3.2, EX-5/EX-6). Each answer carries a reason so a
 * timeout names the culprit (design decision 12).
 */
import type { KubeObject } from './client.js';

export interface Readiness {
  ready: boolean;
  /** Why not (or `ready`); e.g. `0/2 ready`, `ImagePullBackOff`. */
  reason: string;
  /** A state that cannot become ready (a Job past its backoffLimit). */
  failed?: boolean;
}

/** Objects a rule needs besides the object itself (fetched by the waiter). */
export interface ReadinessContext {
  /** ReplicaSets owned by a Deployment. */
  replicaSets?: KubeObject[];
  /** Pods selected by a ReplicaSet. */
  pods?: KubeObject[];
  /** `--wait-for-jobs`: Jobs must complete (otherwise they are ready at once). */
  waitForJobs?: boolean;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const num = (v: unknown, d = 0): number => (typeof v === 'number' ? v : d);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);

const READY: Readiness = { ready: true, reason: 'ready' };
const waiting = (reason: string): Readiness => ({ ready: false, reason });

function condition(o: KubeObject, type: string): Json | undefined {
  return list(obj(o.status).conditions).find((c) => c.type === type);
}

function generationObserved(o: KubeObject): boolean {
  const observed = obj(o.status).observedGeneration;
  return typeof observed !== 'number' || observed >= num(o.metadata.generation);
}

/** A pod's first container waiting/terminated reason, else its phase. */
export function podProblem(pod: KubeObject): string {
  const status = obj(pod.status);
  for (const cs of [...list(status.initContainerStatuses), ...list(status.containerStatuses)]) {
    const state = obj(cs.state);
    const reason = str(obj(state.waiting).reason) || str(obj(state.terminated).reason);
    if (reason) return reason;
  }
  return str(status.phase) || 'Pending';
}

/** ready.go isPodReady: the Ready condition is True. */
export function podReady(pod: KubeObject): Readiness {
  if (str(condition(pod, 'Ready')?.status) === 'True') return READY;
  return waiting(podProblem(pod));
}

/**
 * An intOrString such as maxUnavailable scaled against `total` (apimachinery
 * GetScaledValueFromIntOrPercent: Deployments round a percentage down, DaemonSets up).
 */
function scaled(v: unknown, total: number, def: number, roundUp = false): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(str(v));
  if (!m) return def;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

function isOwnedBy(child: KubeObject, owner: KubeObject): boolean {
  return (child.metadata.ownerReferences ?? []).some(
    (r) =>
      r.uid === owner.metadata.uid || (r.kind === owner.kind && r.name === owner.metadata.name),
  );
}

/** ready.go deploymentReady: the newest owned ReplicaSet with enough ready replicas. */
export function deploymentReady(dep: KubeObject, ctx: ReadinessContext): Readiness {
  const spec = obj(dep.spec);
  if (spec.paused === true) return READY;
  if (!generationObserved(dep)) return waiting('generation not observed');
  const replicas = num(spec.replicas, 1);
  const owned = (ctx.replicaSets ?? []).filter((rs) => isOwnedBy(rs, dep));
  const newest = owned.sort((a, b) => revision(b) - revision(a))[0];
  if (newest === undefined) return waiting(`0/${replicas} ready (no ReplicaSet)`);
  if (!generationObserved(newest)) return waiting('ReplicaSet generation not observed');
  const strategy = obj(spec.strategy);
  const maxUnavailable =
    str(strategy.type) === 'Recreate'
      ? 0
      : scaled(obj(strategy.rollingUpdate).maxUnavailable, replicas, Math.floor(replicas / 4));
  const ready = num(obj(newest.status).readyReplicas);
  const expected = replicas - maxUnavailable;
  if (ready >= expected) return READY;
  return waiting(`${ready}/${replicas} ready`);
}

function revision(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}

/** ready.go statefulSetReady. */
export function statefulSetReady(sts: KubeObject): Readiness {
  if (!generationObserved(sts)) return waiting('generation not observed');
  const spec = obj(sts.spec);
  const strategy = obj(spec.updateStrategy);
  if (strategy.type !== undefined && str(strategy.type) !== 'RollingUpdate') return READY;
  const replicas = num(spec.replicas, 1);
  const partition = num(obj(strategy.rollingUpdate).partition);
  const status = obj(sts.status);
  const updated = num(status.updatedReplicas);
  if (updated < replicas - partition) return waiting(`${updated}/${replicas - partition} updated`);
  const ready = num(status.readyReplicas);
  if (ready !== replicas) return waiting(`${ready}/${replicas} ready`);
  if (partition === 0 && str(status.currentRevision) !== str(status.updateRevision)) {
    return waiting('revision not rolled out');
  }
  return READY;
}

/** ready.go daemonSetReady. */
export function daemonSetReady(ds: KubeObject): Readiness {
  if (!generationObserved(ds)) return waiting('generation not observed');
  const strategy = obj(obj(ds.spec).updateStrategy);
  if (strategy.type !== undefined && str(strategy.type) !== 'RollingUpdate') return READY;
  const status = obj(ds.status);
  const desired = num(status.desiredNumberScheduled);
  const updated = num(status.updatedNumberScheduled);
  if (updated !== desired) return waiting(`${updated}/${desired} updated`);
  const maxUnavailable = scaled(obj(strategy.rollingUpdate).maxUnavailable, desired, 1, true);
  const ready = num(status.numberReady);
  return ready >= desired - maxUnavailable ? READY : waiting(`${ready}/${desired} ready`);
}

/** ready.go for ReplicaSet/ReplicationController: observed generation and every pod Ready. */
export function replicaSetReady(rs: KubeObject, ctx: ReadinessContext): Readiness {
  if (!generationObserved(rs)) return waiting('generation not observed');
  const notReady = (ctx.pods ?? []).filter((p) => !podReady(p).ready);
  if (notReady.length === 0) return READY;
  return waiting(notReady.map((p) => `pod ${p.metadata.name}: ${podProblem(p)}`).join('; '));
}

/** ready.go jobReady (only with --wait-for-jobs). */
export function jobReady(job: KubeObject): Readiness {
  const spec = obj(job.spec);
  const status = obj(job.status);
  const ns = job.metadata.namespace ?? '';
  if (num(status.failed) > num(spec.backoffLimit, 6)) {
    return { ready: false, reason: `job is failed: ${ns}/${job.metadata.name}`, failed: true };
  }
  const completions = num(spec.completions, 1);
  const succeeded = num(status.succeeded);
  return succeeded >= completions ? READY : waiting(`${succeeded}/${completions} completed`);
}

/** ready.go serviceReady. */
export function serviceReady(svc: KubeObject): Readiness {
  const spec = obj(svc.spec);
  if (spec.type === 'ExternalName') return READY;
  if (!str(spec.clusterIP)) return waiting('no clusterIP');
  const hasExternalIPs = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
  if (spec.type === 'LoadBalancer' && !hasExternalIPs) {
    if (list(obj(obj(svc.status).loadBalancer).ingress).length === 0)
      return waiting('no load balancer ingress');
  }
  return READY;
}

/** The --wait rule for any kind (kinds without a rule are ready at once). */
export function readiness(o: KubeObject, ctx: ReadinessContext = {}): Readiness {
  switch (o.kind) {
    case 'Pod':
      return podReady(o);
    case 'Deployment':
      return deploymentReady(o, ctx);
    case 'StatefulSet':
      return statefulSetReady(o);
    case 'DaemonSet':
      return daemonSetReady(o);
    case 'ReplicaSet':
    case 'ReplicationController':
      return replicaSetReady(o, ctx);
    case 'PersistentVolumeClaim':
      return str(obj(o.status).phase) === 'Bound'
        ? READY
        : waiting(str(obj(o.status).phase) || 'Pending');
    case 'Service':
      return serviceReady(o);
    case 'CustomResourceDefinition':
      return crdReady(o);
    case 'Job':
      return ctx.waitForJobs ? jobReady(o) : READY;
    default:
      return READY;
  }
}

function crdReady(crd: KubeObject): Readiness {
  if (str(condition(crd, 'Established')?.status) === 'True') return READY;
  // ready.go: names not accepted means it will never be established; Helm lets it pass.
  if (str(condition(crd, 'NamesAccepted')?.status) === 'False') return READY;
  return waiting('not established');
}

/** Where a hook stands (section 3.2). */
export type HookState =
  { state: 'done' } | { state: 'waiting'; reason: string } | { state: 'failed'; message: string };

/**
 * EX-5/EX-6: Jobs by their Complete/Failed conditions, Pods by phase, a deleted object
 * (`undefined`) counts as done, every other kind is done at once.
 */
export function hookState(o: KubeObject | undefined): HookState {
  if (o === undefined) return { state: 'done' };
  if (o.kind === 'Job') {
    if (str(condition(o, 'Complete')?.status) === 'True') return { state: 'done' };
    const failed = condition(o, 'Failed');
    if (str(failed?.status) === 'True')
      return { state: 'failed', message: `job ${o.metadata.name} failed: ${str(failed?.reason)}` };
    const status = obj(o.status);
    return {
      state: 'waiting',
      reason: `active ${num(status.active)}, failed ${num(status.failed)}`,
    };
  }
  if (o.kind === 'Pod') {
    const phase = str(obj(o.status).phase);
    if (phase === 'Succeeded') return { state: 'done' };
    if (phase === 'Failed') return { state: 'failed', message: `pod ${o.metadata.name} failed` };
    return { state: 'waiting', reason: podProblem(o) };
  }
  return { state: 'done' };
}
