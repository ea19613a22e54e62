/**
 * Installing a chart's CustomResourceDefinitions before a case, outside any release: the
 * chart is rendered with its defaults and every CRD document is created, then awaited until
 * the server reports it Established (its kinds are served from then on).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadChart } from '../../src/chart/directory.js';
import type { KubeClient, KubeObject } from '../../src/kube/client.js';
import { renderChart } from '../../src/lifecycle/render-chart.js';
import { manifestObjects } from './checks.js';

const ESTABLISH_TIMEOUT_MS = 30_000;

function established(crd: KubeObject): boolean {
  const conditions = (crd as { status?: { conditions?: { type: string; status: string }[] } })
    .status?.conditions;
  return (conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');
}

export async function installCrds(kube: KubeClient, chartDir: string): Promise<void> {
  const rendered = renderChart(loadChart(chartDir), { releaseName: 'crds', namespace: 'default' });
  const crds = rendered.manifests
    .flatMap((m) => manifestObjects(m.content, 'default'))
    .filter((o) => o.kind === 'CustomResourceDefinition');
  for (const crd of crds) {
    delete crd.metadata.namespace;
    await kube.create(crd);
  }
  const deadline = Date.now() + ESTABLISH_TIMEOUT_MS;
  for (const crd of crds) {
    while (
      !established(
        await kube.get({ apiVersion: crd.apiVersion, kind: crd.kind, name: crd.metadata.name }),
      )
    ) {
      if (Date.now() > deadline) throw new Error(`CRD ${crd.metadata.name} not established`);
      await sleep(50);
    }
  }
}
