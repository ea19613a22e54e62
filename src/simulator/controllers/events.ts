/**
 * Event recording (client-go tools/record): one core/v1 Event per (object, reason, message),
 * repeated occurrences bump `count` and `lastTimestamp` as the event correlator does.
 */
import { randomBytes } from 'node:crypto';
import type { ResourceType } from '../discovery.js';
import { ApiError } from '../errors.js';
import { child, rfc3339, str, type JsonObject } from '../json.js';
import { internalContext, type Registry } from '../registry.js';

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventRecord {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

export class EventRecorder {
  private readonly eventType: ResourceType;
  private readonly seen = new Map<string, string>();

  constructor(private readonly reg: Registry) {
    this.eventType = reg.catalogue.lookup('', 'v1', 'events') as ResourceType;
  }

  record(obj: JsonObject, source: EventSource, ev: EventRecord): void {
    const meta = child(obj, 'metadata');
    const ns = str(meta, 'namespace') || 'default';
    const name = str(meta, 'name') ?? '';
    const uid = str(meta, 'uid') ?? '';
    const key = `${uid}\u0000${ev.reason}\u0000${ev.message}\u0000${ev.fieldPath ?? ''}`;
    const now = rfc3339(this.reg.clock.now());
    try {
      const existing = this.seen.get(key);
      const current = existing ? this.reg.find(this.eventType, ns, existing) : undefined;
      if (current) {
        current.count = Number(current.count ?? 1) + 1;
        current.lastTimestamp = now;
        delete (current.metadata as JsonObject).resourceVersion;
        this.reg.update(
          this.eventType,
          ns,
          existing as string,
          current,
          internalContext(source.component),
        );
        return;
      }
      const eventName = `${name}.${randomBytes(8).toString('hex')}`;
      const involved: JsonObject = {
        kind: str(obj, 'kind') ?? '',
        namespace: ns,
        name,
        uid,
        apiVersion: str(obj, 'apiVersion') ?? '',
        resourceVersion: str(meta, 'resourceVersion') ?? '',
      };
      if (ev.fieldPath) involved.fieldPath = ev.fieldPath;
      this.reg.create(
        this.eventType,
        ns,
        {
          metadata: { name: eventName, namespace: ns },
          involvedObject: involved,
          reason: ev.reason,
          message: ev.message,
          source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          type: ev.type,
          eventTime: null,
          reportingComponent: source.component,
          reportingInstance: source.host ?? '',
        },
        internalContext(source.component),
      );
      this.seen.set(key, eventName);
    } catch (err) {
      // A namespace being terminated refuses new events, as on a real cluster.
      if (!(err instanceof ApiError)) throw err;
    }
  }
}
