/**
 * Upgrade.prepareUpgrade (helm/helm pkg/action/upgrade.go, v3.21.4; helm-semantics.md section
 * 4.2 steps 2-9): the last/current selection with the pending lock, values selection, the
 * rendering of revision last+1 with IsUpgrade, the `pending-upgrade` record and the current
 * and target objects, with adoption of objects new to the release (CMD-ADOPT). Nothing is
 * stored here.
 */
import type { Chart } from '../chart/types.js';
import type { KubeObject } from '../kube/client.js';
import { latest } from '../release/history.js';
import { newUpgradeRelease } from '../release/records.js';
import type { Release } from '../release/types.js';
import { Status, isPending, storedChart } from '../release/types.js';
import { NoDeployedReleasesError } from '../storage/driver.js';
import { asError, type Configuration } from './config.js';
import { existingResourceConflict, withOwnership } from './install-resources.js';
import { buildObjects, manifestObjects } from './objects.js';
import { renderChart } from './render-chart.js';
import type { RenderedResources } from './render.js';
import { difference } from './update-resources.js';
import { ERR_PENDING, UpgradeError } from './upgrade-errors.js';
import { selectValues } from './upgrade-values.js';
import {
  ApplyMethodError,
  applyMode,
  chooseApplyMethod,
  parseServerSide,
  type ApplyMethod,
  type ApplyMode,
} from './apply-method.js';
import { clusterInfo, type ClusterInfo } from './cluster-capabilities.js';
import type { ResolvedUpgrade } from './upgrade.js';

export interface PreparedUpgrade {
  /** The revision upgraded from (deployed, or the last when none is; step 4). */
  current: Release;
  /** `pending-upgrade`, "Preparing upgrade" (step 7). */
  release: Release;
  /** Objects of current's manifest plus the adopted ones (steps 8-9). */
  currentObjects: KubeObject[];
  /** Objects of the new manifest with CMD-OWN metadata, in InstallOrder. */
  targetObjects: KubeObject[];
  adopted: KubeObject[];
  /** How the objects are sent (the new record's `apply_method`, decision 8). */
  mode: ApplyMode;
}

/** Steps 2-4: `last` (any status) and `current`. */
export async function selectCurrent(
  cfg: Configuration,
  name: string,
): Promise<{ last: Release; current: Release }> {
  let history: Release[];
  try {
    history = await cfg.storage.history(name);
  } catch {
    throw new UpgradeError(new NoDeployedReleasesError(name).message, undefined);
  }
  const last = latest(history);
  if (!last) throw new UpgradeError(new NoDeployedReleasesError(name).message, undefined);
  if (isPending(last.info.status)) throw new UpgradeError(ERR_PENDING, undefined);
  if (last.info.status === Status.Deployed) return { last, current: last };
  const deployed = latest(history.filter((r) => r.info.status === Status.Deployed));
  if (deployed) return { last, current: deployed };
  if (last.info.status === Status.Failed || last.info.status === Status.Superseded)
    return { last, current: last };
  throw new UpgradeError(new NoDeployedReleasesError(name).message, undefined);
}

/** Steps 2-9. */
export async function prepareUpgrade(
  cfg: Configuration,
  chart: Chart,
  opts: ResolvedUpgrade,
): Promise<PreparedUpgrade> {
  const { last, current } = await selectCurrent(cfg, opts.releaseName);
  const selected = selectValues(chart, current, opts.values, opts);
  const namespace = current.namespace;
  const revision = last.version + 1;
  const cluster = await capabilities(cfg);
  const rendered = render(cfg, selected.chart, selected.values, {
    namespace,
    revision,
    opts,
    cluster,
  });
  const { method, mode } = upgradeMethod(opts, last, cluster);
  const created = newUpgradeRelease({
    current,
    last,
    chart: storedChart(selected.chart),
    config: selected.values,
    manifest: rendered.manifest,
    hooks: rendered.hooks,
    notes: rendered.notes,
    ...(opts.labels ? { labels: opts.labels } : {}),
    clock: cfg.clock,
  });
  const release: Release = { ...created, apply_method: method };
  let currentObjects: KubeObject[];
  let targetObjects: KubeObject[];
  try {
    currentObjects = manifestObjects(current.manifest, namespace);
  } catch (err) {
    throw new UpgradeError(
      `unable to build kubernetes objects from current release manifest: ${asError(err).message}`,
      undefined,
      [],
      { cause: err },
    );
  }
  try {
    targetObjects = buildObjects(
      rendered.manifests.map((m) => m.content),
      namespace,
      cluster.discovery,
    ).map((o) => withOwnership(o, opts.releaseName, namespace));
  } catch (err) {
    throw new UpgradeError(
      `unable to build kubernetes objects from new release manifest: ${asError(err).message}`,
      undefined,
      [],
      { cause: err },
    );
  }
  const fresh = difference(targetObjects, currentObjects);
  const adopted = await adopt(cfg, fresh, opts.releaseName, namespace);
  return {
    current,
    release,
    currentObjects: [...currentObjects, ...adopted],
    targetObjects,
    adopted,
    mode,
  };
}

/** getCapabilities for the render: the cluster's discovery, once per command. */
async function capabilities(cfg: Configuration): Promise<ClusterInfo> {
  try {
    return await clusterInfo(cfg);
  } catch (err) {
    throw new UpgradeError(asError(err).message, undefined, [], { cause: err });
  }
}

/** getUpgradeServerSideValue from the last revision's `apply_method` (Helm 4), then the mode. */
function upgradeMethod(
  opts: ResolvedUpgrade,
  last: Release,
  cluster: ClusterInfo,
): { method: ApplyMethod; mode: ApplyMode } {
  try {
    const option = parseServerSide(opts.serverSide);
    const method = chooseApplyMethod(option, last.apply_method ?? '', cluster.discovery);
    const flags = { forceConflicts: opts.forceConflicts ?? false, force: opts.force ?? false };
    return { method, mode: applyMode(method, flags) };
  } catch (err) {
    if (!(err instanceof ApplyMethodError)) throw err;
    throw new UpgradeError(err.message, undefined, [], { cause: err });
  }
}

/** Step 9: CMD-ADOPT on the target objects new to the release. */
async function adopt(
  cfg: Configuration,
  fresh: KubeObject[],
  name: string,
  namespace: string,
): Promise<KubeObject[]> {
  try {
    return await existingResourceConflict(cfg.kube, fresh, name, namespace);
  } catch (err) {
    throw new UpgradeError(
      `Unable to continue with update: ${asError(err).message}`,
      undefined,
      [],
      { cause: err },
    );
  }
}

/** Step 6: IsUpgrade, Revision = last + 1, the current release's namespace. */
function render(
  cfg: Configuration,
  chart: Chart,
  values: Release['config'],
  at: { namespace: string; revision: number; opts: ResolvedUpgrade; cluster: ClusterInfo },
): RenderedResources {
  const { opts } = at;
  try {
    return renderChart(chart, {
      releaseName: opts.releaseName,
      namespace: at.namespace,
      ...(values ? { values } : {}),
      revision: at.revision,
      isUpgrade: true,
      capabilities: at.cluster.capabilities,
      ...(opts.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
      warn: (m) => cfg.log.warn(m),
    });
  } catch (err) {
    throw new UpgradeError(asError(err).message, undefined, [], { cause: err });
  }
}
