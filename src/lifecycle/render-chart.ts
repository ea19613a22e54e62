/**
 * `renderChart(chart, options)`: Helm's install path up to rendering, for a loaded chart
 * (helm/helm pkg/action/install.go `RunWithContext` in client-only mode): installability and
 * dependency checks, dependency processing (conditions, tags, aliases, import-values),
 * capabilities, release name validation, values with schema validation, then renderResources.
 * Pure: the chart and user values come in, manifests, hooks and notes go out.
 */
import { processDependencies } from '../values/dependencies.js';
import type { Chart } from '../chart/types.js';
import type { LookupFunc } from '../engine/late-funcs.js';
import type { GoMap } from '../gotemplate/values.js';
import { newMap } from '../gotemplate/values.js';
import { validateReleaseName } from '../release/name.js';
import { defaultCapabilities, type Capabilities } from '../values/capabilities.js';
import { toRenderValues } from '../values/render-values.js';
import { InvalidManifestError, renderResources, type RenderedResources } from './render.js';
import { errorText } from '../util/errors.js';

export interface RenderChartOptions {
  readonly releaseName: string;
  readonly namespace?: string;
  /** User-supplied values (what -f and --set build); chart defaults are coalesced under them. */
  readonly values?: GoMap;
  readonly isUpgrade?: boolean;
  /** `.Release.Revision` (1 for an install). */
  readonly revision?: number;
  /** `--kube-version` (leading `v` optional); default v1.36.0 as Helm 3.21's binaries report. */
  readonly kubeVersion?: string;
  /** Extra `.Capabilities.APIVersions` (`--api-versions`). */
  readonly apiVersions?: readonly string[];
  /**
   * The cluster's capabilities (discovery, cluster-capabilities.ts); when given, `kubeVersion`
   * and `apiVersions` are ignored, as Helm ignores them outside client-only rendering.
   */
  readonly capabilities?: Capabilities;
  /** `.Capabilities.HelmVersion.Version` to report instead of hookline's Helm release. */
  readonly helmVersion?: string;
  readonly skipSchemaValidation?: boolean;
  /** Put crds/ files first in the manifest (`--include-crds`). */
  readonly includeCrds?: boolean;
  /** Keep subcharts' NOTES.txt too (`--render-subchart-notes`). */
  readonly subNotes?: boolean;
  /** missingkey=error. */
  readonly strict?: boolean;
  /** A live lookup; without it `lookup` returns an empty map, as offline Helm does. */
  readonly lookup?: LookupFunc;
  /** Helm's log warnings (coalescing, dependencies). */
  readonly warn?: (message: string) => void;
  /** `--post-renderer` (RenderResourcesOptions.postRender). */
  readonly postRender?: (manifest: string) => string;
}

/**
 * Rendering failed after Helm would have created the release record, so Helm has a (failed)
 * release to show: `helm template` then suggests --debug, and with --debug prints what was
 * rendered. Errors before that point (chart, values, schema, name) are thrown as they are.
 */
export class ReleaseRenderError extends Error {
  constructor(readonly reason: unknown) {
    super(errorText(reason), { cause: reason });
    this.name = 'ReleaseRenderError';
  }

  /** What `helm template --debug` prints before the error (the rendered files, if any). */
  get debugManifest(): string {
    return this.reason instanceof InvalidManifestError ? this.reason.debugManifest : '';
  }
}

/** action.CheckDependencies: every Chart.yaml dependency must be present under charts/. */
function checkDependencies(chart: Chart): void {
  const present = new Set(chart.dependencies.map((d) => d.metadata.name));
  const missing = chart.metadata.dependencies
    .filter((d) => !present.has(d.name))
    .map((d) => d.name);
  if (missing.length) {
    throw new Error(
      'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: ' +
        `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
    );
  }
}

/** Render a loaded chart as `helm template` / `helm install --dry-run` would. */
export function renderChart(chart: Chart, options: RenderChartOptions): RenderedResources {
  const type = chart.metadata.type;
  if (type !== '' && type !== 'application') throw new Error(`${type} charts are not installable`);
  const userValues = options.values ?? newMap();
  const warn = options.warn ?? (() => undefined);
  checkDependencies(chart);
  processDependencies(chart, userValues, { printf: warn });
  const caps =
    options.capabilities ??
    defaultCapabilities({
      ...(options.kubeVersion ? { kubeVersion: options.kubeVersion } : {}),
      apiVersions: options.apiVersions ?? [],
      ...(options.helmVersion ? { helmVersion: options.helmVersion } : {}),
    });
  validateReleaseName(options.releaseName);
  const isUpgrade = options.isUpgrade ?? false;
  const values = toRenderValues(
    chart,
    userValues,
    {
      name: options.releaseName,
      namespace: options.namespace ?? 'default',
      revision: options.revision ?? 1,
      isInstall: !isUpgrade,
      isUpgrade,
    },
    {
      capabilities: caps,
      skipSchemaValidation: options.skipSchemaValidation ?? false,
      printf: warn,
    },
  );
  try {
    return renderResources(chart, values, {
      kubeVersion: caps.kubeVersion.version,
      includeCrds: options.includeCrds ?? false,
      subNotes: options.subNotes ?? false,
      strict: options.strict ?? false,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      ...(options.postRender ? { postRender: options.postRender } : {}),
    });
  } catch (err) {
    throw new ReleaseRenderError(err);
  }
}
