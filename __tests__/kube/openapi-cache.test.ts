/**
 * /openapi/v2 through the real node-client against the simulator, with and without the disk
 * cache (src/kube/openapi-cache.ts): revalidated by ETag, answered from the file on 304, written
 * anew when the server's document changes, and never failing a command.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeClient } from '../../src/kube/node-client.js';
import { cacheHome, diskOpenApiCache } from '../../src/kube/openapi-cache.js';
import { reducedDocument } from '../../src/kube/openapi-models.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { JsonObject } from '../../src/simulator/json.js';

const DOC = JSON.parse(
  readFileSync(new URL('../fixtures/openapi-v2-k8s-1.20.json', import.meta.url), 'utf8'),
) as JsonObject;

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-oapi-cache-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('openApiV2 with a disk cache', () => {
  it('keeps the reduced document, answers from it on 304 and refreshes it when it changes', async () => {
    const dir = tempDir();
    let sim = await startSimulator({ openApiV2: DOC });
    const port = sim.port;
    try {
      const client = () =>
        createNodeClient({ kubeconfig: sim.kubeconfig, openApiCache: diskOpenApiCache(dir) });
      expect(await client().openApiV2()).toEqual(reducedDocument(DOC));
      const [file] = readdirSync(dir);
      expect(file).toBe(`openapi-v2-http___127.0.0.1_${port}.json`);
      const entry = JSON.parse(readFileSync(join(dir, file!), 'utf8')) as {
        etag: string;
        document: Record<string, unknown>;
      };
      expect(entry.etag).toMatch(/^"[0-9A-F]{128}"$/);
      // A marker in the file shows the next answer came from it (the server said 304).
      entry.document.marker = 'from the cache';
      writeFileSync(join(dir, file!), JSON.stringify(entry));
      expect(await client().openApiV2()).toMatchObject({ marker: 'from the cache' });

      // The same server with another document: a new ETag, the new document, the file renewed.
      await sim.close();
      const changed = { ...DOC, info: { title: 'Kubernetes', version: 'v1.20.3' } };
      delete (changed as { definitions?: unknown }).definitions;
      sim = await startSimulator({ port, openApiV2: changed });
      expect(await client().openApiV2()).toEqual(reducedDocument(changed));
      expect(JSON.parse(readFileSync(join(dir, file!), 'utf8')).etag).not.toBe(entry.etag);
    } finally {
      await sim.close();
    }
  });

  it('reads the whole document without a cache, and a cache it cannot write changes nothing', async () => {
    const sim = await startSimulator({ openApiV2: DOC });
    // A directory below a file cannot be made, whoever runs the test.
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    try {
      expect(await createNodeClient({ kubeconfig: sim.kubeconfig }).openApiV2()).toEqual(DOC);
      const unwritable = createNodeClient({
        kubeconfig: sim.kubeconfig,
        openApiCache: diskOpenApiCache(join(blocked, 'cache')),
      });
      expect(await unwritable.openApiV2()).toEqual(reducedDocument(DOC));
      expect(await unwritable.openApiV2()).toEqual(reducedDocument(DOC));
    } finally {
      await sim.close();
    }
  });

  it('treats an unreadable cache file as a miss', () => {
    const dir = tempDir();
    const cache = diskOpenApiCache(dir);
    writeFileSync(join(dir, 'openapi-v2-https___a.example.json'), '{not json');
    expect(cache.read('https://a.example')).toBeUndefined();
    cache.write('https://a.example', { etag: '"x"', document: { definitions: {} } });
    expect(cache.read('https://a.example')).toEqual({ etag: '"x"', document: { definitions: {} } });
  });
});

describe('cacheHome', () => {
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  it("is HOOKLINE_CACHE_HOME, else XDG_CACHE_HOME's or HOME's, as Helm's cache home", () => {
    expect(cacheHome(env({ HOOKLINE_CACHE_HOME: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' }))).toBe(
      '/c',
    );
    expect(cacheHome(env({ XDG_CACHE_HOME: '/x', HOME: '/h' }))).toBe('/x/hookline');
    expect(cacheHome(env({ HOME: '/h' }))).toBe('/h/.cache/hookline');
    expect(cacheHome(env({}))).toBeUndefined();
  });
});
