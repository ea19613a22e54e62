/**
 * src/kube/node-client-internals.ts, the one module reaching past @kubernetes/client-node's
 * public API: the contract it was checked against (the installed client-node version and the
 * internals it uses), network failures known by their cause codes, and one connection pool per
 * client (issue 10: fewer round trips): successive requests of one KubeClient reuse a
 * keep-alive connection instead of opening one (and, over TLS, a handshake) per request, as
 * client-node 2.x does by itself.
 */
import { describe, expect, it } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CLIENT_NODE_CHECKED } from '../../src/kube/node-client-internals.js';
import { isNetworkError } from '../../src/kube/node-client-errors.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { buildKubeconfig } from '../../src/simulator/kubeconfig.js';

describe('createNodeClient connections', () => {
  it('sends successive requests over one connection', async () => {
    let connections = 0;
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.url === '/version') res.end('{"major":"1","minor":"30","gitVersion":"v1.30.0"}');
      else res.end('{"kind":"SecretList","apiVersion":"v1","metadata":{},"items":[]}');
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const kube = createNodeClient({
        kubeconfig: buildKubeconfig({ server: `http://127.0.0.1:${port}` }),
      });
      expect(await kube.isReachable()).toBe(true);
      for (let i = 0; i < 9; i++)
        expect(await kube.secrets('default').list('owner=helm')).toEqual([]);
      expect(requests).toBe(10);
      // client-node opened one per request (10); the version call's connection may still be
      // busy when the next request starts, so two at most.
      expect(connections).toBeLessThanOrEqual(2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('client-node internals contract (CLIENT_NODE_CHECKED)', () => {
  it('pins the installed @kubernetes/client-node version: an upgrade means checking the internals again', () => {
    const pkg = JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, '../../node_modules/@kubernetes/client-node/package.json'),
        'utf8',
      ),
    ) as { version: string };
    expect(pkg.version).toBe(CLIENT_NODE_CHECKED);
  });

  it("pins the undici that client-node bundles: scripts/build.mjs's undici shim mirrors its index.js", () => {
    const fromClient = createRequire(
      resolve(import.meta.dirname, '../../node_modules/@kubernetes/client-node/dist/config.js'),
    );
    const pkg = JSON.parse(readFileSync(fromClient.resolve('undici/package.json'), 'utf8')) as {
      version: string;
    };
    // Checked: index.js's only load-time effects are lib/global.js's global dispatcher (which
    // lib/web/fetch requires too) and the request API on Dispatcher.prototype (ProxyAgent's).
    expect(pkg.version).toBe('8.12.4');
  });

  it('finds every internal it uses, with the shape it uses', () => {
    const kc = new KubeConfig();
    kc.loadFromString(buildKubeconfig({ server: 'http://127.0.0.1:1' }));
    // RawApi: the Configuration makeApiClient hands an API class's constructor.
    let configuration: unknown;
    kc.makeApiClient(
      class {
        constructor(c: unknown) {
          configuration = c;
        }
      },
    );
    const conf = configuration as {
      baseServer: { makeRequestContext: unknown };
      authMethods: Record<string, { applySecurityAuthentication: unknown } | undefined>;
      middleware: Array<{ pre: unknown; post: unknown }>;
      httpApi: { send: unknown };
    };
    expect(typeof conf.baseServer.makeRequestContext).toBe('function');
    expect(conf.authMethods.default).toBe(kc);
    expect(typeof conf.authMethods.default?.applySecurityAuthentication).toBe('function');
    expect(conf.middleware.length).toBeGreaterThan(0);
    for (const m of conf.middleware) {
      expect(typeof m.pre).toBe('function');
      expect(typeof m.post).toBe('function');
    }
    expect(typeof conf.httpApi.send).toBe('function');
    // shareConnections: the private per-request dispatcher factory.
    expect(typeof (kc as unknown as { createDispatcher?: unknown }).createDispatcher).toBe(
      'function',
    );
    // NodeDispatcher (node-client-transport.ts): the options client-node builds its undici
    // Agent from, without building it; `agent` with the TLS settings under `connect`.
    const options = (
      kc as unknown as {
        createDispatcherOptions: (c: unknown, o: Record<string, unknown>) => unknown;
      }
    ).createDispatcherOptions(kc.getCurrentCluster(), { rejectUnauthorized: false });
    expect(options).toEqual({
      type: 'agent',
      connect: { rejectUnauthorized: false, keepAlive: true, keepAliveInitialDelay: 30000 },
    });
  });

  it("knows undici's fetch failure by its shape (a TypeError with a cause), not its text", () => {
    const coded = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
    const reworded = new TypeError('Failed to fetch resource metadata for v1/Secret: x', {
      cause: coded('ECONNREFUSED'),
    });
    expect(isNetworkError(reworded)).toBe(true);
    expect(isNetworkError(new TypeError('any text', { cause: new Error('bad port') }))).toBe(true);
    expect(isNetworkError(new TypeError('fetch failed'))).toBe(false);
    expect(isNetworkError(new Error('fetch failed', { cause: coded('ECONNREFUSED') }))).toBe(false);
  });
});
