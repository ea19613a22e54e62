/**
 * The one HTTP(S) edge of chart downloads and registry calls: node:http/https with the TLS
 * options Helm's getters and registry client take (`--ca-file`, `--cert-file`/`--key-file`,
 * `--insecure-skip-tls-verify`). Redirects are followed; credentials are dropped when a
 * redirect leaves the host. Errors are typed and name the URL (never a credential).
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';

export interface TlsOptions {
  readonly caFile?: string | undefined;
  readonly certFile?: string | undefined;
  readonly keyFile?: string | undefined;
  readonly insecureSkipTlsVerify?: boolean | undefined;
}

export interface HttpRequest {
  readonly method?: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  readonly tls?: TlsOptions;
  readonly maxRedirects?: number;
  readonly signal?: AbortSignal;
  /** Idle socket timeout (default 120 s, as Helm's HTTP getter). */
  readonly timeoutMs?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** The URL that answered (after redirects). */
  readonly url: string;
}

/** A connection or TLS failure (no HTTP status). */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    readonly code: string,
    detail: string,
    readonly tls: boolean,
  ) {
    super(`${tls ? 'TLS error' : 'cannot connect'} for ${redact(url)}: ${detail}`);
    this.name = 'NetworkError';
  }
}

/** A non-2xx answer where the caller needs success. */
export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    detail = '',
  ) {
    super(
      `failed to fetch ${redact(url)} : ${status} ${http.STATUS_CODES[status] ?? ''}${detail}`.trimEnd(),
    );
    this.name = 'HttpStatusError';
  }
}

/** A URL without user info or query (which can carry tokens). */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return url;
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function tlsAgentOptions(tls: TlsOptions | undefined): https.RequestOptions {
  if (!tls) return {};
  const o: https.RequestOptions = {};
  if (tls.caFile) o.ca = readFileSync(tls.caFile);
  if (tls.certFile) o.cert = readFileSync(tls.certFile);
  if (tls.keyFile) o.key = readFileSync(tls.keyFile);
  if (tls.insecureSkipTlsVerify) o.rejectUnauthorized = false;
  return o;
}

function once(req: HttpRequest, url: URL): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const mod = isHttps ? https : http;
    const headers: Record<string, string> = { 'user-agent': 'hookline', ...(req.headers ?? {}) };
    if (req.body) headers['content-length'] = String(req.body.length);
    const r = mod.request(
      url,
      {
        method: req.method ?? 'GET',
        headers,
        ...(isHttps ? tlsAgentOptions(req.tls) : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) =>
          reject(new NetworkError(url.toString(), 'ERESPONSE', e.message, false)),
        );
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: h,
            body: new Uint8Array(Buffer.concat(chunks)),
            url: url.toString(),
          });
        });
      },
    );
    r.setTimeout(req.timeoutMs ?? 120_000, () => {
      r.destroy(
        Object.assign(new Error('timed out waiting for the server'), { code: 'ETIMEDOUT' }),
      );
    });
    r.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? 'EUNKNOWN';
      reject(
        new NetworkError(
          url.toString(),
          code,
          e.message,
          TLS_CODES.has(code) || /certificate|ssl|tls/i.test(code),
        ),
      );
    });
    if (req.body) r.end(Buffer.from(req.body));
    else r.end();
  });
}

/** One request, following up to `maxRedirects` (10) redirects. */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  let url = new URL(req.url);
  const origin = url.host;
  let headers = { ...(req.headers ?? {}) };
  let method = req.method ?? 'GET';
  let body = req.body;
  for (let hop = 0; ; hop++) {
    const res = await once({ ...req, method, headers, ...(body ? { body } : {}) }, url);
    const location = res.headers.location;
    if (![301, 302, 303, 307, 308].includes(res.status) || !location) return res;
    if (hop >= (req.maxRedirects ?? 10)) return res;
    url = new URL(location, url);
    if (url.host !== origin) {
      headers = Object.fromEntries(
        Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
      );
    }
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

/** GET that must succeed (2xx), else HttpStatusError. */
export async function httpGet(
  url: string,
  opts: { headers?: Record<string, string>; tls?: TlsOptions } = {},
): Promise<Uint8Array> {
  const res = await httpRequest({ url, ...opts });
  if (res.status < 200 || res.status > 299) throw new HttpStatusError(url, res.status);
  return res.body;
}
