/**
 * ReplicaSet, StatefulSet and DaemonSet controllers (pkg/controller/{replicaset,statefulset,
 * daemon}): keep the desired number of Pods of the current template (StatefulSets create
 * ordinal Pods one at a time, each after the previous is Ready; DaemonSets one per node, and
 * the simulated cluster has one node), and report ready and available replicas.
 */
import type { ResourceType } from '../discovery.js';
import { deleteObject } from '../deletion.js';
import { child, clone, num, type JsonObject } from '../json.js';
import { internalContext, type Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import type { EventRecorder } from './events.js';
import {
  controllerOf,
  controllerRef,
  isLive,
  isReady,
  MANAGER,
  meta,
  nameOf,
  namespaceOf,
  ownedBy,
  templateHash,
} from './owned.js';
import { podType, QueuedController } from './controller.js';

const KINDS: Record<string, string> = {
  'apps/replicasets': 'ReplicaSet',
  'apps/statefulsets': 'StatefulSet',
  'apps/daemonsets': 'DaemonSet',
};
const REVISION = 'controller-revision-hash';

export class PodSetController extends QueuedController {
  private readonly podType: ResourceType;

  constructor(
    reg: Registry,
    private readonly events: EventRecorder,
  ) {
    super(reg);
    this.podType = podType(reg);
  }

  protected onEvent(ev: StoreEvent): void {
    const kind = KINDS[ev.resource];
    if (kind) this.queue.add(`${kind}/${namespaceOf(ev.object)}/${nameOf(ev.object)}`);
    if (ev.resource !== '/pods') return;
    const owner = controllerOf(ev.object, Object.values(KINDS));
    if (owner) this.queue.add(`${owner.kind}/${namespaceOf(ev.object)}/${owner.name}`);
  }

  private type(kind: string): ResourceType {
    return this.reg.catalogue.byKind('apps', kind) as ResourceType;
  }

  protected sync(key: string): void {
    const [kind, ns, name] = key.split('/');
    const owner = this.reg.find(this.type(kind), ns, name);
    if (!owner || meta(owner).deletionTimestamp) return;
    const spec = child(owner, 'spec') as JsonObject;
    const revision =
      kind === 'StatefulSet'
        ? `${name}-${templateHash(child(spec, 'template'))}`
        : templateHash(child(spec, 'template'));
    const want = kind === 'DaemonSet' ? 1 : (num(spec, 'replicas') ?? 1);
    const pods = ownedBy(this.reg, this.podType, kind, owner);
    const current = (p: JsonObject): boolean =>
      kind === 'ReplicaSet' || child(meta(p), 'labels')?.[REVISION] === revision;
    const live = pods.filter(isLive);
    for (const p of live.filter((x) => !current(x))) this.remove(ns, p);
    const kept = live.filter(current);
    for (const p of kept.slice(want).reverse()) this.remove(ns, p);
    const running = kept.slice(0, want);
    if (kind === 'StatefulSet') this.nextOrdinal(owner, pods, running, want, revision);
    else while (running.length < want && this.createPod(kind, owner, revision, running)) void 0;
    this.writeStatus(kind, owner, running, want, revision);
  }

  private remove(ns: string, pod: JsonObject): void {
    this.queue.run(() => deleteObject(this.reg, this.podType, ns, nameOf(pod), {}));
  }

  /** OrderedReady: the lowest missing ordinal, once every existing Pod is Ready. */
  private nextOrdinal(
    owner: JsonObject,
    pods: JsonObject[],
    running: JsonObject[],
    want: number,
    revision: string,
  ): void {
    if (running.length >= want || running.some((p) => !isReady(p))) return;
    const taken = new Set(pods.filter((p) => !meta(p).deletionTimestamp).map(nameOf));
    const ordinal = [...Array(want).keys()].find((n) => !taken.has(`${nameOf(owner)}-${n}`));
    if (ordinal !== undefined) this.createPod('StatefulSet', owner, revision, running, ordinal);
  }

  private podFor(kind: string, owner: JsonObject, revision: string, ordinal?: number): JsonObject {
    const template = clone(child(child(owner, 'spec'), 'template') ?? {});
    const labels: JsonObject = { ...(child(child(template, 'metadata'), 'labels') ?? {}) };
    if (kind !== 'ReplicaSet') labels[REVISION] = revision;
    const name = ordinal === undefined ? undefined : `${nameOf(owner)}-${ordinal}`;
    if (name !== undefined) {
      labels['statefulset.kubernetes.io/pod-name'] = name;
      labels['apps.kubernetes.io/pod-index'] = String(ordinal);
    }
    const spec = child(template, 'spec') ?? {};
    if (name !== undefined) spec.hostname = name;
    return {
      metadata: {
        ...(name ? { name } : { generateName: `${nameOf(owner)}-` }),
        labels,
        ownerReferences: [controllerRef(kind, owner)],
      },
      spec,
    };
  }

  /** Creates one Pod; on refusal records FailedCreate and retries in a second. */
  private createPod(
    kind: string,
    owner: JsonObject,
    revision: string,
    running: JsonObject[],
    ordinal?: number,
  ): boolean {
    const source = { component: `${kind.toLowerCase()}-controller` };
    const retryKey = `${kind}/${namespaceOf(owner)}/${nameOf(owner)}`;
    return this.createOrRetry({ events: this.events, owner, source, retryKey }, () => {
      const created = this.reg.create(
        this.podType,
        namespaceOf(owner),
        this.podFor(kind, owner, revision, ordinal),
        internalContext(MANAGER),
      );
      running.push(created);
      const message =
        kind === 'StatefulSet'
          ? `create Pod ${nameOf(created)} in StatefulSet ${nameOf(owner)} successful`
          : `Created pod: ${nameOf(created)}`;
      this.events.record(owner, source, { type: 'Normal', reason: 'SuccessfulCreate', message });
    });
  }

  private writeStatus(
    kind: string,
    owner: JsonObject,
    live: JsonObject[],
    want: number,
    revision: string,
  ): void {
    const ready = live.filter(isReady).length;
    this.reg.writeStatus(
      this.type(kind),
      namespaceOf(owner),
      nameOf(owner),
      (s) => {
        s.observedGeneration = num(meta(owner), 'generation') ?? 1;
        if (kind === 'DaemonSet') {
          Object.assign(s, {
            currentNumberScheduled: live.length,
            desiredNumberScheduled: want,
            numberMisscheduled: 0,
            numberReady: ready,
            numberAvailable: ready,
            updatedNumberScheduled: live.length,
          });
          if (ready < want) s.numberUnavailable = want - ready;
          else delete s.numberUnavailable;
          return;
        }
        s.replicas = live.length;
        s.readyReplicas = ready;
        s.availableReplicas = ready;
        if (kind === 'ReplicaSet') s.fullyLabeledReplicas = live.length;
        else
          Object.assign(s, {
            currentReplicas: live.length,
            updatedReplicas: live.length,
            currentRevision: revision,
            updateRevision: revision,
            collisionCount: 0,
          });
        for (const k of ['readyReplicas', 'availableReplicas']) if (s[k] === 0) delete s[k];
      },
      MANAGER,
    );
  }
}
