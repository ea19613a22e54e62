// The Secret and ConfigMap drivers' objects, labels and errors (helm/helm
// pkg/storage/driver/{secrets,cfgmaps}.go v3.21; ST-3, ST-4, ST-5, ST-7, ST-8).
import { describe, expect, it } from '@jest/globals';
import {
  fakeConfigMapsApi,
  fakeSecretsApi,
  secretWireData,
} from '../../__fixtures__/fake-object-api.js';
import { mockChart, mockRelease } from '../../__fixtures__/releases.js';
import { newUpgradeRelease } from '../../src/release/records.js';
import { decodeRelease } from '../../src/release/codec.js';
import { releaseToJson } from '../../src/release/json-encode.js';
import { ConfigMapsDriver } from '../../src/storage/configmaps.js';
import { StorageError } from '../../src/storage/driver.js';
import { makeKey } from '../../src/storage/keys.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';
import { manualClock } from '../../src/gotime/clock.js';

const KEY = 'sh.helm.release.v1.web.v3';
const web = () => mockRelease({ name: 'web', version: 3, labels: { team: 'a' } });

function setup() {
  const api = fakeSecretsApi('prod');
  const clock = manualClock(1700000000);
  const logs: string[] = [];
  const driver = new SecretsDriver(api, { clock, log: (m) => logs.push(m) });
  return { api, clock, logs, driver };
}

describe('Secret objects (ST-3, ST-4, ST-7)', () => {
  it('names the Secret by key, types it helm.sh/release.v1 and stores the encoded release', async () => {
    const { api, driver } = setup();
    expect(makeKey('web', 3)).toBe(KEY);
    await driver.create(KEY, web());
    const obj = api.objects.get(KEY);
    expect(obj?.type).toBe('helm.sh/release.v1');
    expect(obj?.metadata.labels).toEqual({
      team: 'a',
      createdAt: '1700000000',
      name: 'web',
      owner: 'helm',
      status: 'deployed',
      version: '3',
    });
    expect(Object.keys(obj?.data ?? {})).toEqual(['release']);
    expect(releaseToJson(decodeRelease(obj?.data?.release ?? ''))).toBe(releaseToJson(web()));
  });

  it('on the wire data.release is base64 of Helm base64 of gzip (ST-4)', async () => {
    const { api, driver } = setup();
    await driver.create(KEY, web());
    const obj = api.objects.get(KEY);
    const wire = secretWireData(obj ?? { metadata: { name: '' } }).release ?? '';
    const helmText = Buffer.from(wire, 'base64').toString('utf8');
    expect(helmText).toBe(obj?.data?.release);
    expect([...Buffer.from(helmText, 'base64').subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
  });

  it('update sets modifiedAt from the clock and the new status', async () => {
    const { api, clock, driver } = setup();
    await driver.create(KEY, web());
    clock.advance(60_000);
    const rel = web();
    rel.info.status = 'superseded';
    await driver.update(KEY, rel);
    expect(api.objects.get(KEY)?.metadata.labels).toEqual({
      team: 'a',
      modifiedAt: '1700000060',
      name: 'web',
      owner: 'helm',
      status: 'superseded',
      version: '3',
    });
  });
});

describe('labels read back (ST-7)', () => {
  it('get filters system labels; list and query keep them', async () => {
    const { driver } = setup();
    await driver.create(KEY, web());
    expect((await driver.get(KEY)).labels).toEqual({ team: 'a' });
    const full = {
      team: 'a',
      createdAt: '1700000000',
      name: 'web',
      owner: 'helm',
      status: 'deployed',
      version: '3',
    };
    expect((await driver.query({ name: 'web' }))[0]?.labels).toEqual(full);
    expect((await driver.list(() => true))[0]?.labels).toEqual(full);
  });

  it.each<[string, 'get' | 'query', Record<string, string>]>([
    [
      '[quirk] updating a record read by get loses createdAt',
      'get',
      {
        team: 'a',
        modifiedAt: '1700000060',
        name: 'web',
        owner: 'helm',
        status: 'superseded',
        version: '3',
      },
    ],
    [
      'updating a record read by query keeps createdAt',
      'query',
      {
        team: 'a',
        createdAt: '1700000000',
        modifiedAt: '1700000060',
        name: 'web',
        owner: 'helm',
        status: 'superseded',
        version: '3',
      },
    ],
  ])('%s', async (_n, how, want) => {
    const { api, clock, driver } = setup();
    await driver.create(KEY, web());
    clock.advance(60_000);
    const rel = how === 'get' ? await driver.get(KEY) : (await driver.query({ name: 'web' }))[0];
    if (!rel) throw new Error('no release');
    rel.info.status = 'superseded';
    await driver.update(KEY, rel);
    expect(api.objects.get(KEY)?.metadata.labels).toEqual(want);
  });
});

describe('upgrade over the Secret driver (upgrade.go + secrets.go; ST-7)', () => {
  it('[quirk] the new revision inherits the last revision createdAt through its labels', async () => {
    const { api, clock, driver } = setup();
    const storage = new Storage(driver);
    await storage.create(web());
    clock.advance(3_600_000);
    const last = await storage.last('web');
    const next = newUpgradeRelease({
      current: last,
      last,
      chart: mockChart(),
      config: null,
      manifest: '',
      hooks: [],
      notes: '',
      labels: { tier: 'x' },
      clock,
    });
    await storage.create(next);
    expect(api.objects.get(makeKey('web', 4))?.metadata.labels).toEqual({
      team: 'a',
      tier: 'x',
      createdAt: '1700000000',
      name: 'web',
      owner: 'helm',
      status: 'pending-upgrade',
      version: '4',
    });
  });
});

describe('API calls and error mapping (secrets.go)', () => {
  it('lists with Helm selectors', async () => {
    const { api, driver } = setup();
    await driver.create(KEY, web());
    await driver.list(() => true);
    await driver.query({ owner: 'helm', name: 'web' });
    expect(api.calls).toEqual([`create ${KEY}`, 'list owner=helm', 'list name=web,owner=helm']);
  });

  it.each<
    [string, 'get' | 'list' | 'create' | 'update', (d: SecretsDriver) => Promise<unknown>, string]
  >([
    ['get', 'get', (d) => d.get(KEY), `get: failed to get "${KEY}": boom`],
    ['list', 'list', (d) => d.list(() => true), 'list: failed to list: boom'],
    ['query', 'list', (d) => d.query({ name: 'web' }), 'query: failed to query with labels: boom'],
    ['create', 'create', (d) => d.create(KEY, web()), 'create: failed to create: boom'],
    ['update', 'update', (d) => d.update(KEY, web()), 'update: failed to update: boom'],
  ])('%s wraps other API errors', async (_n, method, call, message) => {
    const { api, driver } = setup();
    const boom = new Error('boom');
    api.errors[method] = boom;
    const err = await call(driver).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toBe(message);
    expect((err as Error).cause).toBe(boom);
  });

  it('update of a missing Secret reports the API NotFound, wrapped', async () => {
    const { driver } = setup();
    await expect(driver.update(KEY, web())).rejects.toThrow(
      `update: failed to update: secrets "${KEY}" not found`,
    );
  });

  it('skips and logs records that do not decode; get reports them', async () => {
    const { api, driver, logs } = setup();
    await driver.create(KEY, web());
    const bad = {
      metadata: { name: 'sh.helm.release.v1.web.v4', labels: { name: 'web', owner: 'helm' } },
      data: { release: 'e30' },
    };
    await api.create(bad);
    expect((await driver.query({ name: 'web' })).map((r) => r.version)).toEqual([3]);
    expect(logs).toEqual([
      'query: failed to decode release sh.helm.release.v1.web.v4: illegal base64 data at input byte 0',
    ]);
    await expect(driver.get(bad.metadata.name)).rejects.toThrow(
      /^get: failed to decode data "sh.helm.release.v1.web.v4": illegal base64/,
    );
  });

  it('rejects an invalid label value before calling the API', async () => {
    const { api, driver } = setup();
    await expect(driver.query({ name: 'not valid' })).rejects.toThrow(/^invalid label value/);
    expect(api.calls).toEqual([]);
  });
});

describe('ConfigMap driver (cfgmaps.go; ST-5)', () => {
  it('stores the encoded string in data.release, no type', async () => {
    const api = fakeConfigMapsApi();
    const driver = new ConfigMapsDriver(api, { clock: manualClock(5) });
    await driver.create(KEY, web());
    const obj = api.objects.get(KEY);
    expect(obj && 'type' in obj).toBe(false);
    expect(obj?.metadata.labels?.createdAt).toBe('5');
    expect(decodeRelease(obj?.data?.release ?? '').name).toBe('web');
  });

  it('passes API errors on unwrapped', async () => {
    const api = fakeConfigMapsApi();
    const boom = new Error('boom');
    api.errors.get = boom;
    await expect(new ConfigMapsDriver(api).get(KEY)).rejects.toBe(boom);
  });
});
