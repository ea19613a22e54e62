/**
 * A kind whose CRD is not installed (issue 9): Helm's Build maps every object of the manifest
 * through discovery before anything is written, and cli-runtime's builder fails an unmapped
 * kind with `resource mapping not found for name: "N" namespace: "NS" from "": no matches for
 * kind "K" in version "G/V"\nensure CRDs are installed first` (several aggregated as `[a, b]`),
 * wrapped by install as `unable to build kubernetes objects from release manifest` and by
 * upgrade unwrapped (prepareUpgrade's validateManifest builds the new manifest first; checked
 * against Helm 3.15.4 on the real server: `UPGRADE FAILED: resource mapping not found ...`). Nothing is created and no record is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundError } from '../../src/kube/client.js';
import { install } from '../../src/lifecycle/install.js';
import { clusterInfo } from '../../src/lifecycle/cluster-capabilities.js';
import { buildObjects, ResourceMappingError } from '../../src/lifecycle/objects.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, widgetCrd, writeChart } from './install-fixtures.js';

const foo = (name: string, ns?: string) =>
  `apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}`;

describe('buildObjects with discovery', () => {
  const discovery = {
    version: { gitVersion: 'v1.30.0', major: '1', minor: '30' },
    groupVersions: ['v1', 'example.com/v1', 'broken.io/v1'],
    resources: [{ groupVersion: 'v1', kinds: ['ConfigMap'] }],
    failed: [{ groupVersion: 'broken.io/v1', message: 'unavailable' }],
  };

  it('names every unmapped object as the declared manifest did, aggregated', () => {
    let err: unknown;
    try {
      buildObjects([configMapDoc('a'), foo('f1'), foo('f2', 'other')], 'rel-ns', { discovery });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ResourceMappingError);
    expect((err as Error).message).toBe(
      '[resource mapping not found for name: "f1" namespace: "" from "": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first, ' +
        'resource mapping not found for name: "f2" namespace: "other" from "": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first]',
    );
  });

  it('does not judge a group/version whose discovery failed, nor without discovery', () => {
    const broken = 'apiVersion: broken.io/v1\nkind: X\nmetadata:\n  name: x\n';
    expect(buildObjects([broken], 'ns', { discovery })).toHaveLength(1);
    expect(buildObjects([foo('f1')], 'ns')).toHaveLength(1);
  });
});

describe('install and upgrade of a kind without its CRD (simulator)', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster('crd-missing');
  });
  afterAll(async () => {
    await c.sim.close();
  });

  it('install fails with Helm message before creating anything', async () => {
    const cfg = config(c);
    const name = uniqueName('nocrd');
    const chart = writeChart('nocrd', {
      'a.yaml': `${configMapDoc(`${name}-cm`)}---\n${foo(`${name}-f`)}`,
    });
    await expect(
      install(cfg, chart, { releaseName: name, namespace: c.namespace }),
    ).rejects.toThrow(
      `unable to build kubernetes objects from release manifest: resource mapping not found for name: "${name}-f" namespace: "" from "": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first`,
    );
    const cmRef = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: `${name}-cm`,
      namespace: c.namespace,
    };
    await expect(c.client.get(cmRef)).rejects.toBeInstanceOf(NotFoundError);
    const records = await c.client.secrets(c.namespace).list(`owner=helm,name=${name}`);
    expect(records).toHaveLength(0);
  });

  it('upgrade fails with Helm message and leaves the deployed revision', async () => {
    const cfg = config(c);
    const name = uniqueName('nocrdup');
    const ok = writeChart('nocrdup', { 'a.yaml': configMapDoc(`${name}-cm`) });
    expect(
      (await install(cfg, ok, { releaseName: name, namespace: c.namespace })).release.info.status,
    ).toBe('deployed');
    const bad = writeChart('nocrdup', {
      'a.yaml': `${configMapDoc(`${name}-cm`)}---\n${foo(`${name}-f`, 'elsewhere')}`,
    });
    await expect(upgrade(cfg, name, bad, { namespace: c.namespace })).rejects.toThrow(
      `resource mapping not found for name: "${name}-f" namespace: "elsewhere" from "": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first`,
    );
    const records = await c.client.secrets(c.namespace).list(`owner=helm,name=${name}`);
    expect(records.map((r) => r.metadata.labels?.status)).toEqual(['deployed']);
  });

  it('maps the kinds of crds/ installed by the same command, even with discovery read before', async () => {
    const cfg = config(c);
    const name = uniqueName('withcrd');
    const group = `${name}.example.com`;
    const crd = widgetCrd(group);
    const chart = writeChart('withcrd', {
      '../crds/widget.yaml': crd,
      'w.yaml': `apiVersion: ${group}/v1\nkind: Widget\nmetadata:\n  name: ${name}-w\n`,
    });
    // Discovery cached on this Configuration before the CRD exists (as a verb that looked first).
    await clusterInfo(cfg);
    const res = await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    expect(res.release.info.status).toBe('deployed');
    const w = await c.client.get({
      apiVersion: `${group}/v1`,
      kind: 'Widget',
      name: `${name}-w`,
      namespace: c.namespace,
    });
    expect(w.metadata.name).toBe(`${name}-w`);
  });
});
