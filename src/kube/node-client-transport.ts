/**
 * The request transport of RawApi (node-client-internals.ts) for clusters that client-node
 * serves with a plain undici Agent (its `createDispatcherOptions` type `agent`: TLS settings,
 * no proxy), on node:http and node:https (part of the node-client edge).
 *
 * Why (issue 10): client-node sends every request with undici's `fetch`, whose evaluation (the
 * Fetch standard's Request, Response, Headers, web streams, FormData, HTTP/2) and per-request
 * stream machinery cost ~55 ms of CPU before the action's first API request; node:http is
 * loaded anyway. What is kept from undici's Agent and fetch, so that requests, answers and
 * failures are the same: the TLS options (`connect`), keep-alive connections (TCP keep-alive
 * after 30 s, idle sockets closed after 4 s), the 10 s connect timeout and the 300 s headers
 * and body timeouts with undici's error classes' names, codes and messages, failures as the
 * Fetch standard's `TypeError` (`fetch failed` before the answer, `terminated` while reading
 * it) with the socket or TLS error as its `cause`, an aborted signal rejecting with its reason,
 * the body's UTF-8 text without a byte order mark, decompressed as fetch does. A redirect,
 * which fetch follows, is left to fetch (`undefined`: the caller sends the request again on
 * client-node's path), as is every dispatcher other than NodeDispatcher (proxies, SOCKS, none).
 *
 * `open` is the same request for a watch: it resolves at the answer's headers with the body as a
 * stream (node-client-watch.ts reads its lines).
 *
 * NodeDispatcher is also undici's Dispatcher for what still uses fetch (a redirect):
 * `dispatch` goes to a real undici Agent built with client-node's options on first use.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';

/** undici's Client defaults, which client-node's Agent runs with. */
export const CONNECT_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 300_000;
export const BODY_TIMEOUT_MS = 300_000;
/** undici's keepAliveTimeout: an idle connection is closed after this. */
const IDLE_TIMEOUT_MS = 4_000;
/** client-node's keepAliveInitialDelay (client-go's): TCP keep-alive probes after 30 s. */
const KEEP_ALIVE_DELAY_MS = 30_000;

/** undici's error classes, as far as callers see them: name, code and message. */
class UndiciLikeError extends Error {
  constructor(
    name: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** undici's Dispatcher, as fetch uses it. */
export interface UndiciDispatcher {
  dispatch(options: unknown, handler: unknown): boolean;
  close(...args: unknown[]): unknown;
  destroy(...args: unknown[]): unknown;
}

export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, ` (fetch's Headers). */
  headers: Record<string, string>;
  text: string;
}

/** Go's and fetch's UTF-8 decoding of a body: invalid bytes replaced, a leading BOM dropped. */
function utf8Text(body: Buffer): string {
  const text = body.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function headersOf(res: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Node's "socket hang up" (the peer closed before answering) as undici names it. */
function undiciSocketError(err: unknown): unknown {
  const e = err as { code?: unknown; syscall?: unknown } | null;
  if (e?.code === 'ECONNRESET' && e.syscall === undefined)
    return new UndiciLikeError('SocketError', 'UND_ERR_SOCKET', 'other side closed');
  return err;
}

/** fetch's failure before an answer, the socket or TLS error its cause. */
function fetchFailed(err: unknown): TypeError {
  return new TypeError('fetch failed', { cause: undiciSocketError(err) });
}

/** fetch's failure while reading an answer's body (a cut stream), the socket error its cause. */
export function terminated(err: unknown): TypeError {
  return new TypeError('terminated', { cause: undiciSocketError(err) });
}

/** undici's HeadersTimeoutError or BodyTimeoutError. */
function timeoutError(what: 'Headers' | 'Body'): Error {
  return new UndiciLikeError(
    `${what}TimeoutError`,
    `UND_ERR_${what.toUpperCase()}_TIMEOUT`,
    `${what} Timeout Error`,
  );
}

/** undici's connect timeout error for `socket` (lib/core/connect.js's message). */
function connectTimeoutError(socket: Socket, host: string, port: string): Error {
  const attempted = (socket as { autoSelectFamilyAttemptedAddresses?: unknown })
    .autoSelectFamilyAttemptedAddresses;
  const where = Array.isArray(attempted)
    ? `attempted addresses: ${attempted.join(', ')},`
    : `attempted address: ${host}:${port},`;
  return new UndiciLikeError(
    'ConnectTimeoutError',
    'UND_ERR_CONNECT_TIMEOUT',
    `Connect Timeout Error (${where} timeout: ${CONNECT_TIMEOUT_MS}ms)`,
  );
}

/** A body decoded by its Content-Encoding as fetch does (gzip, deflate, br; else as sent). */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  const codings = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return body;
  let out = body;
  for (const c of codings.reverse()) {
    if (c === 'gzip' || c === 'x-gzip') out = gunzipSync(out, { flush: constants.Z_SYNC_FLUSH });
    else if (c === 'deflate') out = inflateSync(out);
    else if (c === 'br') out = brotliDecompressSync(out);
    else return out;
  }
  return out;
}

/** One pool of keep-alive connections with client-node's TLS options (see the module comment). */
export class NodeDispatcher implements UndiciDispatcher {
  private httpAgent: http.Agent | undefined;
  private httpsAgent: https.Agent | undefined;
  private undici: UndiciDispatcher | undefined;

  /**
   * @param connect client-node's undici `connect` options (TLS settings, keep-alive)
   * @param makeUndici the undici Agent client-node would have used, for `dispatch`
   */
  constructor(
    private readonly tlsConnect: Readonly<Record<string, unknown>>,
    private readonly makeUndici: () => UndiciDispatcher,
  ) {}

  private real(): UndiciDispatcher {
    this.undici ??= this.makeUndici();
    return this.undici;
  }

  dispatch(options: unknown, handler: unknown): boolean {
    return this.real().dispatch(options, handler);
  }

  close(...args: unknown[]): unknown {
    this.httpAgent?.destroy();
    this.httpsAgent?.destroy();
    return this.undici ? this.undici.close(...args) : Promise.resolve();
  }

  destroy(...args: unknown[]): unknown {
    this.httpAgent?.destroy();
    this.httpsAgent?.destroy();
    return this.undici ? this.undici.destroy(...args) : Promise.resolve();
  }

  private agentFor(tls: boolean): http.Agent {
    const base = { keepAlive: true, keepAliveMsecs: KEEP_ALIVE_DELAY_MS, timeout: IDLE_TIMEOUT_MS };
    if (!tls) return (this.httpAgent ??= new http.Agent(base));
    // Only the TLS settings of `connect` (keep-alive is the agent's); undici offers ALPN
    // http/1.1 (no HTTP/2).
    const { keepAlive: _k, keepAliveInitialDelay: _d, ...tlsOptions } = this.tlsConnect;
    return (this.httpsAgent ??= new https.Agent({
      ...base,
      ...tlsOptions,
      ALPNProtocols: ['http/1.1'],
    }));
  }

  /**
   * Sends one request; resolves to the answer, or to undefined for a redirect (which fetch
   * would follow: the caller sends it on client-node's path). Rejects as fetch does.
   */
  async request(req: TransportRequest): Promise<TransportResponse | undefined> {
    const res = await this.open(req, { headersTimeout: true });
    return res && readAnswer(res, req.signal);
  }

  /**
   * Sends a request and resolves at the answer's headers with the response, whose body the
   * caller reads (`request` does, a watch streams it), or undefined for a redirect (fetch
   * follows it: the caller uses client-node's path). Before the answer it rejects as fetch
   * does, with undici's connect timeout and, with `headersTimeout`, its headers timeout (a
   * watch keeps its own, client-node's 30 s, shorter than undici's); afterwards an abort of
   * `signal` destroys the response (its stream errors or closes).
   */
  open(
    req: TransportRequest,
    opts: { headersTimeout?: boolean } = {},
  ): Promise<http.IncomingMessage | undefined> {
    const { signal } = req;
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const url = new URL(req.url);
    const tls = url.protocol === 'https:';
    const headers: Record<string, string | number> = { ...req.headers };
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    if (body !== undefined) headers['content-length'] = body.length;
    return new Promise((resolve, reject) => {
      let settled = false;
      let connecting: NodeJS.Timeout | undefined;
      let waiting: NodeJS.Timeout | undefined;
      const request = (tls ? https : http).request(url, {
        method: req.method,
        headers,
        agent: this.agentFor(tls),
      });
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(connecting);
        clearTimeout(waiting);
        return true;
      };
      const onAbort = (): void => {
        request.destroy();
        if (settle()) reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const fail = (err: unknown): void => {
        if (!settle()) return;
        signal?.removeEventListener('abort', onAbort);
        reject(fetchFailed(err));
      };
      /** undici's timeouts: fail with its error, then drop the connection. */
      const after = (ms: number, error: () => Error): NodeJS.Timeout =>
        setTimeout(() => {
          fail(error());
          request.destroy();
        }, ms);
      request.on('socket', (socket: Socket) => {
        if (!socket.connecting) return;
        connecting = after(CONNECT_TIMEOUT_MS, () =>
          connectTimeoutError(socket, url.hostname, url.port),
        );
        socket.once(tls ? 'secureConnect' : 'connect', () => clearTimeout(connecting));
      });
      request.on('finish', () => {
        // An answer can come before the body is sent (a server answering at the headers): no
        // headers timeout then, or it would hold the process for its 300 s.
        if (opts.headersTimeout && !settled)
          waiting = after(HEADERS_TIMEOUT_MS, () => timeoutError('Headers'));
      });
      request.on('error', fail);
      request.on('response', (res) => {
        settle();
        res.once('close', () => signal?.removeEventListener('abort', onAbort));
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304 && res.headers.location !== undefined) {
          res.resume();
          return resolve(undefined);
        }
        resolve(res);
      });
      request.end(body);
    });
  }
}

/**
 * The whole body of an answer, decoded, with undici's body timeout (of inactivity); a failure
 * while reading is fetch's `terminated`, an abort of `signal` (which destroys the response, see
 * NodeDispatcher.open) its reason.
 */
function readAnswer(res: http.IncomingMessage, signal?: AbortSignal): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (err: unknown, value?: TransportResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err === undefined) resolve(value!);
      else reject(err as Error);
    };
    const fail = (err: unknown): void => done(signal?.aborted ? signal.reason : terminated(err));
    const idle = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        fail(timeoutError('Body'));
        res.destroy();
      }, BODY_TIMEOUT_MS);
    };
    idle();
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => {
      chunks.push(c);
      idle();
    });
    res.on('error', fail);
    res.on('close', () => {
      if (!res.complete) fail({ code: 'ECONNRESET' });
    });
    res.on('end', () => {
      clearTimeout(timer);
      let body: Buffer;
      try {
        body = decoded(Buffer.concat(chunks), res.headers['content-encoding']);
      } catch (err) {
        fail(err);
        return;
      }
      done(undefined, {
        status: res.statusCode ?? 0,
        headers: headersOf(res),
        text: utf8Text(body),
      });
    });
  });
}
