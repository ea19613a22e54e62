/**
 * Storage keys (helm/helm pkg/storage/storage.go makeKey, ST-3): the object name
 * `sh.helm.release.v1.<release>.v<revision>`. The type prefix keeps names unique across
 * storage types (helm/helm#6435).
 */

/** HelmStorageType: the prefix of every key. */
export const HELM_STORAGE_TYPE = 'sh.helm.release.v1';

export const KEY_PREFIX = `${HELM_STORAGE_TYPE}.`;

/** makeKey: the storage object name of a revision (decimal, no padding). */
export function makeKey(releaseName: string, version: number): string {
  return `${KEY_PREFIX}${releaseName}.v${version}`;
}
