// The store's resourceVersion and watch semantics (apiserver/pkg/storage/cacher/watch_cache.go).
import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/simulator/errors.js';
import { Store, type StoreEvent } from '../../src/simulator/store.js';

const cm = (name: string) => ({ metadata: { name, namespace: 'ns' } });

describe('Store', () => {
  it('assigns increasing string resourceVersions', () => {
    const s = new Store(10, 100);
    const a = s.put('/configmaps', cm('a'), 'ADDED');
    const b = s.put('/configmaps', cm('b'), 'ADDED');
    expect([
      (a.metadata as { resourceVersion: string }).resourceVersion,
      (b.metadata as { resourceVersion: string }).resourceVersion,
    ]).toEqual(['101', '102']);
  });

  it('replays history after a resourceVersion, then streams', () => {
    const s = new Store(10, 100);
    s.put('/configmaps', cm('a'), 'ADDED');
    s.put('/configmaps', cm('b'), 'ADDED');
    const seen: StoreEvent[] = [];
    s.watch({
      resource: '/configmaps',
      fromRv: 101,
      filter: () => true,
      send: (e) => seen.push(e),
    });
    s.remove('/configmaps', cm('a'));
    expect(seen.map((e) => `${e.type}:${e.rv}`)).toEqual(['ADDED:102', 'DELETED:103']);
  });

  it('starts with ADDED for current objects when no resourceVersion is given', () => {
    const s = new Store(10, 100);
    s.put('/configmaps', cm('a'), 'ADDED');
    s.put('/configmaps', cm('a'), 'MODIFIED');
    const seen: StoreEvent[] = [];
    s.watch({ resource: '/configmaps', filter: () => true, send: (e) => seen.push(e) });
    expect(seen.map((e) => `${e.type}:${e.rv}`)).toEqual(['ADDED:102']);
  });

  it('a resourceVersion older than the kept history is 410 Expired', () => {
    const s = new Store(2, 100);
    for (const n of ['a', 'b', 'c', 'd']) s.put('/configmaps', cm(n), 'ADDED');
    let err: unknown;
    try {
      s.watch({ resource: '/configmaps', fromRv: 100, filter: () => true, send: () => undefined });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).toStatus()).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('filters by namespace', () => {
    const s = new Store(10, 100);
    const seen: string[] = [];
    s.watch({
      resource: '/configmaps',
      namespace: 'other',
      fromRv: 100,
      filter: () => true,
      send: (e) => seen.push(String((e.object.metadata as { name: string }).name)),
    });
    s.put('/configmaps', cm('a'), 'ADDED');
    s.put('/configmaps', { metadata: { name: 'b', namespace: 'other' } }, 'ADDED');
    expect(seen).toEqual(['b']);
  });

  it('an object entering or leaving a filtered watch arrives as ADDED or DELETED', () => {
    const s = new Store(10, 100);
    const labelled = (v: string) => ({ metadata: { name: 'a', namespace: 'ns', labels: { v } } });
    s.put('/configmaps', labelled('out'), 'ADDED');
    const seen: string[] = [];
    const filter = (o: Record<string, unknown>) =>
      (o.metadata as { labels: { v: string } }).labels.v === 'in';
    s.watch({
      resource: '/configmaps',
      fromRv: 101,
      filter,
      send: (e) => seen.push(`${e.type}:${e.rv}`),
    });
    s.put('/configmaps', labelled('in'), 'MODIFIED');
    s.put('/configmaps', labelled('in'), 'MODIFIED');
    s.put('/configmaps', labelled('out'), 'MODIFIED');
    s.put('/configmaps', labelled('out'), 'MODIFIED');
    expect(seen).toEqual(['ADDED:102', 'MODIFIED:103', 'DELETED:104']);
  });
});
