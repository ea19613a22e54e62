/**
 * Pure parts of the Job controller (pkg/controller/job/job_controller.go): counting the Job's
 * Pods, deciding whether it is finished and why, and building the Pods it creates.
 */
import { child, clone, num, objects, str, type JsonObject } from '../json.js';

export interface JobCounts {
  active: number;
  succeeded: number;
  /** Failed Pods. */
  failed: number;
  /** Failed Pods plus container restarts of active Pods (restartPolicy OnFailure). */
  failures: number;
  ready: number;
}

export interface JobOutcome {
  type: 'Complete' | 'Failed';
  reason: string;
  message: string;
}

const phase = (p: JsonObject): string => str(child(p, 'status'), 'phase') ?? 'Pending';

export function isActive(p: JsonObject): boolean {
  return !['Succeeded', 'Failed'].includes(phase(p)) && !child(p, 'metadata')?.deletionTimestamp;
}

function restarts(p: JsonObject): number {
  return objects(child(p, 'status'), 'containerStatuses').reduce(
    (n, c) => n + (num(c, 'restartCount') ?? 0),
    0,
  );
}

function ready(p: JsonObject): boolean {
  return objects(child(p, 'status'), 'conditions').some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );
}

export function countPods(pods: JsonObject[]): JobCounts {
  const active = pods.filter(isActive);
  const failed = pods.filter((p) => phase(p) === 'Failed').length;
  return {
    active: active.length,
    succeeded: pods.filter((p) => phase(p) === 'Succeeded').length,
    failed,
    failures: failed + active.reduce((n, p) => n + restarts(p), 0),
    ready: active.filter(ready).length,
  };
}

/** Complete when completions succeeded; Failed past backoffLimit or activeDeadlineSeconds. */
export function decideOutcome(
  spec: JsonObject,
  counts: JobCounts,
  elapsedSimMs: number,
): JobOutcome | undefined {
  if (counts.succeeded >= (num(spec, 'completions') ?? 1)) {
    return {
      type: 'Complete',
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    };
  }
  if (counts.failures > (num(spec, 'backoffLimit') ?? 6)) {
    return {
      type: 'Failed',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    };
  }
  const deadline = num(spec, 'activeDeadlineSeconds');
  if (deadline !== undefined && elapsedSimMs >= deadline * 1000) {
    return {
      type: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    };
  }
  return undefined;
}

/** Pods to create now: up to parallelism, never more than the completions still missing. */
export function podsWanted(spec: JsonObject, counts: JobCounts): number {
  const remaining = (num(spec, 'completions') ?? 1) - counts.succeeded;
  return Math.max(0, Math.min(num(spec, 'parallelism') ?? 1, remaining) - counts.active);
}

/** The pod-failure back-off before replacing a failed Pod: 10 s doubling, capped at 6 min. */
export function failureBackoffMs(failedPods: number): number {
  return failedPods > 0 ? Math.min(10_000 * 2 ** (failedPods - 1), 360_000) : 0;
}

export function podForJob(job: JsonObject): JsonObject {
  const meta = child(job, 'metadata') as JsonObject;
  const template = clone(child(child(job, 'spec'), 'template') ?? {});
  const tmeta = child(template, 'metadata') ?? {};
  const annotations = child(tmeta, 'annotations');
  return {
    metadata: {
      generateName: `${str(meta, 'name')}-`,
      labels: child(tmeta, 'labels') ?? {},
      ...(annotations ? { annotations } : {}),
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: str(meta, 'name') ?? '',
          uid: str(meta, 'uid') ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: child(template, 'spec') ?? {},
  };
}

/** The interim and final conditions Kubernetes 1.31+ sets together. */
export function finishConditions(outcome: JobOutcome, now: string): JsonObject[] {
  const interim = outcome.type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget';
  return [interim, outcome.type].map((type) => ({
    type,
    status: 'True',
    lastProbeTime: now,
    lastTransitionTime: now,
    reason: outcome.reason,
    message: outcome.message,
  }));
}

export function jobFinished(job: JsonObject): boolean {
  return objects(child(job, 'status'), 'conditions').some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}
