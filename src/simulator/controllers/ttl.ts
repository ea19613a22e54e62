/**
 * TTL after finished (pkg/controller/ttlafterfinished): a finished Job with
 * `ttlSecondsAfterFinished` is deleted (foreground) that many seconds after it finished.
 */
import type { ResourceType } from '../discovery.js';
import { deleteObject } from '../deletion.js';
import { child, num, str, type JsonObject } from '../json.js';
import type { Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import { jobFinished } from './job-state.js';
import { QueuedController } from './controller.js';

export class TtlController extends QueuedController {
  private readonly jobType: ResourceType;
  private readonly armed = new Set<string>();

  constructor(reg: Registry) {
    super(reg);
    this.jobType = reg.catalogue.lookup('batch', 'v1', 'jobs') as ResourceType;
  }

  protected onEvent(ev: StoreEvent): void {
    if (ev.resource !== 'batch/jobs') return;
    const meta = child(ev.object, 'metadata') as JsonObject;
    const key = `${str(meta, 'namespace')}/${str(meta, 'name')}/${str(meta, 'uid')}`;
    if (ev.type === 'DELETED') {
      this.armed.delete(key);
      return;
    }
    const ttl = num(child(ev.object, 'spec'), 'ttlSecondsAfterFinished');
    if (ttl === undefined || !jobFinished(ev.object) || this.armed.has(key)) return;
    this.armed.add(key);
    this.queue.after(key, ttl * 1000);
  }

  /** Deletes the Job a key names once its TTL has run out (if it is still the same Job). */
  protected sync(key: string): void {
    const [ns, name, uid] = key.split('/');
    const job = this.reg.find(this.jobType, ns, name);
    if (!job || str(child(job, 'metadata'), 'uid') !== uid) return;
    deleteObject(this.reg, this.jobType, ns, name, { propagationPolicy: 'Foreground' });
  }
}
