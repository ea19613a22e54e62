/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod-template hash,
 * the current one scaled to `replicas` and older ones to zero; status and the Available and
 * Progressing conditions follow the current ReplicaSet's readiness.
 */
import type { ResourceType } from '../discovery.js';
import { child, clone, ensure, num, rfc3339, type JsonObject } from '../json.js';
import { internalContext, type Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import type { EventRecorder } from './events.js';
import {
  controllerOf,
  controllerRef,
  MANAGER,
  meta,
  nameOf,
  namespaceOf,
  ownedBy,
  templateHash,
} from './owned.js';
import { QueuedController } from './controller.js';

const SOURCE = { component: 'deployment-controller' };
const REVISION = 'deployment.kubernetes.io/revision';
const count = (o: JsonObject, k: string): number => num(child(o, 'status'), k) ?? 0;
const revisionOf = (rs: JsonObject): number =>
  Number(child(meta(rs), 'annotations')?.[REVISION] ?? 0);

export class DeploymentController extends QueuedController {
  private readonly deployType: ResourceType;
  private readonly rsType: ResourceType;

  constructor(
    reg: Registry,
    private readonly events: EventRecorder,
  ) {
    super(reg);
    this.deployType = reg.catalogue.byKind('apps', 'Deployment') as ResourceType;
    this.rsType = reg.catalogue.byKind('apps', 'ReplicaSet') as ResourceType;
  }

  protected onEvent(ev: StoreEvent): void {
    if (ev.resource === 'apps/deployments')
      this.queue.add(`${namespaceOf(ev.object)}/${nameOf(ev.object)}`);
    if (ev.resource !== 'apps/replicasets') return;
    const owner = controllerOf(ev.object, ['Deployment']);
    if (owner) this.queue.add(`${namespaceOf(ev.object)}/${owner.name}`);
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/');
    const d = this.reg.find(this.deployType, ns, name);
    if (!d || meta(d).deletionTimestamp) return;
    const spec = child(d, 'spec') as JsonObject;
    const hash = templateHash(child(spec, 'template'));
    const want = num(spec, 'replicas') ?? 1;
    const sets = ownedBy(this.reg, this.rsType, 'Deployment', d);
    const existing = sets.find((rs) => child(meta(rs), 'labels')?.['pod-template-hash'] === hash);
    // getNewReplicaSet: the new revision is one past the highest of the *old* sets, so a set
    // reused on a rollback to its template becomes the newest revision again.
    const revision =
      Math.max(0, ...sets.filter((rs) => rs !== existing).map((rs) => revisionOf(rs))) + 1;
    let current = existing ?? this.createReplicaSet(d, hash, want, revision);
    if (num(child(current, 'spec'), 'replicas') !== want || revisionOf(current) < revision)
      current = this.scale(current, want, d, revision);
    const currentName = nameOf(current);
    for (const rs of sets)
      if (nameOf(rs) !== currentName && (num(child(rs, 'spec'), 'replicas') ?? 0) > 0)
        this.scale(rs, 0, d);
    const total = sets
      .filter((rs) => nameOf(rs) !== currentName)
      .reduce((n, rs) => n + count(rs, 'replicas'), count(current, 'replicas'));
    this.writeStatus(d, current, want, total);
  }

  private writeStatus(d: JsonObject, current: JsonObject, want: number, total: number): void {
    const available = count(current, 'availableReplicas');
    const now = rfc3339(this.reg.clock.now());
    const ok = available >= want;
    this.reg.writeStatus(
      this.deployType,
      namespaceOf(d),
      nameOf(d),
      (s) => {
        s.observedGeneration = num(meta(d), 'generation') ?? 1;
        s.replicas = total;
        s.updatedReplicas = count(current, 'replicas');
        s.readyReplicas = count(current, 'readyReplicas');
        s.availableReplicas = available;
        if (want > available) s.unavailableReplicas = want - available;
        else delete s.unavailableReplicas;
        for (const k of ['readyReplicas', 'availableReplicas', 'updatedReplicas', 'replicas'])
          if (s[k] === 0) delete s[k];
        s.conditions = [
          {
            type: 'Available',
            status: ok ? 'True' : 'False',
            lastUpdateTime: now,
            lastTransitionTime: now,
            reason: ok ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
            message: ok
              ? 'Deployment has minimum availability.'
              : 'Deployment does not have minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            lastUpdateTime: now,
            lastTransitionTime: now,
            reason: ok ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
            message: ok
              ? `ReplicaSet "${nameOf(current)}" has successfully progressed.`
              : `ReplicaSet "${nameOf(current)}" is progressing.`,
          },
        ];
      },
      MANAGER,
    );
  }

  private createReplicaSet(
    d: JsonObject,
    hash: string,
    replicas: number,
    revision: number,
  ): JsonObject {
    const spec = child(d, 'spec') as JsonObject;
    const template = clone(child(spec, 'template') ?? {});
    ensure(ensure(template, 'metadata'), 'labels')['pod-template-hash'] = hash;
    const selector = clone(child(spec, 'selector') ?? {});
    ensure(selector, 'matchLabels')['pod-template-hash'] = hash;
    const name = `${nameOf(d)}-${hash}`;
    const rs: JsonObject = {
      metadata: {
        name,
        labels: child(child(template, 'metadata'), 'labels') ?? {},
        annotations: {
          [REVISION]: String(revision),
          'deployment.kubernetes.io/desired-replicas': String(replicas),
        },
        ownerReferences: [controllerRef('Deployment', d)],
      },
      spec: { replicas, selector, template },
    };
    const created = this.reg.create(this.rsType, namespaceOf(d), rs, internalContext(MANAGER));
    this.events.record(d, SOURCE, {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled up replica set ${name} from 0 to ${replicas}`,
    });
    return created;
  }

  private scale(rs: JsonObject, replicas: number, d: JsonObject, revision?: number): JsonObject {
    const from = num(child(rs, 'spec'), 'replicas') ?? 0;
    const copy = clone(rs);
    (copy.spec as JsonObject).replicas = replicas;
    if (revision !== undefined) {
      const annotations = ensure(meta(copy), 'annotations');
      annotations[REVISION] = String(revision);
      annotations['deployment.kubernetes.io/desired-replicas'] = String(replicas);
    }
    delete meta(copy).resourceVersion;
    const updated = this.reg.update(
      this.rsType,
      namespaceOf(rs),
      nameOf(rs),
      copy,
      internalContext(MANAGER),
    );
    if (from !== replicas)
      this.events.record(d, SOURCE, {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled ${replicas > from ? 'up' : 'down'} replica set ${nameOf(rs)} from ${from} to ${replicas}`,
      });
    return updated;
  }
}
