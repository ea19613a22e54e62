/**
 * Issue 10: RawApi's requests go over node:http(s) (src/kube/node-client-transport.ts) instead
 * of client-node's undici fetch, which cost ~55 ms before the action's first request. The fast
 * path must answer exactly as the general one (`nodeTransport: false`, every request through
 * fetch): the same values, the same errors (class, message, reason, code) for Status answers,
 * refused connections, hang-ups and timeouts, gzip bodies, a byte order mark, a redirect.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { KubeClient } from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { buildKubeconfig } from '../../src/simulator/kubeconfig.js';
import { selfSigned } from '../helpers/tls.js';

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

  it('an answer that comes before the request body is sent leaves no timer behind', async () => {
    // The server answers at the request's headers and only then reads the 4 MB body, so the
    // request's 'finish' comes after its answer: a headers timeout started there would keep
    // the process alive for 300 s after the command is done.
    let bodyRead: () => void = () => undefined;
    const read = new Promise<void>((r) => (bodyRead = r));
    const early = createServer((req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(SECRET));
      req.on('end', bodyRead).resume();
    });
    await new Promise<void>((r) => early.listen(0, '127.0.0.1', r));
    try {
      const timers = (): number =>
        process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const before = timers();
      const big = { ...SECRET, data: { k: Buffer.alloc(3 << 20, 1).toString('base64') } };
      const k = client(true, (early.address() as AddressInfo).port);
      expect(await k.secrets('default').create(big)).toMatchObject({ metadata: { name: 's' } });
      await read;
      await new Promise((r) => setImmediate(r));
      // At most as many: a timer of an earlier test (a keep-alive socket's) may end meanwhile.
      expect(timers()).toBeLessThanOrEqual(before);
    } finally {
      early.closeAllConnections();
      await new Promise<void>((r) => early.close(() => r()));
    }
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

const b64 = (pem: string): string => Buffer.from(pem).toString('base64');

function tlsKubeconfig(port: number, cluster: string[], user: string[]): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: c',
    '  cluster:',
    `    server: https://127.0.0.1:${port}`,
    ...cluster.map((l) => `    ${l}`),
    'users:',
    '- name: u',
    '  user:',
    ...(user.length > 0 ? user : ['token: t']).map((l) => `    ${l}`),
    'contexts:',
    '- name: ctx',
    '  context: { cluster: c, user: u, namespace: default }',
    'current-context: ctx',
    '',
  ].join('\n');
}

describe('RawApi on node:https against client-node fetch: TLS settings (issue 10)', () => {
  const serverCert = selfSigned();
  const clientCert = selfSigned();
  const otherCa = selfSigned();

  async function withHttps<T>(opts: ServerOptions, body: (port: number) => Promise<T>): Promise<T> {
    const server = createHttpsServer(opts, (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const peer = (
        req.socket as { getPeerCertificate?: () => { subject?: unknown } }
      ).getPeerCertificate?.();
      res.end(
        JSON.stringify({
          ...LIST,
          items: [{ metadata: { name: peer?.subject ? 'client-cert' : 'no-client-cert' } }],
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      return await body((server.address() as AddressInfo).port);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }

  const CASES: Record<string, { cluster: string[]; user?: string[]; ok: boolean }> = {
    'the cluster CA': {
      cluster: [`certificate-authority-data: ${b64(serverCert.cert)}`],
      ok: true,
    },
    'insecure-skip-tls-verify': { cluster: ['insecure-skip-tls-verify: true'], ok: true },
    'another CA (x509)': {
      cluster: [`certificate-authority-data: ${b64(otherCa.cert)}`],
      ok: false,
    },
    'a tls-server-name the certificate does not hold': {
      cluster: [
        `certificate-authority-data: ${b64(serverCert.cert)}`,
        'tls-server-name: other.example',
      ],
      ok: false,
    },
    'a client certificate': {
      cluster: [`certificate-authority-data: ${b64(serverCert.cert)}`],
      user: [
        `client-certificate-data: ${b64(clientCert.cert)}`,
        `client-key-data: ${b64(clientCert.key)}`,
      ],
      ok: true,
    },
  };

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: the same outcome on both transports`, async () => {
      const opts: ServerOptions = {
        ...serverCert,
        ca: clientCert.cert,
        requestCert: true,
        rejectUnauthorized: false,
      };
      await withHttps(opts, async (port) => {
        const make = (nodeTransport: boolean): KubeClient =>
          createNodeClient({
            kubeconfig: tlsKubeconfig(port, c.cluster, c.user ?? []),
            requestTimeoutMs: 2000,
            nodeTransport,
          });
        const general = await outcome(() => make(false).secrets('default').list());
        const fast = await outcome(() => make(true).secrets('default').list());
        expect(fast).toEqual(general);
        const presented = c.user ? 'client-cert' : 'no-client-cert';
        if (c.ok) expect(fast).toEqual({ value: [{ metadata: { name: presented } }] });
        else expect(fast).toMatchObject({ error: 'UnreachableError', reason: 'tls' });
      });
    });
  }
});
