/**
 * One lifecycle sequence run by one tool, observed after each step, and the field-by-field
 * differences between two such observations. Timestamps and Helm's version are ignored; the
 * namespaces (one per tool) are written `NS` so the two runs compare.
 */
import type { KubeObject } from '../../src/kube/client.js';
import type { Release } from '../../src/release/types.js';
import { kube, live, objectsOf, releaseRecords, run, type Tool } from './tools.js';

export interface Step {
  name: string;
  /** The command after the tool's name (release name, chart, flags); `NS` is the namespace. */
  args: string[];
}

export interface Observation {
  step: string;
  code: number;
  records: unknown[];
  /** kind/name → the object as the server keeps it (see objectView), or `absent`. */
  objects: Record<string, unknown>;
  /** The hooks of the newest record that ran, in the order they started. */
  hookOrder: string[];
}

const TIME_FIELDS = new Set([
  'first_deployed',
  'last_deployed',
  'deleted',
  'started_at',
  'completed_at',
]);

/** Server-assigned UIDs (the Job controller's `controller-uid` label) differ run to run. */
const UID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function normalise(value: unknown, ns: string): unknown {
  if (typeof value === 'string') return value.split(ns).join('NS').replace(UID, 'UID');
  if (Array.isArray(value)) return value.map((v) => normalise(v, ns));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (TIME_FIELDS.has(k)) continue;
      out[k] = normalise(v, ns);
    }
    return out;
  }
  return value;
}

/** A record without timestamps; the storage labels kept (status, version, owner, name). */
function recordView(r: Release, ns: string): unknown {
  const { createdAt: _c, modifiedAt: _m, ...labels } = r.labels;
  return normalise(
    {
      name: r.name,
      namespace: r.namespace,
      version: r.version,
      info: r.info,
      config: r.config,
      manifest: r.manifest,
      chart: r.chart?.metadata ?? null,
      hooks: r.hooks,
      labels,
    },
    ns,
  );
}

function hookOrder(rel: Release | undefined): string[] {
  if (!rel) return [];
  return rel.hooks
    .filter((h) => h.last_run.started_at && !h.last_run.started_at.startsWith('0001-'))
    .map((h, i) => ({ h, i }))
    .sort(
      (a, b) =>
        Date.parse(a.h.last_run.started_at) - Date.parse(b.h.last_run.started_at) ||
        a.h.last_run.started_at.localeCompare(b.h.last_run.started_at) ||
        a.i - b.i,
    )
    .map(({ h }) => `${h.kind}/${h.name} ${h.last_run.phase}`);
}

/**
 * Fields the server fills differently in every run: allocated addresses and ports, bound
 * volumes, the token secrets a 1.20 server generates for service accounts (and mounts into
 * pods), and what it records about its own bookkeeping (ids, revisions, managed fields,
 * status).
 */
const VOLATILE_METADATA = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
]);
const TOKEN_SECRET = /-token-[a-z0-9]{5}\b/g;

function withoutAllocations(kind: string, spec: Record<string, unknown>): Record<string, unknown> {
  const out = { ...spec };
  if (kind === 'Service') {
    delete out.clusterIP;
    delete out.clusterIPs;
    delete out.healthCheckNodePort;
    if (Array.isArray(out.ports))
      out.ports = out.ports.map((p: Record<string, unknown>) => {
        const { nodePort: _n, ...rest } = p;
        return rest;
      });
  }
  if (kind === 'PersistentVolumeClaim') delete out.volumeName;
  if (kind === 'Pod') delete out.nodeName;
  return out;
}

/**
 * The object as the server keeps it, less what it fills differently in every run (see
 * VOLATILE_METADATA) and its status: the labels and annotations first, then the spec, data,
 * rules and the rest, so that an upgrade's or rollback's patch is compared field by field.
 */
function objectView(o: KubeObject | undefined, ns: string): unknown {
  if (!o) return 'absent';
  const {
    apiVersion: _a,
    kind,
    metadata,
    status: _s,
    spec,
    ...rest
  } = o as KubeObject & {
    spec?: Record<string, unknown>;
    status?: unknown;
    secrets?: unknown;
  };
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata))
    if (!VOLATILE_METADATA.has(k) && k !== 'labels' && k !== 'annotations') meta[k] = v;
  // A 1.20 server lists a service account's generated token secret.
  if (kind === 'ServiceAccount') delete rest.secrets;
  const view = {
    labels: metadata.labels ?? {},
    annotations: metadata.annotations ?? {},
    metadata: meta,
    ...(spec ? { spec: withoutAllocations(kind, spec) } : {}),
    ...rest,
  };
  return JSON.parse(JSON.stringify(normalise(view, ns)).replace(TOKEN_SECRET, '-token-X'));
}

const REVISION = 'deployment.kubernetes.io/revision';

/** The pod template without the label the Deployment controller adds to its ReplicaSets'. */
function templateWithoutHash(template: unknown): string {
  const t = structuredClone(template) as { metadata?: { labels?: Record<string, string> } };
  delete t.metadata?.labels?.['pod-template-hash'];
  return JSON.stringify(t);
}

/**
 * Whether Deployment `d`'s controller has synced its newest spec: it has seen it
 * (`status.observedGeneration` reached `metadata.generation`), one of its ReplicaSets carries
 * that pod template, and the Deployment's revision is that ReplicaSet's (the controller writes
 * the two in separate requests, and a sync that only scales bumps observedGeneration without a
 * new ReplicaSet).
 */
async function deploymentSynced(d: KubeObject): Promise<boolean> {
  const { generation } = d.metadata as { generation?: number };
  const status = d.status as { observedGeneration?: number } | undefined;
  if (generation !== undefined && (status?.observedGeneration ?? 0) < generation) return false;
  const template = templateWithoutHash((d.spec as { template?: unknown } | undefined)?.template);
  const { items } = await kube().list({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    ...(d.metadata.namespace ? { namespace: d.metadata.namespace } : {}),
  });
  const current = items.find(
    (rs) =>
      rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid) === true &&
      templateWithoutHash((rs.spec as { template?: unknown } | undefined)?.template) === template,
  );
  return (
    current !== undefined &&
    d.metadata.annotations?.[REVISION] === current.metadata.annotations?.[REVISION]
  );
}

/**
 * `o` as it is once its controller has synced its newest spec (at most ~60 s): a Deployment's
 * controller writes `deployment.kubernetes.io/revision` when it syncs, so observing it before
 * then compares how soon a tool returned (a faster one found the old revision), not what it
 * did. Other kinds as they are.
 */
async function settled(o: KubeObject): Promise<KubeObject | undefined> {
  // Bounded: a controller that never syncs shows as the difference it leaves.
  for (let tries = 0; ; tries++) {
    const now = await live(o);
    if (now?.kind !== 'Deployment' || tries === 600 || (await deploymentSynced(now))) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs `steps` with `tool` in `ns`; after each, observes the records and every object any
 * record so far named (manifest objects and hooks).
 */
export async function observe(
  tool: Tool | ((step: number) => Tool),
  ns: string,
  release: string,
  steps: readonly Step[],
): Promise<Observation[]> {
  const seen = new Map<string, KubeObject>();
  const out: Observation[] = [];
  for (const [i, step] of steps.entries()) {
    const args = step.args.map((a) => (a === 'NS' ? ns : a));
    const { code } = await run(typeof tool === 'function' ? tool(i) : tool, args);
    const records = await releaseRecords(ns, release);
    for (const r of records) {
      for (const o of objectsOf(r.manifest, ns)) seen.set(`${o.kind}/${o.metadata.name}`, o);
      for (const h of r.hooks)
        for (const o of objectsOf(h.manifest, ns)) seen.set(`${o.kind}/${o.metadata.name}`, o);
    }
    const objects: Record<string, unknown> = {};
    for (const [key, o] of [...seen].sort(([a], [b]) => a.localeCompare(b)))
      objects[key] = objectView(await settled(o), ns);
    out.push({
      step: step.name,
      code,
      records: records.map((r) => recordView(r, ns)),
      objects,
      hookOrder: hookOrder(records[records.length - 1]),
    });
  }
  return out;
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

/** Paths where `a` (Helm) and `b` (hookline) differ, as `path: helm X, hookline Y`. */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a === b) return [];
  const bothObjects =
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    Array.isArray(a) === Array.isArray(b);
  if (typeof a === 'string' && typeof b === 'string' && (a.includes('\n') || b.includes('\n'))) {
    // Manifests and notes: the first line that differs.
    const al = a.split('\n');
    const bl = b.split('\n');
    const i = al.findIndex((l, k) => l !== bl[k]);
    const at = i < 0 ? al.length : i;
    return [`${path} line ${at + 1}: helm ${show(al[at])}, hookline ${show(bl[at])}`];
  }
  if (!bothObjects) return [`${path || '.'}: helm ${show(a)}, hookline ${show(b)}`];
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
  return keys.flatMap((k) => differences(ao[k], bo[k], path ? `${path}.${k}` : k));
}

/** The differences of the first step that has any (later steps build on it), prefixed by it. */
export function firstDifferences(helm: Observation[], hl: Observation[]): string[] {
  for (let i = 0; i < Math.max(helm.length, hl.length); i++) {
    const d = differences(helm[i], hl[i]);
    if (d.length) return d.map((x) => `${helm[i]?.step ?? hl[i]?.step}: ${x}`);
  }
  return [];
}
