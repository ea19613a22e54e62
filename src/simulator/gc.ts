/**
 * Garbage collection through ownerReferences (pkg/controller/garbagecollector): dependents of a
 * deleted owner are deleted (Background) once none of their owners exist; an owner being deleted
 * in the foreground waits for its dependents; an orphaning owner strips its references first.
 */
import { StoreController } from './controllers/controller.js';
import { Sweep } from './controllers/queue.js';
import type { ResourceType } from './discovery.js';
import { deleteObject, removeFinalizer } from './deletion.js';
import { child, isObject, str, type JsonObject } from './json.js';
import { internalContext } from './registry.js';
import { guarded } from './report.js';
import type { StoreEvent } from './store.js';

const GC = 'system:serviceaccount:kube-system:generic-garbage-collector';

interface Entry {
  resource: string;
  object: JsonObject;
}

function ownerUids(obj: JsonObject): string[] {
  const refs = child(obj, 'metadata')?.ownerReferences;
  return Array.isArray(refs) ? refs.filter(isObject).map((r) => String(r.uid ?? '')) : [];
}

function finalizers(obj: JsonObject): string[] {
  const f = child(obj, 'metadata')?.finalizers;
  return Array.isArray(f) ? f.map(String) : [];
}

export class GarbageCollector extends StoreController {
  private readonly sweep = new Sweep('garbage collection', () => this.run());

  override stop(): void {
    this.sweep.stop();
    super.stop();
  }

  protected onEvent(ev: StoreEvent): void {
    if (ev.type === 'DELETED' || child(ev.object, 'metadata')?.deletionTimestamp)
      this.sweep.schedule();
  }

  private typeOf(resource: string): ResourceType | undefined {
    const [group, plural] = resource.split('/');
    return this.reg.catalogue.all().find((t) => t.group === group && t.plural === plural);
  }

  private run(): void {
    // Read-only views: every write below re-reads the object from the store.
    const all: Entry[] = [...this.reg.store.entries()];
    const alive = new Set(all.map((e) => String(child(e.object, 'metadata')?.uid ?? '')));
    const dependents = new Map<string, Entry[]>();
    for (const e of all)
      for (const uid of ownerUids(e.object))
        dependents.set(uid, [...(dependents.get(uid) ?? []), e]);
    for (const e of all) this.collectOrphan(e, alive);
    for (const e of all) {
      const meta = child(e.object, 'metadata') as JsonObject;
      if (!meta.deletionTimestamp) continue;
      const uid = String(meta.uid ?? '');
      const deps = dependents.get(uid) ?? [];
      if (finalizers(e.object).includes('orphan')) this.orphan(e, deps, uid);
      else if (finalizers(e.object).includes('foregroundDeletion')) this.foreground(e, deps);
    }
  }

  /** A dependent whose owners are all gone is deleted in the background. */
  private collectOrphan(e: Entry, alive: Set<string>): void {
    const uids = ownerUids(e.object);
    if (!uids.length || uids.some((u) => alive.has(u))) return;
    if (child(e.object, 'metadata')?.deletionTimestamp) return;
    this.safely(e, (t, ns, name) =>
      deleteObject(this.reg, t, ns, name, { propagationPolicy: 'Background' }),
    );
  }

  private foreground(owner: Entry, deps: Entry[]): void {
    if (!deps.length) {
      this.safely(owner, (t) => removeFinalizer(this.reg, t, owner.object, 'foregroundDeletion'));
      return;
    }
    for (const d of deps) {
      if (child(d.object, 'metadata')?.deletionTimestamp) continue;
      this.safely(d, (t, ns, name) =>
        deleteObject(this.reg, t, ns, name, { propagationPolicy: 'Foreground' }),
      );
    }
  }

  private orphan(owner: Entry, deps: Entry[], uid: string): void {
    for (const d of deps) {
      this.safely(d, (t, ns, name) => {
        const obj = this.reg.get(t, ns, name);
        const meta = obj.metadata as JsonObject;
        const refs = Array.isArray(meta.ownerReferences)
          ? meta.ownerReferences.filter((r) => !(isObject(r) && r.uid === uid))
          : [];
        if (refs.length) meta.ownerReferences = refs;
        else delete meta.ownerReferences;
        delete meta.resourceVersion;
        this.reg.update(t, ns, name, obj, internalContext(GC));
      });
    }
    this.safely(owner, (t) => removeFinalizer(this.reg, t, owner.object, 'orphan'));
  }

  private safely(e: Entry, fn: (t: ResourceType, ns: string, name: string) => void): void {
    const t = this.typeOf(e.resource);
    if (!t) return;
    const meta = child(e.object, 'metadata');
    guarded('garbage collection', () =>
      fn(t, str(meta, 'namespace') ?? '', str(meta, 'name') ?? ''),
    );
  }
}
