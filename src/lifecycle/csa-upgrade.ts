/**
 * Moving an object from client-side to server-side apply (Helm 4 pkg/kube/client.go
 * `upgradeClientSideFieldManager` over client-go util/csaupgrade `UpgradeManagedFieldsPatch`):
 * the fields the `helm` manager owns through Update operations are folded into its Apply entry
 * (created from the Update entry when there is none), and the Update entries are dropped, by
 * a JSON patch of `metadata.managedFields` guarded by the resourceVersion. Without it a first
 * server-side apply would leave fields the chart dropped in place (still owned by the Update
 * entry) and conflict with them.
 */
import type { KubeClient, KubeObject } from '../kube/client.js';
import { ConflictError, refOf } from '../kube/client.js';
import { deepEqual, type Json, type JsonMap } from '../kube/three-way-patch.js';
import { asError } from './config.js';

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  subresource?: string;
  fieldsV1?: JsonMap;
  [key: string]: unknown;
}

/** fieldpath.Set union over the FieldsV1 JSON form (a tree of `f:`/`k:`/`v:`/`i:` keys). */
function unionFields(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] =
      cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object'
        ? unionFields(cur, v as JsonMap)
        : v;
  }
  return out;
}

const isUpdateBy = (e: ManagedFieldsEntry, m: string) =>
  e.manager === m && e.operation === 'Update' && (e.subresource ?? '') === '';

/** upgradedManagedFields for one client-side manager; undefined when there is nothing to do. */
export function upgradedManagedFields(
  entries: readonly ManagedFieldsEntry[],
  csaManager: string,
  ssaManager: string,
): ManagedFieldsEntry[] | null {
  const list = entries.map((e) => ({ ...e }));
  let target = list.findIndex(
    (e) => e.manager === ssaManager && e.operation === 'Apply' && (e.subresource ?? '') === '',
  );
  if (target < 0) {
    target = list.findIndex((e) => isUpdateBy(e, csaManager));
    if (target < 0) return list;
    list[target] = { ...list[target], operation: 'Apply', manager: ssaManager };
  }
  const ssa = list[target]!;
  const csa = list.find((e) => isUpdateBy(e, csaManager) && e.apiVersion === ssa.apiVersion);
  if (csa) ssa.fieldsV1 = unionFields(ssa.fieldsV1 ?? {}, csa.fieldsV1 ?? {});
  const filtered = list.filter((e) => !isUpdateBy(e, csaManager));
  return filtered.length === 0 ? null : filtered;
}

/** UpgradeManagedFieldsPatch: the JSON patch, or undefined when nothing changes. */
export function upgradeManagedFieldsPatch(live: KubeObject, manager: string): Json[] | undefined {
  const entries = (live.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  if (entries.length === 0) return undefined;
  const next = upgradedManagedFields(entries, manager, manager);
  if (deepEqual(entries as unknown as Json, next as unknown as Json)) return undefined;
  return [
    { op: 'replace', path: '/metadata/managedFields', value: next as unknown as Json },
    {
      op: 'replace',
      path: '/metadata/resourceVersion',
      value: live.metadata.resourceVersion ?? '',
    },
  ];
}

/** upgradeClientSideFieldManager: read, patch, retried on conflicts (RetryOnConflict: 5 tries). */
export async function upgradeClientSideFieldManager(
  kube: KubeClient,
  obj: KubeObject,
  manager = 'helm',
): Promise<boolean> {
  const ref = refOf(obj);
  for (let attempt = 1; ; attempt++) {
    let live: KubeObject;
    try {
      live = await kube.get(ref);
    } catch (err) {
      throw new Error(
        `failed to get object ${ref.namespace ?? ''}/${ref.name} ${ref.apiVersion}, Kind=${ref.kind}: ${asError(err).message}`,
        { cause: err },
      );
    }
    const patch = upgradeManagedFieldsPatch(live, manager);
    if (!patch) return false;
    try {
      await kube.patch(ref, patch, 'json');
      return true;
    } catch (err) {
      if (err instanceof ConflictError && attempt < 5) continue;
      throw new Error(
        `failed to patch object to upgrade CSA field manager ${ref.namespace ?? ''}/${ref.name} ${ref.apiVersion}, Kind=${ref.kind}: ${asError(err).message}`,
        { cause: err },
      );
    }
  }
}
