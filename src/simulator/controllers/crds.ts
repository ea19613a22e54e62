/**
 * CustomResourceDefinitions (apiextensions-apiserver): an established CRD adds its served
 * versions to discovery at once; deleting it removes the resource and every custom object.
 */
import type { Catalogue, ResourceType } from '../discovery.js';
import { child, objects, str, type JsonObject } from '../json.js';
import { resourceKey, type Registry } from '../registry.js';
import { guarded } from '../report.js';
import type { StoreEvent } from '../store.js';
import { StoreController } from './controller.js';

const CRD_RESOURCE = 'apiextensions.k8s.io/customresourcedefinitions';

export function crdResourceType(crd: JsonObject): ResourceType | undefined {
  const spec = child(crd, 'spec');
  const names = child(spec, 'names');
  const group = str(spec, 'group');
  const plural = str(names, 'plural');
  const kind = str(names, 'kind');
  if (!group || !plural || !kind) return undefined;
  const versions = objects(spec, 'versions').filter((v) => v.served !== false);
  const shortNames = Array.isArray(names?.shortNames) ? names.shortNames.map(String) : [];
  return {
    group,
    versions: versions.map((v) => String(v.name)),
    kind,
    plural,
    singular: str(names, 'singular') ?? kind.toLowerCase(),
    namespaced: str(spec, 'scope') !== 'Cluster',
    shortNames,
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
    subresources: versions.some((v) => child(child(v, 'subresources'), 'status')) ? ['status'] : [],
    schemas: Object.fromEntries(
      versions.flatMap((v) => {
        const schema = child(child(v, 'schema'), 'openAPIV3Schema');
        return schema ? [[String(v.name), schema]] : [];
      }),
    ),
    generation: true,
    custom: true,
  };
}

export class CrdController extends StoreController {
  constructor(
    reg: Registry,
    private readonly catalogue: Catalogue,
  ) {
    super(reg);
  }

  protected onEvent(ev: StoreEvent): void {
    if (ev.resource !== CRD_RESOURCE) return;
    const type = crdResourceType(ev.object);
    if (!type) return;
    if (ev.type === 'DELETED') {
      this.catalogue.remove(type.group, type.plural);
      for (const obj of this.reg.store.list(resourceKey(type)))
        this.reg.store.remove(resourceKey(type), obj);
      return;
    }
    this.catalogue.add(type);
    if (ev.type === 'ADDED')
      setImmediate(() => guarded('CRD establishment', () => this.establish(ev.object)));
  }

  private establish(crd: JsonObject): void {
    const crdType = this.catalogue.lookup(
      'apiextensions.k8s.io',
      'v1',
      'customresourcedefinitions',
    ) as ResourceType;
    const name = str(child(crd, 'metadata'), 'name') ?? '';
    const now = new Date(this.reg.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    try {
      this.reg.writeStatus(
        crdType,
        '',
        name,
        (s, obj) => {
          s.acceptedNames = child(child(obj, 'spec'), 'names') ?? {};
          s.conditions = [
            {
              type: 'NamesAccepted',
              status: 'True',
              lastTransitionTime: now,
              reason: 'NoConflicts',
              message: 'no conflicts found',
            },
            {
              type: 'Established',
              status: 'True',
              lastTransitionTime: now,
              reason: 'InitialNamesAccepted',
              message: 'the initial names have been accepted',
            },
          ];
          s.storedVersions = objects(child(obj, 'spec'), 'versions')
            .filter((v) => v.storage === true)
            .map((v) => String(v.name));
        },
        'kube-apiserver',
      );
    } catch {
      // The CRD was deleted before it could be established.
    }
  }
}
