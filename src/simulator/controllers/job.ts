/**
 * The Job controller (pkg/controller/job/job_controller.go): creates Pods up to `parallelism`
 * until `completions` succeed, replacing failed ones after the back-off; fails the Job past
 * `backoffLimit` or `activeDeadlineSeconds`; sets the conditions and events Kubernetes sets.
 * Start times are kept in memory at millisecond precision, so a speed factor cannot turn the
 * second-precision `status.startTime` into a spurious deadline.
 */
import type { ResourceType } from '../discovery.js';
import { deleteObject } from '../deletion.js';
import { child, objects, rfc3339, str, type JsonObject } from '../json.js';
import { internalContext, type Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import type { EventRecorder } from './events.js';
import {
  countPods,
  decideOutcome,
  failureBackoffMs,
  finishConditions,
  isActive,
  jobFinished,
  podForJob,
  podsWanted,
  type JobCounts,
  type JobOutcome,
} from './job-state.js';
import { podType, QueuedController } from './controller.js';
import { MANAGER } from './owned.js';

const SOURCE = { component: 'job-controller' };

export class JobController extends QueuedController {
  private readonly jobType: ResourceType;
  private readonly podType: ResourceType;
  private readonly started = new Map<string, number>();
  private readonly failures = new Map<string, { count: number; at: number }>();

  constructor(
    reg: Registry,
    private readonly events: EventRecorder,
  ) {
    super(reg);
    this.jobType = reg.catalogue.lookup('batch', 'v1', 'jobs') as ResourceType;
    this.podType = podType(reg);
  }

  protected onEvent(ev: StoreEvent): void {
    const meta = child(ev.object, 'metadata') as JsonObject;
    if (ev.resource === 'batch/jobs' && ev.type === 'DELETED') {
      this.started.delete(str(meta, 'uid') ?? '');
      this.failures.delete(str(meta, 'uid') ?? '');
    }
    if (ev.resource === 'batch/jobs')
      this.queue.add(`${str(meta, 'namespace')}/${str(meta, 'name')}`);
    if (ev.resource !== '/pods') return;
    const owner = objects(meta, 'ownerReferences').find(
      (r) => r.kind === 'Job' && r.controller === true,
    );
    if (owner) this.queue.add(`${str(meta, 'namespace')}/${String(owner.name)}`);
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/');
    const job = this.reg.find(this.jobType, ns, name);
    if (!job || child(job, 'metadata')?.deletionTimestamp || jobFinished(job)) return;
    const spec = child(job, 'spec') as JsonObject;
    const uid = str(child(job, 'metadata'), 'uid') ?? '';
    const pods = this.reg
      .list(this.podType, ns)
      .filter((p) => objects(child(p, 'metadata'), 'ownerReferences').some((r) => r.uid === uid));
    const counts = countPods(pods);
    const start = this.startOf(key, uid, job, spec);
    const outcome = decideOutcome(
      spec,
      counts,
      (this.reg.clock.now() - start) * this.reg.clock.speed,
    );
    if (outcome) return this.finish(job, pods.filter(isActive), counts, outcome);
    if (spec.suspend !== true) this.createPods(key, uid, job, spec, counts);
    this.writeStatus(job, counts, start);
  }

  /** First sight of the Job: remember its start and arm the activeDeadlineSeconds timer. */
  private startOf(key: string, uid: string, job: JsonObject, spec: JsonObject): number {
    const known = this.started.get(uid);
    if (known !== undefined) return known;
    const recorded = str(child(job, 'status'), 'startTime');
    const start = recorded ? Date.parse(recorded) : this.reg.clock.now();
    this.started.set(uid, start);
    const deadline = spec.activeDeadlineSeconds;
    if (typeof deadline === 'number') this.queue.after(key, deadline * 1000 + 1);
    return start;
  }

  private createPods(
    key: string,
    uid: string,
    job: JsonObject,
    spec: JsonObject,
    counts: JobCounts,
  ): void {
    const want = podsWanted(spec, counts);
    if (want === 0) return;
    const waitMs =
      counts.failed > 0
        ? this.lastFailure(uid, counts.failed) +
          failureBackoffMs(counts.failed) / this.reg.clock.speed -
          this.reg.clock.now()
        : 0;
    if (waitMs > 0) return this.queue.after(key, waitMs * this.reg.clock.speed);
    for (let i = 0; i < want; i++) if (this.createPod(key, job)) counts.active++;
  }

  /** Wall time at which the controller first saw the current number of failed Pods. */
  private lastFailure(uid: string, failedPods: number): number {
    const seen = this.failures.get(uid);
    if (seen && seen.count === failedPods) return seen.at;
    const at = this.reg.clock.now();
    this.failures.set(uid, { count: failedPods, at });
    return at;
  }

  private createPod(key: string, job: JsonObject): boolean {
    const retry = { events: this.events, owner: job, source: SOURCE, retryKey: key };
    return this.createOrRetry(retry, () => {
      const created = this.reg.create(
        this.podType,
        str(child(job, 'metadata'), 'namespace') ?? '',
        podForJob(job),
        internalContext(MANAGER),
      );
      this.events.record(job, SOURCE, {
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `Created pod: ${str(child(created, 'metadata'), 'name')}`,
      });
    });
  }

  private writeStatus(
    job: JsonObject,
    counts: JobCounts,
    start: number,
    extra?: (s: JsonObject) => void,
  ): void {
    const meta = child(job, 'metadata') as JsonObject;
    this.reg.writeStatus(
      this.jobType,
      str(meta, 'namespace') ?? '',
      str(meta, 'name') ?? '',
      (s) => {
        s.startTime = rfc3339(start);
        for (const k of ['active', 'succeeded', 'failed'] as const) {
          if (counts[k] > 0) s[k] = counts[k];
          else delete s[k];
        }
        s.ready = counts.ready;
        s.terminating = 0;
        s.uncountedTerminatedPods = {};
        extra?.(s);
      },
      MANAGER,
    );
  }

  /** Terminates the active Pods and records the outcome (conditions, completionTime, event). */
  private finish(
    job: JsonObject,
    active: JsonObject[],
    counts: JobCounts,
    outcome: JobOutcome,
  ): void {
    const meta = child(job, 'metadata') as JsonObject;
    const ns = str(meta, 'namespace') ?? '';
    for (const p of active)
      this.queue.run(() =>
        deleteObject(this.reg, this.podType, ns, str(child(p, 'metadata'), 'name') ?? '', {
          propagationPolicy: 'Background',
        }),
      );
    const now = rfc3339(this.reg.clock.now());
    const failed = outcome.type === 'Failed' ? counts.failed + active.length : counts.failed;
    const uid = str(meta, 'uid') ?? '';
    this.writeStatus(
      job,
      { ...counts, active: 0, ready: 0, failed },
      this.started.get(uid) ?? this.reg.clock.now(),
      (s) => {
        s.conditions = finishConditions(outcome, now);
        if (outcome.type === 'Complete') s.completionTime = now;
      },
    );
    if (outcome.type === 'Complete')
      this.events.record(job, SOURCE, {
        type: 'Normal',
        reason: 'Completed',
        message: 'Job completed',
      });
    else
      this.events.record(job, SOURCE, {
        type: 'Warning',
        reason: outcome.reason,
        message: outcome.message,
      });
    this.started.delete(uid);
    this.failures.delete(uid);
  }
}
