/**
 * Namespace lifecycle (pkg/controller/namespace): the built-in namespaces exist from the start;
 * a deleted namespace stays `Terminating` while its content is deleted, then goes away once
 * empty and its `kubernetes` finalizer is removed.
 */
import { Sweep } from './controllers/queue.js';
import type { ResourceType } from './discovery.js';
import { deleteObject } from './deletion.js';
import { child, str, type JsonObject } from './json.js';
import { internalContext, resourceKey, type Registry } from './registry.js';
import { guarded } from './report.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class NamespaceController {
  private readonly sweep = new Sweep('namespace controller', () => this.run());
  private readonly unlisten: () => void;
  private readonly nsType: ResourceType;

  constructor(private readonly reg: Registry) {
    this.nsType = reg.catalogue.lookup('', 'v1', 'namespaces') as ResourceType;
    for (const name of SYSTEM_NAMESPACES) {
      reg.create(this.nsType, '', { metadata: { name } }, internalContext('kube-apiserver'));
    }
    this.unlisten = reg.store.listen(() => this.sweep.schedule());
  }

  stop(): void {
    this.sweep.stop();
    this.unlisten();
  }

  private terminating(): string[] {
    return this.reg.store
      .list(resourceKey(this.nsType))
      .filter((ns) => child(ns, 'metadata')?.deletionTimestamp)
      .map((ns) => str(child(ns, 'metadata'), 'name') ?? '');
  }

  private run(): void {
    for (const ns of this.terminating()) this.drain(ns);
  }

  private drain(ns: string): void {
    let remaining = 0;
    for (const t of this.reg.catalogue.all()) {
      if (!t.namespaced) continue;
      for (const obj of this.reg.store.list(resourceKey(t), ns)) {
        remaining++;
        const meta = child(obj, 'metadata') as JsonObject;
        if (meta.deletionTimestamp) continue;
        guarded('namespace controller', () =>
          deleteObject(this.reg, t, ns, str(meta, 'name') ?? '', {
            propagationPolicy: 'Background',
          }),
        );
      }
    }
    if (remaining === 0) this.finish(ns);
  }

  private finish(ns: string): void {
    const obj = this.reg.find(this.nsType, '', ns);
    if (!obj) return;
    const spec = child(obj, 'spec');
    if (spec) spec.finalizers = [];
    const finalizers = child(obj, 'metadata')?.finalizers;
    if (Array.isArray(finalizers) && finalizers.length) return;
    this.reg.store.remove(resourceKey(this.nsType), obj);
  }
}
