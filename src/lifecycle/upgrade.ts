/**
 * `upgrade(cfg, releaseName, chart, options)`: helm upgrade as a library call (helm/helm
 * pkg/action/upgrade.go RunWithContext, performUpgrade, releasingUpgrade, failRelease and
 * cmd/helm/upgrade.go `--install`, v3.21.4; helm-semantics.md section 4.2 steps 1-17) with
 * server-side apply (design decision 8) and the "never stuck" guarantee (decision 11): once
 * the `pending-upgrade` record is stored, every error and every abort ends with it `failed`.
 */
import type { Chart } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import type { KubeObject, ResourceRef } from '../kube/client.js';
import type { HookEvent } from '../release/hook.js';
import { runEventHooks } from './event-hooks.js';
import { latest } from '../release/history.js';
import { validateReleaseName } from '../release/name.js';
import { failUpgrade, markDeployed, supersede } from '../release/records.js';
import type { Release } from '../release/types.js';
import { Status } from '../release/types.js';
import {
  CONTEXT_CANCELED,
  DEFAULT_TIMEOUT_MS,
  asError,
  neverAborted,
  type Configuration,
} from './config.js';
import type { HookLogsMode, HookOutcome } from './hooks.js';
import type { ServerSideOption } from './apply-method.js';
import { rollback } from './rollback.js';
import {
  UpdateError,
  cleanupCreated,
  updateResources,
  waitForObjects,
  type UpdateResult,
} from './update-resources.js';
import {
  UpgradeError,
  atomicRollbackMessage,
  noSuccessfulReleaseMessage,
} from './upgrade-errors.js';
import { installInstead } from './upgrade-install.js';
import { createRecord, recordRelease, tryRecordFinal, withRecordError } from './record.js';
import { unreachableMessage } from '../kube/reachable.js';
import { prepareUpgrade, type PreparedUpgrade } from './upgrade-prepare.js';
import type { ValuesFlags } from './upgrade-values.js';

/** Helm's `--history-max` default (HELM_MAX_HISTORY unset): 10 records per release. */
export const DEFAULT_HISTORY_MAX = 10;

export interface UpgradeOptions extends ValuesFlags {
  /** User-supplied values of this run (section 4.2 step 5 decides what is stored). */
  values?: GoMap;
  wait?: boolean;
  waitForJobs?: boolean;
  /** Milliseconds per hook and for the wait (CMD-TIMEOUT: 5m0s). */
  timeout?: number;
  /** Roll back on failure; implies `wait` (step 1). */
  atomic?: boolean;
  noHooks?: boolean;
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
  hookLogs?: HookLogsMode;
  signal?: AbortSignal;
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
export interface ResolvedUpgrade extends UpgradeOptions {
  releaseName: string;
  timeout: number;
  wait: boolean;
  historyMax: number;
  signal: AbortSignal;
}

/** Upgrade.RunWithContext (and `helm upgrade --install`). */
export async function upgrade(
  cfg: Configuration,
  releaseName: string,
  chart: Chart,
  options: UpgradeOptions = {},
): Promise<UpgradeResult> {
  const opts: ResolvedUpgrade = {
    ...options,
    releaseName,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    wait: (options.wait ?? false) || (options.atomic ?? false),
    historyMax: options.historyMax ?? DEFAULT_HISTORY_MAX,
    signal: options.signal ?? neverAborted(),
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
  await store(cfg, prepared.release, opts.historyMax);
  return performUpgrade(cfg, prepared, opts);
}

/** Step 11: MaxHistory from --history-max, then Storage.Create (pruning happens there). */
async function store(cfg: Configuration, rel: Release, historyMax: number): Promise<void> {
  const saved = cfg.storage.maxHistory;
  cfg.storage.maxHistory = historyMax;
  try {
    await createRecord(cfg, rel, failUpgrade);
  } catch (err) {
    throw new UpgradeError(asError(err).message, undefined, [], { cause: err });
  } finally {
    cfg.storage.maxHistory = saved;
  }
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
      await waitForObjects(cfg.kube, prepared.targetObjects, {
        timeout: opts.timeout,
        signal: opts.signal,
        waitForJobs: opts.waitForJobs ?? false,
      });
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
  const notWritten = await tryRecordFinal(cfg, done);
  if (notWritten)
    throw new UpgradeError(notWritten.message, notWritten.stored ?? rel, outcomes, {
      cause: notWritten,
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
  const notWritten = await tryRecordFinal(cfg, failed);
  if (notWritten) {
    const m = withRecordError(err.message, notWritten);
    throw new UpgradeError(m, notWritten.stored ?? rel, outcomes, { cause: err });
  }
  if (opts.cleanupOnFail) {
    const cleanupErr = await cleanupCreated(cfg.kube, ctx.created, 'upgrade', err);
    if (cleanupErr) throw new UpgradeError(cleanupErr.message, failed, outcomes, { cause: err });
  }
  if (!opts.atomic) throw new UpgradeError(err.message, failed, outcomes, { cause: err });
  cfg.log.info('Upgrade failed and atomic is set, rolling back to last successful release');
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
  try {
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
  } catch (rerr) {
    const m = atomicRollbackMessage(rel.name, err, asError(rerr));
    throw new UpgradeError(m, failed, outcomes, { cause: rerr });
  }
  throw new UpgradeError(atomicRollbackMessage(rel.name, err), failed, outcomes, { cause: err });
}
