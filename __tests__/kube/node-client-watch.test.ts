/**
 * Issue 10: watches go over node:http(s) (src/kube/node-client-watch.ts) instead of client-node's
 * Watch on undici's fetch (~45 ms of evaluation at a command's first watch). The fast path must
 * watch exactly as the general one (`nodeTransport: false`): the same events in order (a
 * bookmark, an unparsable line skipped, a last line without a newline), the same end, the same
 * errors for a 410 Gone, an ERROR event and a stream cut midway, an abort that ends the watch.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeClient, KubeObject } from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { buildKubeconfig } from '../../src/simulator/kubeconfig.js';

const CORE_V1 = {
  kind: 'APIResourceList',
  groupVersion: 'v1',
  resources: [{ name: 'configmaps', kind: 'ConfigMap', namespaced: true }],
};

const event = (type: string, name: string, rv: string): string =>
  JSON.stringify({
    type,
    object: { kind: 'ConfigMap', metadata: { name, namespace: 'ns', resourceVersion: rv } },
  });

const GONE = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: 'too old resource version: 1 (5)',
  reason: 'Expired',
  code: 410,
};

let server: Server;
let port: number;
const watchHeaders: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/v1') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(CORE_V1));
    }
    watchHeaders.push(req.headers);
    const selector = url.searchParams.get('fieldSelector') ?? '';
    const stream = (): void => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    };
    switch (selector) {
      case 'metadata.name=events':
        stream();
        res.write(`${event('ADDED', 'a', '2')}\n${event('MODIFIED', 'a', '3')}\r\n`);
        res.write('not json\n');
        res.write(`${event('BOOKMARK', '', '4').slice(0, 20)}`);
        res.write(`${event('BOOKMARK', '', '4').slice(20)}\n`);
        return res.end(event('DELETED', 'a', '5'));
      case 'metadata.name=gone':
        res.writeHead(410, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(GONE));
      case 'metadata.name=error-event':
        stream();
        return res.end(`${JSON.stringify({ type: 'ERROR', object: GONE })}\n`);
      case 'metadata.name=midway':
        stream();
        res.write(`${event('ADDED', 'b', '2')}\n`);
        return void setTimeout(() => req.socket.destroy(), 20);
      case 'metadata.name=open':
        stream();
        return void res.write(`${event('ADDED', 'c', '2')}\n`); // stays open
      default:
        res.writeHead(500);
        return res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function client(nodeTransport: boolean): KubeClient {
  return createNodeClient({
    kubeconfig: buildKubeconfig({ server: `http://127.0.0.1:${port}` }),
    requestTimeoutMs: 2000,
    nodeTransport,
  });
}

/** The events a watch delivered and how it ended. */
async function watched(
  k: KubeClient,
  name: string,
  abortAfterFirst = false,
): Promise<{ events: string[]; end: unknown }> {
  const events: string[] = [];
  const controller = new AbortController();
  const onEvent = (type: string, obj: KubeObject): void => {
    events.push(`${type} ${obj.metadata.name ?? ''} ${obj.metadata.resourceVersion ?? ''}`);
    if (abortAfterFirst) controller.abort();
  };
  const query = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'ns' };
  try {
    await k.watch({ ...query, fieldSelector: `metadata.name=${name}` }, onEvent, controller.signal);
    return { events, end: 'resolved' };
  } catch (err) {
    const e = err as Error & { reason?: unknown; code?: unknown };
    return { events, end: { error: e.constructor.name, message: e.message, reason: e.reason } };
  }
}

describe('watches on node:http(s) against client-node Watch (issue 10)', () => {
  it('delivers the same events in order, skipping what is no JSON, and ends with the stream', async () => {
    const general = await watched(client(false), 'events');
    const fast = await watched(client(true), 'events');
    expect(fast).toEqual(general);
    expect(fast).toEqual({
      events: ['ADDED a 2', 'MODIFIED a 3', 'BOOKMARK  4', 'DELETED a 5'],
      end: 'resolved',
    });
  });

  it.each(['gone', 'error-event', 'midway'])('%s: the same outcome on both watches', async (n) => {
    const general = await watched(client(false), n);
    const fast = await watched(client(true), n);
    expect(fast).toEqual(general);
    expect(fast.end).not.toBe('resolved');
  });

  it('an abort ends an open watch at once on both', async () => {
    const general = await watched(client(false), 'open', true);
    const fast = await watched(client(true), 'open', true);
    expect(fast).toEqual(general);
    expect(fast).toEqual({ events: ['ADDED c 2'], end: 'resolved' });
  });

  it('watches on node:http when it may (none of fetch-only headers), with the same authorization', async () => {
    watchHeaders.length = 0;
    await watched(client(false), 'events');
    await watched(client(true), 'events');
    const [general, fast] = watchHeaders;
    expect(general?.['sec-fetch-mode']).toBe('cors');
    expect(fast?.['sec-fetch-mode']).toBeUndefined();
    expect(fast?.authorization).toBe(general?.authorization);
  });
});
