/**
 * Everything hookline takes from @kubernetes/client-node beyond its public API, in one place
 * (part of the node-client edge, see node-client.ts). Checked against the client-node version
 * in CLIENT_NODE_CHECKED; __tests__/kube/node-client-internals.test.ts pins it and the internals
 * used here, so a client-node upgrade fails that test until this file is checked again.
 *
 * 1. RawObjectApi: KubernetesObjectApi with raw-JSON bodies. It keeps the client's discovery
 *    (the protected `specUriPath` and `resource`, cached per apiVersion) and its request layer
 *    (`configuration`'s server, auth methods, middleware and HTTP library) but neither
 *    serialises through nor parses into the generated models, which drop what they do not
 *    know (CRD `x-kubernetes-*`, `enum`).
 * 2. shareConnections: one connection pool per client (issue 10: fewer round trips), by
 *    wrapping KubeConfig's private `createDispatcher`. client-node 2.x builds a new undici
 *    Agent for every request whose cluster has TLS settings (applySecurityAuthentication →
 *    createDispatcher), so each request paid a TCP connect and a TLS handshake and left an idle
 *    socket behind; client-go (and so Helm) keeps one connection. This keeps one dispatcher per
 *    TLS identity (cluster, user, CA, client certificate and key, verification settings), so
 *    requests reuse keep-alive connections, and a rotated exec-plugin certificate still gets
 *    its own pool.
 */
import { createHash } from 'node:crypto';
import type { HttpMethod, KubeConfig } from '@kubernetes/client-node';
import { ApiException, KubernetesObjectApi } from '@kubernetes/client-node';
import { NotFoundError } from './client.js';
import { isNetworkError, toKubeError } from './node-client-errors.js';

/** The @kubernetes/client-node version whose internals this file was checked against. */
export const CLIENT_NODE_CHECKED = '2.0.1';

type Action = 'create' | 'read' | 'patch' | 'delete' | 'list' | 'replace';

interface RawRequest {
  method: HttpMethod;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
}

/** KubernetesObjectApi with raw-JSON bodies (see the module comment). */
export class RawObjectApi extends KubernetesObjectApi {
  static forConfig(kc: KubeConfig): RawObjectApi {
    const api = kc.makeApiClient(RawObjectApi);
    api.setDefaultNamespace(kc);
    return api;
  }

  get namespace(): string {
    return this.defaultNamespace;
  }

  /** The URL path of an object (or, for `list`, its collection) via discovery. */
  async pathOf(
    ref: { apiVersion: string; kind: string; name?: string; namespace?: string },
    action: Action,
  ): Promise<string> {
    const spec = {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: { name: ref.name, namespace: ref.namespace },
    };
    try {
      // Asked first (then cached per apiVersion) so an unknown kind is known without reading
      // specUriPath's error text.
      if (!(await this.resource(ref.apiVersion, ref.kind))) {
        throw new NotFoundError(`no matches for kind "${ref.kind}" in version "${ref.apiVersion}"`);
      }
      return await this.specUriPath(spec, action);
    } catch (err) {
      if (err instanceof ApiException || isNetworkError(err)) throw toKubeError(err);
      throw err;
    }
  }

  async send(path: string, req: RawRequest): Promise<unknown> {
    const ctx = this.configuration.baseServer.makeRequestContext(path, req.method);
    ctx.setHeaderParam('Accept', 'application/json');
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
    let response = await this.configuration.httpApi.send(prepared).toPromise();
    for (const m of this.configuration.middleware) response = await m.post(response).toPromise();
    const text = await response.body.text();
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
      throw new ApiException(
        response.httpStatusCode,
        'Unsuccessful HTTP Request',
        text,
        response.headers,
      );
    }
    return text === '' ? undefined : JSON.parse(text);
  }
}

type CreateDispatcher = (cluster: unknown, agentOptions: Record<string, unknown>) => unknown;

function identity(cluster: unknown, o: Record<string, unknown>): string {
  const h = createHash('sha256');
  h.update(JSON.stringify((cluster as { name?: string } | null)?.name ?? ''));
  for (const k of ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername']) {
    const v = o[k];
    h.update(`\0${k}=`);
    if (v !== undefined) h.update(Buffer.isBuffer(v) ? v : String(v));
  }
  return h.digest('hex');
}

/** Make `kc` reuse one dispatcher per TLS identity (see the module comment). */
export function shareConnections(kc: KubeConfig): void {
  const target = kc as unknown as { createDispatcher?: CreateDispatcher };
  const create = target.createDispatcher;
  if (typeof create !== 'function') return;
  const pools = new Map<string, unknown>();
  target.createDispatcher = (cluster, agentOptions) => {
    const key = identity(cluster, agentOptions);
    if (!pools.has(key)) pools.set(key, create.call(kc, cluster, agentOptions));
    return pools.get(key);
  };
}
