/**
 * DELETE and deletecollection (registry/store.go Delete, BeforeDelete): preconditions, graceful
 * deletion of running Pods, finalizers, and the propagation policy's finalizer
 * (`foregroundDeletion`, `orphan`) left for the garbage collector.
 */
import type { ResourceType } from './discovery.js';
import { ApiError, badRequest, conflict } from './errors.js';
import { intParam } from './http-util.js';
import { child, rfc3339, str, type JsonObject } from './json.js';
import { internalContext, resourceKey, type Registry } from './registry.js';
import type { FieldSelector, LabelSelector } from './selectors.js';

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** batch/v1 Jobs and v1 ReplicationControllers orphan by default for compatibility. */
function defaultPolicy(type: ResourceType): PropagationPolicy {
  return (type.group === 'batch' && type.kind === 'Job') || type.kind === 'ReplicationController'
    ? 'Orphan'
    : 'Background';
}

export function parseDeleteOptions(
  body: JsonObject | undefined,
  query: URLSearchParams,
): DeleteOptions {
  const opts: DeleteOptions = {};
  const policy = query.get('propagationPolicy') ?? str(body, 'propagationPolicy');
  if (policy !== undefined && policy !== null) {
    if (!['Foreground', 'Background', 'Orphan'].includes(policy))
      throw badRequest(
        `propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
      );
    opts.propagationPolicy = policy as PropagationPolicy;
  }
  const orphan =
    query.get('orphanDependents') ??
    (typeof body?.orphanDependents === 'boolean' ? String(body.orphanDependents) : null);
  if (orphan !== null && opts.propagationPolicy === undefined)
    opts.propagationPolicy = orphan === 'true' ? 'Orphan' : 'Background';
  const grace =
    intParam(query, 'gracePeriodSeconds') ??
    (typeof body?.gracePeriodSeconds === 'number' ? body.gracePeriodSeconds : undefined);
  if (grace !== undefined) opts.gracePeriodSeconds = grace;
  const pre = child(body, 'preconditions');
  if (pre)
    opts.preconditions = {
      ...(str(pre, 'uid') ? { uid: str(pre, 'uid') } : {}),
      ...(str(pre, 'resourceVersion') ? { resourceVersion: str(pre, 'resourceVersion') } : {}),
    };
  const dry = query.getAll('dryRun');
  if (dry.includes('All') || (Array.isArray(body?.dryRun) && body.dryRun.includes('All')))
    opts.dryRun = true;
  return opts;
}

function podGrace(obj: JsonObject, requested: number | undefined): number {
  const status = child(obj, 'status');
  const phase = str(status, 'phase');
  if (!str(child(obj, 'spec'), 'nodeName') || phase === 'Succeeded' || phase === 'Failed') return 0;
  const fromSpec = child(obj, 'spec')?.terminationGracePeriodSeconds;
  return requested ?? (typeof fromSpec === 'number' ? fromSpec : 30);
}

export function deleteObject(
  reg: Registry,
  type: ResourceType,
  ns: string,
  name: string,
  opts: DeleteOptions,
): JsonObject {
  const obj = reg.get(type, ns, name);
  const meta = child(obj, 'metadata') as JsonObject;
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== meta.uid) {
    throw conflict(
      type,
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${String(meta.uid)}`,
    );
  }
  if (pre?.resourceVersion && pre.resourceVersion !== meta.resourceVersion) {
    throw conflict(
      type,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${String(meta.resourceVersion)}`,
    );
  }
  if (opts.dryRun) return obj;
  if (type.kind === 'Namespace' && type.group === '')
    return markDeleting(reg, type, obj, [], 0, (o) => {
      (o.status as JsonObject).phase = 'Terminating';
    });
  const policy = opts.propagationPolicy ?? defaultPolicy(type);
  const finalizers = Array.isArray(meta.finalizers) ? [...meta.finalizers] : [];
  const extra =
    policy === 'Foreground' ? ['foregroundDeletion'] : policy === 'Orphan' ? ['orphan'] : [];
  const grace =
    type.kind === 'Pod' && type.group === '' ? podGrace(obj, opts.gracePeriodSeconds) : 0;
  if (finalizers.length || extra.length || grace > 0 || meta.deletionTimestamp) {
    return markDeleting(reg, type, obj, extra, grace);
  }
  return reg.store.remove(resourceKey(type), obj);
}

/** Sets deletionTimestamp (once), adds policy finalizers; the object stays until they clear. */
function markDeleting(
  reg: Registry,
  type: ResourceType,
  obj: JsonObject,
  extra: string[],
  grace: number,
  mutate?: (o: JsonObject) => void,
): JsonObject {
  const meta = child(obj, 'metadata') as JsonObject;
  const finalizers = Array.isArray(meta.finalizers) ? [...meta.finalizers] : [];
  const fresh = extra.filter((f) => !finalizers.includes(f));
  if (
    meta.deletionTimestamp &&
    !fresh.length &&
    !(grace === 0 && Number(meta.deletionGracePeriodSeconds ?? 0) > 0)
  )
    return obj;
  if (!meta.deletionTimestamp) {
    meta.deletionTimestamp = rfc3339(reg.clock.now() + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
    mutate?.(obj);
  } else if (grace === 0) meta.deletionGracePeriodSeconds = 0;
  if (fresh.length || finalizers.length) meta.finalizers = [...finalizers, ...fresh];
  const stored = reg.store.put(resourceKey(type), obj, 'MODIFIED');
  return reg.finishIfReleased(type, stored);
}

/** Removes one finalizer (controllers); the object goes when none are left. */
export function removeFinalizer(
  reg: Registry,
  type: ResourceType,
  obj: JsonObject,
  finalizer: string,
): void {
  const meta = child(obj, 'metadata') as JsonObject;
  const ns = str(meta, 'namespace') ?? '';
  const name = str(meta, 'name') ?? '';
  const current = reg.find(type, ns, name);
  const cm = current ? (current.metadata as JsonObject) : undefined;
  if (!current || !cm || cm.uid !== meta.uid || !Array.isArray(cm.finalizers)) return;
  const remaining = cm.finalizers.filter((f) => f !== finalizer);
  if (remaining.length) cm.finalizers = remaining;
  else delete cm.finalizers;
  delete cm.resourceVersion;
  reg.update(
    type,
    ns,
    name,
    current,
    internalContext('system:serviceaccount:kube-system:generic-garbage-collector'),
  );
}

/** Finishes a graceful Pod deletion (the kubelet confirming with grace 0). */
export function finishPodDeletion(reg: Registry, type: ResourceType, obj: JsonObject): void {
  const meta = child(obj, 'metadata') as JsonObject;
  const current = reg.find(type, str(meta, 'namespace') ?? '', str(meta, 'name') ?? '');
  if (!current) return;
  (current.metadata as JsonObject).deletionGracePeriodSeconds = 0;
  const finalizers = (current.metadata as JsonObject).finalizers;
  if (Array.isArray(finalizers) && finalizers.length) {
    reg.store.put(resourceKey(type), current, 'MODIFIED');
    return;
  }
  reg.store.remove(resourceKey(type), current);
}

export function deleteCollection(
  reg: Registry,
  type: ResourceType,
  ns: string | undefined,
  labels: LabelSelector,
  fields: FieldSelector,
  opts: DeleteOptions,
): JsonObject[] {
  const out: JsonObject[] = [];
  for (const obj of reg.list(type, ns, labels, fields)) {
    const meta = child(obj, 'metadata') as JsonObject;
    try {
      out.push(
        deleteObject(reg, type, str(meta, 'namespace') ?? '', str(meta, 'name') ?? '', opts),
      );
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 404)) throw err;
    }
  }
  return out;
}
