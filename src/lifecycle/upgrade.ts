/**
 * `upgrade(cfg, releaseName, chart, options)`: helm upgrade as a library call (helm/helm
 * pkg/action/upgrade.go RunWithContext, prepareUpgrade, performUpgrade, releasingUpgrade,
 * failRelease and cmd/helm/upgrade.go `--install`, v3.21.4; helm-semantics.md section 4.2
 * steps 1-17) with server-side apply (design decision 8) and the "never stuck" guarantee
 * (decision 11): once the `pending-upgrade` record is stored, every error and every abort
 * ends with it `failed`.
 */
import type { Chart } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import type { KubeObject, ResourceRef } from '../kube/client.js';
import type { HookEvent } from '../release/hook.js';
import { runEventHooks } from './event-hooks.js';
import { latest } from '../release/history.js';
import { validateReleaseName } from '../release/name.js';
import { failUpgrade, markDeployed, newUpgradeRelease, supersede } from '../release/records.js';
import type { Release } from '../release/types.js';
import { Status, isPending, storedChart } from '../release/types.js';
import { NoDeployedReleasesError, isReleaseNotFound } from '../storage/driver.js';
import {
  CONTEXT_CANCELED,
  DEFAULT_HISTORY_MAX,
  asError,
  resolveRun,
  type Configuration,
  type ResolvedRun,
  type RunOptions,
} from './config.js';

export { DEFAULT_HISTORY_MAX } from './config.js';
import type { HookOutcome } from './hooks.js';
import {
  ApplyMethodError,
  applyMode,
  chooseApplyMethod,
  parseServerSide,
  type ApplyMethod,
  type ApplyMode,
  type ServerSideOption,
} from './apply-method.js';
import { clusterInfo, type ClusterInfo } from './cluster-capabilities.js';
import { validationSchema } from './openapi-validation.js';
import { install } from './install.js';
import { rollback } from './rollback.js';
import {
  UpdateError,
  cleanupCreated,
  difference,
  updateResources,
  waitForObjects,
  type UpdateResult,
} from './update-resources.js';
import {
  ERR_PENDING,
  UpgradeError,
  atomicRollbackMessage,
  noSuccessfulReleaseMessage,
} from './errors.js';
import { existingResourceConflict, withOwnership } from './resources.js';
import { streamDocuments } from '../manifest/documents.js';
import { buildObjects, manifestObjects } from './objects.js';
import { renderChart } from './render-chart.js';
import type { RenderedResources } from './render.js';
import {
  createRecord,
  failRelease as failReleaseTail,
  recordRelease,
  recordDeployed,
} from './record.js';
import { unreachableMessage } from '../kube/reachable.js';
import { selectValues, type ValuesFlags } from './upgrade-values.js';

export interface UpgradeOptions extends ValuesFlags, RunOptions {
  /** User-supplied values of this run (section 4.2 step 5 decides what is stored). */
  values?: GoMap;
  cleanupOnFail?: boolean;
  /**
   * `--force` (Helm 4 `--force-replace`): objects are replaced with PUT instead of patched.
   * Only with client-side apply: Helm 4 refuses it together with server-side apply.
   */
  force?: boolean;
  /**
   * `--server-side auto|true|false` (default auto: the method the release was installed with,
   * client-side where the server's server-side apply is not GA; design decision 8).
   */
  serverSide?: ServerSideOption | boolean;
  /** `--force-conflicts`: server-side apply takes over fields other managers own. */
  forceConflicts?: boolean;
  /** Records kept per release, the new one included (ST-16); 0 = unlimited. Default 10. */
  historyMax?: number;
  description?: string;
  /** Render and prepare only; `client`/`server` matter for an `install` that installs. */
  dryRun?: boolean | 'client' | 'server';
  /** `--labels`, merged over the last revision's; a value `"null"` deletes a label. */
  labels?: Record<string, string>;
  /** `--install`: no release, or the last one uninstalled, is installed instead. */
  install?: boolean;
  /** Namespace for an `--install` that installs (default: the client's default namespace). */
  namespace?: string;
  /** Only for an `install` that installs with a client dry run (upgrade reads the cluster's). */
  kubeVersion?: string;
  apiVersions?: readonly string[];
  /** `--skip-schema-validation` (Helm 3.16+): values.schema.json is not checked. */
  skipSchemaValidation?: boolean;
  /**
   * `--disable-openapi-validation`: the manifest is not checked against the server's OpenAPI
   * schema (lifecycle/openapi-validation.ts); hooks still are, as in Helm.
   */
  disableOpenApiValidation?: boolean;
  /** `--post-renderer`: the manifest (not hooks) as the post-renderer returns it. */
  postRender?: (manifest: string) => string;
}

export interface UpgradeResult {
  release: Release;
  /** Every hook run, pre then post. */
  hookOutcomes: HookOutcome[];
  notes: string;
  /** Objects new to the release that existed with its ownership (CMD-ADOPT). */
  adopted: KubeObject[];
  /** Objects of the previous manifest deleted, and the ones kept by resource policy. */
  deleted: ResourceRef[];
  kept: ResourceRef[];
  /** True when `install` made this an install (section 4.2, `--install`). */
  installed: boolean;
}

/** The options with defaults applied (step 1). */
export type ResolvedUpgrade = ResolvedRun<UpgradeOptions> & {
  releaseName: string;
  historyMax: number;
};

/** Upgrade.RunWithContext (and `helm upgrade --install`). */
export async function upgrade(
  cfg: Configuration,
  releaseName: string,
  chart: Chart,
  options: UpgradeOptions = {},
): Promise<UpgradeResult> {
  const opts: ResolvedUpgrade = {
    ...resolveRun(options),
    releaseName,
    historyMax: options.historyMax ?? DEFAULT_HISTORY_MAX,
  };
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new UpgradeError(unreachable, undefined);
  try {
    validateReleaseName(releaseName);
  } catch (err) {
    throw new UpgradeError(`release name is invalid: ${releaseName}`, undefined, [], {
      cause: err,
    });
  }
  if (opts.install) {
    const installed = await installInstead(cfg, chart, opts);
    if (installed) return installed;
  }
  const prepared = await prepareUpgrade(cfg, chart, opts);
  if (opts.dryRun) {
    const rel = { ...prepared.release, info: { ...prepared.release.info } };
    rel.info.description = opts.description || 'Dry run complete';
    return result(prepared, rel, [], { created: [], deleted: [], kept: [] });
  }
  if (opts.signal.aborted) throw new UpgradeError(CONTEXT_CANCELED, undefined);
  // MaxHistory from --history-max, then Storage.Create (pruning happens there).
  await createRecord(cfg, prepared.release, {
    failedOf: failUpgrade,
    errorClass: UpgradeError,
    historyMax: opts.historyMax,
  });
  return performUpgrade(cfg, prepared, opts);
}

/** Steps 12-17 (releasingUpgrade); any error, abort included, goes to failRelease. */
async function performUpgrade(
  cfg: Configuration,
  prepared: PreparedUpgrade,
  opts: ResolvedUpgrade,
): Promise<UpgradeResult> {
  const rel = prepared.release;
  const outcomes: HookOutcome[] = [];
  let update: UpdateResult = { created: [], deleted: [], kept: [] };
  try {
    await hooks(cfg, rel, 'pre-upgrade', outcomes, opts);
    try {
      update = await updateResources(cfg.kube, prepared.currentObjects, prepared.targetObjects, {
        signal: opts.signal,
        log: cfg.log,
        mode: prepared.mode,
        // Helm 4: moving from client-side (the current release) to server-side apply.
        upgradeClientSideFieldManager:
          prepared.mode.serverSide && (prepared.current.apply_method ?? 'csa') === 'csa',
      });
    } catch (err) {
      if (err instanceof UpdateError) update = { ...update, created: [...err.created] };
      throw err;
    }
    if (opts.wait) {
      await waitForObjects(cfg.kube, prepared.targetObjects, opts);
    }
    await hooks(cfg, rel, 'post-upgrade', outcomes, opts);
    // A signal up to the final records fails the release (Helm's context, issue 9).
    if (opts.signal.aborted) throw new Error(CONTEXT_CANCELED);
  } catch (err) {
    // Go's context: once cancelled, the reason is the context's error (decision 11).
    const cause = opts.signal.aborted ? new Error(CONTEXT_CANCELED, { cause: err }) : asError(err);
    return failRelease(cfg, rel, cause, { created: update.created, outcomes, opts });
  }
  // The new record first: if it cannot be stored the previous one must stay `deployed`.
  const done = markDeployed(rel, opts.description || 'Upgrade complete');
  await recordDeployed(cfg, {
    errorClass: UpgradeError,
    pending: rel,
    deployed: done,
    outcomes: outcomes,
  });
  await recordRelease(cfg, supersede(prepared.current));
  // A signal during the final writes still fails the run, as Helm's context does (issue 9).
  if (opts.signal.aborted) {
    const cause = new Error(CONTEXT_CANCELED);
    return failRelease(cfg, rel, cause, { created: update.created, outcomes, opts });
  }
  return result(prepared, done, outcomes, update);
}

function result(
  prepared: PreparedUpgrade,
  rel: Release,
  outcomes: HookOutcome[],
  update: UpdateResult,
): UpgradeResult {
  return {
    release: rel,
    hookOutcomes: outcomes,
    notes: rel.info.notes,
    adopted: prepared.adopted,
    deleted: update.deleted,
    kept: update.kept,
    installed: false,
  };
}

/** Steps 12 and 16: `pre-upgrade hooks failed: <err>` / `post-upgrade hooks failed: <err>`. */
async function hooks(
  cfg: Configuration,
  rel: Release,
  event: HookEvent,
  outcomes: HookOutcome[],
  opts: ResolvedUpgrade,
): Promise<void> {
  const error = await runEventHooks(cfg, rel, event, opts, outcomes);
  if (error) throw new Error(`${event} hooks failed: ${error.message}`, { cause: error });
}

interface FailContext {
  created: readonly KubeObject[];
  outcomes: HookOutcome[];
  opts: ResolvedUpgrade;
}

/**
 * Upgrade.failRelease: the new record `failed`, `Upgrade "<name>" failed: <err>` (the previous
 * deployed one stays deployed); --cleanup-on-fail deletes what this upgrade created; --atomic
 * rolls back to the highest superseded/deployed revision. After a cancellation the rollback
 * runs without hooks and without waiting, so the caller hears back promptly (decision 11).
 */
async function failRelease(
  cfg: Configuration,
  rel: Release,
  err: Error,
  ctx: FailContext,
): Promise<never> {
  const { opts, outcomes } = ctx;
  const failed = failUpgrade(rel, err);
  cfg.log.warn(`warning: ${failed.info.description}`);
  return failReleaseTail(cfg, {
    errorClass: UpgradeError,
    pending: rel,
    failed,
    err,
    outcomes,
    ...(opts.cleanupOnFail
      ? { cleanup: () => cleanupCreated(cfg.kube, ctx.created, 'upgrade', err) }
      : {}),
    ...(opts.atomic
      ? {
          atomic: {
            announce: 'Upgrade failed and atomic is set, rolling back to last successful release',
            erasesRecord: false,
            run: () => rollbackToLastSuccessful(cfg, { rel, failed, err, outcomes, opts }),
            message: (e: Error, rerr?: Error) => atomicRollbackMessage(rel.name, e, rerr),
          },
        }
      : {}),
  });
}

/** --atomic: a rollback to the highest superseded/deployed revision. */
async function rollbackToLastSuccessful(
  cfg: Configuration,
  at: { rel: Release; failed: Release; err: Error; outcomes: HookOutcome[]; opts: ResolvedUpgrade },
): Promise<void> {
  const { rel, failed, err, outcomes, opts } = at;
  const history = await cfg.storage.history(rel.name).catch((herr: unknown) => {
    const m = `an error occurred while finding last successful release. original upgrade error: ${err.message}: ${asError(herr).message}`;
    throw new UpgradeError(m, failed, outcomes, { cause: herr });
  });
  const ok = (r: Release) =>
    r.info.status === Status.Superseded || r.info.status === Status.Deployed;
  const target = latest(history.filter(ok));
  if (!target)
    throw new UpgradeError(noSuccessfulReleaseMessage(err), failed, outcomes, { cause: err });
  const aborted = opts.signal.aborted;
  await rollback(cfg, rel.name, {
    revision: target.version,
    wait: !aborted,
    ...(opts.waitForJobs !== undefined ? { waitForJobs: opts.waitForJobs } : {}),
    noHooks: (opts.noHooks ?? false) || aborted,
    ...(opts.force !== undefined ? { force: opts.force } : {}),
    ...(opts.serverSide !== undefined ? { serverSide: opts.serverSide } : {}),
    ...(opts.forceConflicts !== undefined ? { forceConflicts: opts.forceConflicts } : {}),
    timeout: opts.timeout,
    // Helm's rollback action runs with its own MaxHistory, zero here: no pruning.
    historyMax: 0,
  });
}

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
async function selectCurrent(
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

/** Steps 2-9 (Upgrade.prepareUpgrade): nothing is stored here. */
async function prepareUpgrade(
  cfg: Configuration,
  chart: Chart,
  opts: ResolvedUpgrade,
): Promise<PreparedUpgrade> {
  const { last, current } = await selectCurrent(cfg, opts.releaseName);
  // Read while discovery runs and the chart renders (it is first needed by the target's Build).
  const schema = opts.disableOpenApiValidation ? undefined : validationSchema(cfg);
  const selected = selectValues(chart, current, opts.values, opts);
  const namespace = current.namespace;
  const revision = last.version + 1;
  const cluster = await capabilities(cfg);
  const rendered = renderUpgrade(cfg, selected.chart, selected.values, {
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
  const validation = await schema;
  try {
    // prepareUpgrade's validateManifest: the new manifest is built first, and its error (an
    // unmapped kind, a validation failure) is returned as is (Helm 3.15.4 and 4).
    targetObjects = buildObjects(
      // Helm builds them from the release manifest (see manifest/documents.ts).
      streamDocuments(rendered.manifest),
      namespace,
      { discovery: cluster.discovery, ...(validation ? { validation } : {}) },
    ).map((o) => withOwnership(o, opts.releaseName, namespace));
  } catch (err) {
    throw new UpgradeError(asError(err).message, undefined, [], { cause: err });
  }
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
function renderUpgrade(
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
      ...(opts.postRender ? { postRender: opts.postRender } : {}),
      warn: (m) => cfg.log.warn(m),
    });
  } catch (err) {
    throw new UpgradeError(asError(err).message, undefined, [], { cause: err });
  }
}

/**
 * cmd/helm/upgrade.go with --install: no history (`release: not found`) or an `uninstalled`
 * last revision → install (with replace for the latter, so the revision continues).
 */
async function installInstead(
  cfg: Configuration,
  chart: Chart,
  opts: ResolvedUpgrade,
): Promise<UpgradeResult | undefined> {
  let last: Release | undefined;
  try {
    last = latest(await cfg.storage.history(opts.releaseName));
  } catch (err) {
    if (!isReleaseNotFound(err)) throw err;
  }
  if (last && last.info.status !== Status.Uninstalled) return undefined;
  cfg.log.info(`Release ${JSON.stringify(opts.releaseName)} does not exist. Installing it now.`);
  const res = await install(cfg, chart, {
    releaseName: opts.releaseName,
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    ...(opts.values ? { values: opts.values } : {}),
    wait: opts.wait,
    ...(opts.waitForJobs !== undefined ? { waitForJobs: opts.waitForJobs } : {}),
    timeout: opts.timeout,
    ...(opts.atomic !== undefined ? { atomic: opts.atomic } : {}),
    ...(opts.noHooks !== undefined ? { noHooks: opts.noHooks } : {}),
    replace: last !== undefined,
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.dryRun !== undefined ? { dryRun: opts.dryRun } : {}),
    ...(opts.hookLogs ? { hookLogs: opts.hookLogs } : {}),
    ...(opts.serverSide !== undefined ? { serverSide: opts.serverSide } : {}),
    ...(opts.forceConflicts !== undefined ? { forceConflicts: opts.forceConflicts } : {}),
    ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
    ...(opts.apiVersions ? { apiVersions: opts.apiVersions } : {}),
    ...(opts.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
    ...(opts.disableOpenApiValidation ? { disableOpenApiValidation: true } : {}),
    ...(opts.postRender ? { postRender: opts.postRender } : {}),
    signal: opts.signal,
  });
  return { ...res, deleted: [], kept: [], installed: true };
}
