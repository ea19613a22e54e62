/**
 * Registry failures a real registry rarely produces on demand, from a Node server speaking the
 * distribution API: 403 naming the registry, a blob whose bytes do not match its digest, and a
 * manifest that is not a Helm chart.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildChartArtifact, sha256Digest } from '../../src/registry/manifest.js';
import { emptyMetadata } from '../../src/chart/types.js';
import { cli, isolatedEnv, tmp } from './support.js';

describe('registry errors', () => {
  let server: http.Server;
  let host: string;
  const root = tmp();
  const env = isolatedEnv(root);
  const artifact = buildChartArtifact({
    chart: new Uint8Array([1, 2, 3, 4]),
    metadata: { ...emptyMetadata(), apiVersion: 'v2', name: 'bad', version: '1.0.0' },
    creationTime: '2024-01-01T00:00:00Z',
  });
  const notChart = new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256Digest(new Uint8Array()),
        size: 0,
      },
      layers: [],
    }),
  );
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = req.url ?? '';
      if (url.startsWith('/v2/forbidden/')) {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }],
          }),
        );
      } else if (url === '/v2/tampered/bad/manifests/1.0.0') {
        res
          .writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
          .end(Buffer.from(artifact.manifest));
      } else if (url.startsWith('/v2/tampered/bad/blobs/')) {
        res.writeHead(200).end('not the bytes you asked for');
      } else if (url === '/v2/image/app/manifests/1.0.0') {
        res
          .writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
          .end(Buffer.from(notChart));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('403 names the registry and carries its error', async () => {
    const r = await cli(
      ['pull', `oci://${host}/forbidden/app`, '--version', '1.0.0', '--plain-http'],
      root,
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Error: ${host}: 403 Forbidden: get manifest forbidden/app:1.0.0 (DENIED: requested access to the resource is denied)\n`,
    );
  });

  test('a blob whose sha256 is not its digest is refused', async () => {
    const r = await cli(
      ['template', 'x', `oci://${host}/tampered/bad`, '--version', '1.0.0', '--plain-http'],
      root,
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `digest mismatch for ${host}/tampered/bad: expected ${artifact.chartDescriptor.digest}`,
    );
  });

  test("an image that is not a chart is refused with Helm's message", async () => {
    const r = await cli(
      ['template', 'x', `oci://${host}/image/app`, '--version', '1.0.0', '--plain-http'],
      root,
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'manifest does not contain minimum number of descriptors (2), descriptors found: 1',
    );
  });
});
