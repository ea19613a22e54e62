/**
 * The `template` command: render only, no cluster. A template error with a location becomes an
 * annotation on the template's file and line in the repository (`<chart dir>/<path in chart>`).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Chart } from '../chart/types.js';
import { RenderError } from '../engine/errors.js';
import type { GoMap } from '../gotemplate/values.js';
import { contextNamespace } from '../kube/kubeconfig-namespace.js';
import { renderChart } from '../lifecycle/render-chart.js';
import type { RenderedResources } from '../lifecycle/render.js';
import type { ActionDeps, Annotation } from './deps.js';
import type { ActionInputs } from './inputs.js';
import type { Loaded } from './load.js';
import { writeManifestFile } from './manifest-file.js';
import { maskManifests } from './mask.js';
import { manifestDigest } from './outputs.js';
import type { Report } from './report.js';

export type { Annotation } from './deps.js';

/** The RenderError (possibly wrapped, e.g. in ReleaseRenderError) of a failed render. */
export function renderErrorOf(err: unknown): RenderError | undefined {
  for (let e = err, d = 0; d < 5; d++) {
    if (e instanceof RenderError) return e;
    if (e instanceof Error) e = e.cause ?? (e as { reason?: unknown }).reason;
    else return undefined;
  }
  return undefined;
}

/**
 * Where to annotate: the location's file is `<chart name>/<path in chart>` (subcharts:
 * `<chart>/charts/<sub>/templates/...`), so the chart name is replaced by the chart directory.
 */
export function annotationOf(err: unknown, chartDir: string): Annotation | undefined {
  const loc = renderErrorOf(err)?.location;
  if (!loc) return undefined;
  const inChart = loc.file.split('/').slice(1).join('/');
  return {
    file: join(chartDir, inChart),
    startLine: loc.line,
    ...(loc.col !== undefined ? { startColumn: loc.col + 1 } : {}),
  };
}

export function renderTemplate(
  chart: Chart,
  opts: {
    release: string;
    namespace: string;
    values: GoMap;
    postRender?: ((manifest: string) => string) | undefined;
  },
): RenderedResources {
  return renderChart(chart, {
    releaseName: opts.release,
    namespace: opts.namespace || 'default',
    values: opts.values,
    ...(opts.postRender ? { postRender: opts.postRender } : {}),
  });
}

/** The `template` command: render, mask its Secrets, write the manifest file, report. */
export function runTemplate(
  deps: ActionDeps,
  inputs: ActionInputs,
  loaded: Loaded,
  report: Report,
): void {
  // The namespace input, else the kubeconfig input's context's (as for the cluster commands).
  const fromContext = inputs.kubeconfig
    ? contextNamespace(inputs.kubeconfig, inputs.context || undefined)
    : undefined;
  const r = renderTemplate(loaded.chart!, {
    release: inputs.release,
    namespace: inputs.namespace || fromContext || 'default',
    values: loaded.values!,
    postRender: loaded.postRender,
  });
  maskManifests(deps.core, r.manifest);
  const file = writeManifestFile({
    dir: deps.env.RUNNER_TEMP || tmpdir(),
    release: inputs.release,
    manifest: r.manifest,
  });
  Object.assign(report.data, {
    outcome: 'rendered',
    status: 'rendered',
    notes: r.notes,
    manifestDigest: manifestDigest(r.manifest),
    template: file,
  });
  report.manifest = r.manifest;
  report.manifestPath = file.path;
}
