/**
 * The Kubernetes edge as the rest of hookline sees it (docs/style.md sections 4 and 5): one
 * KubeClient interface, our own error types and resource references. The only implementation
 * over a real API server is node-client.ts (the single importer of @kubernetes/client-node);
 * tests above this layer use a fake. Objects travel as plain JSON exactly as the API server
 * sends and receives them: nothing is dropped or renamed (CRD `x-kubernetes-*` fields, unknown
 * fields, timestamps stay strings).
 */

/** Object metadata fields hookline reads; everything else is kept as sent. */
export interface KubeMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  resourceVersion?: string;
  uid?: string;
  generation?: number;
  creationTimestamp?: string;
  ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string }>;
  [field: string]: unknown;
}

/** Any Kubernetes object as raw JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeMeta;
  [field: string]: unknown;
}

/** Names one object; `namespace` is omitted for cluster-scoped kinds (or means the default). */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** The reference of an object (its apiVersion, kind, name and namespace). */
export function refOf(obj: KubeObject): ResourceRef {
  const ref: ResourceRef = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name };
  if (obj.metadata.namespace !== undefined) ref.namespace = obj.metadata.namespace;
  return ref;
}

/** `Kind name` (or `Kind namespace/name`), as culprits and errors name objects. */
export function describeRef(ref: ResourceRef, opts: { withNamespace?: boolean } = {}): string {
  const ns = opts.withNamespace && ref.namespace ? `${ref.namespace}/` : '';
  return `${ref.kind} ${ns}${ref.name}`;
}

/** A `Status` body's essentials (metav1.Status): reason such as `NotFound`, message, code. */
export interface ApiStatus {
  code: number;
  reason: string;
  message: string;
}

/** One field error of an Invalid (422) Status: `status.details.causes[]`. */
export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** What a failed request said beyond its Status: the HTTP code and a `Retry-After`. */
export interface KubeErrorDetails {
  /** The HTTP status code (also when the server sent no Status body). */
  code?: number;
  /** The `Retry-After` header in seconds, when the server sent one. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** Base of every API error; `status` is the server's Status when it sent one. */
export class KubeError extends Error {
  readonly code: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(
    message: string,
    readonly status?: ApiStatus,
    details: KubeErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = details.code ?? status?.code;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
/** HTTP 404, or a kind the server does not serve (`no matches for kind`). */
export class NotFoundError extends KubeError {}
/** HTTP 409 with reason AlreadyExists (create of a taken name). */
export class AlreadyExistsError extends KubeError {}
/** HTTP 409 otherwise: resourceVersion or apply conflicts. */
export class ConflictError extends KubeError {}
/** HTTP 422 (and 400 BadRequest): the object was rejected; `causes` name the fields. */
export class InvalidError extends KubeError {
  constructor(
    message: string,
    status: ApiStatus | undefined,
    readonly causes: StatusCause[],
  ) {
    super(message, status);
  }
}
/** HTTP 410: a watch's resourceVersion is too old; re-list. */
export class GoneError extends KubeError {}
/** Why a request got no HTTP answer; `reset` and `timeout` may have reached the server. */
export type UnreachableReason = 'refused' | 'reset' | 'timeout' | 'tls' | 'dns' | 'other';

/** No HTTP answer at all (connection refused, DNS, TLS, timeout). */
export class UnreachableError extends KubeError {
  constructor(
    message: string,
    readonly reason: UnreachableReason = 'other',
    options: { cause?: unknown } = {},
  ) {
    super(message, undefined, options);
  }
}
/** HTTP 401 or 403: the credentials are missing, wrong or not allowed to do this. */
export class ForbiddenError extends KubeError {}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  /** Defaults to the server's choice for the kind. */
  propagation?: PropagationPolicy;
  /** When true a missing object (or kind) is not an error: delete resolves to false. */
  ignoreNotFound?: boolean;
}

export interface ApplyOptions {
  /** Field manager; default `helm`, as Helm 3 and 4 name it (design decision 8). */
  fieldManager?: string;
  /** Take over fields other managers own (`--force-conflicts`); default false. */
  force?: boolean;
}

/**
 * The patch types of PATCH: `strategic` (application/strategic-merge-patch+json, built-in
 * kinds only), `merge` (application/merge-patch+json, RFC 7386), `json` (RFC 6902).
 */
export type PatchType = 'strategic' | 'merge' | 'json';

/** The server's version (GET /version), as Helm's KubeVersion takes it. */
export interface ServerVersion {
  /** `v1.20.2` */
  gitVersion: string;
  /** `1` */
  major: string;
  /** `20` (providers may add a suffix, e.g. `21+`) */
  minor: string;
}

/** One group/version's resources (an APIResourceList), subresources included. */
export interface DiscoveredResources {
  /** `apps/v1`, `v1` for the core group. */
  groupVersion: string;
  /** The kind of each resource entry, in the server's order (`Deployment`, `Scale`, ...). */
  kinds: string[];
}

/**
 * What discovery tells (client-go's ServerVersion plus ServerGroupsAndResources): every
 * group/version of `/api` and `/apis`, the resources of each one that could be read, and the
 * ones that could not (client-go's ErrGroupDiscoveryFailed, e.g. an orphaned APIService).
 */
export interface ServerDiscovery {
  version: ServerVersion;
  groupVersions: string[];
  resources: DiscoveredResources[];
  failed: Array<{ groupVersion: string; message: string }>;
}

export interface ListQuery {
  apiVersion: string;
  kind: string;
  /** Omitted: all namespaces (or cluster-scoped kinds). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ObjectList {
  items: KubeObject[];
  /** The list's resourceVersion, where a watch resumes. */
  resourceVersion: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchQuery extends ListQuery {
  /** Resume point (from a list or a previous event); omitted: from now. */
  resourceVersion?: string;
}

export interface LogOptions {
  container?: string;
  tailLines?: number;
}

/** A core/v1 Event about an object, reduced to what reports show. */
export interface KubeEvent {
  type: string;
  reason: string;
  message: string;
  count: number;
  lastTimestamp?: string;
  /** When the event was first seen (orders events sharing a lastTimestamp second). */
  firstTimestamp?: string;
  /** involvedObject.uid: tells an object from an earlier, deleted one of the same name. */
  uid?: string;
  /**
   * The event's resourceVersion as a number when it is one (etcd's revision of its last write):
   * orders events whose lastTimestamp falls in the same second.
   */
  sequence?: number;
}

/** A namespaced, typed store of Secrets or ConfigMaps (CoreV1Api), for storage adapters. */
export interface CoreObjects<T> {
  /** POST; AlreadyExistsError when the name is taken. */
  create(obj: T): Promise<T>;
  /** GET; NotFoundError when absent. */
  get(name: string): Promise<T>;
  /** PUT without precondition; NotFoundError when absent. */
  update(obj: T): Promise<T>;
  /** DELETE; NotFoundError when absent. */
  delete(name: string): Promise<void>;
  list(labelSelector?: string): Promise<T[]>;
}

/** A Secret as the API carries it: `data` values are base64 of the bytes. */
export interface WireSecret {
  metadata: KubeMeta;
  type?: string;
  data?: Record<string, string>;
}

export interface WireConfigMap {
  metadata: KubeMeta;
  data?: Record<string, string>;
}

/**
 * Every call hookline makes to a cluster. Errors are the KubeError subclasses above; every
 * other rejection is a bug in the caller (for example a manifest without `kind`).
 */
export interface KubeClient {
  /**
   * Told what is still not done, every WaitOptions.progressEveryMs (10 s) of a wait, when set
   * (the action's step log; waits also take `progress` directly).
   */
  readonly waitProgress?: (pending: readonly string[]) => void;
  /** The namespace used when a namespaced object or query names none. */
  readonly defaultNamespace: string;
  /** POST the object as given (field manager `helm`); AlreadyExistsError / InvalidError / NotFoundError (kind). */
  create(obj: KubeObject): Promise<KubeObject>;
  /** GET one object; NotFoundError when it (or its kind) does not exist. */
  get(ref: ResourceRef): Promise<KubeObject>;
  /** Server-side apply (`application/apply-patch+yaml`, JSON body; conflicts forced on request). */
  apply(obj: KubeObject, opts?: ApplyOptions): Promise<KubeObject>;
  /** PATCH with the given patch type (field manager `helm`); NotFoundError when absent. */
  patch(ref: ResourceRef, patch: unknown, type: PatchType): Promise<KubeObject>;
  /** PUT the whole object (Helm 3's `--force` replace); NotFoundError when absent. */
  replace(obj: KubeObject): Promise<KubeObject>;
  /**
   * The server version and its groups and resources. A group/version whose resources cannot
   * be read is listed in `failed`; any other failure rejects.
   */
  discover(): Promise<ServerDiscovery>;
  /** GET /version: the server's version (a client may answer from its reachability check). */
  serverVersion(): Promise<ServerVersion>;
  /**
   * GET /openapi/v2 (JSON, gzip on the wire as Go's client asks for it): the server's OpenAPI
   * v2 document, parsed. Client-side validation reads it (kube/openapi-models.ts).
   */
  openApiV2(): Promise<unknown>;
  /** DELETE; resolves true when a deletion was requested, false when ignored as missing. */
  delete(ref: ResourceRef, opts?: DeleteOptions): Promise<boolean>;
  list(query: ListQuery): Promise<ObjectList>;
  /**
   * One watch stream: calls `onEvent` per event until the server or the client-side idle
   * timeout (about 30 s) ends it, then resolves. Rejects with GoneError when the
   * resourceVersion is too old; `signal` aborts the stream (resolves).
   */
  watch(
    query: WatchQuery,
    onEvent: (type: WatchEventType, obj: KubeObject) => void,
    signal?: AbortSignal,
  ): Promise<void>;
  /** The text of a pod's log (all of it, or the last `tailLines` lines). */
  podLogs(namespace: string, pod: string, opts?: LogOptions): Promise<string>;
  /** Events whose involvedObject is `ref`, oldest first. */
  eventsFor(ref: ResourceRef): Promise<KubeEvent[]>;
  /** Creates the namespace unless it exists; resolves true when it was created. */
  ensureNamespace(name: string): Promise<boolean>;
  /** Whether the API server answers (GET /version or discovery). */
  isReachable(): Promise<boolean>;
  /**
   * Why the API server does not answer (the error of GET /version), or undefined when it does.
   * Optional: clients without it are described by isReachable alone (see kube/reachable.ts).
   */
  unreachableCause?(): Promise<Error | undefined>;
  secrets(namespace: string): CoreObjects<WireSecret>;
  configMaps(namespace: string): CoreObjects<WireConfigMap>;
}
