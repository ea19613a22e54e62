/**
 * Workload controllers (pkg/controller/{deployment,replicaset,statefulset,daemon}): Deployments
 * roll out through a ReplicaSet per pod-template hash; ReplicaSets, StatefulSets and DaemonSets
 * keep their Pods at the desired count, replace Pods of an old template, and report ready and
 * available replicas.
 */
import { createHash } from 'node:crypto';
import type { ResourceType } from '../discovery.js';
import { deleteObject } from '../deletion.js';
import { ApiError } from '../errors.js';
import { child, clone, ensure, num, objects, str, type JsonObject } from '../json.js';
import { internalContext, type Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import type { EventRecorder } from './events.js';

const MANAGER = 'kube-controller-manager';
const OWNED: Record<string, string> = { 'apps/deployments': 'Deployment', 'apps/replicasets': 'ReplicaSet', 'apps/statefulsets': 'StatefulSet', 'apps/daemonsets': 'DaemonSet' };
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A short stable hash of a pod template (the `pod-template-hash` label's role). */
export function templateHash(template: JsonObject | undefined): string {
  const digest = createHash('sha256').update(JSON.stringify(template ?? {})).digest();
  return Array.from(digest.subarray(0, 10), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

const meta = (o: JsonObject): JsonObject => child(o, 'metadata') as JsonObject;
const isReady = (p: JsonObject): boolean => objects(child(p, 'status'), 'conditions').some((c) => c.type === 'Ready' && c.status === 'True');
const isLive = (p: JsonObject): boolean => !meta(p).deletionTimestamp && !['Succeeded', 'Failed'].includes(str(child(p, 'status'), 'phase') ?? '');

export class WorkloadController {
  private readonly pending = new Set<string>();
  private scheduled = false;
  private stopped = false;
  private readonly unlisten: () => void;
  private readonly podType: ResourceType;

  constructor(
    private readonly reg: Registry,
    private readonly events: EventRecorder,
  ) {
    this.podType = reg.catalogue.lookup('', 'v1', 'pods') as ResourceType;
    this.unlisten = reg.store.listen((ev) => this.onEvent(ev));
  }

  stop(): void {
    this.stopped = true;
    this.unlisten();
  }

  private type(kind: string): ResourceType {
    return this.reg.catalogue.byKind('apps', kind) as ResourceType;
  }

  private onEvent(ev: StoreEvent): void {
    const m = meta(ev.object);
    if (OWNED[ev.resource]) this.enqueue(`${OWNED[ev.resource]}/${str(m, 'namespace')}/${str(m, 'name')}`);
    for (const r of objects(m, 'ownerReferences')) {
      if (r.controller === true && Object.values(OWNED).includes(String(r.kind))) this.enqueue(`${String(r.kind)}/${str(m, 'namespace')}/${String(r.name)}`);
    }
  }

  private enqueue(key: string): void {
    this.pending.add(key);
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const keys = [...this.pending];
      this.pending.clear();
      for (const k of keys) this.safely(() => this.sync(k));
    });
  }

  private safely(fn: () => void): void {
    if (this.stopped) return;
    try {
      fn();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }

  private sync(key: string): void {
    const [kind, ns, name] = key.split('/');
    const obj = this.reg.find(this.type(kind), ns, name);
    if (!obj || meta(obj).deletionTimestamp) return;
    if (kind === 'Deployment') this.syncDeployment(obj);
    else this.syncPods(kind, obj);
  }

  private owned(kind: string, owner: JsonObject, type: ResourceType): JsonObject[] {
    const uid = meta(owner).uid;
    return this.reg.list(type, str(meta(owner), 'namespace')).filter((o) => objects(meta(o), 'ownerReferences').some((r) => r.uid === uid && r.kind === kind));
  }

  private ownerRef(kind: string, owner: JsonObject): JsonObject {
    return { apiVersion: 'apps/v1', kind, name: str(meta(owner), 'name') ?? '', uid: str(meta(owner), 'uid') ?? '', controller: true, blockOwnerDeletion: true };
  }

  /** ReplicaSet, StatefulSet, DaemonSet: the Pods themselves. */
  private syncPods(kind: string, owner: JsonObject): void {
    const spec = child(owner, 'spec') as JsonObject;
    const ns = str(meta(owner), 'namespace') ?? '';
    const name = str(meta(owner), 'name') ?? '';
    const hash = templateHash(child(spec, 'template'));
    const want = kind === 'DaemonSet' ? 1 : (num(spec, 'replicas') ?? 1);
    const pods = this.owned(kind, owner, this.podType);
    for (const p of pods) {
      const stale = kind !== 'ReplicaSet' && child(meta(p), 'labels')?.['controller-revision-hash'] !== hash;
      if (isLive(p) && stale) this.safely(() => deleteObject(this.reg, this.podType, ns, str(meta(p), 'name') ?? '', {}));
    }
    let live = pods.filter((p) => isLive(p) && (kind === 'ReplicaSet' || child(meta(p), 'labels')?.['controller-revision-hash'] === hash));
    for (const p of live.slice(want).reverse()) this.safely(() => deleteObject(this.reg, this.podType, ns, str(meta(p), 'name') ?? '', {}));
    live = live.slice(0, want);
    const allAlive = pods.filter((p) => !meta(p).deletionTimestamp);
    for (let i = 0; live.length < want && i < want * 2 + 1 && !this.failedCreate(kind, owner); i++) {
      if (kind === 'StatefulSet') {
        const ordinal = [...Array(want).keys()].find((n) => !allAlive.some((p) => str(meta(p), 'name') === `${name}-${n}`));
        if (ordinal === undefined || live.some((p) => !isReady(p))) break;
        const created = this.createPod(kind, owner, hash, `${name}-${ordinal}`, ordinal);
        live.push(created);
        allAlive.push(created);
        break;
      }
      live.push(this.createPod(kind, owner, hash));
    }
    this.writeStatus(kind, owner, live, want, hash);
  }

  /** Whether creating a Pod for `owner` is refused now (e.g. its service account is missing). */
  private failedCreate(kind: string, owner: JsonObject): boolean {
    const probe = clone(child(child(owner, 'spec'), 'template') ?? {});
    const sa = str(child(probe, 'spec'), 'serviceAccountName') ?? 'default';
    const saType = this.reg.catalogue.lookup('', 'v1', 'serviceaccounts') as ResourceType;
    if (this.reg.find(saType, str(meta(owner), 'namespace') ?? '', sa)) return false;
    const ns = str(meta(owner), 'namespace') ?? '';
    this.events.record(owner, { component: `${kind.toLowerCase()}-controller` }, { type: 'Warning', reason: 'FailedCreate', message: `Error creating: pods "${str(meta(owner), 'name')}-" is forbidden: error looking up service account ${ns}/${sa}: serviceaccount "${sa}" not found` });
    const key = `${kind}/${ns}/${str(meta(owner), 'name')}`;
    this.reg.clock.after(1000, () => this.enqueue(key));
    return true;
  }

  private createPod(kind: string, owner: JsonObject, hash: string, name?: string, ordinal?: number): JsonObject {
    const template = clone(child(child(owner, 'spec'), 'template') ?? {});
    const labels = { ...(child(child(template, 'metadata'), 'labels') ?? {}) };
    if (kind !== 'ReplicaSet') labels['controller-revision-hash'] = kind === 'StatefulSet' ? `${str(meta(owner), 'name')}-${hash}` : hash;
    if (kind === 'StatefulSet' && name !== undefined) {
      labels['controller-revision-hash'] = hash;
      labels['statefulset.kubernetes.io/pod-name'] = name;
      labels['apps.kubernetes.io/pod-index'] = String(ordinal);
    }
    const pod: JsonObject = {
      metadata: { ...(name ? { name } : { generateName: `${str(meta(owner), 'name')}-` }), labels, ownerReferences: [this.ownerRef(kind, owner)] },
      spec: child(template, 'spec') ?? {},
    };
    if (kind === 'StatefulSet') (pod.spec as JsonObject).hostname = name ?? '';
    const created = this.reg.create(this.podType, str(meta(owner), 'namespace') ?? '', pod, internalContext(MANAGER));
    this.events.record(owner, { component: `${kind.toLowerCase()}-controller` }, { type: 'Normal', reason: 'SuccessfulCreate', message: `${kind === 'StatefulSet' ? `create Pod ${str(meta(created), 'name')} in StatefulSet ${str(meta(owner), 'name')} successful` : `Created pod: ${str(meta(created), 'name')}`}` });
    return created;
  }

  private writeStatus(kind: string, owner: JsonObject, live: JsonObject[], want: number, hash: string): void {
    const ready = live.filter(isReady).length;
    const generation = num(meta(owner), 'generation') ?? 1;
    this.reg.writeStatus(this.type(kind), str(meta(owner), 'namespace') ?? '', str(meta(owner), 'name') ?? '', (s) => {
      s.observedGeneration = generation;
      if (kind === 'DaemonSet') {
        Object.assign(s, { currentNumberScheduled: live.length, desiredNumberScheduled: want, numberMisscheduled: 0, numberReady: ready, numberAvailable: ready, updatedNumberScheduled: live.length });
        if (ready < want) s.numberUnavailable = want - ready;
        else delete s.numberUnavailable;
        return;
      }
      s.replicas = live.length;
      s.readyReplicas = ready;
      s.availableReplicas = ready;
      if (kind === 'ReplicaSet') s.fullyLabeledReplicas = live.length;
      else Object.assign(s, { currentReplicas: live.length, updatedReplicas: live.length, currentRevision: `${str(meta(owner), 'name')}-${hash}`, updateRevision: `${str(meta(owner), 'name')}-${hash}`, collisionCount: 0 });
      for (const k of ['readyReplicas', 'availableReplicas']) if (s[k] === 0) delete s[k];
    }, MANAGER);
  }

  private syncDeployment(d: JsonObject): void {
    const spec = child(d, 'spec') as JsonObject;
    const ns = str(meta(d), 'namespace') ?? '';
    const name = str(meta(d), 'name') ?? '';
    const rsType = this.type('ReplicaSet');
    const hash = templateHash(child(spec, 'template'));
    const want = num(spec, 'replicas') ?? 1;
    const sets = this.owned('Deployment', d, rsType);
    let current = sets.find((rs) => child(meta(rs), 'labels')?.['pod-template-hash'] === hash);
    const revision = Math.max(0, ...sets.map((rs) => Number(child(meta(rs), 'annotations')?.['deployment.kubernetes.io/revision'] ?? 0))) + (current ? 0 : 1);
    if (!current) current = this.createReplicaSet(d, hash, want, revision);
    else if (num(child(current, 'spec'), 'replicas') !== want) current = this.scale(current, want, d);
    for (const rs of sets) if (rs !== current && (num(child(rs, 'spec'), 'replicas') ?? 0) > 0) this.scale(rs, 0, d);
    const rsStatus = (rs: JsonObject, k: string): number => num(child(rs, 'status'), k) ?? 0;
    const currentName = str(meta(current), 'name');
    const total = sets.filter((rs) => str(meta(rs), 'name') !== currentName).reduce((n, rs) => n + rsStatus(rs, 'replicas'), rsStatus(current, 'replicas'));
    const available = rsStatus(current, 'availableReplicas');
    const rsName = str(meta(current), 'name') ?? '';
    const now = new Date(this.reg.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    this.reg.writeStatus(this.type('Deployment'), ns, name, (s) => {
      s.observedGeneration = num(meta(d), 'generation') ?? 1;
      s.replicas = total;
      s.updatedReplicas = rsStatus(current, 'replicas');
      s.readyReplicas = rsStatus(current, 'readyReplicas');
      s.availableReplicas = available;
      if (want - available > 0) s.unavailableReplicas = want - available;
      else delete s.unavailableReplicas;
      for (const k of ['readyReplicas', 'availableReplicas', 'updatedReplicas', 'replicas']) if (s[k] === 0) delete s[k];
      const ok = available >= want;
      s.conditions = [
        { type: 'Available', status: ok ? 'True' : 'False', lastUpdateTime: now, lastTransitionTime: now, reason: ok ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', message: ok ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: ok ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', message: ok ? `ReplicaSet "${rsName}" has successfully progressed.` : `ReplicaSet "${rsName}" is progressing.` },
      ];
    }, MANAGER);
  }

  private createReplicaSet(d: JsonObject, hash: string, replicas: number, revision: number): JsonObject {
    const spec = child(d, 'spec') as JsonObject;
    const template = clone(child(spec, 'template') ?? {});
    ensure(ensure(template, 'metadata'), 'labels')['pod-template-hash'] = hash;
    const selector = clone(child(spec, 'selector') ?? {});
    ensure(selector, 'matchLabels')['pod-template-hash'] = hash;
    const name = `${str(meta(d), 'name')}-${hash}`;
    const rs: JsonObject = {
      metadata: { name, labels: child(child(template, 'metadata'), 'labels') ?? {}, annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': String(replicas) }, ownerReferences: [this.ownerRef('Deployment', d)] },
      spec: { replicas, selector, template },
    };
    const created = this.reg.create(this.type('ReplicaSet'), str(meta(d), 'namespace') ?? '', rs, internalContext(MANAGER));
    this.events.record(d, { component: 'deployment-controller' }, { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} from 0 to ${replicas}` });
    return created;
  }

  private scale(rs: JsonObject, replicas: number, d: JsonObject): JsonObject {
    const from = num(child(rs, 'spec'), 'replicas') ?? 0;
    const copy = clone(rs);
    (copy.spec as JsonObject).replicas = replicas;
    delete meta(copy).resourceVersion;
    const updated = this.reg.update(this.type('ReplicaSet'), str(meta(rs), 'namespace') ?? '', str(meta(rs), 'name') ?? '', copy, internalContext(MANAGER));
    this.events.record(d, { component: 'deployment-controller' }, { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${replicas > from ? 'up' : 'down'} replica set ${str(meta(rs), 'name')} from ${from} to ${replicas}` });
    return updated;
  }
}
