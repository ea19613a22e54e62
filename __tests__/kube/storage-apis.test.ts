/**
 * storage's Secret and ConfigMap drivers end-to-end over secrets-api.ts / configmaps-api.ts,
 * the real client and the simulator (ST-4, ST-5, ST-7, ST-8; helm/helm
 * pkg/storage/driver/{secrets,cfgmaps}.go).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mockRelease } from '../../__fixtures__/releases.js';
import { configMapsApi } from '../../src/kube/configmaps-api.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import { encodeRelease } from '../../src/release/codec.js';
import { ConfigMapsDriver } from '../../src/storage/configmaps.js';
import { ReleaseExistsError, ReleaseNotFoundError } from '../../src/storage/driver.js';
import { ApiAlreadyExistsError, ApiNotFoundError } from '../../src/storage/object-driver.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { manualClock } from '../../src/gotime/clock.js';
import { startCluster, type TestCluster } from './cluster.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('kube-storage');
});
afterAll(async () => {
  await c.sim.close();
});

const KEY = 'sh.helm.release.v1.web.v1';
const web = (version = 1) =>
  mockRelease({ name: 'web', version, namespace: 'ignored', labels: { team: 'a' } });

describe.each([
  [
    'Secret',
    () => new SecretsDriver(secretsApi(c.client, c.namespace), { clock: manualClock(1700000000) }),
  ],
  [
    'ConfigMap',
    () =>
      new ConfigMapsDriver(configMapsApi(c.client, `${c.namespace}-cm`), {
        clock: manualClock(1700000000),
      }),
  ],
])('%s driver over the cluster', (_kind, makeDriver) => {
  beforeAll(async () => {
    await c.client.ensureNamespace(`${c.namespace}-cm`);
  });

  it('creates, gets, refuses a duplicate, updates, lists and queries by labels', async () => {
    const driver = makeDriver();
    await driver.create(KEY, web());
    await expect(driver.create(KEY, web())).rejects.toBeInstanceOf(ReleaseExistsError);
    const got = await driver.get(KEY);
    expect(got.name).toBe('web');
    expect(got.labels).toEqual({ team: 'a' });
    const second = web(2);
    second.info.status = 'failed';
    await driver.create('sh.helm.release.v1.web.v2', second);
    const updated = web();
    updated.info.status = 'superseded';
    await driver.update(KEY, updated);
    expect((await driver.get(KEY)).info.status).toBe('superseded');
    const all = await driver.list(() => true);
    expect(all.map((r) => r.version).sort()).toEqual([1, 2]);
    const failed = await driver.query({ name: 'web', owner: 'helm', status: 'failed' });
    expect(failed.map((r) => r.version)).toEqual([2]);
    await expect(driver.get('sh.helm.release.v1.web.v9')).rejects.toBeInstanceOf(
      ReleaseNotFoundError,
    );
  });
});

describe('Secret wire format (ST-4)', () => {
  it("stores base64 of Helm's base64 release string in data.release, typed helm.sh/release.v1", async () => {
    const driver = new SecretsDriver(secretsApi(c.client, c.namespace), {
      clock: manualClock(1700000000),
    });
    const rel = web(7);
    const key = 'sh.helm.release.v1.web.v7';
    await driver.create(key, rel);
    const raw = await c.client.get({
      apiVersion: 'v1',
      kind: 'Secret',
      name: key,
      namespace: c.namespace,
    });
    const helmString = encodeRelease(rel);
    expect(raw.type).toBe('helm.sh/release.v1');
    expect((raw.data as Record<string, string>).release).toBe(
      Buffer.from(helmString).toString('base64'),
    );
    expect(raw.metadata.labels).toMatchObject({
      name: 'web',
      owner: 'helm',
      version: '7',
      createdAt: '1700000000',
    });
  });

  it('maps NotFound and AlreadyExists to the storage API errors', async () => {
    const api = secretsApi(c.client, c.namespace);
    await expect(api.get('absent')).rejects.toBeInstanceOf(ApiNotFoundError);
    await expect(api.delete('absent')).rejects.toBeInstanceOf(ApiNotFoundError);
    const obj = { metadata: { name: 'dup' }, data: { release: 'x' } };
    await api.create(obj);
    await expect(api.create(obj)).rejects.toBeInstanceOf(ApiAlreadyExistsError);
    await expect(api.get('dup')).resolves.toMatchObject({ data: { release: 'x' } });
    const maps = configMapsApi(c.client, c.namespace);
    await expect(maps.update({ metadata: { name: 'absent' }, data: {} })).rejects.toBeInstanceOf(
      ApiNotFoundError,
    );
  });
});
