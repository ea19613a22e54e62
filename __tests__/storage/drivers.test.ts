// The Driver contract (helm/helm pkg/storage/driver/driver.go v3.21) run against every driver:
// memory.go, secrets.go and cfgmaps.go (the latter two over in-memory APIs, Helm's
// mock_test.go style). ST-3, ST-8, ST-13.
import { describe, expect, it } from '@jest/globals';
import { fakeConfigMapsApi, fakeSecretsApi } from '../../__fixtures__/fake-object-api.js';
import { mockRelease } from '../../__fixtures__/releases.js';
import { ConfigMapsDriver } from '../../src/storage/configmaps.js';
import type { Driver } from '../../src/storage/driver.js';
import { ReleaseExistsError, ReleaseNotFoundError } from '../../src/storage/driver.js';
import { makeKey } from '../../src/storage/keys.js';
import { MemoryDriver } from '../../src/storage/memory.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { fixedClock } from '../../src/gotime/clock.js';

const clock = fixedClock(1700000000);

const drivers: [string, () => Driver][] = [
  ['Memory', () => new MemoryDriver()],
  ['Secret', () => new SecretsDriver(fakeSecretsApi(), { clock })],
  ['ConfigMap', () => new ConfigMapsDriver(fakeConfigMapsApi(), { clock })],
];

async function seeded(make: () => Driver): Promise<Driver> {
  const d = make();
  await d.create(makeKey('a', 1), mockRelease({ name: 'a', version: 1, status: 'superseded' }));
  await d.create(makeKey('a', 2), mockRelease({ name: 'a', version: 2, status: 'deployed' }));
  await d.create(makeKey('b', 1), mockRelease({ name: 'b', version: 1, status: 'failed' }));
  return d;
}

describe.each(drivers)('%s driver', (name, make) => {
  it('has Helm name', () => {
    expect(make().name).toBe(name);
  });

  it('get returns the stored record; missing key is release: not found', async () => {
    const d = await seeded(make);
    const rel = await d.get(makeKey('a', 2));
    expect([rel.name, rel.version, rel.info.status]).toEqual(['a', 2, 'deployed']);
    const err = await d.get(makeKey('a', 9)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReleaseNotFoundError);
    expect((err as Error).message).toBe('release: not found');
  });

  it('create of a taken key is release: already exists (ST-8)', async () => {
    const d = await seeded(make);
    await expect(d.create(makeKey('a', 1), mockRelease({ name: 'a' }))).rejects.toBeInstanceOf(
      ReleaseExistsError,
    );
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['name and owner (history, ST-13)', { name: 'a', owner: 'helm' }, ['a1', 'a2']],
    ['status', { name: 'a', owner: 'helm', status: 'deployed' }, ['a2']],
    ['owner only', { owner: 'helm' }, ['a1', 'a2', 'b1']],
  ])('query by %s', async (_n, labels, want) => {
    const d = await seeded(make);
    const got = (await d.query(labels)).map((r) => `${r.name}${r.version}`).sort();
    expect(got).toEqual(want);
  });

  it('query without match is release: not found; list without match is empty', async () => {
    const d = await seeded(make);
    await expect(d.query({ name: 'zzz', owner: 'helm' })).rejects.toBeInstanceOf(
      ReleaseNotFoundError,
    );
    expect(await d.list(() => false)).toEqual([]);
  });

  it('list filters decoded records', async () => {
    const d = await seeded(make);
    const got = await d.list((r) => r.info.status !== 'deployed');
    expect(got.map((r) => `${r.name}${r.version}`).sort()).toEqual(['a1', 'b1']);
  });

  it('update rewrites the record and its status label', async () => {
    const d = await seeded(make);
    const rel = mockRelease({ name: 'a', version: 2, status: 'superseded' });
    await d.update(makeKey('a', 2), rel);
    expect((await d.get(makeKey('a', 2))).info.status).toBe('superseded');
    await expect(d.query({ name: 'a', status: 'deployed' })).rejects.toBeInstanceOf(
      ReleaseNotFoundError,
    );
  });

  it('delete returns the record and removes it', async () => {
    const d = await seeded(make);
    expect((await d.delete(makeKey('a', 1))).version).toBe(1);
    await expect(d.get(makeKey('a', 1))).rejects.toBeInstanceOf(ReleaseNotFoundError);
    await expect(d.delete(makeKey('a', 1))).rejects.toBeInstanceOf(ReleaseNotFoundError);
  });
});
