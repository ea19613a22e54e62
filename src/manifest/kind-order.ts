/**
 * Helm 3.21's kind orders (helm/helm pkg/releaseutil/kind_sorter.go; docs/helm-semantics.md 2.1)
 * and the stable kind comparison of ORD-1/ORD-2.
 */

export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

export const UNINSTALL_ORDER: readonly string[] = [
  'APIService',
  'Ingress',
  'IngressClass',
  'Service',
  'CronJob',
  'Job',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'Pod',
  'DaemonSet',
  'RoleBindingList',
  'RoleBinding',
  'RoleList',
  'Role',
  'ClusterRoleBindingList',
  'ClusterRoleBinding',
  'ClusterRoleList',
  'ClusterRole',
  'CustomResourceDefinition',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'ConfigMap',
  'SecretList',
  'Secret',
  'ServiceAccount',
  'PodDisruptionBudget',
  'PodSecurityPolicy',
  'LimitRange',
  'ResourceQuota',
  'NetworkPolicy',
  'Namespace',
  'PriorityClass',
];

/**
 * Stable-sort items by kind (ORD-1): known kinds by their index in `order`, unknown kinds after
 * all known ones, alphabetically among themselves (byte-wise, case-sensitive: ORD-2).
 */
export function sortByKind<T>(
  items: readonly T[],
  kindOf: (item: T) => string,
  order: readonly string[],
): T[] {
  const rank = new Map(order.map((k, i) => [k, i]));
  const keyed = items.map((item, index) => ({ item, index, kind: kindOf(item) }));
  keyed.sort((a, b) => {
    const ra = rank.get(a.kind);
    const rb = rank.get(b.kind);
    if (ra === undefined && rb === undefined) {
      if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
    } else if (ra === undefined) return 1;
    else if (rb === undefined) return -1;
    else if (ra !== rb) return ra - rb;
    return a.index - b.index;
  });
  return keyed.map((k) => k.item);
}
