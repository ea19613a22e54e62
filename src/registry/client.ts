/**
 * An OCI distribution-API client for charts (what Helm gets from oras-go): tag lists, manifests
 * and blobs, monolithic uploads, basic auth and the bearer-token flow, `--plain-http`, and the
 * TLS options of src/net/http.ts. Every error names the registry; none prints a credential.
 */
import { httpRequest, type HttpResponse, type TlsOptions } from '../net/http.js';
import { parseChallenge, repositoryScope } from './challenge.js';
import type { Credential } from './credentials.js';
import { sha256Digest, OCI_INDEX_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE } from './manifest.js';

/** 401/403 from a registry, or another refusal; `registry` is the host. */
export class RegistryError extends Error {
  constructor(
    readonly registry: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** Content whose sha256 is not the digest that named it. */
export class DigestMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly source: string,
  ) {
    super(`digest mismatch for ${source}: expected ${expected}, got ${actual}`);
    this.name = 'DigestMismatchError';
  }
}

export interface RegistryClientOptions {
  readonly plainHttp?: boolean;
  readonly tls?: TlsOptions;
  /** Credentials for a host (flags/inputs first, then config files). */
  readonly credential?: (host: string) => Credential | undefined;
}

export interface Manifest {
  readonly bytes: Uint8Array;
  readonly digest: string;
  readonly mediaType: string;
}

function registryErrorText(res: HttpResponse): string {
  try {
    const o = JSON.parse(new TextDecoder().decode(res.body)) as {
      errors?: Array<{ code?: string; message?: string }>;
    };
    const e = o.errors?.[0];
    if (e) return `${e.code ?? ''}: ${e.message ?? ''}`;
  } catch {
    // not a distribution error body
  }
  return '';
}

export class RegistryClient {
  private readonly tokens = new Map<string, string>();
  private readonly basic = new Set<string>();

  constructor(private readonly opts: RegistryClientOptions = {}) {}

  private base(host: string): string {
    // Docker Hub's API lives on registry-1.docker.io (as oras-go maps it).
    const api = host === 'docker.io' ? 'registry-1.docker.io' : host;
    return `${this.opts.plainHttp ? 'http' : 'https'}://${api}`;
  }

  private async fetchToken(
    host: string,
    params: Readonly<Record<string, string>>,
    scope: string,
  ): Promise<string> {
    const realm = params.realm;
    if (!realm) throw new RegistryError(host, 401, `${host}: bearer challenge without a realm`);
    const url = new URL(realm);
    if (params.service) url.searchParams.set('service', params.service);
    if (scope !== '') url.searchParams.append('scope', scope);
    const cred = this.opts.credential?.(host);
    let res: HttpResponse;
    if (cred?.identityToken) {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: cred.identityToken,
        service: params.service ?? '',
        scope,
        client_id: 'hookline',
      });
      res = await httpRequest({
        method: 'POST',
        url: realm,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new TextEncoder().encode(form.toString()),
        ...(this.opts.tls ? { tls: this.opts.tls } : {}),
      });
    } else {
      const headers: Record<string, string> = {};
      if (cred) headers.authorization = basicHeader(cred);
      res = await httpRequest({
        url: url.toString(),
        headers,
        ...(this.opts.tls ? { tls: this.opts.tls } : {}),
      });
    }
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(
        host,
        res.status,
        `${host}: authentication failed (${res.status}) getting a token${cred ? ' with the configured credentials' : '; no credentials were found for this registry (registry-username/registry-password, or a docker/helm registry login)'}`,
      );
    }
    if (res.status < 200 || res.status > 299) {
      throw new RegistryError(host, res.status, `${host}: token endpoint answered ${res.status}`);
    }
    const body = JSON.parse(new TextDecoder().decode(res.body)) as {
      token?: string;
      access_token?: string;
    };
    const token = body.token ?? body.access_token;
    if (!token)
      throw new RegistryError(host, res.status, `${host}: token endpoint returned no token`);
    return token;
  }

  /** A request with auth: anonymous first, then as the challenge asks. */
  private async request(
    host: string,
    repository: string,
    push: boolean,
    req: { method?: string; path: string; headers?: Record<string, string>; body?: Uint8Array },
  ): Promise<HttpResponse> {
    const scope = repository === '' ? '' : repositoryScope(repository, push);
    const key = `${host} ${scope}`;
    const url = req.path.startsWith('http') ? req.path : `${this.base(host)}${req.path}`;
    const send = (authorization: string | undefined) =>
      httpRequest({
        method: req.method ?? 'GET',
        url,
        headers: { ...(req.headers ?? {}), ...(authorization ? { authorization } : {}) },
        ...(req.body ? { body: req.body } : {}),
        ...(this.opts.tls ? { tls: this.opts.tls } : {}),
      });
    const cached = this.tokens.get(key);
    const cred = this.opts.credential?.(host);
    let res = await send(
      cached ? `Bearer ${cached}` : this.basic.has(host) && cred ? basicHeader(cred) : undefined,
    );
    if (res.status !== 401) return res;
    const challenge = parseChallenge(res.headers['www-authenticate'] ?? '');
    if (challenge?.scheme === 'basic') {
      if (!cred) {
        throw new RegistryError(
          host,
          401,
          `${host}: 401 Unauthorized; no credentials were found for this registry (registry-username/registry-password, or a docker/helm registry login)`,
        );
      }
      this.basic.add(host);
      res = await send(basicHeader(cred));
    } else if (challenge?.scheme === 'bearer') {
      const token = await this.fetchToken(host, challenge.params, challenge.params.scope ?? scope);
      this.tokens.set(key, token);
      res = await send(`Bearer ${token}`);
    }
    if (res.status === 401) {
      throw new RegistryError(
        host,
        401,
        `${host}: 401 Unauthorized${cred ? ' (the credentials were refused)' : ''}`,
      );
    }
    return res;
  }

  private check(host: string, res: HttpResponse, what: string): void {
    if (res.status >= 200 && res.status <= 299) return;
    const detail = registryErrorText(res);
    if (res.status === 403) {
      throw new RegistryError(
        host,
        403,
        `${host}: 403 Forbidden: ${what}${detail ? ` (${detail})` : ''}`,
      );
    }
    throw new RegistryError(
      host,
      res.status,
      `${host}: ${what}: ${res.status}${detail ? ` ${detail}` : ''}`,
    );
  }

  /** GET /v2/ with credentials (`registry login`'s check). */
  async ping(host: string): Promise<void> {
    const res = await this.request(host, '', false, { path: '/v2/' });
    this.check(host, res, 'ping');
  }

  /** Every tag of a repository (following `Link` pagination). */
  async tags(host: string, repository: string): Promise<string[]> {
    const out: string[] = [];
    let path: string | null = `/v2/${repository}/tags/list`;
    while (path) {
      const res: HttpResponse = await this.request(host, repository, false, { path });
      if (res.status === 404) return out;
      this.check(host, res, `list tags of ${repository}`);
      const body = JSON.parse(new TextDecoder().decode(res.body)) as { tags?: string[] | null };
      out.push(...(body.tags ?? []));
      const link = res.headers.link;
      const m = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
      path = m ? m[1]! : null;
    }
    return out;
  }

  async getManifest(host: string, repository: string, reference: string): Promise<Manifest> {
    const res = await this.request(host, repository, false, {
      path: `/v2/${repository}/manifests/${reference}`,
      headers: { accept: `${OCI_MANIFEST_MEDIA_TYPE}, ${OCI_INDEX_MEDIA_TYPE}` },
    });
    if (res.status === 404) {
      throw new RegistryError(host, 404, `${host}/${repository}:${reference}: not found`);
    }
    this.check(host, res, `get manifest ${repository}:${reference}`);
    const digest = sha256Digest(res.body);
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new DigestMismatchError(reference, digest, `${host}/${repository}`);
    }
    return {
      bytes: res.body,
      digest,
      mediaType: (res.headers['content-type'] ?? OCI_MANIFEST_MEDIA_TYPE).split(';')[0]!.trim(),
    };
  }

  async getBlob(host: string, repository: string, digest: string): Promise<Uint8Array> {
    const res = await this.request(host, repository, false, {
      path: `/v2/${repository}/blobs/${digest}`,
    });
    this.check(host, res, `get blob ${digest}`);
    const actual = sha256Digest(res.body);
    if (actual !== digest) throw new DigestMismatchError(digest, actual, `${host}/${repository}`);
    return res.body;
  }

  async blobExists(host: string, repository: string, digest: string): Promise<boolean> {
    const res = await this.request(host, repository, true, {
      method: 'HEAD',
      path: `/v2/${repository}/blobs/${digest}`,
    });
    return res.status === 200;
  }

  /** POST an upload session, then PUT the whole blob (a monolithic upload). */
  async pushBlob(
    host: string,
    repository: string,
    digest: string,
    data: Uint8Array,
  ): Promise<void> {
    if (await this.blobExists(host, repository, digest)) return;
    const start = await this.request(host, repository, true, {
      method: 'POST',
      path: `/v2/${repository}/blobs/uploads/`,
    });
    this.check(host, start, `start upload to ${repository}`);
    const location = start.headers.location;
    if (!location)
      throw new RegistryError(host, start.status, `${host}: upload without a Location`);
    const url = new URL(location, this.base(host));
    url.searchParams.set('digest', digest);
    const put = await this.request(host, repository, true, {
      method: 'PUT',
      path: url.toString(),
      headers: { 'content-type': 'application/octet-stream' },
      body: data,
    });
    this.check(host, put, `upload blob ${digest}`);
  }

  async putManifest(
    host: string,
    repository: string,
    reference: string,
    manifest: Uint8Array,
    mediaType: string,
  ): Promise<void> {
    const res = await this.request(host, repository, true, {
      method: 'PUT',
      path: `/v2/${repository}/manifests/${reference}`,
      headers: { 'content-type': mediaType },
      body: manifest,
    });
    this.check(host, res, `push manifest ${repository}:${reference}`);
  }
}

function basicHeader(c: Credential): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}
