/**
 * Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), the columns of
 * pkg/printers/internalversion/printers.go for the common kinds and Name/Created At otherwise,
 * so `kubectl get` shows what it shows against a real cluster.
 */
import type { ResourceType } from './discovery.js';
import { child, num, objects, str, type Json, type JsonObject } from './json.js';

type Cell = string | number;
interface Column {
  name: string;
  type: 'string' | 'integer' | 'date';
  priority?: number;
  cell: (o: JsonObject, now: number) => Cell;
}

/** k8s.io/apimachinery/pkg/util/duration HumanDuration. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 24 * 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  return y < 8 ? `${y}y${d % 365}d` : `${y}y`;
}

const meta = (o: JsonObject): JsonObject => child(o, 'metadata') ?? {};
const since = (o: JsonObject, field: string, now: number): string => {
  const t = str(meta(o), field) ?? str(o, field);
  return t ? humanDuration(now - Date.parse(t)) : '<unknown>';
};
const NAME: Column = { name: 'Name', type: 'string', cell: (o) => str(meta(o), 'name') ?? '' };
const AGE: Column = {
  name: 'Age',
  type: 'string',
  cell: (o, now) => since(o, 'creationTimestamp', now),
};
const status = (o: JsonObject, k: string): number => num(child(o, 'status'), k) ?? 0;
const spec = (o: JsonObject, k: string): number => num(child(o, 'spec'), k) ?? 0;

function podReason(o: JsonObject): string {
  const st = child(o, 'status');
  let reason = str(st, 'reason') ?? str(st, 'phase') ?? 'Pending';
  let running = false;
  for (const c of objects(st, 'containerStatuses').reverse()) {
    const state = child(c, 'state');
    const waiting = str(child(state, 'waiting'), 'reason');
    const terminated = child(state, 'terminated');
    if (waiting) reason = waiting;
    else if (terminated)
      reason = str(terminated, 'reason') ?? `ExitCode:${num(terminated, 'exitCode') ?? 0}`;
    else if (child(state, 'running') && c.ready === true) running = true;
  }
  if (reason === 'Completed' && running) reason = 'Running';
  return meta(o).deletionTimestamp ? 'Terminating' : reason;
}

function podRestarts(o: JsonObject, now: number): string {
  const statuses = objects(child(o, 'status'), 'containerStatuses');
  const total = statuses.reduce((n, c) => n + (num(c, 'restartCount') ?? 0), 0);
  const last = statuses
    .map((c) => str(child(child(c, 'lastState'), 'terminated'), 'finishedAt'))
    .filter((t): t is string => Boolean(t))
    .sort()
    .pop();
  return last && total > 0
    ? `${total} (${humanDuration(now - Date.parse(last))} ago)`
    : String(total);
}

function jobStatus(o: JsonObject): string {
  const conds = objects(child(o, 'status'), 'conditions')
    .filter((c) => c.status === 'True')
    .map((c) => String(c.type));
  if (conds.includes('Complete')) return 'Complete';
  if (conds.includes('Failed')) return 'Failed';
  if (meta(o).deletionTimestamp) return 'Terminating';
  if (conds.includes('Suspended')) return 'Suspended';
  if (conds.includes('FailureTarget')) return 'FailureTarget';
  if (conds.includes('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function servicePorts(o: JsonObject): string {
  const ports = objects(child(o, 'spec'), 'ports').map(
    (p) =>
      `${String(p.port)}${p.nodePort ? `:${String(p.nodePort)}` : ''}/${String(p.protocol ?? 'TCP')}`,
  );
  return ports.length ? ports.join(',') : '<none>';
}

const COLUMNS: Record<string, Column[]> = {
  '/Pod': [
    NAME,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => {
        const cs = objects(child(o, 'status'), 'containerStatuses');
        return `${cs.filter((c) => c.ready === true).length}/${objects(child(o, 'spec'), 'containers').length}`;
      },
    },
    { name: 'Status', type: 'string', cell: podReason },
    { name: 'Restarts', type: 'string', cell: podRestarts },
    AGE,
    {
      name: 'IP',
      type: 'string',
      priority: 1,
      cell: (o) => str(child(o, 'status'), 'podIP') ?? '<none>',
    },
    {
      name: 'Node',
      type: 'string',
      priority: 1,
      cell: (o) => str(child(o, 'spec'), 'nodeName') ?? '<none>',
    },
  ],
  'batch/Job': [
    NAME,
    { name: 'Status', type: 'string', cell: jobStatus },
    {
      name: 'Completions',
      type: 'string',
      cell: (o) => `${status(o, 'succeeded')}/${spec(o, 'completions') || 1}`,
    },
    {
      name: 'Duration',
      type: 'string',
      cell: (o, now) => {
        const s = str(child(o, 'status'), 'startTime');
        if (!s) return '';
        const e = str(child(o, 'status'), 'completionTime');
        return humanDuration((e ? Date.parse(e) : now) - Date.parse(s));
      },
    },
    AGE,
  ],
  'apps/Deployment': [
    NAME,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => `${status(o, 'readyReplicas')}/${spec(o, 'replicas')}`,
    },
    { name: 'Up-to-date', type: 'integer', cell: (o) => status(o, 'updatedReplicas') },
    { name: 'Available', type: 'integer', cell: (o) => status(o, 'availableReplicas') },
    AGE,
  ],
  'apps/ReplicaSet': [
    NAME,
    { name: 'Desired', type: 'integer', cell: (o) => spec(o, 'replicas') },
    { name: 'Current', type: 'integer', cell: (o) => status(o, 'replicas') },
    { name: 'Ready', type: 'integer', cell: (o) => status(o, 'readyReplicas') },
    AGE,
  ],
  'apps/StatefulSet': [
    NAME,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => `${status(o, 'readyReplicas')}/${spec(o, 'replicas')}`,
    },
    AGE,
  ],
  'apps/DaemonSet': [
    NAME,
    ...[
      'desiredNumberScheduled',
      'currentNumberScheduled',
      'numberReady',
      'updatedNumberScheduled',
      'numberAvailable',
    ].map((k, i): Column => ({
      name: ['Desired', 'Current', 'Ready', 'Up-to-date', 'Available'][i],
      type: 'integer',
      cell: (o) => status(o, k),
    })),
    AGE,
  ],
  '/Namespace': [
    NAME,
    { name: 'Status', type: 'string', cell: (o) => str(child(o, 'status'), 'phase') ?? '' },
    AGE,
  ],
  '/ConfigMap': [
    NAME,
    {
      name: 'Data',
      type: 'integer',
      cell: (o) =>
        Object.keys(child(o, 'data') ?? {}).length +
        Object.keys(child(o, 'binaryData') ?? {}).length,
    },
    AGE,
  ],
  '/Secret': [
    NAME,
    { name: 'Type', type: 'string', cell: (o) => str(o, 'type') ?? '' },
    { name: 'Data', type: 'integer', cell: (o) => Object.keys(child(o, 'data') ?? {}).length },
    AGE,
  ],
  '/Service': [
    NAME,
    { name: 'Type', type: 'string', cell: (o) => str(child(o, 'spec'), 'type') ?? '' },
    {
      name: 'Cluster-IP',
      type: 'string',
      cell: (o) => str(child(o, 'spec'), 'clusterIP') ?? '<none>',
    },
    {
      name: 'External-IP',
      type: 'string',
      cell: (o) =>
        str(child(o, 'spec'), 'type') === 'LoadBalancer'
          ? objects(child(child(o, 'status'), 'loadBalancer'), 'ingress')
              .map((i) => String(i.ip ?? i.hostname))
              .join(',') || '<pending>'
          : '<none>',
    },
    { name: 'Port(s)', type: 'string', cell: servicePorts },
    AGE,
  ],
  '/Event': [
    { name: 'Last Seen', type: 'string', cell: (o, now) => since(o, 'lastTimestamp', now) },
    { name: 'Type', type: 'string', cell: (o) => str(o, 'type') ?? '' },
    { name: 'Reason', type: 'string', cell: (o) => str(o, 'reason') ?? '' },
    {
      name: 'Object',
      type: 'string',
      cell: (o) =>
        `${(str(child(o, 'involvedObject'), 'kind') ?? '').toLowerCase()}/${str(child(o, 'involvedObject'), 'name') ?? ''}`,
    },
    { name: 'Message', type: 'string', cell: (o) => str(o, 'message') ?? '' },
  ],
};

const DEFAULT: Column[] = [
  NAME,
  { name: 'Created At', type: 'date', cell: (o) => str(meta(o), 'creationTimestamp') ?? '' },
];

/** Whether an Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  const first = (accept ?? '').split(',')[0] ?? '';
  return /(^|;)\s*as=Table/.test(first) && /g=meta\.k8s\.io/.test(first);
}

export function toTable(
  type: ResourceType,
  items: JsonObject[],
  resourceVersion: string,
  now: number,
  extra: JsonObject = {},
): JsonObject {
  const columns = COLUMNS[`${type.group}/${type.kind}`] ?? DEFAULT;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion, ...extra },
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c === NAME ? 'name' : '',
      description: '',
      priority: c.priority ?? 0,
    })),
    rows: items.map((o) => ({
      cells: columns.map((c) => c.cell(o, now)) as Json[],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta(o) },
    })),
  };
}
