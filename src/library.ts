/**
 * hookline as a library: the same engine the CLI and the action use, typed.
 *
 *   import { loadChart, renderChart } from 'hookline';
 *   const chart = loadChart('./charts/app');
 *   const { manifest, hooks, notes } = renderChart(chart, { releaseName: 'app', values });
 */
export { loadChart, loadDir, loadArchive } from './chart/directory.js';
export { loadFiles, ChartLoadError } from './chart/load.js';
export type { Chart, ChartFile, Metadata, Dependency, BufferedFile } from './chart/types.js';
export {
  renderChart,
  ReleaseRenderError,
  type RenderChartOptions,
} from './lifecycle/render-chart.js';
export {
  InvalidManifestError,
  KubeVersionMismatchError,
  type RenderedResources,
} from './lifecycle/render.js';
export { RenderError, type TemplateLocation } from './engine/errors.js';
export { mergeUserValues, type ValueOptions } from './values/options.js';
export type { Hook, HookEvent } from './release/hook.js';
export type { Manifest } from './manifest/sort.js';
export { startSimulator, type SimulatorOptions, type Simulator } from './simulator/index.js';
export { parseFaults, type FaultOptions } from './simulator/faults.js';
