/**
 * Reliability under concurrency: 50 clients doing 2,000 mixed writes (optimistic updates with
 * resourceVersion preconditions, merge patches, create/delete cycles) while watches run. The store
 * must stay consistent: no lost update gets past a precondition, and every watch sees every change
 * of its objects, once, in resourceVersion order.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  connect,
  createNamespace,
  deleteNamespace,
  REAL,
  type Cluster,
  type Obj,
} from './harness.js';
import { seededRandom as rng } from '../../src/util/seeded-random.js';

jest.setTimeout(REAL ? 600_000 : 60_000);

const CLIENTS = 50;
const OPS_PER_CLIENT = 40;
const SHARED = 20;
const GROUPS = 4;

interface Frame {
  type: string;
  object: Obj;
}

describe('concurrent clients', () => {
  let c: Cluster;
  let ns: string;
  beforeAll(async () => {
    c = await connect();
    ns = await createNamespace(c, 'reliability');
  });
  afterAll(async () => {
    if (!c) return;
    if (ns) await deleteNamespace(c, ns);
    await c.close();
  });

  const path = (): string => `/api/v1/namespaces/${ns}/configmaps`;
  const json = { 'Content-Type': 'application/json' };

  it('keeps the store consistent and every watch complete and ordered', async () => {
    for (let i = 0; i < SHARED; i++) {
      const res = await c.raw(path(), {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          metadata: { name: `shared-${i}`, labels: { group: `g${i % GROUPS}`, run: ns } },
          data: { n: '0' },
        }),
      });
      expect(res.status).toBe(201);
    }
    const start =
      (await c.core.listNamespacedConfigMap({ namespace: ns })).metadata?.resourceVersion ?? '';
    const streams: Frame[][] = [];
    const controllers: AbortController[] = [];
    for (let g = 0; g <= GROUPS; g++) {
      const frames: Frame[] = [];
      streams.push(frames);
      const selector = g === GROUPS ? `run=${ns}` : `group=g${g}`;
      controllers.push(
        await c.watch.watch(
          path(),
          { resourceVersion: start, labelSelector: selector },
          (type, object) => frames.push({ type, object: object as Obj }),
          () => undefined,
        ),
      );
    }

    const increments = new Map<string, number>();
    const writes = new Map<string, string[]>();
    const note = (name: string, rv: string): void =>
      void writes.set(name, [...(writes.get(name) ?? []), rv]);
    let conflicts = 0;

    async function increment(name: string): Promise<void> {
      for (;;) {
        const cur = (await c.raw(`${path()}/${name}`)).json() as Obj & { data: { n: string } };
        const next = { ...cur, data: { ...cur.data, n: String(Number(cur.data.n) + 1) } };
        const res = await c.raw(`${path()}/${name}`, {
          method: 'PUT',
          headers: json,
          body: JSON.stringify(next),
        });
        if (res.status === 409) {
          conflicts++;
          continue;
        }
        expect(res.status).toBe(200);
        increments.set(name, (increments.get(name) ?? 0) + 1);
        note(name, String((res.json().metadata as Record<string, unknown>).resourceVersion));
        return;
      }
    }

    async function client(id: number): Promise<void> {
      const random = rng(id + 1);
      let own = 0;
      for (let op = 0; op < OPS_PER_CLIENT; op++) {
        const r = random();
        const shared = `shared-${Math.floor(random() * SHARED)}`;
        if (r < 0.55) await increment(shared);
        else if (r < 0.8) {
          const res = await c.raw(`${path()}/${shared}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/merge-patch+json' },
            body: JSON.stringify({ data: { [`c${id}`]: String(op) } }),
          });
          expect(res.status).toBe(200);
          note(shared, String((res.json().metadata as Record<string, unknown>).resourceVersion));
        } else {
          const name = `own-${id}-${own++}`;
          const created = await c.raw(path(), {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
              metadata: { name, labels: { group: `g${id % GROUPS}`, run: ns } },
              data: {},
            }),
          });
          expect(created.status).toBe(201);
          note(name, String((created.json().metadata as Record<string, unknown>).resourceVersion));
          const deleted = await c.raw(`${path()}/${name}`, { method: 'DELETE' });
          expect(deleted.status).toBe(200);
        }
      }
    }

    await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));

    for (let g = 0; g < GROUPS; g++) {
      await c.raw(path(), {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          metadata: { name: `marker-${g}`, labels: { group: `g${g}`, run: ns } },
        }),
      });
    }
    const deadline = Date.now() + (REAL ? 120_000 : 20_000);
    while (
      Date.now() < deadline &&
      !streams.every((f, g) =>
        f.some(
          (e) =>
            e.object.metadata?.name === (g === GROUPS ? `marker-${GROUPS - 1}` : `marker-${g}`),
        ),
      )
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const ctl of controllers) ctl.abort();

    for (let i = 0; i < SHARED; i++) {
      const name = `shared-${i}`;
      const final = (await c.raw(`${path()}/${name}`)).json() as { data: { n: string } };
      expect(Number(final.data.n)).toBe(increments.get(name) ?? 0);
    }
    streams.forEach((frames, g) => {
      const rvs = frames.map((f) => Number(f.object.metadata?.resourceVersion));
      expect(rvs.every((rv, i) => i === 0 || rv > rvs[i - 1])).toBe(true);
      for (const [name, rvList] of writes) {
        const group = name.startsWith('shared-')
          ? `g${Number(name.slice(7)) % GROUPS}`
          : `g${Number(name.split('-')[1]) % GROUPS}`;
        if (g !== GROUPS && group !== `g${g}`) continue;
        const seen = frames
          .filter((f) => f.object.metadata?.name === name && f.type !== 'DELETED')
          .map((f) => String(f.object.metadata?.resourceVersion));
        expect(seen).toEqual(rvList.sort((a, b) => Number(a) - Number(b)));
        if (name.startsWith('own-'))
          expect(frames.filter((f) => f.object.metadata?.name === name).map((f) => f.type)).toEqual(
            ['ADDED', 'DELETED'],
          );
      }
    });
    expect(conflicts).toBeGreaterThan(0);
  });
});
