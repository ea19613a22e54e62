/**
 * Merge keys of the built-in kinds' lists (the `patchMergeKey` / `listMapKeys` tags of
 * k8s.io/api types). A list not named here is atomic (replaced whole); `finalizers` is a set.
 */
import { isObject, type Json } from '../json.js';

const BY_FIELD: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  conditions: 'type',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

export const SET_LISTS = new Set(['finalizers']);

/** The merge key for list `field` holding `items`, or undefined for an atomic list. */
export function mergeKeyFor(field: string, items: Json[]): string | undefined {
  if (field === 'ports') {
    const first = items.find(isObject);
    if (!first) return 'port';
    return 'containerPort' in first ? 'containerPort' : 'port';
  }
  return BY_FIELD[field];
}
