/** Hook records, releases and a recording KubeClient for the hook tests. */
import type { KubeClient } from '../../src/kube/client.js';
import type { Hook, HookEvent } from '../../src/release/hook.js';
import type { Release } from '../../src/release/types.js';
import { emptyInfo } from '../../src/release/types.js';
import type { HookLog } from '../../src/lifecycle/hooks.js';
import { podSpec } from '../kube/cluster.js';

export interface HookSpec {
  kind: string;
  name: string;
  weight?: number;
  events?: HookEvent[];
  deletePolicies?: string[];
  outputLogPolicies?: string[];
  /** The object; JSON text is valid YAML, so it is stored as the manifest. */
  object?: Record<string, unknown>;
  path?: string;
}

const API_VERSIONS: Record<string, string> = {
  Job: 'batch/v1',
  Deployment: 'apps/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
};

/** A hook record as rendering stores it (HK-4). */
export function hook(spec: HookSpec): Hook {
  const object = spec.object ?? {
    apiVersion: API_VERSIONS[spec.kind] ?? 'v1',
    kind: spec.kind,
    metadata: { name: spec.name },
  };
  return {
    name: spec.name,
    kind: spec.kind,
    path: spec.path ?? `chart/templates/${spec.name}.yaml`,
    manifest: JSON.stringify(object, null, 2),
    events: spec.events ?? ['pre-install'],
    last_run: { started_at: '', completed_at: '', phase: '' },
    weight: spec.weight ?? 0,
    delete_policies: spec.deletePolicies ?? [],
    output_log_policies: spec.outputLogPolicies ?? [],
  };
}

export function jobObject(
  name: string,
  command: string,
  backoffLimit = 0,
): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { backoffLimit, template: { spec: podSpec(command) } },
  };
}

export function podObject(name: string, command: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: podSpec(command) };
}

export function configMapObject(
  name: string,
  data: Record<string, string>,
): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

export function release(namespace: string, hooks: Hook[]): Release {
  return {
    name: 'rel',
    namespace,
    info: emptyInfo(),
    chart: null,
    config: null,
    manifest: '',
    hooks,
    version: 1,
    labels: {},
  };
}

/** One call made through the recording client. */
export interface Call {
  method: string;
  kind?: string;
  name?: string;
}

/** Wraps a client and records create/delete/podLogs/eventsFor calls in order. */
export function recording(inner: KubeClient): { kube: KubeClient; calls: Call[] } {
  const calls: Call[] = [];
  const kube: KubeClient = Object.create(inner) as KubeClient;
  Object.assign(kube, {
    create: (obj: Parameters<KubeClient['create']>[0]) => {
      calls.push({ method: 'create', kind: obj.kind, name: obj.metadata.name });
      return inner.create(obj);
    },
    delete: (...args: Parameters<KubeClient['delete']>) => {
      calls.push({ method: 'delete', kind: args[0].kind, name: args[0].name });
      return inner.delete(...args);
    },
    podLogs: (...args: Parameters<KubeClient['podLogs']>) => {
      calls.push({ method: 'podLogs', kind: 'Pod', name: args[1] });
      return inner.podLogs(...args);
    },
  });
  return { kube, calls };
}

export function memoryLog(): HookLog & { infos: string[]; warns: string[] } {
  const infos: string[] = [];
  const warns: string[] = [];
  return { infos, warns, info: (m) => void infos.push(m), warn: (m) => void warns.push(m) };
}
