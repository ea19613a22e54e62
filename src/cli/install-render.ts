/**
 * The rendering half of `helm install` that `template` (and later install/upgrade dry runs)
 * share (helm/helm pkg/action/install.go `RunWithContext` up to renderResources, client-only).
 */
import type { Chart } from '../chart/types.js';
import { processDependencies } from '../chart/dependencies.js';
import { TemplateSet } from '../gotemplate/template.js';
import {
  InvalidManifestError,
  renderResources,
  type RenderedResources,
} from '../lifecycle/render.js';
import { sprigFuncs } from '../sprig/index.js';
import type { GoMap } from '../gotemplate/values.js';
import { defaultCapabilities } from '../values/capabilities.js';
import { mergeUserValues } from '../values/options.js';
import { toRenderValues } from '../values/render-values.js';
import { validateReleaseName } from '../release/name.js';
import type { FlagSpec, ParsedArgs } from './args.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';

/** Helm's values flags (pkg/cli/values/options.go flags). */
export const VALUE_FLAGS: FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'stringSlice' },
  { name: 'set', kind: 'stringArray' },
  { name: 'set-string', kind: 'stringArray' },
  { name: 'set-json', kind: 'stringArray' },
  { name: 'set-file', kind: 'stringArray' },
  { name: 'set-literal', kind: 'stringArray' },
];

/** User-supplied values from -f and the --set family, in Helm's fixed order (section 6.1). */
export function readValueOptions(args: ParsedArgs, io: CliIo): GoMap {
  const list = (name: string) => args.lists.get(name) ?? [];
  return mergeUserValues(
    {
      valueFiles: list('values'),
      values: list('set'),
      stringValues: list('set-string'),
      jsonValues: list('set-json'),
      fileValues: list('set-file'),
      literalValues: list('set-literal'),
    },
    (path) => (path === '-' ? io.readStdin() : io.readFile(path)),
  );
}

/** Install.NameAndChart: the release name and chart from the positional arguments. */
export function nameAndChart(
  positionals: readonly string[],
  opts: { nameTemplate: string | undefined; generateName: boolean; defaultName: string },
): [string, string] {
  if (positionals.length === 0)
    throw new UsageError('"hookline template" requires at least 1 argument');
  if (positionals.length > 2) {
    throw new UsageError(
      `expected at most two arguments, unexpected arguments: ${positionals.slice(2).join(', ')}`,
    );
  }
  if (positionals.length === 2) {
    if (opts.generateName)
      throw new UsageError('cannot set --generate-name and also specify a name');
    if (opts.nameTemplate)
      throw new UsageError('cannot set --name-template and also specify a name');
    return [positionals[0]!, positionals[1]!];
  }
  const chart = positionals[0]!;
  if (opts.nameTemplate) return [templateName(opts.nameTemplate), chart];
  if (opts.generateName) {
    let base = chart.replace(/\/+$/, '').split('/').pop() ?? '';
    if (base === '.' || base === '') base = 'chart';
    const dot = base.indexOf('.');
    if (dot !== -1) base = base.slice(0, dot);
    return [`${base}-${Math.floor(Date.now() / 1000)}`, chart];
  }
  return [opts.defaultName, chart];
}

/** action.TemplateName: `--name-template` rendered with sprig and no data. */
function templateName(nameTemplate: string): string {
  const set = new TemplateSet({ funcs: sprigFuncs() });
  set.parse('name-template', nameTemplate);
  return set.execute('name-template', null);
}

export interface InstallRenderOptions {
  readonly releaseName: string;
  readonly namespace: string;
  readonly isUpgrade: boolean;
  readonly revision?: number;
  /** `--kube-version` as given (validated by the caller). */
  readonly kubeVersion: string | undefined;
  readonly apiVersions: readonly string[];
  /** `.Capabilities.HelmVersion.Version` to report instead of hookline's Helm release. */
  readonly helmVersion?: string | undefined;
  readonly skipSchemaValidation: boolean;
  readonly includeCrds: boolean;
  readonly subNotes: boolean;
  readonly warn: (message: string) => void;
}

/** Helm's install path up to rendering, for a chart already loaded. */
export function renderForInstall(
  chart: Chart,
  userValues: GoMap,
  opts: InstallRenderOptions,
): RenderedResources {
  const type = chart.metadata.type;
  if (type !== '' && type !== 'application') throw new Error(`${type} charts are not installable`);
  checkDependencies(chart);
  processDependencies(chart, userValues, { printf: opts.warn });
  const caps = defaultCapabilities({
    ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
    apiVersions: opts.apiVersions,
    ...(opts.helmVersion ? { helmVersion: opts.helmVersion } : {}),
  });
  validateReleaseName(opts.releaseName);
  const values = toRenderValues(
    chart,
    userValues,
    {
      name: opts.releaseName,
      namespace: opts.namespace,
      revision: opts.revision ?? 1,
      isInstall: !opts.isUpgrade,
      isUpgrade: opts.isUpgrade,
    },
    { capabilities: caps, skipSchemaValidation: opts.skipSchemaValidation, printf: opts.warn },
  );
  try {
    return renderResources(chart, values, {
      kubeVersion: caps.kubeVersion.version,
      includeCrds: opts.includeCrds,
      subNotes: opts.subNotes,
    });
  } catch (err) {
    throw new ReleaseRenderError(err);
  }
}

/**
 * Rendering failed after the release record was created, so Helm has a (failed) release to
 * show: `helm template` then suggests --debug, and with --debug prints what was rendered.
 */
export class ReleaseRenderError extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason), { cause: reason });
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
