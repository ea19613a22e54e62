/**
 * The one module that imports @kubernetes/client-node (design.md section 2, style.md section 4).
 * Rendered manifests go through a subclass of KubernetesObjectApi that keeps its discovery
 * (`specUriPath`: plural names, namespacing, cached per apiVersion) and its request layer
 * (auth, TLS, middleware) but sends and receives raw JSON: the stock methods serialise through
 * the generated models, which drop what they do not know (CRD `x-kubernetes-*`, `enum`) and
 * turn timestamps into Dates. Secrets, ConfigMaps, logs and events use typed CoreV1Api calls.
 * ApiException and network failures become kube/client.ts errors here and nowhere else.
 */
import {
  ApiException,
  CoreV1Api,
  HttpMethod,
  KubeConfig,
  PatchStrategy,
  VersionApi,
  Watch,
} from '@kubernetes/client-node';
import type {
  ApplyOptions,
  CoreObjects,
  PatchType,
  ServerDiscovery,
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
} from './client.js';
import { NotFoundError } from './client.js';
import { discoverServer } from './node-client-discovery.js';
import { checkKubeconfig, KubeconfigError, sourceLabel } from './kubeconfig-errors.js';
import type { KubeconfigSource } from './kubeconfig-errors.js';
import { RawObjectApi, shareConnections } from './node-client-internals.js';
import { isTimeout, mapped, statusCode, toKubeError } from './node-client-errors.js';
import { asError, errorText } from '../util/errors.js';
import { toKubeEvent, toV1, wireConfigMap, wireSecret } from './wire.js';

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
  shareConnections(kc);
  return new NodeKubeClient(kc);
}

class NodeKubeClient implements KubeClient {
  private readonly objects: RawObjectApi;
  private readonly core: CoreV1Api;
  private readonly version: VersionApi;
  private readonly watcher: Watch;

  constructor(kc: KubeConfig) {
    this.objects = RawObjectApi.forConfig(kc);
    this.core = kc.makeApiClient(CoreV1Api);
    this.version = kc.makeApiClient(VersionApi);
    this.watcher = new Watch(kc);
  }

  get defaultNamespace(): string {
    return this.objects.namespace;
  }

  async create(obj: KubeObject): Promise<KubeObject> {
    const path = await this.objects.pathOf(refFields(obj), 'create');
    const query = { fieldManager: FIELD_MANAGER };
    return (await mapped(
      this.objects.send(path, { method: HttpMethod.POST, query, body: obj }),
    )) as KubeObject;
  }

  async get(ref: ResourceRef): Promise<KubeObject> {
    const path = await this.objects.pathOf(ref, 'read');
    return (await mapped(this.objects.send(path, { method: HttpMethod.GET }))) as KubeObject;
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
    return (await mapped(this.objects.send(path, req))) as KubeObject;
  }

  async patch(ref: ResourceRef, patch: unknown, type: PatchType): Promise<KubeObject> {
    const path = await this.objects.pathOf(ref, 'patch');
    const req = {
      method: HttpMethod.PATCH,
      query: { fieldManager: FIELD_MANAGER },
      body: patch,
      contentType: PATCH_CONTENT_TYPES[type],
    };
    return (await mapped(this.objects.send(path, req))) as KubeObject;
  }

  /** resource.Helper.Replace with overwrite: the live resourceVersion unless the object has one. */
  async replace(obj: KubeObject): Promise<KubeObject> {
    const path = await this.objects.pathOf(refFields(obj), 'replace');
    let body = obj;
    if (!obj.metadata.resourceVersion) {
      const live = (await mapped(
        this.objects.send(path, { method: HttpMethod.GET }),
      )) as KubeObject;
      body = {
        ...obj,
        metadata: { ...obj.metadata, resourceVersion: live.metadata.resourceVersion },
      };
    }
    const query = { fieldManager: FIELD_MANAGER };
    return (await mapped(
      this.objects.send(path, { method: HttpMethod.PUT, query, body }),
    )) as KubeObject;
  }

  discover(): Promise<ServerDiscovery> {
    return discoverServer((path) => mapped(this.objects.send(path, { method: HttpMethod.GET })));
  }

  async delete(ref: ResourceRef, opts: DeleteOptions = {}): Promise<boolean> {
    try {
      const path = await this.objects.pathOf(ref, 'delete');
      const query = { propagationPolicy: opts.propagation };
      await mapped(this.objects.send(path, { method: HttpMethod.DELETE, query }));
      return true;
    } catch (err) {
      if (opts.ignoreNotFound && err instanceof NotFoundError) return false;
      throw err;
    }
  }

  async list(q: ListQuery): Promise<ObjectList> {
    const path = await this.objects.pathOf(q, 'list');
    const query = { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector };
    const body = (await mapped(this.objects.send(path, { method: HttpMethod.GET, query }))) as {
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
    const req = { name: pod, namespace, container: opts.container, tailLines: opts.tailLines };
    return mapped(this.core.readNamespacedPodLog(req));
  }

  async eventsFor(ref: ResourceRef): Promise<KubeEvent[]> {
    const namespace = ref.namespace ?? this.defaultNamespace;
    const fieldSelector = `involvedObject.name=${ref.name},involvedObject.kind=${ref.kind}`;
    const list = await mapped(this.core.listNamespacedEvent({ namespace, fieldSelector }));
    return list.items
      .map(toKubeEvent)
      .sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''));
  }

  async ensureNamespace(name: string): Promise<boolean> {
    try {
      await mapped(this.core.readNamespace({ name }));
      return false;
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
    await mapped(this.core.createNamespace({ body: { metadata: { name } } }));
    return true;
  }

  async isReachable(): Promise<boolean> {
    return (await this.unreachableCause()) === undefined;
  }

  async unreachableCause(): Promise<Error | undefined> {
    try {
      await mapped(this.version.getCode());
      return undefined;
    } catch (err) {
      return asError(err);
    }
  }

  secrets(namespace: string): CoreObjects<WireSecret> {
    const core = this.core;
    return {
      create: async (body) =>
        wireSecret(await mapped(core.createNamespacedSecret({ namespace, body: toV1(body) }))),
      get: async (name) => wireSecret(await mapped(core.readNamespacedSecret({ name, namespace }))),
      update: async (body) =>
        wireSecret(
          await mapped(
            core.replaceNamespacedSecret({ name: body.metadata.name, namespace, body: toV1(body) }),
          ),
        ),
      delete: async (name) => void (await mapped(core.deleteNamespacedSecret({ name, namespace }))),
      list: async (labelSelector) =>
        (await mapped(core.listNamespacedSecret({ namespace, labelSelector }))).items.map(
          wireSecret,
        ),
    };
  }

  configMaps(namespace: string): CoreObjects<WireConfigMap> {
    const core = this.core;
    return {
      create: async (body) =>
        wireConfigMap(
          await mapped(core.createNamespacedConfigMap({ namespace, body: toV1(body) })),
        ),
      get: async (name) =>
        wireConfigMap(await mapped(core.readNamespacedConfigMap({ name, namespace }))),
      update: async (body) =>
        wireConfigMap(
          await mapped(
            core.replaceNamespacedConfigMap({
              name: body.metadata.name,
              namespace,
              body: toV1(body),
            }),
          ),
        ),
      delete: async (name) =>
        void (await mapped(core.deleteNamespacedConfigMap({ name, namespace }))),
      list: async (labelSelector) =>
        (await mapped(core.listNamespacedConfigMap({ namespace, labelSelector }))).items.map(
          wireConfigMap,
        ),
    };
  }
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
