/**
 * Install.installCRDs (helm-semantics §4.1 step 4; helm/helm pkg/action/install.go, v3.15.4 and
 * v3.21.4) on the simulator: messages name the file as its chart has it (`crds/x.yaml`, also in a
 * subchart), a refused create is go-multierror's list (KubeClient.Create), a file whose CRD
 * exists is skipped and logged by the CRD's name, and an empty file fails as `no objects
 * visited`. Helm 3.15.4 on the real server printed the same for kube-prometheus-stack
 * (__tests__/realcluster/validation.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadChart } from '../../src/chart/directory.js';
import { install } from '../../src/lifecycle/install.js';
import { multierrorText } from '../../src/lifecycle/resources.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, widgetCrd, writeChart } from './install-fixtures.js';

describe('multierrorText (go-multierror ListFormatFunc)', () => {
  it('lists one error or several as Helm 3 prints them', () => {
    expect(multierrorText([new Error('a')])).toBe('1 error occurred:\n\t* a\n\n');
    expect(multierrorText([new Error('a'), new Error('b')])).toBe(
      '2 errors occurred:\n\t* a\n\t* b\n\n',
    );
  });
});

describe('installing crds/ (simulator)', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster('crds');
  });
  afterAll(async () => {
    await c.sim.close();
  });

  it('names a refused file as its chart does, with the create errors listed', async () => {
    const name = uniqueName('badcrd');
    // An upper-case name: the server refuses the CRD.
    const bad = widgetCrd(`${name}.example.com`).replace('name: widgets.', 'name: Widgets.');
    const chart = writeChart('badcrd', {
      '../crds/bad.yaml': bad,
      'cm.yaml': configMapDoc(`${name}-cm`),
    });
    const err = await install(config(c), chart, { releaseName: name, namespace: c.namespace })
      .then(() => undefined)
      .catch((e: unknown) => e as Error);
    expect(err?.message).toMatch(
      /^failed to install CRD crds\/bad\.yaml: 1 error occurred:\n\t\* CustomResourceDefinition\.apiextensions\.k8s\.io "Widgets\.[a-z0-9-]+\.example\.com" is invalid: .*\n\n$/s,
    );
  });

  it("names a subchart's file by its own crds/ path", async () => {
    const name = uniqueName('subcrd');
    const dir = mkdtempSync(join(tmpdir(), 'hookline-chart-'));
    const files: Record<string, string> = {
      'Chart.yaml': 'apiVersion: v2\nname: parent\nversion: 0.1.0\n',
      'templates/cm.yaml': configMapDoc(`${name}-cm`),
      'charts/child/Chart.yaml': 'apiVersion: v2\nname: child\nversion: 0.1.0\n',
      'charts/child/crds/empty.yaml': '# nothing here\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const err = await install(config(c), loadChart(dir), {
      releaseName: name,
      namespace: c.namespace,
    }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toBe(
      'failed to install CRD crds/empty.yaml: no objects visited',
    );
  });

  it('skips a file whose CRD exists, logging the CRD by name', async () => {
    const group = `${uniqueName('dup')}.example.com`;
    const chart = () =>
      writeChart('dupcrd', { '../crds/w.yaml': widgetCrd(group), 'cm.yaml': configMapDoc('x') });
    await install(config(c), chart(), { releaseName: uniqueName('one'), namespace: c.namespace });
    const second = config(c);
    const other = uniqueName('two');
    const again = writeChart('dupcrd', {
      '../crds/w.yaml': widgetCrd(group),
      'cm.yaml': configMapDoc(`${other}-cm`),
    });
    const r = await install(second, again, { releaseName: other, namespace: c.namespace });
    expect(r.release.info.status).toBe('deployed');
    expect(second.log.infos).toContain(`CRD widgets.${group} is already present. Skipping.`);
  });
});
