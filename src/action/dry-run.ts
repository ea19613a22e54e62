/**
 * `dry-run: true`: plan only (docs/design.md section 1). Renders what the command would apply,
 * reads the deployed release (if any) and returns the per-object changes and the hook plan.
 * Reads the cluster, never writes to it.
 */
import type { Chart } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import type { Configuration } from '../lifecycle/config.js';
import { clusterInfo } from '../lifecycle/cluster-capabilities.js';
import { buildReleaseObjects } from '../lifecycle/objects.js';
import { validationSchema } from '../lifecycle/openapi-validation.js';
import type { Hook } from '../release/hook.js';
import type { Release } from '../release/types.js';
import { NoDeployedReleasesError, isReleaseNotFound } from '../storage/driver.js';
import type { ActionInputs } from './inputs.js';
import { makePlan, type Plan } from './plan.js';

export interface DryRunResult {
  plan: Plan;
  /** The manifest the command would leave deployed. */
  manifest: string;
  notes: string;
  /** The deployed release the plan compares against. */
  deployed: Release | undefined;
}

/** The deployed release, or undefined when none is deployed. */
export async function deployedRelease(
  cfg: Configuration,
  name: string,
): Promise<Release | undefined> {
  try {
    return await cfg.storage.deployed(name);
  } catch (err) {
    if (err instanceof NoDeployedReleasesError || isReleaseNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Helm's Build with validation of a rendered manifest, failing as install and upgrade do (kinds
 * are not mapped: the chart's CRDs are not installed by a plan).
 */
async function validateManifest(
  cfg: Configuration,
  manifest: string,
  namespace: string,
): Promise<void> {
  buildReleaseObjects(manifest, namespace, { validation: await validationSchema(cfg) });
}

export async function dryRun(
  cfg: Configuration,
  inputs: ActionInputs,
  target: {
    namespace: string;
    chart: Chart | undefined;
    values: GoMap | undefined;
    postRender?: ((manifest: string) => string) | undefined;
  },
): Promise<DryRunResult> {
  const deployed = await deployedRelease(cfg, inputs.release);
  let manifest = '';
  let hooks: readonly Hook[] = [];
  let notes = '';
  if (inputs.command === 'install' || inputs.command === 'upgrade') {
    // The cluster's capabilities, as the real run would render (a server dry run; decision 8).
    const { capabilities } = await clusterInfo(cfg);
    // The engine is imported when a plan renders (run-cluster imports this module for
    // deployedRelease on every run).
    const { renderChart } = await import('../lifecycle/render-chart.js');
    const r = renderChart(target.chart!, {
      capabilities,
      releaseName: inputs.release,
      namespace: target.namespace,
      ...(target.values ? { values: target.values } : {}),
      isUpgrade: deployed !== undefined,
      revision: deployed ? deployed.version + 1 : 1,
      ...(target.postRender ? { postRender: target.postRender } : {}),
    });
    manifest = r.manifest;
    hooks = r.hooks;
    notes = r.notes;
    // The manifest is checked as the run would check it (a server dry run fails the same way).
    if (!inputs.disableOpenApiValidation) await validateManifest(cfg, manifest, target.namespace);
  } else if (inputs.command === 'rollback') {
    const history = await cfg.storage.history(inputs.release);
    const want = inputs.revision || (deployed ? deployed.version - 1 : 0);
    const rel = history.find((r) => r.version === want);
    if (!rel) throw new Error(`release: not found (revision ${want} of ${inputs.release})`);
    manifest = rel.manifest;
    hooks = rel.hooks;
    notes = rel.info.notes;
  } else if (deployed) {
    manifest = inputs.command === 'uninstall' ? '' : deployed.manifest;
    hooks = deployed.hooks;
  }
  const plan = makePlan({
    command: inputs.command,
    ...(deployed ? { deployed: { manifest: deployed.manifest, revision: deployed.version } } : {}),
    manifest,
    hooks,
    noHooks: inputs.noHooks,
  });
  return { plan, manifest, notes, deployed };
}
