/**
 * The action's chart and values: loaded for the commands that render (install, upgrade,
 * template) through the downloader, which resolves a local path, a repository or an OCI
 * reference (docs/design.md section 1, "The action").
 */
import { resolve } from 'node:path';
import type { Chart } from '../chart/types.js';
import { loadActionChart } from '../downloader/action-chart.js';
import type { GoMap } from '../gotemplate/values.js';
import type { ActionDeps } from './deps.js';
import { InputError, type ActionInputs } from './inputs.js';
import { Input } from './input-names.js';
import { execPostRenderer } from '../runtime/post-renderer.js';
import { userValues } from './values.js';
import { beforeUntrackedWrites } from '../runtime/side-effects.js';

/** `<name>-<version>`, or empty without a chart. */
export const chartName = (chart: Chart | undefined): string =>
  chart ? `${chart.metadata.name}-${chart.metadata.version}` : '';

export interface Loaded {
  chart: Chart | undefined;
  values: GoMap | undefined;
  chartDir: string;
  /** The `post-renderer` input's executable, found in the workspace or on PATH. */
  postRender?: (manifest: string) => string;
}

/** The post-renderer of the inputs; a binary not found is the input's error. */
function postRendererOf(
  inputs: ActionInputs,
  workspace: string,
  deps: ActionDeps,
): { postRender?: (manifest: string) => string } {
  if (!inputs.postRenderer) return {};
  try {
    const postRender = execPostRenderer(inputs.postRenderer, inputs.postRendererArgs, {
      env: deps.env,
      cwd: workspace,
    });
    return { postRender };
  } catch (err) {
    throw new InputError(Input.postRenderer, (err as Error).message);
  }
}

export async function load(
  inputs: ActionInputs,
  workspace: string,
  deps: ActionDeps,
): Promise<Loaded> {
  const chartDir = resolve(workspace, inputs.chart);
  const needsChart = ['install', 'upgrade', 'template'].includes(inputs.command);
  if (!needsChart) return { chart: undefined, values: undefined, chartDir };
  const post = postRendererOf(inputs, workspace, deps);
  const chart = await loadActionChart(inputs.source, {
    workspace,
    env: (name) => deps.env[name],
    log: (m) => deps.core.info(m.trimEnd()),
    // On the main thread, a run still clean moves to the large-stack worker before these.
    beforeWrites: beforeUntrackedWrites,
  });
  return { chart, values: userValues(inputs.values, workspace), chartDir, ...post };
}
