/**
 * hookline as a library: the same engine the CLI and the action use, typed.
 *
 *   import { loadChart, renderChart } from 'hookline';
 *   const chart = loadChart('./charts/app');
 *   const { manifest, hooks, notes } = renderChart(chart, { releaseName: 'app', values });
 */
import { installNodeEnvironment } from './node-environment.js';

// The library is an entry point: the pure core reads time through the installed environment.
installNodeEnvironment();

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
// Charts from registries and repositories (see README "Charts from registries and repositories").
export { classifyChartRef, type ChartRef } from './downloader/chart-ref.js';
export { fetchChart, type ChartSourceOptions, type FetchedChart } from './downloader/resolve.js';
export { dependencyBuild, dependencyUpdate } from './downloader/manager.js';
export { RegistryClient } from './registry/client.js';
export { pushChart } from './registry/push.js';
export { verifyProvenance } from './provenance/provenance.js';
