/**
 * The resource catalogue: which group/version/kind/plural exist, namespaced or not, verbs and
 * short names, as kube-apiserver's discovery documents publish them. CRDs add to it at runtime.
 */
import type { JsonObject } from './json.js';

export interface ResourceType {
  group: string;
  versions: string[];
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  /** Subresources served (`status`, `log`, `scale`). */
  subresources: string[];
  /** Whether metadata.generation is maintained (objects with a spec). */
  generation: boolean;
  /** Discovery categories (`kubectl get all`). */
  categories?: string[];
  /** Set for resources defined by a CustomResourceDefinition. */
  custom?: boolean;
  /** A custom resource's openAPIV3Schema per version. */
  schemas?: Record<string, JsonObject>;
}

/** Resources in the `all` category, as kube-apiserver lists them. */
const ALL_CATEGORY = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'horizontalpodautoscalers',
]);

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

/** [group, versions, kind, plural, namespaced, shortNames, subresources, generation] */
type Row = [string, string, string, string, boolean, string, string, boolean];
const BUILT_IN: Row[] = [
  ['', 'v1', 'Pod', 'pods', true, 'po', 'status,log', false],
  ['', 'v1', 'Service', 'services', true, 'svc', 'status', false],
  ['', 'v1', 'ConfigMap', 'configmaps', true, 'cm', '', false],
  ['', 'v1', 'Secret', 'secrets', true, '', '', false],
  ['', 'v1', 'Namespace', 'namespaces', false, 'ns', 'status', false],
  ['', 'v1', 'Event', 'events', true, 'ev', '', false],
  ['', 'v1', 'ServiceAccount', 'serviceaccounts', true, 'sa', '', false],
  ['', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, 'pvc', 'status', false],
  ['', 'v1', 'PersistentVolume', 'persistentvolumes', false, 'pv', 'status', false],
  ['', 'v1', 'Node', 'nodes', false, 'no', 'status', false],
  ['', 'v1', 'Endpoints', 'endpoints', true, 'ep', '', false],
  ['', 'v1', 'ReplicationController', 'replicationcontrollers', true, 'rc', 'status', true],
  ['', 'v1', 'LimitRange', 'limitranges', true, 'limits', '', false],
  ['', 'v1', 'ResourceQuota', 'resourcequotas', true, 'quota', 'status', false],
  ['apps', 'v1', 'Deployment', 'deployments', true, 'deploy', 'status', true],
  ['apps', 'v1', 'ReplicaSet', 'replicasets', true, 'rs', 'status', true],
  ['apps', 'v1', 'StatefulSet', 'statefulsets', true, 'sts', 'status', true],
  ['apps', 'v1', 'DaemonSet', 'daemonsets', true, 'ds', 'status', true],
  ['apps', 'v1', 'ControllerRevision', 'controllerrevisions', true, '', '', false],
  ['batch', 'v1', 'Job', 'jobs', true, '', 'status', true],
  ['batch', 'v1', 'CronJob', 'cronjobs', true, 'cj', 'status', true],
  ['rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true, '', '', false],
  ['rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true, '', '', false],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false, '', '', false],
  [
    'rbac.authorization.k8s.io',
    'v1',
    'ClusterRoleBinding',
    'clusterrolebindings',
    false,
    '',
    '',
    false,
  ],
  ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, 'ing', 'status', true],
  ['networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, 'netpol', '', true],
  ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false, '', '', true],
  ['policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, 'pdb', 'status', true],
  [
    'autoscaling',
    'v2,v1',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    true,
    'hpa',
    'status',
    false,
  ],
  ['coordination.k8s.io', 'v1', 'Lease', 'leases', true, '', '', false],
  [
    'admissionregistration.k8s.io',
    'v1',
    'MutatingWebhookConfiguration',
    'mutatingwebhookconfigurations',
    false,
    '',
    '',
    true,
  ],
  [
    'admissionregistration.k8s.io',
    'v1',
    'ValidatingWebhookConfiguration',
    'validatingwebhookconfigurations',
    false,
    '',
    '',
    true,
  ],
  ['apiregistration.k8s.io', 'v1', 'APIService', 'apiservices', false, '', 'status', false],
  ['storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, 'sc', '', false],
  ['storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', false, '', '', false],
  ['scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, 'pc', '', false],
  [
    'apiextensions.k8s.io',
    'v1',
    'CustomResourceDefinition',
    'customresourcedefinitions',
    false,
    'crd,crds',
    'status',
    true,
  ],
];

function fromRow(row: Row): ResourceType {
  const [group, versions, kind, plural, namespaced, shortNames, subresources, generation] = row;
  const verbs =
    plural === 'namespaces' || plural === 'nodes'
      ? ALL_VERBS.filter((v) => v !== 'deletecollection')
      : ALL_VERBS;
  return {
    group,
    versions: versions.split(','),
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames: shortNames ? shortNames.split(',') : [],
    verbs,
    subresources: subresources ? subresources.split(',') : [],
    generation,
    ...(ALL_CATEGORY.has(plural) ? { categories: ['all'] } : {}),
  };
}

export const KUBE_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0' };

export class Catalogue {
  private readonly types = new Map<string, ResourceType>();

  constructor() {
    for (const row of BUILT_IN) this.add(fromRow(row));
  }

  private static key(group: string, plural: string): string {
    return `${group}/${plural}`;
  }

  add(type: ResourceType): void {
    this.types.set(Catalogue.key(type.group, type.plural), type);
  }

  remove(group: string, plural: string): void {
    this.types.delete(Catalogue.key(group, plural));
  }

  /** The resource served at /api(s)/group/version/plural, if any. */
  lookup(group: string, version: string, plural: string): ResourceType | undefined {
    const t = this.types.get(Catalogue.key(group, plural));
    return t && t.versions.includes(version) ? t : undefined;
  }

  byKind(group: string, kind: string): ResourceType | undefined {
    for (const t of this.types.values()) if (t.group === group && t.kind === kind) return t;
    return undefined;
  }

  all(): ResourceType[] {
    return [...this.types.values()];
  }

  /** Groups (excluding core) with their versions, preferred first. */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of this.types.values()) {
      if (!t.group) continue;
      const versions = out.get(t.group) ?? [];
      for (const v of t.versions) if (!versions.includes(v)) versions.push(v);
      out.set(t.group, versions);
    }
    return out;
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.all().some((t) => t.group === group && t.versions.includes(version));
  }

  /** APIResourceList for one group/version (`/api/v1`, `/apis/apps/v1`). */
  resourceList(group: string, version: string): JsonObject {
    const resources: JsonObject[] = [];
    for (const t of this.all()) {
      if (t.group !== group || !t.versions.includes(version)) continue;
      const entry: JsonObject = {
        name: t.plural,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: t.verbs,
      };
      if (t.shortNames.length) entry.shortNames = t.shortNames;
      if (t.categories?.length) entry.categories = t.categories;
      resources.push(entry);
      for (const sub of t.subresources) resources.push(subresourceEntry(t, sub));
      if (!t.custom && SCALABLE.has(t.plural)) resources.push(subresourceEntry(t, 'scale'));
    }
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/${version}` : version,
      resources,
    };
  }

  groupList(): JsonObject {
    const groups: JsonObject[] = [];
    for (const [name, versions] of this.groups()) groups.push(groupEntry(name, versions));
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }

  group(name: string): JsonObject | undefined {
    const versions = this.groups().get(name);
    return versions
      ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(name, versions) }
      : undefined;
  }
}

/**
 * Kinds whose `scale` subresource a real API server lists (kind `Scale`, group autoscaling),
 * so `.Capabilities.APIVersions` built from discovery has `apps/v1/Scale` as with a real
 * server. Listed only: the simulator does not serve `/scale` requests (404).
 */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

function subresourceEntry(t: ResourceType, sub: string): JsonObject {
  const verbs = sub === 'log' ? ['get'] : ['get', 'patch', 'update'];
  const kind = sub === 'log' ? 'Pod' : sub === 'scale' ? 'Scale' : t.kind;
  const entry: JsonObject = {
    name: `${t.plural}/${sub}`,
    singularName: '',
    namespaced: t.namespaced,
    kind,
    verbs,
  };
  if (sub === 'scale') entry.group = 'autoscaling';
  if (sub === 'scale') entry.version = 'v1';
  return entry;
}

function groupEntry(name: string, versions: string[]): JsonObject {
  const list = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: list, preferredVersion: list[0] };
}
