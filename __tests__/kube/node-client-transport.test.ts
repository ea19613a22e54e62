/**
 * Issue 10: RawApi's requests go over node:http(s) (src/kube/node-client-transport.ts) instead
 * of client-node's undici fetch, which cost ~55 ms before the action's first request. The fast
 * path must answer exactly as the general one (`nodeTransport: false`, every request through
 * fetch): the same values, the same errors (class, message, reason, code) for Status answers,
 * refused connections, hang-ups and timeouts, gzip bodies, a byte order mark, a redirect.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { KubeClient } from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { buildKubeconfig } from '../../src/simulator/kubeconfig.js';

const LIST = { kind: 'SecretList', apiVersion: 'v1', metadata: {}, items: [] };
const SECRET = { metadata: { name: 's', namespace: 'default' }, data: { k: 'dg==' } };
const NOT_FOUND = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: 'secrets "s" not found',
  reason: 'NotFound',
  code: 404,
};

let server: Server;
let port: number;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const url = new URL(req.url ?? '/', 'http://x');
    const ns = /namespaces\/([^/]+)/.exec(url.pathname)?.[1] ?? '';
    const json = (code: number, body: unknown): void => {
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () =>
        json(201, { ...(JSON.parse(body) as object), type: req.headers['content-type'] }),
      );
      return;
    }
    switch (ns) {
      case 'default':
        return json(200, LIST);
      case 'gz':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        return res.end(gzipSync(JSON.stringify({ ...LIST, metadata: { resourceVersion: '7' } })));
      case 'bom':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(`\uFEFF${JSON.stringify(LIST)}`);
      case 'moved':
        res.writeHead(307, { Location: `/api/v1/namespaces/default/secrets${url.search}` });
        return res.end();
      case 'missing':
        return json(404, NOT_FOUND);
      case 'busy':
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '3' });
        return res.end('{"kind":"Status","code":429,"message":"too many requests"}');
      case 'hangup':
        return req.socket.destroy();
      case 'midway':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('{"kind":');
        return setTimeout(() => req.socket.destroy(), 20);
      case 'slow':
        return; // never answers
      default:
        return json(500, { kind: 'Status', code: 500, message: 'unexpected' });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function client(nodeTransport: boolean, at = port): KubeClient {
  return createNodeClient({
    kubeconfig: buildKubeconfig({ server: `http://127.0.0.1:${at}` }),
    requestTimeoutMs: 300,
    nodeTransport,
  });
}

/** A call's outcome: its value, or its error's class, message and details. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await call() };
  } catch (err) {
    const e = err as Error & { reason?: unknown; code?: unknown; details?: unknown };
    return { error: e.constructor.name, message: e.message, reason: e.reason, code: e.code };
  }
}

const CALLS: Record<string, (k: KubeClient) => Promise<unknown>> = {
  list: (k) => k.secrets('default').list('owner=helm'),
  create: (k) => k.secrets('default').create(SECRET),
  gzip: (k) => k.list({ apiVersion: 'v1', kind: 'Secret', namespace: 'gz' }),
  'byte order mark': (k) => k.secrets('bom').list(),
  redirect: (k) => k.secrets('moved').list('a=b'),
  'Status 404': (k) => k.secrets('missing').get('s'),
  'Status 429 with Retry-After': (k) => k.secrets('busy').list(),
  'hang-up before the answer': (k) => k.secrets('hangup').list(),
  'hang-up in the body': (k) => k.secrets('midway').list(),
  'request timeout': (k) => k.secrets('slow').list(),
};

describe('RawApi on node:http(s) against client-node fetch (issue 10)', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: the same outcome on both transports`, async () => {
      const general = await outcome(() => call(client(false)));
      const fast = await outcome(() => call(client(true)));
      expect(fast).toEqual(general);
    });
  }

  it('a refused connection: the same UnreachableError on both transports', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const at = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const general = await outcome(() => client(false, at).secrets('default').list());
    const fast = await outcome(() => client(true, at).secrets('default').list());
    expect(fast).toEqual(general);
    expect(fast).toMatchObject({ error: 'UnreachableError', reason: 'refused' });
  });

  it('values and failures are real: a list, a create echo, a NotFoundError, a timeout', async () => {
    const k = client(true);
    expect(await k.secrets('default').list()).toEqual([]);
    expect(await outcome(() => k.secrets('default').create(SECRET))).toMatchObject({
      value: { metadata: { name: 's' }, type: 'application/json' },
    });
    expect(await outcome(() => k.secrets('missing').get('s'))).toMatchObject({
      error: 'NotFoundError',
      message: 'secrets "s" not found',
    });
    expect(await outcome(() => k.secrets('slow').list())).toMatchObject({
      error: 'UnreachableError',
      reason: 'timeout',
    });
  });

  it("sends on node:http when it may (no fetch-only headers), client-node's User-Agent kept", async () => {
    seen.length = 0;
    await client(true).secrets('default').list();
    await client(false).secrets('default').list();
    const [fast, general] = seen;
    expect(fast?.['sec-fetch-mode']).toBeUndefined();
    expect(general?.['sec-fetch-mode']).toBe('cors');
    expect(fast?.['user-agent']).toBe(general?.['user-agent']);
    expect(fast?.['user-agent']).toMatch(/^kubernetes-client-javascript\//);
    expect(fast?.authorization).toBe(general?.authorization);
    expect(fast?.accept).toBe(general?.accept);
  });
});
