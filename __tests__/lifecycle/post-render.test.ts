/**
 * `--post-renderer` through install and upgrade (helm/helm pkg/action/action.go renderResources:
 * the manifest, never the hooks, goes through the post-renderer; what it returns is the
 * release's manifest and what is applied), on the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { install } from '../../src/lifecycle/install.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, writeChart } from './install-fixtures.js';

describe('post-rendering (simulator)', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster('postrender');
  });
  afterAll(async () => {
    await c.sim.close();
  });

  it('applies and records what the post-renderer returns, and leaves hooks alone', async () => {
    const name = uniqueName('pr');
    const hook = configMapDoc(`${name}-hook`, { 'helm.sh/hook': 'pre-install,pre-upgrade' });
    const chart = writeChart('pr', { 'cm.yaml': configMapDoc(`${name}-cm`), 'hook.yaml': hook });
    const seen: string[] = [];
    const postRender = (suffix: string) => (manifest: string) => {
      seen.push(manifest);
      return `${manifest}---\n${configMapDoc(`${name}-${suffix}`)}`;
    };
    const cfg = config(c);
    const r = await install(cfg, chart, {
      releaseName: name,
      namespace: c.namespace,
      postRender: postRender('added'),
    });
    expect(r.release.info.status).toBe('deployed');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain(`name: ${name}-cm`);
    expect(seen[0]).not.toContain('helm.sh/hook');
    expect(r.release.manifest).toBe(`${seen[0]}---\n${configMapDoc(`${name}-added`)}`);
    const get = (n: string) =>
      c.client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: n, namespace: c.namespace });
    expect((await get(`${name}-added`)).metadata.name).toBe(`${name}-added`);

    // The upgrade's post-renderer output replaces it: the object only the old output had goes.
    const u = await upgrade(cfg, name, chart, {
      namespace: c.namespace,
      postRender: postRender('renamed'),
    });
    expect(u.release.info.status).toBe('deployed');
    expect((await get(`${name}-renamed`)).metadata.name).toBe(`${name}-renamed`);
    await expect(get(`${name}-added`)).rejects.toThrow();
  });

  it('fails the install as a render failure, storing nothing', async () => {
    const name = uniqueName('prfail');
    const chart = writeChart('prfail', { 'cm.yaml': configMapDoc(`${name}-cm`) });
    await expect(
      install(config(c), chart, {
        releaseName: name,
        namespace: c.namespace,
        postRender: () => {
          throw new Error(
            'error while running command /bin/kustomize. error output:\nboom\n: exit status 1',
          );
        },
      }),
    ).rejects.toThrow(
      'error while running post render on files: error while running command /bin/kustomize. error output:\nboom\n: exit status 1',
    );
    const records = await c.client.secrets(c.namespace).list(`owner=helm,name=${name}`);
    expect(records).toEqual([]);
  });
});
