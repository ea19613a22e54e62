/**
 * The Job controller (pkg/controller/job/job_controller.go): creates Pods up to `parallelism`
 * until `completions` succeed; fails the Job past `backoffLimit` (counting failed Pods and
 * container restarts) or `activeDeadlineSeconds`; sets SuccessCriteriaMet/Complete or
 * FailureTarget/Failed with Kubernetes' reasons; removes finished Jobs after
 * `ttlSecondsAfterFinished`. Failed Pods are replaced after the exponential back-off (10 s, doubling).
 */
import type { ResourceType } from '../discovery.js';
import { deleteObject } from '../deletion.js';
import { ApiError } from '../errors.js';
import { child, clone, num, objects, rfc3339, str, type JsonObject } from '../json.js';
import { internalContext, type Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import type { EventRecorder } from './events.js';

const SOURCE = { component: 'job-controller' };
const MANAGER = 'kube-controller-manager';

function conditionTrue(job: JsonObject, type: string): boolean {
  return objects(child(job, 'status'), 'conditions').some((c) => c.type === type && c.status === 'True');
}

export function jobFinished(job: JsonObject): boolean {
  return conditionTrue(job, 'Complete') || conditionTrue(job, 'Failed');
}

export class JobController {
  private readonly jobType: ResourceType;
  private readonly podType: ResourceType;
  private readonly pending = new Set<string>();
  private readonly timers = new Map<string, Array<() => void>>();
  private readonly failures = new Map<string, { count: number; at: number }>();
  private scheduled = false;
  private stopped = false;
  private readonly unlisten: () => void;

  constructor(
    private readonly reg: Registry,
    private readonly events: EventRecorder,
  ) {
    this.jobType = reg.catalogue.lookup('batch', 'v1', 'jobs') as ResourceType;
    this.podType = reg.catalogue.lookup('', 'v1', 'pods') as ResourceType;
    this.unlisten = reg.store.listen((ev) => this.onEvent(ev));
  }

  stop(): void {
    this.stopped = true;
    this.unlisten();
    for (const list of this.timers.values()) for (const c of list) c();
  }

  private onEvent(ev: StoreEvent): void {
    const meta = child(ev.object, 'metadata') as JsonObject;
    if (ev.resource === 'batch/jobs') this.enqueue(`${str(meta, 'namespace')}/${str(meta, 'name')}`);
    if (ev.resource === '/pods') {
      const owner = objects(meta, 'ownerReferences').find((r) => r.kind === 'Job' && r.controller === true);
      if (owner) this.enqueue(`${str(meta, 'namespace')}/${String(owner.name)}`);
    }
  }

  private enqueue(key: string): void {
    this.pending.add(key);
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const keys = [...this.pending];
      this.pending.clear();
      for (const k of keys) this.safely(() => this.sync(k));
    });
  }

  private safely(fn: () => void): void {
    if (this.stopped) return;
    try {
      fn();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }

  private after(key: string, simMs: number): void {
    const cancel = this.reg.clock.after(simMs, () => this.enqueue(key));
    this.timers.set(key, [...(this.timers.get(key) ?? []), cancel]);
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/');
    const job = this.reg.find(this.jobType, ns, name);
    if (!job) {
      for (const c of this.timers.get(key) ?? []) c();
      this.timers.delete(key);
      return;
    }
    const meta = child(job, 'metadata') as JsonObject;
    if (meta.deletionTimestamp) return;
    if (jobFinished(job)) return this.expire(key, job);
    const spec = child(job, 'spec') as JsonObject;
    const uid = str(meta, 'uid') ?? '';
    const pods = this.reg.list(this.podType, ns).filter((p) => objects(child(p, 'metadata'), 'ownerReferences').some((r) => r.uid === uid));
    const phase = (p: JsonObject): string => str(child(p, 'status'), 'phase') ?? 'Pending';
    const active = pods.filter((p) => !['Succeeded', 'Failed'].includes(phase(p)) && !child(p, 'metadata')?.deletionTimestamp);
    const succeeded = pods.filter((p) => phase(p) === 'Succeeded').length;
    const failedPods = pods.filter((p) => phase(p) === 'Failed').length;
    const restarts = active.reduce((n, p) => n + objects(child(p, 'status'), 'containerStatuses').reduce((m, c) => m + (num(c, 'restartCount') ?? 0), 0), 0);
    const failed = failedPods + restarts;
    const ready = active.filter((p) => objects(child(p, 'status'), 'conditions').some((c) => c.type === 'Ready' && c.status === 'True')).length;
    const completions = num(spec, 'completions') ?? 1;
    const startTime = str(child(job, 'status'), 'startTime') ?? rfc3339(this.reg.clock.now());
    const deadline = num(spec, 'activeDeadlineSeconds');
    const counts = { active: active.length, succeeded, failed: failedPods, ready, startTime };

    if (succeeded >= completions) return this.finish(job, active, counts, 'Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
    if (failed > (num(spec, 'backoffLimit') ?? 6)) return this.finish(job, active, counts, 'Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    if (deadline !== undefined) {
      const elapsed = (this.reg.clock.now() - Date.parse(startTime)) * this.reg.clock.speed;
      if (elapsed >= deadline * 1000) return this.finish(job, active, counts, 'Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
      if (!str(child(job, 'status'), 'startTime')) this.after(key, deadline * 1000 + 5);
    }
    if (spec.suspend === true) return this.writeStatus(job, counts);
    const want = Math.min(num(spec, 'parallelism') ?? 1, completions - succeeded) - active.length;
    const backoff = failedPods > 0 ? Math.min(10_000 * 2 ** (failedPods - 1), 360_000) : 0;
    const waitMs = failedPods > 0 ? this.lastFailure(key, failedPods) + backoff / this.reg.clock.speed - this.reg.clock.now() : 0;
    if (want > 0 && waitMs > 0) this.reg.clock.after(waitMs * this.reg.clock.speed, () => this.enqueue(key));
    else for (let i = 0; i < want; i++) this.createPod(job, counts);
    this.writeStatus(job, counts);
  }

  /** Wall time at which the controller first saw the current number of failed Pods. */
  private lastFailure(key: string, failedPods: number): number {
    const seen = this.failures.get(key);
    if (seen && seen.count === failedPods) return seen.at;
    const at = this.reg.clock.now();
    this.failures.set(key, { count: failedPods, at });
    return at;
  }

  private createPod(job: JsonObject, counts: { active: number }): void {
    const meta = child(job, 'metadata') as JsonObject;
    const template = clone(child(child(job, 'spec'), 'template') ?? {});
    const tmeta = child(template, 'metadata') ?? {};
    const pod: JsonObject = {
      metadata: {
        generateName: `${str(meta, 'name')}-`,
        labels: child(tmeta, 'labels') ?? {},
        ...(child(tmeta, 'annotations') ? { annotations: child(tmeta, 'annotations') ?? {} } : {}),
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: str(meta, 'name') ?? '', uid: str(meta, 'uid') ?? '', controller: true, blockOwnerDeletion: true }],
      },
      spec: child(template, 'spec') ?? {},
    };
    let created: JsonObject;
    try {
      created = this.reg.create(this.podType, str(meta, 'namespace') ?? '', pod, internalContext(MANAGER));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.events.record(job, SOURCE, { type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${err.message}` });
      this.after(`${str(meta, 'namespace')}/${str(meta, 'name')}`, 1000);
      return;
    }
    counts.active++;
    this.events.record(job, SOURCE, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${str(child(created, 'metadata'), 'name')}` });
  }

  private writeStatus(job: JsonObject, counts: { active: number; succeeded: number; failed: number; ready: number; startTime: string }, extra?: (s: JsonObject) => void): void {
    const meta = child(job, 'metadata') as JsonObject;
    this.reg.writeStatus(this.jobType, str(meta, 'namespace') ?? '', str(meta, 'name') ?? '', (s) => {
      s.startTime = counts.startTime;
      for (const k of ['active', 'succeeded', 'failed'] as const) {
        if (counts[k] > 0) s[k] = counts[k];
        else delete s[k];
      }
      s.ready = counts.ready;
      s.terminating = 0;
      s.uncountedTerminatedPods = {};
      extra?.(s);
    }, MANAGER);
  }

  private finish(job: JsonObject, active: JsonObject[], counts: { active: number; succeeded: number; failed: number; ready: number; startTime: string }, type: 'Complete' | 'Failed', reason: string, message: string): void {
    const meta = child(job, 'metadata') as JsonObject;
    const ns = str(meta, 'namespace') ?? '';
    for (const p of active) this.safely(() => deleteObject(this.reg, this.podType, ns, str(child(p, 'metadata'), 'name') ?? '', { propagationPolicy: 'Background' }));
    const now = rfc3339(this.reg.clock.now());
    const cond = (t: string): JsonObject => ({ type: t, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message });
    const failed = type === 'Failed' ? counts.failed + active.length : counts.failed;
    this.writeStatus(job, { ...counts, active: 0, ready: 0, failed }, (s) => {
      s.conditions = [cond(type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget'), cond(type)];
      if (type === 'Complete') s.completionTime = now;
    });
    if (type === 'Complete') this.events.record(job, SOURCE, { type: 'Normal', reason: 'Completed', message: 'Job completed' });
    else this.events.record(job, SOURCE, { type: 'Warning', reason, message });
    const key = `${ns}/${str(meta, 'name')}`;
    const done = this.reg.find(this.jobType, ns, str(meta, 'name') ?? '');
    if (done) this.expire(key, done);
  }

  /** ttlSecondsAfterFinished (pkg/controller/ttlafterfinished): delete in the foreground. */
  private expire(key: string, job: JsonObject): void {
    const ttl = num(child(job, 'spec'), 'ttlSecondsAfterFinished');
    if (ttl === undefined || this.timers.has(`ttl:${key}`)) return;
    const finished = Date.parse(str(child(job, 'status'), 'completionTime') ?? objects(child(job, 'status'), 'conditions').map((c) => String(c.lastTransitionTime))[0] ?? '');
    const remaining = Math.max(0, ttl * 1000 - (this.reg.clock.now() - (finished || this.reg.clock.now())) * this.reg.clock.speed);
    const [ns, name] = key.split('/');
    const cancel = this.reg.clock.after(remaining, () => this.safely(() => deleteObject(this.reg, this.jobType, ns, name, { propagationPolicy: 'Foreground' })));
    this.timers.set(`ttl:${key}`, [cancel]);
  }
}
