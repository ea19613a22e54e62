// Server-side apply bookkeeping (k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager,
// sigs.k8s.io/structured-merge-diff): field sets, ownership, conflicts, force, removal.
import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../src/simulator/errors.js';
import type { JsonObject } from '../../../src/simulator/json.js';
import { readManaged, recordUpdate, serverSideApply } from '../../../src/simulator/patch/apply.js';
import { describePath, fieldsOf, leaves } from '../../../src/simulator/patch/fieldset.js';

const actor = (manager: string) => ({ manager, apiVersion: 'v1', time: '2024-01-01T00:00:00Z' });
const keyed = { keyedLists: true };
const cm = (data: Record<string, string>): JsonObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'x', namespace: 'ns' },
  data,
});

describe('fieldsOf', () => {
  it('describes maps with f: and keyed list items with k: and .', () => {
    const fields = fieldsOf(
      {
        metadata: { name: 'x', labels: { a: '1' } },
        spec: { containers: [{ name: 'c', image: 'i' }], args: ['x'] },
      },
      keyed,
    );
    expect(fields).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': {
        'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:name': {}, 'f:image': {} } },
        'f:args': {},
      },
    });
  });

  it.each([
    [['f:spec', 'f:replicas'], '.spec.replicas'],
    [
      ['f:spec', 'f:containers', 'k:{"name":"app"}', 'f:image'],
      '.spec.containers[name="app"].image',
    ],
    [['f:metadata', 'f:finalizers', 'v:"a"'], '.metadata.finalizers[="a"]'],
  ])('describePath(%j) = %s', (path, text) => {
    expect(describePath(path)).toBe(text);
  });
});

describe('serverSideApply', () => {
  it('creates with the applier owning every applied field', () => {
    const obj = serverSideApply(undefined, cm({ a: '1' }), actor('m1'), { ...keyed, force: false });
    expect(obj.data).toEqual({ a: '1' });
    const [entry] = readManaged(obj);
    expect(entry).toMatchObject({ manager: 'm1', operation: 'Apply' });
    expect(leaves(entry.fields)).toEqual([['f:data', 'f:a']]);
  });

  it('a different value for a field another manager owns conflicts', () => {
    const live = serverSideApply(undefined, cm({ a: '1' }), actor('m1'), {
      ...keyed,
      force: false,
    });
    let err: unknown;
    try {
      serverSideApply(live, cm({ a: '2' }), actor('m2'), { ...keyed, force: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(409);
    expect((err as ApiError).message).toBe(
      'Apply failed with 1 conflict: conflict with "m1": .data.a',
    );
  });

  it('force moves ownership', () => {
    const live = serverSideApply(undefined, cm({ a: '1' }), actor('m1'), {
      ...keyed,
      force: false,
    });
    const next = serverSideApply(live, cm({ a: '2' }), actor('m2'), { ...keyed, force: true });
    expect(next.data).toEqual({ a: '2' });
    expect(readManaged(next).map((e) => e.manager)).toEqual(['m2']);
  });

  it('fields no longer applied are removed unless someone else owns them', () => {
    const live = serverSideApply(undefined, cm({ a: '1', b: '2' }), actor('m1'), {
      ...keyed,
      force: false,
    });
    const shared = serverSideApply(live, cm({ b: '2' }), actor('m2'), { ...keyed, force: false });
    const next = serverSideApply(shared, cm({}), actor('m1'), { ...keyed, force: false });
    expect(next.data).toEqual({ b: '2' });
  });
});

describe('recordUpdate', () => {
  it('gives an updater the fields it changed and takes them from others', () => {
    const live = serverSideApply(undefined, cm({ a: '1', b: '2' }), actor('m1'), {
      ...keyed,
      force: false,
    });
    const next = structuredClone(live);
    (next.data as JsonObject).a = 'changed';
    recordUpdate(live, next, actor('editor'), keyed);
    const entries = readManaged(next);
    expect(
      entries.map(
        (e) =>
          `${e.manager}:${e.operation}:${leaves(e.fields)
            .map((p) => p.join('/'))
            .join(',')}`,
      ),
    ).toEqual(['m1:Apply:f:data/f:b', 'editor:Update:f:data/f:a']);
  });
});
