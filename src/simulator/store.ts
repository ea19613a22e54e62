/**
 * The object store: one resourceVersion counter for everything (as etcd's revision), objects kept
 * as immutable JSON snapshots, and watch fan-out with a bounded history so a watch can resume
 * from a recent resourceVersion and gets 410 Gone for a compacted one.
 */
import { gone } from './errors.js';
import { clone, child, type JsonObject } from './json.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  /** `group/plural` of the object's resource. */
  resource: string;
  object: JsonObject;
  rv: number;
  /** The object before a MODIFIED change, to tell selector transitions apart. */
  prev?: JsonObject;
}

export interface WatchOptions {
  resource: string;
  namespace?: string;
  /** Resume point; undefined or 0 means "current state first, as ADDED events". */
  fromRv?: number;
  filter: (obj: JsonObject) => boolean;
  send: (ev: StoreEvent) => void;
}

function keyOf(obj: JsonObject): string {
  const m = child(obj, 'metadata');
  return `${String(m?.namespace ?? '')}/${String(m?.name ?? '')}`;
}

export class Store {
  private rv: number;
  private readonly objects = new Map<string, Map<string, JsonObject>>();
  private readonly history: StoreEvent[] = [];
  /** Watchers by resource, then by namespace (`''` for all namespaces): a write visits only
   * the watches of its resource and namespace, so thousands of open watches stay cheap. */
  private readonly watchers = new Map<string, Map<string, Set<WatchOptions>>>();
  private readonly listeners = new Set<(ev: StoreEvent) => void>();

  /**
   * Keeps at least `historyLimit` events for resuming watches. Starts well above 1 so that small
   * resourceVersions are "too old", as on a long-lived cluster.
   */
  constructor(
    private readonly historyLimit = 10000,
    initialRv = 1000,
  ) {
    this.rv = initialRv;
  }

  currentRv(): number {
    return this.rv;
  }

  private table(resource: string): Map<string, JsonObject> {
    let t = this.objects.get(resource);
    if (!t) {
      t = new Map();
      this.objects.set(resource, t);
    }
    return t;
  }

  /** A private copy of the stored object. */
  get(resource: string, namespace: string, name: string): JsonObject | undefined {
    const o = this.objects.get(resource)?.get(`${namespace}/${name}`);
    return o ? clone(o) : undefined;
  }

  /** Private copies, sorted by namespace then name as etcd keys are. */
  list(resource: string, namespace?: string, filter?: (obj: JsonObject) => boolean): JsonObject[] {
    const t = this.objects.get(resource);
    if (!t) return [];
    const keys = [...t.keys()].sort();
    const out: JsonObject[] = [];
    for (const k of keys) {
      const o = t.get(k) as JsonObject;
      if (namespace !== undefined && !k.startsWith(`${namespace}/`)) continue;
      if (!filter || filter(o)) out.push(clone(o));
    }
    return out;
  }

  /** Read-only walk over every stored object (no copies: callers must not mutate). */
  *entries(): Generator<{ resource: string; object: JsonObject }> {
    for (const [resource, t] of this.objects)
      for (const object of t.values()) yield { resource, object };
  }

  count(resource: string, namespace: string): number {
    let n = 0;
    for (const k of this.objects.get(resource)?.keys() ?? [])
      if (k.startsWith(`${namespace}/`)) n++;
    return n;
  }

  resources(): string[] {
    return [...this.objects.keys()];
  }

  /** Stores `obj` with the next resourceVersion and notifies watchers; returns the stored copy. */
  put(resource: string, obj: JsonObject, type: 'ADDED' | 'MODIFIED'): JsonObject {
    this.rv++;
    const stored = clone(obj);
    const meta = child(stored, 'metadata') as JsonObject;
    meta.resourceVersion = String(this.rv);
    const table = this.table(resource);
    const prev = table.get(keyOf(stored));
    table.set(keyOf(stored), stored);
    this.emit({
      type,
      resource,
      object: stored,
      rv: this.rv,
      ...(prev && type === 'MODIFIED' ? { prev } : {}),
    });
    return clone(stored);
  }

  /** Removes the object; the DELETED event carries a new resourceVersion, as etcd does. */
  remove(resource: string, obj: JsonObject): JsonObject {
    this.rv++;
    const stored = clone(obj);
    (child(stored, 'metadata') as JsonObject).resourceVersion = String(this.rv);
    this.table(resource).delete(keyOf(stored));
    this.emit({ type: 'DELETED', resource, object: stored, rv: this.rv });
    return clone(stored);
  }

  private emit(ev: StoreEvent): void {
    this.history.push(ev);
    // Trimmed in batches, so a full history does not cost a shift on every write.
    if (this.history.length > this.historyLimit + Math.ceil(this.historyLimit / 4)) {
      this.history.splice(0, this.history.length - this.historyLimit);
    }
    const byNs = this.watchers.get(ev.resource);
    if (byNs) {
      const ns = keyOf(ev.object).split('/')[0] ?? '';
      for (const w of byNs.get('') ?? []) deliver(w, ev);
      if (ns !== '') for (const w of byNs.get(ns) ?? []) deliver(w, ev);
    }
    for (const l of this.listeners) l(ev);
  }

  /** Oldest resourceVersion a watch may resume from. */
  oldestRv(): number {
    return this.history.length ? this.history[0].rv - 1 : this.rv;
  }

  /**
   * Registers a watch. Replay and registration happen synchronously, so no event is lost or
   * duplicated between them. Throws 410 Gone for a compacted resourceVersion.
   */
  watch(opts: WatchOptions): () => void {
    if (opts.fromRv === undefined || opts.fromRv === 0) {
      for (const o of this.list(opts.resource, opts.namespace)) {
        if (opts.filter(o)) {
          opts.send({
            type: 'ADDED',
            resource: opts.resource,
            object: o,
            rv: Number(child(o, 'metadata')?.resourceVersion),
          });
        }
      }
    } else {
      if (opts.fromRv < this.oldestRv()) {
        throw gone(`too old resource version: ${opts.fromRv} (${this.oldestRv() + 1})`);
      }
      for (const ev of this.history) if (ev.rv > opts.fromRv) deliver(opts, ev);
    }
    const ns = opts.namespace ?? '';
    let byNs = this.watchers.get(opts.resource);
    if (!byNs) this.watchers.set(opts.resource, (byNs = new Map()));
    let set = byNs.get(ns);
    if (!set) byNs.set(ns, (set = new Set()));
    set.add(opts);
    return () => {
      set.delete(opts);
      if (set.size === 0 && byNs.get(ns) === set) byNs.delete(ns);
      if (byNs.size === 0 && this.watchers.get(opts.resource) === byNs)
        this.watchers.delete(opts.resource);
    };
  }

  /** Open watches (for tests and diagnostics). */
  watchCount(): number {
    let n = 0;
    for (const byNs of this.watchers.values()) for (const set of byNs.values()) n += set.size;
    return n;
  }

  /** Internal listeners (controllers); called synchronously after each change. */
  listen(fn: (ev: StoreEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

/**
 * Sends one change to a watcher as the watch cache does: an object that starts matching the
 * watch's selector arrives as ADDED, one that stops matching as DELETED.
 */
function deliver(w: WatchOptions, ev: StoreEvent): void {
  if (w.resource !== ev.resource) return;
  if (w.namespace !== undefined && keyOf(ev.object).split('/')[0] !== w.namespace) return;
  const now = w.filter(ev.object);
  const before = ev.type === 'MODIFIED' && ev.prev !== undefined ? w.filter(ev.prev) : now;
  let type: EventType = ev.type;
  if (ev.type === 'MODIFIED' && now !== before) type = now ? 'ADDED' : 'DELETED';
  else if (!now) return;
  w.send({ type, resource: ev.resource, object: clone(ev.object), rv: ev.rv });
}
