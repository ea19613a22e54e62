/**
 * What hookline reports about each hook that ran (design decision 9, helm-semantics.md
 * section 10: "always capture the failed hook's pod logs, events and Job conditions"). Helm
 * shows none of this by default (HK-14); collecting it changes no outcome. Everything is
 * read before any deletion (HK-13 order, which Helm 3 keeps only for its opt-in logs).
 */
import type { KubeClient, KubeEvent, KubeObject, ResourceRef } from '../kube/client.js';
import type { Hook, HookEvent, HookPhase } from '../release/hook.js';
import type { HelmTime } from '../release/types.js';
import { containerNames, hookPods } from './hook-kube.js';

/** A container's last state and the tail of its log. */
export interface ContainerReport {
  pod: string;
  container: string;
  /** `terminated.reason` (e.g. `Error`, `Completed`) or `waiting.reason` (`ImagePullBackOff`). */
  reason?: string;
  exitCode?: number;
  /** `terminated.message` / `waiting.message` (which one: `state`). */
  message?: string;
  /**
   * The state `reason`/`message` come from: `terminated` (message = the termination message the
   * app wrote) or `waiting` (message = the kubelet's, e.g. a back-off).
   */
  state?: 'terminated' | 'waiting';
  /** The last lines of the log (`''` when logs were not collected or empty). */
  logTail: string;
}

/** An Event about the hook object or one of its pods. */
export interface ObjectEvent extends KubeEvent {
  /** `Kind name` of the involved object. */
  object: string;
}

export interface HookOutcome {
  event: HookEvent;
  kind: string;
  name: string;
  namespace: string;
  path: string;
  weight: number;
  phase: HookPhase;
  startedAt: HelmTime;
  completedAt: HelmTime;
  /** completedAt - startedAt in milliseconds; 0 while not completed. */
  durationMs: number;
  /** The policy that deleted the object after the run (`hook-succeeded`/`hook-failed`). */
  deletePolicyApplied?: string;
  /** Why it failed (the error, with culprits on a timeout); absent on success. */
  reason?: string;
  /** The log tail of the first container that failed (else the last one seen). */
  logTail: string;
  /** The exit code of that container, when it terminated. */
  exitCode?: number;
  containers: ContainerReport[];
  events: ObjectEvent[];
}

export interface CollectOptions {
  /** Read pod logs (hook-logs `none` turns this off; events and states are always read). */
  logs: boolean;
  tailLines: number;
  /** Most recent events kept per outcome. */
  maxEvents: number;
}

/** The diagnostics part of an outcome. */
export type Diagnostics = Pick<HookOutcome, 'logTail' | 'containers' | 'events' | 'exitCode'>;

export const NO_DIAGNOSTICS: Diagnostics = { logTail: '', containers: [], events: [] };

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

/** A container status's terminated (or last terminated, or waiting) state. */
function lastState(status: Json): Omit<ContainerReport, 'pod' | 'container' | 'logTail'> {
  const state = rec(status.state);
  const terminated = rec(state.terminated ?? rec(status.lastState).terminated);
  const waiting = rec(state.waiting);
  const src = state.terminated !== undefined || state.waiting === undefined ? terminated : waiting;
  const out: Omit<ContainerReport, 'pod' | 'container' | 'logTail'> = {};
  if (Object.keys(src).length > 0) out.state = src === waiting ? 'waiting' : 'terminated';
  const reason = text(src.reason);
  if (reason !== undefined) out.reason = reason;
  // A container waiting to restart still has the exit code of its last termination.
  if (typeof terminated.exitCode === 'number') out.exitCode = terminated.exitCode;
  const message = text(src.message);
  if (message !== undefined) out.message = message;
  return out;
}

/**
 * Whether a container has a log to read: it runs or ran (this instance or the one before). One
 * that never started (pulling or failing to pull its image, a bad configuration, a pod never
 * scheduled) has none: the API server answers 400 "waiting to start", which is no news next
 * to the waiting reason the report shows.
 */
function hasRun(status: Json): boolean {
  const state = rec(status.state);
  return (
    state.running !== undefined ||
    state.terminated !== undefined ||
    rec(status.lastState).terminated !== undefined
  );
}

async function containerReports(
  kube: KubeClient,
  pod: KubeObject,
  opts: CollectOptions,
  warn: (message: string) => void,
): Promise<ContainerReport[]> {
  const statuses = (rec(pod.status).containerStatuses ?? []) as Json[];
  const out: ContainerReport[] = [];
  for (const container of containerNames(pod)) {
    const status = statuses.find((s) => s.name === container) ?? {};
    let logTail = '';
    if (opts.logs && hasRun(status)) {
      try {
        const ns = pod.metadata.namespace ?? kube.defaultNamespace;
        const log = await kube.podLogs(ns, pod.metadata.name, {
          container,
          tailLines: opts.tailLines,
        });
        logTail = log.replace(/\n$/, '');
      } catch (err) {
        warn(`could not read logs of pod ${pod.metadata.name} (${container}): ${String(err)}`);
      }
    }
    out.push({ pod: pod.metadata.name, container, ...lastState(status), logTail });
  }
  return out;
}

/** The events of this very object: an earlier, deleted one of the same name has another uid. */
async function eventsOf(
  kube: KubeClient,
  ref: ResourceRef,
  uid: string | undefined,
): Promise<ObjectEvent[]> {
  const object = `${ref.kind} ${ref.name}`;
  return (await kube.eventsFor(ref))
    .filter((e) => uid === undefined || e.uid === undefined || e.uid === uid)
    .map((e) => ({ ...e, object }));
}

/** The live object's uid (undefined when it is gone or unreadable: nothing is filtered). */
async function uidOf(kube: KubeClient, ref: ResourceRef): Promise<string | undefined> {
  try {
    return (await kube.get(ref)).metadata.uid;
  } catch {
    return undefined;
  }
}

/** A pod of this Job (not of an earlier Job of the same name still being deleted). */
function ownedBy(pod: KubeObject, uid: string | undefined): boolean {
  if (uid === undefined) return true;
  const owners = (pod.metadata.ownerReferences ?? []) as Array<{ uid?: string }>;
  const label = pod.metadata.labels?.['batch.kubernetes.io/controller-uid'];
  if (owners.length === 0 && label === undefined) return true;
  return owners.some((o) => o.uid === uid) || label === uid;
}

/**
 * Time order: last seen; within one second (the API's timestamps have second precision) the
 * order of the events' last writes; then first seen.
 */
const byTime = (a: KubeEvent, b: KubeEvent): number =>
  (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? '') ||
  (a.sequence ?? 0) - (b.sequence ?? 0) ||
  (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? '');

/**
 * Reads the hook's pods (their container states and log tails) and the events of the hook
 * object and its pods. Failures to read are passed to `warn` and leave parts empty: a
 * diagnostic never changes the hook's outcome.
 */
export async function collectDiagnostics(
  kube: KubeClient,
  ref: ResourceRef,
  opts: CollectOptions,
  warn: (message: string) => void,
): Promise<Diagnostics> {
  const containers: ContainerReport[] = [];
  const events: ObjectEvent[] = [];
  try {
    const uid = ref.kind === 'Job' ? await uidOf(kube, ref) : undefined;
    const pods = (await hookPods(kube, ref)).filter((p) => ownedBy(p, uid));
    events.push(...(await eventsOf(kube, ref, ref.kind === 'Pod' ? pods[0]?.metadata.uid : uid)));
    // Newest pod first: a Job's last attempt explains its failure best.
    pods.sort((a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
    );
    for (const pod of pods) {
      containers.push(...(await containerReports(kube, pod, opts, warn)));
      if (ref.kind !== 'Pod')
        events.push(
          ...(await eventsOf(
            kube,
            { ...ref, apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name },
            pod.metadata.uid,
          )),
        );
    }
  } catch (err) {
    warn(`could not collect diagnostics of ${ref.kind} ${ref.name}: ${String(err)}`);
  }
  events.sort(byTime);
  const failed = containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0);
  const shown = failed ?? containers[0];
  const logTail = shown?.logTail ?? '';
  return {
    logTail,
    ...(shown?.exitCode !== undefined ? { exitCode: shown.exitCode } : {}),
    containers,
    events: events.slice(-opts.maxEvents),
  };
}

/** completedAt - startedAt for the record's times (both from the same clock). */
export function outcomeOf(
  h: Hook,
  event: HookEvent,
  namespace: string,
  durationMs: number,
): HookOutcome {
  return {
    event,
    kind: h.kind,
    name: h.name,
    namespace,
    path: h.path,
    weight: h.weight,
    phase: h.last_run.phase,
    startedAt: h.last_run.started_at,
    completedAt: h.last_run.completed_at,
    durationMs,
    ...NO_DIAGNOSTICS,
  };
}
