/**
 * The simulated node: schedules Pods, runs them by the pod runner's decision on the injectable
 * clock, writes container statuses as the kubelet does, records its Events, and keeps container
 * logs for `pods/log`.
 */
import type { ResourceType } from '../discovery.js';
import { finishPodDeletion } from '../deletion.js';
import { child, objects, rfc3339, str, type JsonObject } from '../json.js';
import type { Registry } from '../registry.js';
import { guarded } from '../report.js';
import type { StoreEvent } from '../store.js';
import { podType, StoreController } from './controller.js';
import type { EventRecorder } from './events.js';
import { containerLog, type ContainerRun, type LogOptions, type PodRun } from './pod-logs.js';
import { decideFate } from './pod-runner.js';
import { podStatus, type ContainerState } from './pod-status.js';

export const NODE_NAME = 'hookline-control-plane';

let ipCounter = 2;

export class Kubelet extends StoreController {
  private readonly runs = new Map<string, PodRun>();
  private readonly podType: ResourceType;

  constructor(
    reg: Registry,
    private readonly events: EventRecorder,
  ) {
    super(reg);
    this.podType = podType(reg);
  }

  override stop(): void {
    super.stop();
    for (const run of this.runs.values()) for (const c of run.cancels) c();
    this.runs.clear();
  }

  protected onEvent(ev: StoreEvent): void {
    if (ev.resource !== '/pods') return;
    const meta = child(ev.object, 'metadata') as JsonObject;
    const uid = str(meta, 'uid') ?? '';
    if (ev.type === 'DELETED') {
      const run = this.runs.get(uid);
      for (const c of run?.cancels ?? []) c();
      this.runs.delete(uid);
      return;
    }
    if (ev.type === 'ADDED' && !this.runs.has(uid) && !meta.deletionTimestamp) {
      this.later(undefined, 0, () => this.admit(ev.object));
    } else if (meta.deletionTimestamp && Number(meta.deletionGracePeriodSeconds ?? 0) > 0) {
      const run = this.runs.get(uid);
      if (run && !run.deleting)
        this.terminateGracefully(run, Number(meta.deletionGracePeriodSeconds));
      if (!run)
        this.later(undefined, 0, () => finishPodDeletion(this.reg, this.podType, ev.object));
    }
  }

  private later(run: PodRun | undefined, simMs: number, fn: () => void): void {
    const cancel = this.reg.clock.after(simMs, () => guarded('kubelet', fn));
    run?.cancels.push(cancel);
  }

  private pod(run: PodRun): JsonObject | undefined {
    const pod = this.reg.find(this.podType, run.ns, run.name);
    return pod && str(child(pod, 'metadata'), 'uid') === run.uid ? pod : undefined;
  }

  private record(
    run: PodRun,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    container?: string,
    component = 'kubelet',
  ): void {
    const pod = this.pod(run);
    if (pod)
      this.events.record(
        pod,
        { component, host: NODE_NAME },
        {
          type,
          reason,
          message,
          ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
        },
      );
  }

  private admit(pod: JsonObject): void {
    const meta = child(pod, 'metadata') as JsonObject;
    const spec = child(pod, 'spec') as JsonObject;
    const refs = objects(meta, 'ownerReferences');
    const jobPod =
      refs.some((r) => r.kind === 'Job') || Boolean(child(meta, 'labels')?.['job-name']);
    const run: PodRun = {
      ns: str(meta, 'namespace') ?? '',
      name: str(meta, 'name') ?? '',
      uid: str(meta, 'uid') ?? '',
      restartPolicy: str(spec, 'restartPolicy') ?? 'Always',
      containers: objects(spec, 'containers').map((c) => ({
        name: str(c, 'name') ?? '',
        image: str(c, 'image') ?? '',
        fate: decideFate(
          {
            image: str(c, 'image') ?? '',
            command: (c.command as string[] | undefined) ?? [],
            args: (c.args as string[] | undefined) ?? [],
          },
          { jobPod },
        ),
        state: { kind: 'waiting', reason: 'ContainerCreating' },
        restartCount: 0,
        startedWall: 0,
        logs: [],
      })),
      cancels: [],
      podIP: `10.244.0.${(ipCounter = (ipCounter % 250) + 2)}`,
      startWall: this.reg.clock.now(),
      deleting: false,
    };
    this.runs.set(run.uid, run);
    pod.spec = { ...spec, nodeName: NODE_NAME };
    this.reg.internalWrite(this.podType, pod, 'kube-scheduler');
    this.record(
      run,
      'Normal',
      'Scheduled',
      `Successfully assigned ${run.ns}/${run.name} to ${NODE_NAME}`,
      undefined,
      'default-scheduler',
    );
    this.writeStatus(run);
    this.startContainers(run);
  }

  private writeStatus(run: PodRun): void {
    this.reg.writeStatus(
      this.podType,
      run.ns,
      run.name,
      (status, pod) => {
        if (str(child(pod, 'metadata'), 'uid') !== run.uid) return;
        const before = objects(status, 'conditions');
        Object.assign(status, podStatus(run, this.reg.clock.now()));
        // A condition keeps its lastTransitionTime while its status does not change.
        for (const c of objects(status, 'conditions')) {
          const old = before.find((b) => b.type === c.type);
          if (old && old.status === c.status && old.lastTransitionTime)
            c.lastTransitionTime = old.lastTransitionTime;
        }
      },
      'kubelet',
    );
  }

  private startContainers(run: PodRun): void {
    const first = run.containers[0];
    for (const c of run.containers) {
      this.record(run, 'Normal', 'Pulling', `Pulling image "${c.image}"`, c.name);
      if (c.fate.kind === 'image-pull-error') {
        this.pullFailure(run, c);
        continue;
      }
      this.record(
        run,
        'Normal',
        'Pulled',
        `Successfully pulled image "${c.image}" in 1ms (1ms including waiting). Image size: 2156423 bytes.`,
        c.name,
      );
      this.startContainer(run, c);
    }
    this.writeStatus(run);
    if (first) this.scheduleExit(run, first);
  }

  private startContainer(run: PodRun, c: ContainerRun): void {
    this.record(run, 'Normal', 'Created', `Created container: ${c.name}`, c.name);
    this.record(run, 'Normal', 'Started', `Started container ${c.name}`, c.name);
    c.startedWall = this.reg.clock.now();
    c.logs = c.fate.kind === 'image-pull-error' ? [] : c.fate.logs;
    c.state = { kind: 'running', startedAt: rfc3339(c.startedWall) };
  }

  private pullFailure(run: PodRun, c: ContainerRun): void {
    const ref = c.image.includes('/') ? c.image : `docker.io/library/${c.image}`;
    const full = ref.includes(':') ? ref : `${ref}:latest`;
    const why = `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
    c.state = { kind: 'waiting', reason: 'ErrImagePull', message: why };
    this.record(run, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${why}`, c.name);
    this.record(run, 'Warning', 'Failed', 'Error: ErrImagePull', c.name);
    this.later(run, 1000, () => {
      c.state = {
        kind: 'waiting',
        reason: 'ImagePullBackOff',
        message: `Back-off pulling image "${c.image}"`,
      };
      this.record(run, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, c.name);
      this.record(run, 'Warning', 'Failed', 'Error: ImagePullBackOff', c.name);
      this.writeStatus(run);
    });
  }

  private scheduleExit(run: PodRun, c: ContainerRun): void {
    if (c.fate.kind !== 'exits') return;
    const { afterMs, exitCode } = c.fate;
    this.later(run, afterMs, () => this.exited(run, c, exitCode));
  }

  private exited(run: PodRun, first: ContainerRun, exitCode: number): void {
    const now = rfc3339(this.reg.clock.now());
    const restart =
      run.restartPolicy === 'Always' || (run.restartPolicy === 'OnFailure' && exitCode !== 0);
    if (restart && exitCode === 0) return;
    for (const c of run.containers) {
      if (c.state.kind !== 'running') continue;
      const code = c === first ? exitCode : 0;
      c.state = {
        kind: 'terminated',
        exitCode: code,
        reason: code === 0 ? 'Completed' : 'Error',
        startedAt: rfc3339(c.startedWall),
        finishedAt: now,
      };
    }
    this.writeStatus(run);
    if (restart) this.crashLoop(run, first);
  }

  private crashLoop(run: PodRun, c: ContainerRun): void {
    const backoff = Math.min(10_000 * 2 ** c.restartCount, 300_000);
    const last = c.state;
    c.previous = c.logs;
    c.restartCount++;
    c.state = {
      kind: 'waiting',
      reason: 'CrashLoopBackOff',
      message: `back-off ${backoff / 1000}s restarting failed container=${c.name} pod=${run.name}_${run.ns}(${run.uid})`,
      last,
    };
    this.record(
      run,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${c.name} in pod ${run.name}_${run.ns}(${run.uid})`,
      c.name,
    );
    this.writeStatus(run);
    this.later(run, backoff, () => {
      this.record(
        run,
        'Normal',
        'Pulled',
        `Container image "${c.image}" already present on machine`,
        c.name,
      );
      this.startContainer(run, c);
      c.state = { ...c.state, last } as ContainerState;
      this.writeStatus(run);
      this.scheduleExit(run, c);
    });
  }

  private terminateGracefully(run: PodRun, grace: number): void {
    run.deleting = true;
    for (const cancel of run.cancels) cancel();
    run.cancels = [];
    for (const c of run.containers)
      if (c.state.kind === 'running')
        this.record(run, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
    this.later(run, Math.min(grace, 1) * 1000, () => {
      const pod = this.pod(run);
      if (pod) finishPodDeletion(this.reg, this.podType, pod);
    });
  }

  /** Whether the named container of the Pod (by uid) is running now. */
  running(uid: string, container: string): boolean {
    return (
      this.runs.get(uid)?.containers.find((c) => c.name === container)?.state.kind === 'running'
    );
  }

  /** `pods/log` for the Pod's current run (see pod-logs.ts). */
  logs(pod: JsonObject, opts: LogOptions): string {
    const run = this.runs.get(str(child(pod, 'metadata'), 'uid') ?? '');
    return containerLog(
      pod,
      run,
      opts,
      (startedWall) => (this.reg.clock.now() - startedWall) * this.reg.clock.speed,
    );
  }
}
