/**
 * Storage as a single-node cluster provides it (kind's `standard` StorageClass and
 * local-path provisioner, pkg/controller/volume/persistentvolume): a claim is provisioned a
 * PersistentVolume of the requested size and bound at once (the simulator's class binds
 * Immediately); deleting the claim deletes its volume (reclaim policy Delete).
 */
import type { ResourceType } from '../discovery.js';
import { deleteObject } from '../deletion.js';
import { child, str, type JsonObject } from '../json.js';
import { internalContext, type Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import { MANAGER, meta, nameOf, namespaceOf } from './owned.js';
import { QueuedController } from './controller.js';

export const STORAGE_CLASS = 'standard';

export class VolumeController extends QueuedController {
  private readonly pvcType: ResourceType;
  private readonly pvType: ResourceType;

  constructor(reg: Registry) {
    super(reg);
    this.pvcType = reg.catalogue.lookup('', 'v1', 'persistentvolumeclaims') as ResourceType;
    this.pvType = reg.catalogue.lookup('', 'v1', 'persistentvolumes') as ResourceType;
    const scType = reg.catalogue.lookup('storage.k8s.io', 'v1', 'storageclasses') as ResourceType;
    reg.create(
      scType,
      '',
      {
        metadata: {
          name: STORAGE_CLASS,
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'Immediate',
      },
      internalContext('kube-apiserver'),
    );
  }

  protected onEvent(ev: StoreEvent): void {
    if (ev.resource !== '/persistentvolumeclaims') return;
    if (ev.type === 'DELETED') {
      const volume = str(child(ev.object, 'spec'), 'volumeName');
      if (volume) this.queue.run(() => deleteObject(this.reg, this.pvType, '', volume, {}));
      return;
    }
    if (!str(child(ev.object, 'spec'), 'volumeName'))
      this.queue.add(`${namespaceOf(ev.object)}/${nameOf(ev.object)}`);
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/');
    const claim = this.reg.find(this.pvcType, ns, name);
    if (!claim || meta(claim).deletionTimestamp || str(child(claim, 'spec'), 'volumeName')) return;
    const spec = child(claim, 'spec') ?? {};
    const volume = `pvc-${str(meta(claim), 'uid')}`;
    const capacity = child(child(spec, 'resources'), 'requests') ?? { storage: '1Gi' };
    const accessModes = spec.accessModes ?? ['ReadWriteOnce'];
    const pv: JsonObject = {
      metadata: {
        name: volume,
        annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
      },
      spec: {
        capacity,
        accessModes,
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: str(spec, 'storageClassName') ?? STORAGE_CLASS,
        volumeMode: str(spec, 'volumeMode') ?? 'Filesystem',
        hostPath: {
          path: `/var/local-path-provisioner/${volume}_${ns}_${name}`,
          type: 'DirectoryOrCreate',
        },
        claimRef: {
          kind: 'PersistentVolumeClaim',
          namespace: ns,
          name,
          uid: str(meta(claim), 'uid') ?? '',
          apiVersion: 'v1',
        },
      },
    };
    this.reg.create(this.pvType, '', pv, internalContext(MANAGER));
    this.reg.writeStatus(
      this.pvType,
      '',
      volume,
      (s) => Object.assign(s, { phase: 'Bound' }),
      MANAGER,
    );
    const bound: JsonObject = {
      ...claim,
      spec: {
        ...spec,
        volumeName: volume,
        storageClassName: str(spec, 'storageClassName') ?? STORAGE_CLASS,
      },
    };
    const annotations = {
      ...(child(meta(claim), 'annotations') ?? {}),
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    };
    bound.metadata = { ...meta(claim), annotations };
    this.reg.internalWrite(this.pvcType, bound, MANAGER);
    this.reg.writeStatus(
      this.pvcType,
      ns,
      name,
      (s) => Object.assign(s, { phase: 'Bound', accessModes, capacity }),
      MANAGER,
    );
  }
}
