/**
 * Watch (apiserver/pkg/endpoints/handlers/watch.go, storage/cacher): events in resourceVersion
 * order from a given version, selectors, timeoutSeconds, bookmarks, 410 Expired for old versions.
 */
import { expect } from '@jest/globals';
import { it } from './real-differences.js';
import { collectWatch, configMap, uniqueName, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

const rvOf = (o: Obj): number => Number(o.metadata?.resourceVersion);

export function watchCases(ctx: Ctx): void {
  const path = (): string => `/api/v1/namespaces/${ctx.ns}/configmaps`;

  it('from a list resourceVersion: ADDED, MODIFIED, DELETED in increasing resourceVersion', async () => {
    const name = uniqueName('w');
    const list = await ctx.c.core.listNamespacedConfigMap({ namespace: ctx.ns });
    const events = await collectWatch(
      ctx.c,
      path(),
      {
        resourceVersion: list.metadata?.resourceVersion ?? '',
        fieldSelector: `metadata.name=${name}`,
      },
      async () => {
        await ctx.c.objects.create(configMap(ctx.ns, name));
        await ctx.c.objects.patch(
          configMap(ctx.ns, name, { data: { a: '2' } }),
          undefined,
          undefined,
          'test',
          undefined,
          'application/merge-patch+json' as never,
        );
        await ctx.c.objects.delete(configMap(ctx.ns, name));
      },
      (evs) => evs.some((e) => e.type === 'DELETED'),
    );
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    const rvs = events.map((e) => rvOf(e.object));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
    expect(new Set(rvs).size).toBe(3);
  });

  it('without a resourceVersion it starts with ADDED for existing objects', async () => {
    const set = uniqueName('w');
    await ctx.c.objects.create(configMap(ctx.ns, `${set}-1`, { metadata: { labels: { set } } }));
    await ctx.c.objects.create(configMap(ctx.ns, `${set}-2`, { metadata: { labels: { set } } }));
    const events = await collectWatch(
      ctx.c,
      path(),
      { labelSelector: `set=${set}` },
      async () => undefined,
      (evs) => evs.length >= 2,
    );
    expect(events.map((e) => `${e.type}:${e.object.metadata?.name}`).sort()).toEqual([
      `ADDED:${set}-1`,
      `ADDED:${set}-2`,
    ]);
  });

  it('a labelSelector limits the events to matching objects', async () => {
    const set = uniqueName('w');
    const list = await ctx.c.core.listNamespacedConfigMap({ namespace: ctx.ns });
    const events = await collectWatch(
      ctx.c,
      path(),
      {
        resourceVersion: list.metadata?.resourceVersion ?? '',
        labelSelector: `set=${set},keep=yes`,
      },
      async () => {
        await ctx.c.objects.create(
          configMap(ctx.ns, `${set}-skip`, { metadata: { labels: { set } } }),
        );
        await ctx.c.objects.create(
          configMap(ctx.ns, `${set}-keep`, { metadata: { labels: { set, keep: 'yes' } } }),
        );
      },
      (evs) => evs.length >= 1,
    );
    expect(events.map((e) => e.object.metadata?.name)).toEqual([`${set}-keep`]);
  });

  it('timeoutSeconds ends the stream', async () => {
    // A server that ignored timeoutSeconds would keep the stream open past the test's timeout.
    await new Promise<void>((resolve, reject) => {
      ctx.c.watch
        .watch(
          path(),
          { timeoutSeconds: 1 },
          () => undefined,
          () => resolve(),
        )
        .catch(reject);
    });
  });

  it('a compacted resourceVersion gets an ERROR event with code 410', async () => {
    const res = await ctx.c.raw(`${path()}?watch=true&resourceVersion=1&timeoutSeconds=2`);
    const frames = res.text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            object: { code?: number; reason?: string; kind?: string };
          },
      );
    expect(res.status).toBe(200);
    expect(frames[0]).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired' },
    });
  });

  it('allowWatchBookmarks is accepted and bookmarks carry a resourceVersion', async () => {
    const res = await ctx.c.raw(
      `${path()}?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dnone`,
    );
    expect(res.status).toBe(200);
    const frames = res.text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type: string; object: Obj });
    for (const f of frames) {
      expect(f.type).toBe('BOOKMARK');
      expect(f.object.metadata?.resourceVersion).toMatch(/^\d+$/);
    }
  });

  it('an object relabelled into or out of a watched selector arrives as ADDED or DELETED', async () => {
    const name = uniqueName('w');
    await ctx.c.objects.create(configMap(ctx.ns, name, { metadata: { labels: { phase: 'out' } } }));
    const list = await ctx.c.core.listNamespacedConfigMap({ namespace: ctx.ns });
    const relabel = (phase: string) =>
      ctx.c.raw(`${path()}/${name}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ metadata: { labels: { phase } } }),
      });
    const events = await collectWatch(
      ctx.c,
      path(),
      { resourceVersion: list.metadata?.resourceVersion ?? '', labelSelector: `phase=in` },
      async () => {
        await relabel('in');
        await relabel('out');
      },
      (evs) => evs.some((e) => e.type === 'DELETED' && e.object.metadata?.name === name),
    );
    expect(events.filter((e) => e.object.metadata?.name === name).map((e) => e.type)).toEqual([
      'ADDED',
      'DELETED',
    ]);
  });
}
