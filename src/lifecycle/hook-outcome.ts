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
  /** `terminated.message` / `waiting.message`: the termination message when the app wrote one. */
  message?: string;
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
export type Diagnostics = Pick<HookOutcome, 'logTail' | 'containers' | 'events'>;

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
  const reason = text(src.reason);
  if (reason !== undefined) out.reason = reason;
  if (typeof src.exitCode === 'number') out.exitCode = src.exitCode;
  const message = text(src.message);
  if (message !== undefined) out.message = message;
  return out;
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
    if (opts.logs) {
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

async function eventsOf(kube: KubeClient, ref: ResourceRef): Promise<ObjectEvent[]> {
  const object = `${ref.kind} ${ref.name}`;
  return (await kube.eventsFor(ref)).map((e) => ({ ...e, object }));
}

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
    events.push(...(await eventsOf(kube, ref)));
    const pods = await hookPods(kube, ref);
    // Newest pod first: a Job's last attempt explains its failure best.
    pods.sort((a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
    );
    for (const pod of pods) {
      containers.push(...(await containerReports(kube, pod, opts, warn)));
      if (ref.kind !== 'Pod')
        events.push(
          ...(await eventsOf(kube, {
            ...ref,
            apiVersion: 'v1',
            kind: 'Pod',
            name: pod.metadata.name,
          })),
        );
    }
  } catch (err) {
    warn(`could not collect diagnostics of ${ref.kind} ${ref.name}: ${String(err)}`);
  }
  events.sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''));
  const failed = containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0);
  const logTail = (failed ?? containers[0])?.logTail ?? '';
  return { logTail, containers, events: events.slice(-opts.maxEvents) };
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
