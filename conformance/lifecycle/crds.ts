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

const rendered = new Map<string, KubeObject[]>();

/** The chart's CRDs, rendered once per run. */
function crdsOf(chartDir: string): KubeObject[] {
  let crds = rendered.get(chartDir);
  if (!crds) {
    const out = renderChart(loadChart(chartDir), { releaseName: 'crds', namespace: 'default' });
    crds = out.manifests
      .flatMap((m) => manifestObjects(m.content, 'default'))
      .filter((o) => o.kind === 'CustomResourceDefinition');
    rendered.set(chartDir, crds);
  }
  return crds.map((o) => structuredClone(o));
}

export async function installCrds(kube: KubeClient, chartDir: string): Promise<void> {
  const crds = crdsOf(chartDir);
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
