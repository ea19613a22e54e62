/**
 * Per-write object rules of the generic registry (registry/rest create.go, update.go and the
 * kinds' strategies): the status a new object starts with, which half of the object a write
 * may change (main resource vs `status` subresource), what counts as the spec for `generation`,
 * and when a write changes nothing and is skipped.
 */
import type { ResourceType } from './discovery.js';
import { child, clone, deepEqual, ensure, isObject, str, type JsonObject } from './json.js';

/** Status on create: Namespaces are Active, Pods Pending, other status-bearing kinds empty. */
export function initialStatus(type: ResourceType, obj: JsonObject): void {
  if (type.kind === 'Namespace') {
    obj.status = { phase: 'Active' };
    ensure(ensure(obj, 'metadata'), 'labels')['kubernetes.io/metadata.name'] =
      str(child(obj, 'metadata'), 'name') ?? '';
  } else if (type.kind === 'Pod' && type.group === '')
    obj.status = { phase: 'Pending', qosClass: 'BestEffort' };
  else if (type.subresources.includes('status'))
    obj.status = type.kind === 'Service' ? { loadBalancer: {} } : {};
}

/** Status writes keep the spec and metadata; main-resource writes keep the status. */
export function mergeForSubresource(
  type: ResourceType,
  prev: JsonObject,
  next: JsonObject,
  sub?: string,
): JsonObject {
  if (sub === 'status') {
    const out = clone(prev);
    if (next.status !== undefined) out.status = next.status;
    else delete out.status;
    (out.metadata as JsonObject).managedFields = (prev.metadata as JsonObject).managedFields ?? [];
    return out;
  }
  if (type.subresources.includes('status')) {
    if (prev.status !== undefined) next.status = prev.status;
    else delete next.status;
  }
  return next;
}

export function specOf(obj: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (k !== 'metadata' && k !== 'status') out[k] = v;
  return out;
}

export function isNoop(prev: JsonObject, next: JsonObject): boolean {
  const strip = (o: JsonObject): JsonObject => {
    const c = clone(o);
    const m = c.metadata as JsonObject;
    delete m.resourceVersion;
    if (Array.isArray(m.managedFields))
      for (const e of m.managedFields) if (isObject(e)) delete e.time;
    return c;
  };
  return deepEqual(strip(prev), strip(next));
}

const OMIT_EMPTY_META = ['labels', 'annotations', 'finalizers', 'ownerReferences', 'managedFields'];
const OMIT_EMPTY_TOP: Record<string, string[]> = {
  ConfigMap: ['data', 'binaryData'],
  Secret: ['data'],
};

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

/**
 * Built-in kinds round-trip through Go structs whose maps and slices are `omitempty`: an empty
 * `metadata.annotations` (or labels, finalizers, ...) or ConfigMap `data` is not stored.
 */
export function dropEmptyOmitted(type: ResourceType, obj: JsonObject): void {
  const meta = child(obj, 'metadata');
  for (const k of OMIT_EMPTY_META) if (meta && isEmpty(meta[k])) delete meta[k];
  if (type.custom || type.group !== '') return;
  for (const k of OMIT_EMPTY_TOP[type.kind] ?? []) if (isEmpty(obj[k])) delete obj[k];
}
