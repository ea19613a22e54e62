/**
 * Helpers shared by the workload controllers: owner references, Pod readiness and liveness, and
 * the pod-template hash that names ReplicaSets and marks Pods of the current template.
 */
import { createHash } from 'node:crypto';
import type { ResourceType } from '../discovery.js';
import { child, objects, str, type JsonObject } from '../json.js';
import type { Registry } from '../registry.js';

export const MANAGER = 'kube-controller-manager';
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A short stable hash of a pod template (the `pod-template-hash` label's role). */
/**
 * The template as the deployment controller compares it (EqualIgnoreHash: apimachinery's
 * Semantic.DeepEqual, where an empty map or list equals an absent one, and a stored object
 * keeps no empty fields): keys sorted, empty maps, lists and nulls dropped.
 */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const c = canonical((v as Record<string, unknown>)[k]);
    if (c === null || (Array.isArray(c) && c.length === 0)) continue;
    if (typeof c === 'object' && !Array.isArray(c) && Object.keys(c as object).length === 0)
      continue;
    out[k] = c;
  }
  return out;
}

export function templateHash(template: JsonObject | undefined): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(canonical(template ?? {})))
    .digest();
  return Array.from(digest.subarray(0, 10), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export const meta = (o: JsonObject): JsonObject => child(o, 'metadata') as JsonObject;
export const nameOf = (o: JsonObject): string => str(meta(o), 'name') ?? '';
export const namespaceOf = (o: JsonObject): string => str(meta(o), 'namespace') ?? '';

export const isReady = (p: JsonObject): boolean =>
  objects(child(p, 'status'), 'conditions').some((c) => c.type === 'Ready' && c.status === 'True');

export const isLive = (p: JsonObject): boolean =>
  !meta(p).deletionTimestamp &&
  !['Succeeded', 'Failed'].includes(str(child(p, 'status'), 'phase') ?? '');

/** Objects of `type` in the owner's namespace that `kind` owner controls. */
export function ownedBy(
  reg: Registry,
  type: ResourceType,
  kind: string,
  owner: JsonObject,
): JsonObject[] {
  const uid = meta(owner).uid;
  return reg
    .list(type, namespaceOf(owner), [], [])
    .filter((o) =>
      objects(meta(o), 'ownerReferences').some((r) => r.uid === uid && r.kind === kind),
    );
}

export function controllerRef(kind: string, owner: JsonObject): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    name: nameOf(owner),
    uid: str(meta(owner), 'uid') ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The kind and name of the apps/v1 controller owning an object, if any. */
export function controllerOf(
  obj: JsonObject,
  kinds: string[],
): { kind: string; name: string } | undefined {
  const ref = objects(meta(obj), 'ownerReferences').find(
    (r) => r.controller === true && kinds.includes(String(r.kind)),
  );
  return ref ? { kind: String(ref.kind), name: String(ref.name) } : undefined;
}
