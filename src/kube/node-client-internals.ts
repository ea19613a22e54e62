/**
 * Everything hookline takes from @kubernetes/client-node beyond its public API, in one place
 * (part of the node-client edge, see node-client.ts). Checked against the client-node version
 * in CLIENT_NODE_CHECKED; __tests__/kube/node-client-internals.test.ts pins it and the internals
 * used here, so a client-node upgrade fails that test until this file is checked again.
 *
 * 1. RawApi: one raw-JSON request function on client-node's request layer: the
 *    `Configuration` that `KubeConfig.makeApiClient` hands an API class (its server, auth
 *    methods, middleware and HTTP library, so auth, TLS, proxies and the User-Agent stay
 *    client-node's), with none of the generated API classes, models or ObjectSerializer: those
 *    drop what they do not know (CRD `x-kubernetes-*`, `enum`), turn timestamps into Dates and,
 *    above all, cost most of the client's evaluation time (issue 10). With no module importing
 *    them, the bundle leaves them out (scripts/build.mjs, clientNodeSideEffectFree). Resource
 *    paths come from our own discovery (node-client-discovery.ts, ResourcePaths).
 * 2. shareConnections: one connection pool per client (issue 10: fewer round trips), by
 *    wrapping KubeConfig's private `createDispatcher`. client-node 2.x builds a new undici
 *    Agent for every request whose cluster has TLS settings (applySecurityAuthentication →
 *    createDispatcher), so each request paid a TCP connect and a TLS handshake and left an idle
 *    socket behind; client-go (and so Helm) keeps one connection. This keeps one dispatcher per
 *    TLS identity (cluster, user, CA, client certificate and key, verification settings), so
 *    requests reuse keep-alive connections, and a rotated exec-plugin certificate still gets
 *    its own pool. Where client-node would build a plain undici Agent (TLS settings, no proxy),
 *    the pool is a NodeDispatcher: RawApi's requests go over node:http(s) with the same TLS
 *    options, timeouts and failures, without undici's fetch (node-client-transport.ts, issue
 *    10); watches go the same way (node-client-watch.ts). `nodeTransport: false`
 *    keeps client-node's fetch for every request (the general path, which tests compare).
 */
import type { Configuration, KubeConfig } from '@kubernetes/client-node';
import type { RequestContext } from '@kubernetes/client-node';
import { ApiException, HttpMethod, ResponseContext } from '@kubernetes/client-node';
import type { ApiResource, ResourceAction, ResourceRefFields } from './node-client-discovery.js';
import { ResourcePaths } from './node-client-discovery.js';
import { isNetworkError, toKubeError } from './node-client-errors.js';
import { NodeDispatcher, type UndiciDispatcher } from './node-client-transport.js';
import { shownWarnings } from './warning-header.js';

/** The @kubernetes/client-node version whose internals this file was checked against. */
export const CLIENT_NODE_CHECKED = '2.0.1';

/** The Accept header client-node's generated API classes send. */
const ACCEPT = 'application/json, */*;q=0.8';

export interface RawRequest {
  method: HttpMethod;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  /** Accept header; default application/json. */
  accept?: string;
  /** Accept-Encoding header (the transports decode gzip); none by default. */
  acceptEncoding?: string;
  /** `text`: the body as sent (pod logs); default: parsed JSON (undefined when empty). */
  response?: 'json' | 'text';
}

/** What makeApiClient builds an API class from: all this module keeps of it. */
class ConfigurationOnly {
  constructor(readonly configuration: Configuration) {}
}

/** The namespace of the current context, else `default` (KubernetesObjectApi's rule). */
function contextNamespace(kc: KubeConfig): string {
  const context = kc.currentContext ? kc.getContextObject(kc.currentContext) : null;
  return context?.namespace || 'default';
}

/** Raw-JSON requests and resource paths for one KubeConfig (see the module comment). */
export class RawApi {
  /** The current context's namespace (`default` when it names none). */
  readonly namespace: string;
  private readonly configuration: Configuration;
  private readonly paths: ResourcePaths;

  /** `onWarning`: told each warning the server sends (kube/warning-header.ts). */
  constructor(
    kc: KubeConfig,
    private readonly onWarning?: (text: string) => void,
  ) {
    this.configuration = kc.makeApiClient(ConfigurationOnly).configuration;
    this.namespace = contextNamespace(kc);
    this.paths = new ResourcePaths({
      defaultNamespace: this.namespace,
      get: (path) => this.send(path, { method: HttpMethod.GET, accept: ACCEPT }),
    });
  }

  /** The URL path of an object (or, for `list`, its collection) via discovery. */
  async pathOf(ref: ResourceRefFields, action: ResourceAction): Promise<string> {
    try {
      return await this.paths.pathOf(ref, action);
    } catch (err) {
      if (err instanceof ApiException || isNetworkError(err)) throw toKubeError(err);
      throw err;
    }
  }

  /** Resource lists a whole-server discovery read (ResourcePaths.remember). */
  rememberResources(apiVersion: string, resources: ApiResource[]): void {
    this.paths.remember(apiVersion, resources);
  }

  /**
   * One request through client-node's request layer. A non-2xx answer rejects with
   * ApiException (its body the response text), a network failure with undici's error;
   * node-client-errors.ts maps both.
   */
  async send(path: string, req: RawRequest): Promise<unknown> {
    const { status, headers, text } = await this.exchange(path, req);
    if (status < 200 || status > 299)
      throw new ApiException(status, 'Unsuccessful HTTP Request', text, headers);
    if (req.response === 'text') return text;
    return text === '' ? undefined : JSON.parse(text);
  }

  /**
   * A GET that may be answered from the caller's copy: with `etag` sent as If-None-Match, a
   * 304 resolves `unchanged`; a 2xx resolves the body and its ETag; anything else rejects as
   * send does.
   */
  async getIfChanged(
    path: string,
    req: { etag?: string; acceptEncoding?: string },
  ): Promise<'unchanged' | { text: string; etag?: string }> {
    const { status, headers, text } = await this.exchange(path, {
      method: HttpMethod.GET,
      ...(req.acceptEncoding ? { acceptEncoding: req.acceptEncoding } : {}),
      ...(req.etag ? { headers: { 'If-None-Match': req.etag } } : {}),
    });
    if (status === 304 && req.etag) return 'unchanged';
    if (status < 200 || status > 299)
      throw new ApiException(status, 'Unsuccessful HTTP Request', text, headers);
    const etag = Object.entries(headers).find(([k]) => k.toLowerCase() === 'etag')?.[1];
    return etag ? { text, etag } : { text };
  }

  private async exchange(
    path: string,
    req: RawRequest & { headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    const ctx = this.configuration.baseServer.makeRequestContext(path, req.method);
    ctx.setHeaderParam('Accept', req.accept ?? 'application/json');
    if (req.acceptEncoding) ctx.setHeaderParam('Accept-Encoding', req.acceptEncoding);
    for (const [k, v] of Object.entries(req.headers ?? {})) ctx.setHeaderParam(k, v);
    for (const [k, v] of Object.entries(req.query ?? {}))
      if (v !== undefined) ctx.setQueryParam(k, v);
    if (req.body !== undefined) {
      ctx.setHeaderParam('Content-Type', req.contentType ?? 'application/json');
      ctx.setBody(JSON.stringify(req.body));
    }
    const auth = this.configuration.authMethods;
    await auth.BearerToken?.applySecurityAuthentication(ctx);
    await auth.default?.applySecurityAuthentication(ctx);
    let prepared = ctx;
    for (const m of this.configuration.middleware) prepared = await m.pre(prepared).toPromise();
    let response = await sendFast(prepared);
    response ??= await this.configuration.httpApi.send(prepared).toPromise();
    for (const m of this.configuration.middleware) response = await m.post(response).toPromise();
    const text = await response.body.text();
    if (this.onWarning) {
      const header = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'warning');
      for (const w of shownWarnings(header?.[1])) this.onWarning(w);
    }
    return { status: response.httpStatusCode, headers: response.headers, text };
  }
}

/**
 * `ctx` sent on node:http(s) when its dispatcher is a NodeDispatcher (node-client-transport.ts),
 * else (or for a redirect, which fetch follows) undefined: client-node's fetch sends it.
 */
async function sendFast(ctx: RequestContext): Promise<ResponseContext | undefined> {
  const dispatcher: unknown = ctx.getDispatcher();
  if (!(dispatcher instanceof NodeDispatcher)) return undefined;
  const body = ctx.getBody();
  if (body !== undefined && typeof body !== 'string') return undefined;
  const r = await dispatcher.request({
    url: ctx.getUrl(),
    method: ctx.getHttpMethod().toString(),
    headers: ctx.getHeaders(),
    body,
    signal: ctx.getSignal(),
  });
  if (r === undefined) return undefined;
  const text = r.text;
  return new ResponseContext(r.status, r.headers, {
    text: () => Promise.resolve(text),
    binary: () => Promise.resolve(Buffer.from(text, 'utf8')),
    // RawApi reads text only.
    stream: () => null,
  });
}

type CreateDispatcher = (cluster: unknown, agentOptions: Record<string, unknown>) => unknown;
type CreateDispatcherOptions = (
  cluster: unknown,
  agentOptions: Record<string, unknown>,
) => { type?: unknown; connect?: Record<string, unknown> } | undefined;

/**
 * The key of a TLS identity: the cluster's name and the TLS settings, each length-prefixed (a
 * string rather than a hash: node:crypto costs ~10 ms to load before the first request).
 */
function identity(cluster: unknown, o: Record<string, unknown>): string {
  const parts = [JSON.stringify((cluster as { name?: string } | null)?.name ?? '')];
  for (const k of ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername']) {
    const v = o[k];
    const text = v === undefined ? '' : Buffer.isBuffer(v) ? v.toString('latin1') : String(v);
    parts.push(`${k}${v === undefined ? '-' : '='}${text.length}:${text}`);
  }
  return parts.join('\0');
}

/**
 * Make `kc` reuse one dispatcher per TLS identity, a NodeDispatcher where client-node would
 * build a plain undici Agent (see the module comment).
 */
export function shareConnections(kc: KubeConfig, opts: { nodeTransport?: boolean } = {}): void {
  const target = kc as unknown as {
    createDispatcher?: CreateDispatcher;
    createDispatcherOptions?: CreateDispatcherOptions;
  };
  const create = target.createDispatcher;
  if (typeof create !== 'function') return;
  const options = target.createDispatcherOptions;
  const nodeTransport = opts.nodeTransport !== false && typeof options === 'function';
  const make = (cluster: unknown, agentOptions: Record<string, unknown>): unknown => {
    const undici = (): unknown => create.call(kc, cluster, agentOptions);
    if (!nodeTransport) return undici();
    const o = options.call(kc, cluster, agentOptions);
    if (o?.type !== 'agent' || o.connect === undefined) return undici();
    return new NodeDispatcher(o.connect, undici as () => UndiciDispatcher);
  };
  const pools = new Map<string, unknown>();
  target.createDispatcher = (cluster, agentOptions) => {
    const key = identity(cluster, agentOptions);
    if (!pools.has(key)) pools.set(key, make(cluster, agentOptions));
    return pools.get(key);
  };
}
