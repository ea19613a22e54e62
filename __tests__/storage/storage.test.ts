// The Storage facade (helm/helm pkg/storage/storage.go v3.21): history (ST-13), last
// (ST-14), deployed (ST-15) and pruning inside create (ST-16).
import { describe, expect, it } from '@jest/globals';
import { fakeSecretsApi } from '../../__fixtures__/fake-object-api.js';
import { mockRelease } from '../../__fixtures__/releases.js';
import type { Release, Status } from '../../src/release/types.js';
import {
  NoDeployedReleasesError,
  NoRevisionError,
  ReleaseNotFoundError,
  StorageError,
  type Driver,
} from '../../src/storage/driver.js';
import { makeKey } from '../../src/storage/keys.js';
import { MemoryDriver } from '../../src/storage/memory.js';
import { ApiNotFoundError, wrapError } from '../../src/storage/object-driver.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { PruneError, Storage } from '../../src/storage/storage.js';

const rel = (version: number, status: Status): Release =>
  mockRelease({ name: 'web', version, status });

async function storageWith(statuses: Status[], maxHistory = 0): Promise<Storage> {
  const s = new Storage(new MemoryDriver());
  for (const [i, st] of statuses.entries()) await s.create(rel(i + 1, st));
  s.maxHistory = maxHistory;
  return s;
}

const versions = async (s: Storage): Promise<number[]> =>
  (await s.history('web')).map((r) => r.version).sort((a, b) => a - b);

describe('history, last, deployed (ST-13, ST-14, ST-15)', () => {
  it('no history is release: not found; no deployed is "<name>" has no deployed releases', async () => {
    const s = new Storage(new MemoryDriver());
    await expect(s.history('web')).rejects.toBeInstanceOf(ReleaseNotFoundError);
    await expect(s.last('web')).rejects.toBeInstanceOf(ReleaseNotFoundError);
    await expect(s.deployed('web')).rejects.toThrow(new NoDeployedReleasesError('web'));
    await expect(s.deployed('web')).rejects.toThrow('"web" has no deployed releases');
    await expect(s.deployedAll('web')).rejects.toBeInstanceOf(NoDeployedReleasesError);
  });

  it.each<[string, Status[], number, number | undefined, number[]]>([
    ['last regardless of status', ['superseded', 'deployed', 'failed'], 3, 2, [2]],
    [
      'highest of several deployed',
      ['deployed', 'superseded', 'deployed', 'pending-upgrade'],
      4,
      3,
      [1, 3],
    ],
    ['none deployed', ['failed', 'uninstalled'], 2, undefined, []],
  ])('%s', async (_n, statuses, last, deployed, all) => {
    const s = await storageWith(statuses);
    expect((await s.last('web')).version).toBe(last);
    const dep = await s.deployed('web').then(
      (r) => r.version,
      () => undefined,
    );
    expect(dep).toBe(deployed);
    const every = await s.deployedAll('web').then(
      (l) => l.map((r) => r.version).sort(),
      () => [],
    );
    expect(every).toEqual(all);
  });

  it('get, update, delete go through makeKey', async () => {
    const s = await storageWith(['deployed']);
    const r = await s.get('web', 1);
    await s.update({ ...r, info: { ...r.info, status: 'superseded' } });
    expect((await s.get('web', 1)).info.status).toBe('superseded');
    expect((await s.delete('web', 1)).version).toBe(1);
    await expect(s.get('web', 1)).rejects.toBeInstanceOf(ReleaseNotFoundError);
    expect(await s.listReleases()).toEqual([]);
  });
});

describe('pruning in create (ST-16)', () => {
  it.each<[string, Status[], number, number[]]>([
    ['unlimited (0) keeps everything', ['superseded', 'superseded', 'deployed'], 0, [1, 2, 3, 4]],
    [
      'keeps max-1 old records plus the new one',
      ['superseded', 'superseded', 'deployed'],
      2,
      [3, 4],
    ],
    ['never deletes the deployed record', ['deployed', 'failed', 'failed'], 2, [1, 4]],
    [
      'skips the deployed one and continues',
      ['superseded', 'deployed', 'failed', 'failed'],
      3,
      [2, 4, 5],
    ],
    ['no deployed record: oldest go', ['failed', 'failed', 'failed'], 2, [3, 4]],
    ['under the limit: nothing deleted', ['deployed'], 5, [1, 2]],
    ['max 1 with a deployed record: it stays', ['superseded', 'deployed'], 1, [2, 3]],
  ])('%s', async (_n, statuses, max, want) => {
    const s = await storageWith(statuses, max);
    await s.create(rel(statuses.length + 1, 'pending-upgrade'));
    expect(await versions(s)).toEqual(want);
  });

  it('a first revision with max history set creates (history not found is ignored)', async () => {
    const s = new Storage(new MemoryDriver(), { maxHistory: 3 });
    await s.create(rel(1, 'pending-install'));
    expect(await versions(s)).toEqual([1]);
  });

  it('one failed deletion fails the create with that error', async () => {
    const api = fakeSecretsApi();
    const s = new Storage(new SecretsDriver(api));
    for (const [i, st] of (['superseded', 'superseded', 'deployed'] as Status[]).entries()) {
      await s.create(rel(i + 1, st));
    }
    s.maxHistory = 3;
    api.errors.delete = new Error('forbidden');
    await expect(s.create(rel(4, 'pending-upgrade'))).rejects.toThrow('forbidden');
    expect(api.objects.has(makeKey('web', 4))).toBe(false);
  });

  it('several failed deletions are collected: encountered <n> deletion errors', async () => {
    const api = fakeSecretsApi();
    const s = new Storage(new SecretsDriver(api));
    for (const [i, st] of (
      ['superseded', 'superseded', 'superseded', 'deployed'] as Status[]
    ).entries()) {
      await s.create(rel(i + 1, st));
    }
    s.maxHistory = 2;
    const forbidden = new Error('forbidden');
    api.errors.delete = forbidden;
    const err = await s.create(rel(5, 'pending-upgrade')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PruneError);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toBe('encountered 3 deletion errors. First is: forbidden');
    expect((err as PruneError).errors).toHaveLength(3);
    expect(api.calls.filter((c) => c.startsWith('delete'))).toEqual([
      `delete ${makeKey('web', 1)}`,
      `delete ${makeKey('web', 2)}`,
      `delete ${makeKey('web', 3)}`,
    ]);
  });

  it('a not-found deletion error does not fail the create (as errors.Is(ErrReleaseNotFound))', async () => {
    const s = await storageWith(['superseded', 'deployed'], 2);
    const driver = s.driver;
    const realDelete = driver.delete.bind(driver);
    driver.delete = async (key) => {
      await realDelete(key);
      throw new ReleaseNotFoundError();
    };
    await s.create(rel(3, 'pending-upgrade'));
    expect(await versions(s)).toEqual([2, 3]);
  });

  it('create of an existing revision is release: already exists', async () => {
    const s = await storageWith(['deployed']);
    await expect(s.create(rel(1, 'deployed'))).rejects.toThrow('release: already exists');
  });
});

describe('typed errors where callers branch (ST-14, ST-15)', () => {
  /** A driver whose query gives `answer` (the rest is never reached). */
  const querying = (answer: () => Promise<Release[]>): Storage =>
    new Storage({ ...new MemoryDriver(), name: 'Probe', query: answer } as unknown as Driver);

  it("last over records that all failed to decode is NoRevisionError with Helm's text", async () => {
    const s = querying(async () => []);
    await expect(s.last('web')).rejects.toBeInstanceOf(NoRevisionError);
    await expect(s.last('web')).rejects.toThrow('no revision for release "web"');
  });

  it("deployedAll turns the API's 404 under a driver wrapping into NoDeployedReleasesError", async () => {
    const s = querying(async () => {
      throw wrapError('query: failed to query with labels', new ApiNotFoundError('secrets', 'x'));
    });
    await expect(s.deployedAll('web')).rejects.toThrow(new NoDeployedReleasesError('web'));
  });

  it('deployedAll passes any other failure through, whatever its text says', async () => {
    const boom = new StorageError('query: failed: the thing was not found in the cache');
    const s = querying(async () => {
      throw boom;
    });
    await expect(s.deployedAll('web')).rejects.toBe(boom);
  });
});
