/**
 * Admission on create (plugin/pkg/admission/namespace/lifecycle, serviceaccount): content in a
 * missing namespace is refused (404), in a terminating one forbidden (403); a Pod's service
 * account must exist. A new namespace gets its `default` ServiceAccount and the
 * `kube-root-ca.crt` ConfigMap, as the controllers of a real cluster add them.
 */
import type { Catalogue, ResourceType } from './discovery.js';
import { forbidden, notFound } from './errors.js';
import { child, str, type JsonObject } from './json.js';
import { internalContext, type WriteContext } from './write-context.js';

/** What admission needs of the registry that calls it (the Registry, passed as itself). */
export interface AdmissionRegistry {
  readonly catalogue: Catalogue;
  find(type: ResourceType, ns: string, name: string): JsonObject | undefined;
  create(type: ResourceType, ns: string, body: JsonObject, ctx: WriteContext): JsonObject;
}

const ROOT_CA =
  '-----BEGIN CERTIFICATE-----\nMIIBhookline-simulator-root-ca\n-----END CERTIFICATE-----\n';

function qualifiedName(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

export function admit(
  reg: AdmissionRegistry,
  type: ResourceType,
  ns: string,
  name: string,
  obj: JsonObject,
): void {
  if (!type.namespaced) return;
  const nsType = reg.catalogue.lookup('', 'v1', 'namespaces') as ResourceType;
  const namespace = reg.find(nsType, '', ns);
  if (!namespace) throw notFound(nsType, ns);
  if (child(namespace, 'metadata')?.deletionTimestamp) {
    throw forbidden(
      `${qualifiedName(type)} "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
      {
        name,
        kind: type.plural,
        ...(type.group ? { group: type.group } : {}),
        causes: [
          {
            reason: 'NamespaceTerminating',
            message: `namespace ${ns} is being terminated`,
            field: 'metadata.namespace',
          },
        ],
      },
    );
  }
  if (type.group === '' && type.kind === 'Pod') {
    const sa = str(child(obj, 'spec'), 'serviceAccountName') ?? 'default';
    const saType = reg.catalogue.lookup('', 'v1', 'serviceaccounts') as ResourceType;
    if (!reg.find(saType, ns, sa)) {
      throw forbidden(
        `pods "${name}" is forbidden: error looking up service account ${ns}/${sa}: serviceaccount "${sa}" not found`,
        { name, kind: 'pods' },
      );
    }
  }
}

export function afterCreate(reg: AdmissionRegistry, type: ResourceType, obj: JsonObject): void {
  if (type.group !== '' || type.kind !== 'Namespace') return;
  const ns = str(child(obj, 'metadata'), 'name') ?? '';
  const saType = reg.catalogue.lookup('', 'v1', 'serviceaccounts') as ResourceType;
  const cmType = reg.catalogue.lookup('', 'v1', 'configmaps') as ResourceType;
  reg.create(
    saType,
    ns,
    { metadata: { name: 'default' } },
    internalContext('kube-controller-manager'),
  );
  reg.create(
    cmType,
    ns,
    {
      metadata: {
        name: 'kube-root-ca.crt',
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      },
      data: { 'ca.crt': ROOT_CA },
    },
    internalContext('kube-controller-manager'),
  );
}
