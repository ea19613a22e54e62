/**
 * One connection pool per client (issue 10: fewer round trips): successive requests of one
 * KubeClient reuse a keep-alive connection instead of opening one (and, over TLS, a handshake)
 * per request, as client-node 2.x does by itself.
 */
import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
