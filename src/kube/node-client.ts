/**
 * The one module that imports @kubernetes/client-node (design.md section 2, style.md section 4).
 * It keeps what the client earns its place with: KubeConfig (kubeconfig parsing, contexts,
 * auth: tokens, client certificates, exec plugins, OIDC; its TLS and proxy dispatcher), its
 * request layer and Watch. Every request, for rendered manifests and for Secrets, ConfigMaps,
 * logs, events and the version alike, is raw JSON through one function on that request layer
 * (node-client-internals.ts, RawApi), with our own discovery of resource paths: the client's
 * generated models, ObjectSerializer and typed API classes drop what they do not know (CRD
 * `x-kubernetes-*`, `enum`), turn timestamps into Dates, and cost most of its evaluation time
 * (issue 10), so nothing imports them and the bundle leaves them out.
 * ApiException and network failures become kube/client.ts errors here and nowhere else.
 */
import { ApiException, HttpMethod, KubeConfig, PatchStrategy } from '@kubernetes/client-node';
import type {
  ApplyOptions,
  CoreObjects,
  PatchType,
  ServerDiscovery,
  ServerVersion,
  DeleteOptions,
  KubeClient,
  KubeEvent,
  KubeObject,
  ListQuery,
  LogOptions,
  ObjectList,
  ResourceRef,
  WatchEventType,
  WatchQuery,
  WireConfigMap,
  WireSecret,
  KubeMeta,
} from './client.js';
import { NotFoundError } from './client.js';
import { discoverServer, serverVersionOf } from './node-client-discovery.js';
import { NodeWatch } from './node-client-watch.js';
import type { OpenApiCache } from './openapi-cache.js';
import { reducedDocument } from './openapi-models.js';
import { checkKubeconfig, KubeconfigError, sourceLabel } from './kubeconfig-errors.js';
import type { KubeconfigSource } from './kubeconfig-errors.js';
import type { RawRequest } from './node-client-internals.js';
import { RawApi, shareConnections } from './node-client-internals.js';
import { isTimeout, mapped, statusCode, toKubeError } from './node-client-errors.js';
import { asError, errorText } from '../util/errors.js';
import type { RawEvent, RawMeta } from './wire.js';
import { toKubeEvent, wireConfigMap, wireSecret, writable } from './wire.js';

export interface NodeClientOptions {
  /** A kubeconfig document (YAML or JSON). */
  kubeconfig: string;
  /** Context to use instead of the current one. */
  context?: string;
  /** Where the kubeconfig came from, for error messages (never its content). */
  source?: KubeconfigSource;
  /**
   * Milliseconds one request may take before it is abandoned (a server that accepts and never
   * answers); watches are exempt. Default 30 s; 0 = none.
   */
  requestTimeoutMs?: number;
  /**
   * false: every request through client-node's fetch (undici), as before the node:http(s)
   * transport (node-client-transport.ts); the tests hold the two to the same results.
   */
  nodeTransport?: boolean;
  /** Where /openapi/v2 is kept between commands (openapi-cache.ts); none by default. */
  openApiCache?: OpenApiCache;
  /**
   * Told the text of each warning the server sends (a deprecated API, an unknown field a 1.25+
   * server dropped), as client-go's default handler shows them for Helm; ignored by default.
   */
  onWarning?: (text: string) => void;
}

/** The default per-request timeout (watches excepted). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** A KubeConfig whose every API request (not watches) carries a timeout signal. */
class TimedKubeConfig extends KubeConfig {
  requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;

  override async applySecurityAuthentication(
    context: Parameters<KubeConfig['applySecurityAuthentication']>[0],
  ): Promise<void> {
    await super.applySecurityAuthentication(context);
    if (this.requestTimeoutMs > 0) context.setSignal(AbortSignal.timeout(this.requestTimeoutMs));
  }
}

/**
 * The field manager of every write, as Helm 3 and Helm 4 set it (`kube.ManagedFieldsManager =
 * "helm"` in cmd/helm; design decision 8), so both tools own the same fields.
 */
export const FIELD_MANAGER = 'helm';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  strategic: PatchStrategy.StrategicMergePatch,
  merge: PatchStrategy.MergePatch,
  json: PatchStrategy.JsonPatch,
};

/** Builds a KubeClient for the kubeconfig's (or the given) context. */
export function createNodeClient(opts: NodeClientOptions): KubeClient {
  const kc = new TimedKubeConfig();
  if (opts.requestTimeoutMs !== undefined) kc.requestTimeoutMs = opts.requestTimeoutMs;
  const source = opts.source ?? {};
  checkKubeconfig(opts.kubeconfig, source);
  try {
    kc.loadFromString(opts.kubeconfig);
  } catch (err) {
    // client-node's own checks (`clusters[0].name is missing`) carry no content; parser
    // errors, which would, were caught above.
    const reason = errorText(err).split('\n')[0] ?? '';
    throw new KubeconfigError(`${sourceLabel(source)}: ${reason}`);
  }
  if (opts.context !== undefined) kc.setCurrentContext(opts.context);
  const context = kc.getCurrentContext();
  if (context && !kc.getContextObject(context))
    throw new KubeconfigError(
      `Kubernetes cluster unreachable: context ${JSON.stringify(context)} does not exist`,
    );
  shareConnections(kc, { nodeTransport: opts.nodeTransport });
  return new NodeKubeClient(kc, opts);
}

class NodeKubeClient implements KubeClient {
  private readonly objects: RawApi;
  private readonly watcher: NodeWatch;
  private version: Promise<ServerVersion> | undefined;
  /** The cluster's URL: the key of its cached OpenAPI document. */
  private readonly server: string;

  private readonly openApiCache: OpenApiCache | undefined;

  constructor(kc: KubeConfig, opts: Pick<NodeClientOptions, 'openApiCache' | 'onWarning'>) {
    this.objects = new RawApi(kc, opts.onWarning);
    this.openApiCache = opts.openApiCache;
    this.watcher = new NodeWatch(kc);
    this.server = kc.getCurrentCluster()?.server ?? '';
  }

  get defaultNamespace(): string {
    return this.objects.namespace;
  }

  /** One request, its failure as a kube/client.ts error. */
  private send(path: string, req: RawRequest): Promise<unknown> {
    return mapped(this.objects.send(path, req));
  }

  async create(obj: KubeObject): Promise<KubeObject> {
    const path = await this.objects.pathOf(refFields(obj), 'create');
    const query = { fieldManager: FIELD_MANAGER };
    return (await this.send(path, { method: HttpMethod.POST, query, body: obj })) as KubeObject;
  }

  async get(ref: ResourceRef): Promise<KubeObject> {
    const path = await this.objects.pathOf(ref, 'read');
    return (await this.send(path, { method: HttpMethod.GET })) as KubeObject;
  }

  async apply(obj: KubeObject, opts: ApplyOptions = {}): Promise<KubeObject> {
    const path = await this.objects.pathOf(refFields(obj), 'patch');
    const query = {
      fieldManager: opts.fieldManager ?? FIELD_MANAGER,
      force: String(opts.force ?? false),
    };
    const req = {
      method: HttpMethod.PATCH,
      query,
      body: obj,
      contentType: PatchStrategy.ServerSideApply,
    };
    return (await this.send(path, req)) as KubeObject;
  }

  async patch(ref: ResourceRef, patch: unknown, type: PatchType): Promise<KubeObject> {
    const path = await this.objects.pathOf(ref, 'patch');
    const req = {
      method: HttpMethod.PATCH,
      query: { fieldManager: FIELD_MANAGER },
      body: patch,
      contentType: PATCH_CONTENT_TYPES[type],
    };
    return (await this.send(path, req)) as KubeObject;
  }

  /** resource.Helper.Replace with overwrite: the live resourceVersion unless the object has one. */
  async replace(obj: KubeObject): Promise<KubeObject> {
    const path = await this.objects.pathOf(refFields(obj), 'replace');
    let body = obj;
    if (!obj.metadata.resourceVersion) {
      const live = (await this.send(path, { method: HttpMethod.GET })) as KubeObject;
      body = {
        ...obj,
        metadata: { ...obj.metadata, resourceVersion: live.metadata.resourceVersion },
      };
    }
    const query = { fieldManager: FIELD_MANAGER };
    return (await this.send(path, { method: HttpMethod.PUT, query, body })) as KubeObject;
  }

  discover(): Promise<ServerDiscovery> {
    return discoverServer((path) => this.send(path, { method: HttpMethod.GET }), {
      onResources: (groupVersion, resources) =>
        this.objects.rememberResources(groupVersion, resources),
    });
  }

  async delete(ref: ResourceRef, opts: DeleteOptions = {}): Promise<boolean> {
    try {
      const path = await this.objects.pathOf(ref, 'delete');
      const query = { propagationPolicy: opts.propagation };
      await this.send(path, { method: HttpMethod.DELETE, query });
      return true;
    } catch (err) {
      if (opts.ignoreNotFound && err instanceof NotFoundError) return false;
      throw err;
    }
  }

  async list(q: ListQuery): Promise<ObjectList> {
    const path = await this.objects.pathOf(q, 'list');
    const query = { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector };
    const body = (await this.send(path, { method: HttpMethod.GET, query })) as {
      items?: KubeObject[];
      metadata?: { resourceVersion?: string };
    };
    // List items carry no apiVersion/kind on the wire; restore them for the caller.
    const items = (body.items ?? []).map((o) => ({ ...o, apiVersion: q.apiVersion, kind: q.kind }));
    return { items, resourceVersion: body.metadata?.resourceVersion ?? '' };
  }

  async watch(
    q: WatchQuery,
    onEvent: (type: WatchEventType, obj: KubeObject) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const path = await this.objects.pathOf(q, 'list');
    const query: Record<string, string | boolean> = { allowWatchBookmarks: true };
    if (q.labelSelector) query.labelSelector = q.labelSelector;
    if (q.fieldSelector) query.fieldSelector = q.fieldSelector;
    if (q.resourceVersion) query.resourceVersion = q.resourceVersion;
    await new Promise<void>((resolve, reject) => {
      let failure: Error | undefined;
      const onData = (type: string, obj: unknown): void => {
        if (type === 'ERROR')
          failure ??= toKubeError(
            new ApiException(statusCode(obj), 'watch', JSON.stringify(obj), {}),
          );
        else onEvent(type as WatchEventType, obj as KubeObject);
      };
      const onDone = (err: unknown): void => {
        if (failure) reject(failure);
        else if (err === null || err === undefined || isTimeout(err) || signal?.aborted) resolve();
        else reject(toKubeError(err));
      };
      this.watcher.watch(path, query, onData, onDone).then(
        (ctl) => {
          if (signal?.aborted) ctl.abort();
          else signal?.addEventListener('abort', () => ctl.abort(), { once: true });
        },
        (err: unknown) => reject(toKubeError(err)),
      );
    });
  }

  async podLogs(namespace: string, pod: string, opts: LogOptions = {}): Promise<string> {
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`;
    const query = {
      container: opts.container,
      tailLines: opts.tailLines === undefined ? undefined : String(opts.tailLines),
    };
    const req = { method: HttpMethod.GET, query, accept: ACCEPT_ANY, response: 'text' as const };
    return (await this.send(path, req)) as string;
  }

  async eventsFor(ref: ResourceRef): Promise<KubeEvent[]> {
    const namespace = ref.namespace ?? this.defaultNamespace;
    const fieldSelector = `involvedObject.name=${ref.name},involvedObject.kind=${ref.kind}`;
    const list = (await this.send(`${core(namespace)}/events`, {
      method: HttpMethod.GET,
      query: { fieldSelector },
      accept: ACCEPT_ANY,
    })) as { items?: RawEvent[] } | undefined;
    return (list?.items ?? [])
      .map(toKubeEvent)
      .sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''));
  }

  async ensureNamespace(name: string): Promise<boolean> {
    try {
      await this.send(`/api/v1/namespaces/${encodeURIComponent(name)}`, {
        method: HttpMethod.GET,
        accept: ACCEPT_ANY,
      });
      return false;
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
    await this.send('/api/v1/namespaces', {
      method: HttpMethod.POST,
      body: { metadata: { name } },
      accept: ACCEPT_ANY,
    });
    return true;
  }

  async isReachable(): Promise<boolean> {
    return (await this.unreachableCause()) === undefined;
  }

  async unreachableCause(): Promise<Error | undefined> {
    try {
      await this.serverVersion();
      return undefined;
    } catch (err) {
      return asError(err);
    }
  }

  /** The /version answer, kept once read (every command reads it first to check reachability). */
  serverVersion(): Promise<ServerVersion> {
    if (!this.version) {
      const read = this.send('/version/', { method: HttpMethod.GET, accept: ACCEPT_ANY });
      this.version = read.then(serverVersionOf);
      this.version.catch(() => (this.version = undefined));
    }
    return this.version;
  }

  /** Revalidated against the cached copy when there is one (a 304 answers from the cache). */
  async openApiV2(): Promise<unknown> {
    const cached = this.openApiCache?.read(this.server);
    const got = await mapped(
      this.objects.getIfChanged('/openapi/v2', {
        acceptEncoding: 'gzip',
        ...(cached ? { etag: cached.etag } : {}),
      }),
    );
    if (got === 'unchanged') return cached!.document;
    const document: unknown = JSON.parse(got.text);
    if (!this.openApiCache || !got.etag) return document;
    const reduced = reducedDocument(document);
    this.openApiCache.write(this.server, { etag: got.etag, document: reduced });
    return reduced;
  }

  secrets(namespace: string): CoreObjects<WireSecret> {
    const objects = this.coreCollection<WireSecret>(`${core(namespace)}/secrets`);
    return {
      create: async (body) => wireSecret(await objects.create(body)),
      get: async (name) => wireSecret(await objects.get(name)),
      update: async (body) => wireSecret(await objects.update(body)),
      delete: (name) => objects.delete(name),
      list: async (labelSelector) => (await objects.list(labelSelector)).map(wireSecret),
    };
  }

  configMaps(namespace: string): CoreObjects<WireConfigMap> {
    const objects = this.coreCollection<WireConfigMap>(`${core(namespace)}/configmaps`);
    return {
      create: async (body) => wireConfigMap(await objects.create(body)),
      get: async (name) => wireConfigMap(await objects.get(name)),
      update: async (body) => wireConfigMap(await objects.update(body)),
      delete: (name) => objects.delete(name),
      list: async (labelSelector) => (await objects.list(labelSelector)).map(wireConfigMap),
    };
  }

  /**
   * CRUD on one core/v1 collection as CoreV1Api's create/read/replace/delete/list calls made
   * it (their paths, Accept header and bodies: the writable metadata only); the answers are
   * the server's JSON, which wire.ts reduces to the wire shapes.
   */
  private coreCollection<T extends { metadata: KubeMeta }>(collection: string): CoreCrud<T> {
    type Raw = Omit<T, 'metadata'> & { metadata?: RawMeta };
    const at = (name: string): string => `${collection}/${encodeURIComponent(name)}`;
    const call = (path: string, req: Omit<RawRequest, 'accept'>): Promise<unknown> =>
      this.send(path, { ...req, accept: ACCEPT_ANY });
    return {
      create: async (body) =>
        (await call(collection, { method: HttpMethod.POST, body: writable(body) })) as Raw,
      get: async (name) => (await call(at(name), { method: HttpMethod.GET })) as Raw,
      update: async (body) =>
        (await call(at(body.metadata.name), {
          method: HttpMethod.PUT,
          body: writable(body),
        })) as Raw,
      delete: async (name) => void (await call(at(name), { method: HttpMethod.DELETE })),
      list: async (labelSelector) => {
        const query = { labelSelector };
        const list = (await call(collection, { method: HttpMethod.GET, query })) as
          { items?: Raw[] } | undefined;
        return list?.items ?? [];
      },
    };
  }
}

interface CoreCrud<T extends { metadata: KubeMeta }> {
  create(body: T): Promise<Omit<T, 'metadata'> & { metadata?: RawMeta }>;
  get(name: string): Promise<Omit<T, 'metadata'> & { metadata?: RawMeta }>;
  update(body: T): Promise<Omit<T, 'metadata'> & { metadata?: RawMeta }>;
  delete(name: string): Promise<void>;
  list(labelSelector?: string): Promise<Array<Omit<T, 'metadata'> & { metadata?: RawMeta }>>;
}

/** The Accept header of client-node's generated API classes, kept for the core/v1 calls. */
const ACCEPT_ANY = 'application/json, */*;q=0.8';

/** `/api/v1/namespaces/NS`, the prefix of a namespace's core/v1 collections. */
function core(namespace: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}`;
}

function refFields(obj: KubeObject): {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
} {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata?.name,
    namespace: obj.metadata?.namespace,
  };
}
