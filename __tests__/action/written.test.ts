/**
 * Issue 8 item 3: the report lists resources as created/updated/deleted only when the API
 * server accepted the write; the recording client also carries the step log's wait progress.
 */
import { describe, expect, it } from '@jest/globals';
import { manifestChanges } from '../../src/action/changes.js';
import { recordWrites } from '../../src/action/written.js';
import type { KubeClient, KubeObject } from '../../src/kube/client.js';

const cm = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'prod' },
});

function fakeKube(): KubeClient {
  return {
    defaultNamespace: 'prod',
    apply: async (o: KubeObject) => {
      if (o.metadata.name === 'rejected') throw new Error('Invalid');
      return o;
    },
    delete: async () => true,
    get: async (r: { name: string }) => cm(r.name),
  } as unknown as KubeClient;
}

describe('recordWrites', () => {
  it('records the writes and deletions that succeeded, keyed like the manifest', async () => {
    const { kube, written } = recordWrites(fakeKube());
    await kube.apply(cm('ok'));
    await expect(kube.apply(cm('rejected'))).rejects.toThrow('Invalid');
    await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'read' });
    await kube.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'gone' });
    expect(written.wrote('|ConfigMap|prod|ok')).toBe(true);
    expect(written.wrote('|ConfigMap|prod|rejected')).toBe(false);
    expect(written.wrote('|ConfigMap|prod|read')).toBe(false);
    expect(written.deleted('|ConfigMap|prod|gone')).toBe(true);
  });

  it('filters manifest changes to what happened', async () => {
    const { kube, written } = recordWrites(fakeKube());
    await kube.apply(cm('ok'));
    const doc = (n: string) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;
    const changes = manifestChanges(doc('gone'), doc('ok') + doc('rejected'), {
      namespace: 'prod',
      happened: (action, key) => (action === 'deleted' ? written.deleted(key) : written.wrote(key)),
    });
    expect(changes.map((c) => `${c.action} ${c.object}`)).toEqual(['created ConfigMap/ok']);
  });

  it("exposes the step log's progress callback as the client's waitProgress", () => {
    const seen: string[] = [];
    const { kube } = recordWrites(fakeKube(), (p) => void seen.push(p.join('; ')));
    kube.waitProgress?.(['Deployment web: 0/2 ready']);
    expect(seen).toEqual(['Deployment web: 0/2 ready']);
  });
});
