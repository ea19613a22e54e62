/**
 * KubernetesObjectApi with raw-JSON bodies (part of the node-client edge, see node-client.ts):
 * it keeps the client's discovery (`specUriPath`, cached per apiVersion) and request layer
 * (auth, TLS, middleware) but neither serialises through nor parses into the generated models,
 * which drop what they do not know (CRD `x-kubernetes-*`, `enum`).
 */
import type { HttpMethod, KubeConfig } from '@kubernetes/client-node';
import { ApiException, KubernetesObjectApi } from '@kubernetes/client-node';
import { NotFoundError } from './client.js';
import { isNetworkError, toKubeError } from './node-client-errors.js';

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
