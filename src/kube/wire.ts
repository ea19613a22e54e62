/**
 * Pure conversions between the API server's JSON for Secrets, ConfigMaps and Events and
 * kube/client.ts's wire shapes, and the parsing of a failed request's Status body. The shapes
 * are those client-node's typed CoreV1Api calls produced before issue 10 (the same fields,
 * timestamps at second precision), now read from raw JSON.
 */
import type {
  ApiStatus,
  KubeEvent,
  KubeMeta,
  StatusCause,
  WireConfigMap,
  WireSecret,
} from './client.js';

/** The ObjectMeta fields read or written here. */
export interface RawMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  resourceVersion?: string;
  uid?: string;
  creationTimestamp?: string;
}

/**
 * The core/v1 Event fields a report shows. The server writes a zero Time or MicroTime as null
 * (an event recorded through events.k8s.io has only eventTime).
 */
export interface RawEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  firstTimestamp?: string | null;
  involvedObject?: { uid?: string };
  metadata?: { resourceVersion?: string };
}

/**
 * A server timestamp (RFC 3339, or a MicroTime with microseconds) at second precision, as
 * the API server writes Time: `2024-05-01T10:00:00Z`.
 */
export function timestamp(t: string | null | undefined): string | undefined {
  return t === undefined || t === null
    ? undefined
    : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function meta(m: RawMeta | undefined): KubeMeta {
  const out: KubeMeta = { name: m?.name ?? '' };
  if (m?.namespace !== undefined) out.namespace = m.namespace;
  if (m?.labels !== undefined) out.labels = m.labels;
  if (m?.annotations !== undefined) out.annotations = m.annotations;
  if (m?.resourceVersion !== undefined) out.resourceVersion = m.resourceVersion;
  if (m?.uid !== undefined) out.uid = m.uid;
  const created = timestamp(m?.creationTimestamp);
  if (created !== undefined) out.creationTimestamp = created;
  return out;
}

/** A wire Secret/ConfigMap as written: the metadata a client sets (server-owned fields dropped). */
export function writable<T extends { metadata: KubeMeta }>(
  obj: T,
): Omit<T, 'metadata'> & { metadata: RawMeta } {
  const { name, namespace, labels, annotations, resourceVersion } = obj.metadata;
  return { ...obj, metadata: { name, namespace, labels, annotations, resourceVersion } };
}

export function wireSecret(s: {
  metadata?: RawMeta;
  type?: string;
  data?: Record<string, string>;
}): WireSecret {
  const out: WireSecret = { metadata: meta(s.metadata) };
  if (s.type !== undefined) out.type = s.type;
  if (s.data !== undefined) out.data = s.data;
  return out;
}

export function wireConfigMap(c: {
  metadata?: RawMeta;
  data?: Record<string, string>;
}): WireConfigMap {
  const out: WireConfigMap = { metadata: meta(c.metadata) };
  if (c.data !== undefined) out.data = c.data;
  return out;
}

export function toKubeEvent(e: RawEvent): KubeEvent {
  const ev: KubeEvent = {
    type: e.type ?? '',
    reason: e.reason ?? '',
    message: e.message ?? '',
    count: e.count ?? 1,
  };
  const last = timestamp(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp);
  if (last !== undefined) ev.lastTimestamp = last;
  const first = timestamp(e.firstTimestamp ?? e.eventTime ?? e.lastTimestamp);
  if (first !== undefined) ev.firstTimestamp = first;
  if (e.involvedObject?.uid) ev.uid = e.involvedObject.uid;
  const rv = e.metadata?.resourceVersion;
  if (rv !== undefined && /^\d+$/.test(rv)) ev.sequence = Number(rv);
  return ev;
}

/** The Status body of a failed request, when the server sent one. */
export function parseStatus(
  code: number,
  raw: unknown,
): { status?: ApiStatus; causes: StatusCause[] } {
  let body: unknown = raw;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = undefined;
    }
  }
  const b = body as
    | { kind?: string; reason?: string; message?: string; details?: { causes?: StatusCause[] } }
    | undefined;
  if (b?.kind !== 'Status') return { causes: [] };
  const status = { code, reason: b.reason ?? '', message: b.message ?? '' };
  const causes = (b.details?.causes ?? []).map((c) => ({
    reason: c.reason ?? '',
    message: c.message ?? '',
    field: c.field ?? '',
  }));
  return { status, causes };
}
