/**
 * What the simulated kubelet remembers of a Pod's run, and `pods/log` over it
 * (pkg/kubelet/kuberuntime/logs, pkg/registry/core/pod/rest/log.go): one container's lines so
 * far, or those of its previous instance, with `tailLines`; the kubelet's 400s for a missing
 * container name, a container not started yet, or no previous instance.
 */
import { ApiError } from '../errors.js';
import { child, objects, str, type JsonObject } from '../json.js';
import type { ContainerFate, LogLine } from './pod-runner.js';
import type { ContainerState } from './pod-status.js';

export interface ContainerRun {
  name: string;
  image: string;
  fate: ContainerFate;
  state: ContainerState;
  restartCount: number;
  startedWall: number;
  logs: LogLine[];
  previous?: LogLine[];
}

export interface PodRun {
  ns: string;
  name: string;
  uid: string;
  restartPolicy: string;
  containers: ContainerRun[];
  cancels: Array<() => void>;
  podIP: string;
  startWall: number;
  deleting: boolean;
}

export interface LogOptions {
  container?: string;
  tailLines?: number;
  previous?: boolean;
}

function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

function render(lines: LogLine[], tail?: number): string {
  const chosen = tail === undefined ? lines : tail <= 0 ? [] : lines.slice(-tail);
  return chosen.map((l) => `${l.text}\n`).join('');
}

/** `elapsedSim(startedWall)` gives the simulated milliseconds a running container has run. */
export function containerLog(
  pod: JsonObject,
  run: PodRun | undefined,
  opts: LogOptions,
  elapsedSim: (startedWall: number) => number,
): string {
  const names = objects(child(pod, 'spec'), 'containers').map((c) => str(c, 'name') ?? '');
  const podName = str(child(pod, 'metadata'), 'name') ?? '';
  const name = opts.container ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined)
    throw badRequest(
      `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]`,
    );
  if (!names.includes(name)) throw badRequest(`container ${name} is not valid for pod ${podName}`);
  const c = run?.containers.find((x) => x.name === name);
  if (opts.previous) {
    if (!c?.previous)
      throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
    return render(c.previous, opts.tailLines);
  }
  if (!c || (c.state.kind === 'waiting' && !c.previous)) {
    const pulling = c?.state.kind === 'waiting' && c.state.reason.includes('Image');
    throw badRequest(
      `container "${name}" in pod "${podName}" is waiting to start: ${pulling ? 'trying and failing to pull image' : 'ContainerCreating'}`,
    );
  }
  const elapsed = c.state.kind === 'running' ? elapsedSim(c.startedWall) : Infinity;
  return render(
    c.logs.filter((l) => l.atMs <= elapsed),
    opts.tailLines,
  );
}
