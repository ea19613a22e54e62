// Release history helpers (helm/helm pkg/releaseutil/{sorter,filter}.go v3.21; ST-14, ST-15).
import { describe, expect, it } from '@jest/globals';
import { mockRelease } from '../../__fixtures__/releases.js';
import {
  allFilter,
  anyFilter,
  filterReleases,
  lastDeployed,
  latest,
  reverse,
  sortByDate,
  sortByName,
  sortByRevision,
  statusFilter,
  unixSeconds,
} from '../../src/release/history.js';
import type { Release, Status } from '../../src/release/types.js';

const rel = (version: number, status: Status, name = 'a', lastDeployedAt = ''): Release => {
  const r = mockRelease({ name, version, status });
  r.info.last_deployed = lastDeployedAt;
  return r;
};

const versions = (l: Release[]): number[] => l.map((r) => r.version);

describe('sorters (sorter.go)', () => {
  const list = [rel(3, 'deployed'), rel(1, 'superseded'), rel(2, 'failed')];

  it('SortByRevision ascending, Reverse descending, input untouched', () => {
    expect(versions(sortByRevision(list))).toEqual([1, 2, 3]);
    expect(versions(reverse(list, sortByRevision))).toEqual([3, 2, 1]);
    expect(versions(list)).toEqual([3, 1, 2]);
  });

  it('SortByName', () => {
    const l = [rel(1, 'deployed', 'b'), rel(1, 'deployed', 'B'), rel(1, 'deployed', 'a')];
    expect(sortByName(l).map((r) => r.name)).toEqual(['B', 'a', 'b']);
  });

  it('SortByDate compares last_deployed in seconds; zero time first', () => {
    const l = [
      rel(1, 'deployed', 'x', '2024-01-01T10:00:00+02:00'),
      rel(2, 'deployed', 'y', '2024-01-01T09:00:00Z'),
      rel(3, 'deployed', 'z', ''),
    ];
    expect(sortByDate(l).map((r) => r.name)).toEqual(['z', 'x', 'y']);
    expect(unixSeconds('1970-01-01T00:00:01Z')).toBe(1);
  });
});

describe('latest (ST-14) and lastDeployed (ST-15)', () => {
  it.each<[string, Release[], number | undefined, number | undefined]>([
    ['empty', [], undefined, undefined],
    ['latest regardless of status', [rel(1, 'deployed'), rel(2, 'failed')], 2, 1],
    [
      'several deployed after an interrupted operation: highest wins',
      [rel(1, 'deployed'), rel(3, 'deployed'), rel(2, 'superseded'), rel(4, 'pending-upgrade')],
      4,
      3,
    ],
    ['none deployed', [rel(1, 'uninstalled')], 1, undefined],
  ])('%s', (_n, list, want, wantDeployed) => {
    expect(latest(list)?.version).toBe(want);
    expect(lastDeployed(list)?.version).toBe(wantDeployed);
  });
});

describe('filters (filter.go)', () => {
  const list = [rel(1, 'deployed'), rel(2, 'failed'), rel(3, 'superseded')];

  it.each<[string, (r: Release) => boolean, number[]]>([
    ['StatusFilter', statusFilter('failed'), [2]],
    ['Any', anyFilter(statusFilter('failed'), statusFilter('deployed')), [1, 2]],
    ['All', allFilter(statusFilter('failed'), (r) => r.version > 1), [2]],
    ['Any of none accepts nothing', anyFilter(), []],
    ['All of none accepts everything', allFilter(), [1, 2, 3]],
  ])('%s', (_n, f, want) => {
    expect(versions(filterReleases(list, f))).toEqual(want);
  });
});
