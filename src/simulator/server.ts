/**
 * HTTP routing for the simulated API server: discovery documents, resource requests, watch
 * streams and pod logs, every failure answered with a `Status` body.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Kubelet } from './controllers/kubelet.js';
import type { Catalogue } from './discovery.js';
import { ApiError, badRequest, pageNotFound, unsupportedBody } from './errors.js';
import { handle } from './handlers.js';
import {
  intParam,
  mediaType,
  readBody,
  readBodyBytes,
  sendError,
  sendJson,
  sendText,
} from './http-util.js';
import { decodeProtobufBody, PROTOBUF } from './protobuf.js';
import { child, str, type JsonObject } from './json.js';
import type { Registry } from './registry.js';
import { openApiGroupVersion, openApiRoot } from './openapi.js';
import { parseTarget } from './routes.js';
import { matchObject, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { toTable, wantsTable } from './table.js';
import { serveWatch } from './watch.js';
import type { FaultInjector, RequestFault } from './faults.js';

export interface ServerDeps {
  registry: Registry;
  catalogue: Catalogue;
  kubelet: Kubelet;
  bookmarkEveryMs: number;
  /** Injected faults (simulator/faults.ts); none when absent. */
  faults?: FaultInjector;
  /** A connection with no request in flight is closed after this many ms (default 15000). */
  idleConnectionMs?: number;
  /** GET /version's major, minor and gitVersion. */
  kubeVersion: { major: string; minor: string; gitVersion: string };
  /** GET /openapi/v2's document (404 without one). */
  openApiV2?: JsonObject;
}

function discovery(deps: ServerDeps, path: string, host: string): JsonObject {
  const catalogue = deps.catalogue;
  if (path === '/version') {
    return {
      ...deps.kubeVersion,
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2024-12-11T00:00:00Z',
      goVersion: 'go1.23.4',
      compiler: 'gc',
      platform: 'linux/amd64',
    };
  }
  if (path === '/api')
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }],
    };
  if (path === '/apis') return catalogue.groupList();
  if (path === '/api/v1') return catalogue.resourceList('', 'v1');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'apis' && parts.length === 2) {
    const g = catalogue.group(parts[1]);
    if (g) return g;
  }
  if (parts[0] === 'apis' && parts.length === 3 && catalogue.hasGroupVersion(parts[1], parts[2]))
    return catalogue.resourceList(parts[1], parts[2]);
  throw pageNotFound();
}

/**
 * GET /openapi/v2 as kube-openapi serves it: with an ETag (the document's hash, quoted), a
 * matching If-None-Match answered 304 without a body.
 */
function sendOpenApiV2(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): void {
  if (!deps.openApiV2) throw pageNotFound();
  const text = JSON.stringify(deps.openApiV2);
  const etag = `"${createHash('sha512').update(text).digest('hex').toUpperCase()}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag });
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    ETag: etag,
  });
  res.end(text);
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  if (['/healthz', '/readyz', '/livez'].includes(url.pathname)) return sendText(res, 200, 'ok');
  if (url.pathname === '/openapi/v2') return sendOpenApiV2(deps, req, res);
  if (url.pathname === '/openapi/v3') return sendJson(res, 200, openApiRoot(deps.catalogue));
  if (url.pathname.startsWith('/openapi/v3/')) {
    const doc = openApiGroupVersion(deps.catalogue, url.pathname.slice('/openapi/v3'.length));
    if (!doc) throw pageNotFound();
    return sendJson(res, 200, doc);
  }
  const target = parseTarget(url.pathname, deps.catalogue);
  if (target.kind === 'discovery') {
    if (method !== 'GET')
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
        {},
      );
    return sendJson(res, 200, discovery(deps, target.path, req.headers.host ?? ''));
  }
  const watching = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
  if (method === 'GET' && watching) return watch(deps, target, url.searchParams, req, res);
  let contentType = mediaType(req.headers['content-type']);
  let body = '';
  if (contentType === PROTOBUF && (method === 'POST' || method === 'PUT')) {
    // kubectl's typed `create` sends protobuf; decoded for the kinds it creates that way.
    const obj = decodeProtobufBody(await readBodyBytes(req), target.type.kind);
    if (!obj) throw unsupportedBody(['application/json', 'application/yaml']);
    body = JSON.stringify(obj);
    contentType = 'application/json';
  } else if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) body = await readBody(req);
  const reply = handle(deps.registry, deps.kubelet, {
    method,
    type: target.type,
    version: target.version,
    ...(target.namespace !== undefined ? { namespace: target.namespace } : {}),
    ...(target.name !== undefined ? { name: target.name } : {}),
    ...(target.subresource !== undefined ? { subresource: target.subresource } : {}),
    query: url.searchParams,
    contentType,
    body,
    userAgent: req.headers['user-agent'] ?? '',
    accept: req.headers.accept ?? '',
  });
  if (reply.follow) return followLog(res, reply.text ?? '', reply.follow);
  if (reply.text !== undefined) return sendText(res, reply.code, reply.text);
  sendJson(res, reply.code, reply.body, reply.warnings);
}

function watch(
  deps: ServerDeps,
  target: Extract<ReturnType<typeof parseTarget>, { kind: 'resource' }>,
  q: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const labels = parseLabelSelector(q.get('labelSelector'));
  const fields = parseFieldSelector(q.get('fieldSelector'), target.type.kind);
  const name = target.name;
  const timeout = intParam(q, 'timeoutSeconds');
  const rv = q.get('resourceVersion');
  if (rv !== null && rv !== '' && !/^\d+$/.test(rv))
    throw badRequest(`invalid resource version: ${rv}`);
  serveWatch(
    deps.registry.store,
    res,
    {
      type: target.type,
      version: target.version,
      ...(target.type.namespaced && target.namespace !== undefined
        ? { namespace: target.namespace }
        : {}),
      filter: (obj) =>
        matchObject(labels, fields, obj) &&
        (name === undefined || str(child(obj, 'metadata'), 'name') === name),
      ...(q.get('resourceVersion') !== null
        ? { resourceVersion: q.get('resourceVersion') as string }
        : {}),
      ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
      bookmarks: q.get('allowWatchBookmarks') === 'true',
      ...(wantsTable(req.headers.accept)
        ? {
            transform: (obj: JsonObject) =>
              toTable(
                target.type,
                [obj],
                str(child(obj, 'metadata'), 'resourceVersion') ?? '',
                deps.registry.clock.now(),
              ),
          }
        : {}),
      bookmarkEveryMs: deps.bookmarkEveryMs,
    },
    (close) => {
      req.on('close', close);
      res.on('close', close);
    },
  );
  const dropAfter = deps.faults?.watchDrop(pathOf(req.url));
  if (dropAfter !== undefined) {
    const t = setTimeout(() => res.end(), dropAfter);
    res.on('close', () => clearTimeout(t));
  }
}

/** Streams a followed log until the container stops, the Pod goes or the client leaves. */
function followLog(
  res: ServerResponse,
  first: string,
  more: () => { text: string; done: boolean },
): void {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  res.write(first);
  const timer = setInterval(() => {
    const next = more();
    if (next.text) res.write(next.text);
    if (next.done) {
      clearInterval(timer);
      res.end();
    }
  }, 20);
  res.on('close', () => clearInterval(timer));
}

function serve(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): void {
  route(deps, req, res).catch((err: unknown) => {
    if (err instanceof ApiError && err.code === 413) res.setHeader('Connection', 'close');
    sendError(res, err);
  });
}

/** Serves one request under an injected fault (see simulator/faults.ts). */
function serveFaulty(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  fault: RequestFault,
): void {
  const fail = (): void => {
    if (fault.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'tooMany') {
      res.setHeader('Retry-After', String(fault.retryAfterSeconds));
      sendError(
        res,
        new ApiError(
          429,
          'TooManyRequests',
          'the server has received too many requests and has asked us to try again later',
          {},
        ),
      );
      return;
    }
    sendError(
      res,
      new ApiError(500, 'InternalError', 'Internal error occurred: injected fault', {}),
    );
  };
  const watching = /[?&]watch=(true|1)(&|$)/.test(req.url ?? '');
  if (fault.kind === 'none' || fault.kind === 'tooMany' || !fault.after || watching) {
    const go = (): void => (fault.kind === 'none' ? serve(deps, req, res) : fail());
    if (fault.delayMs > 0) setTimeout(go, fault.delayMs);
    else go();
    return;
  }
  // After: the request is carried out, its answer replaced by the fault.
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  res.writeHead = (() => res) as unknown as typeof res.writeHead;
  res.write = (() => true) as unknown as typeof res.write;
  res.end = ((): ServerResponse => {
    res.writeHead = writeHead;
    res.end = end;
    setTimeout(fail, fault.delayMs);
    return res;
  }) as unknown as typeof res.end;
  serve(deps, req, res);
}

/** A request's path without its query (fault keys must not depend on resourceVersions). */
function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] ?? '/';
}

export function createApiServer(deps: ServerDeps): Server {
  const inFlight = new WeakMap<object, number>();
  const server = createServer((req, res) => {
    if (process.env.HOOKLINE_SIM_TRACE)
      res.on('finish', () =>
        process.stderr.write(
          `${req.method} ${req.url} ${res.statusCode} ${req.headers.accept ?? ''}\n`,
        ),
      );
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.on('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1));
    const probe = ['/healthz', '/readyz', '/livez'].includes(req.url ?? '');
    if (deps.faults?.active && !probe)
      serveFaulty(deps, req, res, deps.faults.next(`${req.method} ${pathOf(req.url)}`));
    else serve(deps, req, res);
  });
  // Idle and half-open connections are closed (Go's http.Server IdleTimeout and
  // ReadHeaderTimeout): a socket with no request in flight for idleConnectionMs, or whose
  // request headers do not arrive in time.
  const idleMs = deps.idleConnectionMs ?? 15000;
  server.keepAliveTimeout = Math.min(5000, idleMs);
  server.headersTimeout = Math.min(10000, idleMs);
  server.requestTimeout = 60000;
  server.on('connection', (socket) => {
    socket.setTimeout(idleMs, () => {
      if ((inFlight.get(socket) ?? 0) === 0) socket.destroy();
    });
  });
  return server;
}
