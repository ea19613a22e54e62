/**
 * `rollback(cfg, releaseName, options)`: helm rollback as a library call (helm/helm
 * pkg/action/rollback.go Run, prepareRollback, performRollback, v3.21.4; helm-semantics.md
 * section 4.3 steps 1-11) with server-side apply (design decision 8). One deliberate fix
 * (decision 11, helm/helm issue #3828): Helm returns from a failed pre-/post-rollback hook
 * without a final status, leaving the record `pending-rollback` (which locks every later
 * upgrade); hookline marks it `failed` with `Rollback "<name>" failed: <err>`, as it also does
 * for a cancellation.
 */
import type { KubeObject, ResourceRef } from '../kube/client.js';
import type { HookEvent } from '../release/hook.js';
import { runEventHooks } from './event-hooks.js';
import { validateReleaseName } from '../release/name.js';
import {
  failRollback,
  markDeployed,
  newRollbackRelease,
  setStatus,
  supersede,
} from '../release/records.js';
import type { Release } from '../release/types.js';
import { Status } from '../release/types.js';
import { NoDeployedReleasesError, NoRevisionError } from '../storage/driver.js';
import { latest } from '../release/history.js';
import {
  CONTEXT_CANCELED,
  DEFAULT_HISTORY_MAX,
  asError,
  resolveRun,
  type Configuration,
  type ResolvedRun,
  type RunOptions,
} from './config.js';
import type { HookOutcome } from './hooks.js';
import { withOwnership } from './resources.js';
import { manifestObjects } from './objects.js';
import {
  UpdateError,
  cleanupCreated,
  updateResources,
  waitForObjects,
  type UpdateResult,
} from './update-resources.js';
import { RollbackError } from './errors.js';
import {
  APPLY_SSA,
  ApplyMethodError,
  applyMode,
  chooseApplyMethod,
  parseServerSide,
  type ApplyMode,
  type ServerSideOption,
} from './apply-method.js';
import { clusterInfo } from './cluster-capabilities.js';
import { createRecord, failRelease, recordDeployed, recordRelease } from './record.js';
import { unreachableMessage } from '../kube/reachable.js';

export { RollbackError } from './errors.js';

export interface RollbackOptions extends Omit<RunOptions, 'atomic'> {
  /** The revision to return to; 0 (default) = the one before the last. */
  revision?: number;
  cleanupOnFail?: boolean;
  /** `--force`: replace objects with PUT (client-side apply only, as in Helm 4). */
  force?: boolean;
  /**
   * `--server-side auto|true|false` (default auto: the target revision's method, client-side
   * where the server's server-side apply is not GA; design decision 8).
   */
  serverSide?: ServerSideOption | boolean;
  /** `--force-conflicts`: server-side apply takes over fields other managers own. */
  forceConflicts?: boolean;
  /** Records kept per release, the new one included (ST-16); 0 = unlimited. Default 10. */
  historyMax?: number;
  dryRun?: boolean;
}

export interface RollbackResult {
  release: Release;
  hookOutcomes: HookOutcome[];
  deleted: ResourceRef[];
  kept: ResourceRef[];
}

interface Run {
  cfg: Configuration;
  opts: ResolvedRun<RollbackOptions> & { historyMax: number };
  outcomes: HookOutcome[];
}

/** Rollback.Run. */
export async function rollback(
  cfg: Configuration,
  releaseName: string,
  options: RollbackOptions = {},
): Promise<RollbackResult> {
  const run: Run = {
    cfg,
    opts: { ...resolveRun(options), historyMax: options.historyMax ?? DEFAULT_HISTORY_MAX },
    outcomes: [],
  };
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new RollbackError(unreachable, undefined);
  const { current, release, mode } = await prepareRollback(run, releaseName);
  if (run.opts.dryRun) return { release, hookOutcomes: [], deleted: [], kept: [] };
  if (run.opts.signal.aborted) throw new RollbackError(CONTEXT_CANCELED, undefined);
  // MaxHistory from --history-max, then Storage.Create (pruning happens there).
  await createRecord(cfg, release, {
    failedOf: failRollback,
    errorClass: RollbackError,
    historyMax: run.opts.historyMax,
  });
  return performRollback(run, current, release, mode);
}

/** Steps 1-4: current = Last (no pending check), the target revision, the new record. */
async function prepareRollback(
  run: Run,
  name: string,
): Promise<{ current: Release; release: Release; mode: ApplyMode }> {
  const { cfg, opts } = run;
  try {
    validateReleaseName(name);
  } catch (err) {
    throw new RollbackError(`prepareRollback: Release name is invalid: ${name}`, undefined, [], {
      cause: err,
    });
  }
  const revision = opts.revision ?? 0;
  if (revision < 0) throw new RollbackError('invalid release revision', undefined);
  let history: Release[];
  let current: Release;
  try {
    // Storage.Last is the highest revision of this same history (ST-14): one list, not two.
    history = await cfg.storage.history(name);
    const last = latest(history);
    if (!last) throw new NoRevisionError(name);
    current = last;
  } catch (err) {
    throw new RollbackError(asError(err).message, undefined, [], { cause: err });
  }
  const wanted = revision === 0 ? current.version - 1 : revision;
  const target = history.find((r) => r.version === wanted);
  if (!target) throw new RollbackError(`release has no ${wanted} version`, undefined);
  cfg.log.info(`rolling back ${name} (current: v${current.version}, target: v${wanted})`);
  const { method, mode } = await rollbackMethod(run, target);
  const release = {
    ...newRollbackRelease({ current, target, clock: cfg.clock }),
    apply_method: method,
  };
  return { current, release, mode };
}

/** Helm 4: getUpgradeServerSideValue from the target revision's `apply_method`. */
async function rollbackMethod(
  run: Run,
  target: Release,
): Promise<{ method: 'ssa' | 'csa'; mode: ApplyMode }> {
  const { cfg, opts } = run;
  let option;
  try {
    option = parseServerSide(opts.serverSide);
  } catch (err) {
    throw new RollbackError(asError(err).message, undefined, [], { cause: err });
  }
  let method: 'ssa' | 'csa' = option === 'true' ? 'ssa' : 'csa';
  // auto keeps a client-side target client-side whatever the server: discovery (the server's
  // version, for the GA check) is only read when the target was applied server-side.
  if (option === 'auto' && target.apply_method === APPLY_SSA) {
    let info;
    try {
      info = await clusterInfo(cfg);
    } catch (err) {
      throw new RollbackError(asError(err).message, undefined, [], { cause: err });
    }
    method = chooseApplyMethod(option, target.apply_method ?? '', info.discovery);
  }
  try {
    const flags = { forceConflicts: opts.forceConflicts ?? false, force: opts.force ?? false };
    return { method, mode: applyMode(method, flags) };
  } catch (err) {
    if (!(err instanceof ApplyMethodError)) throw err;
    throw new RollbackError(err.message, undefined, [], { cause: err });
  }
}

/** Steps 6-11. */
async function performRollback(
  run: Run,
  current: Release,
  rel: Release,
  mode: ApplyMode,
): Promise<RollbackResult> {
  const { cfg, opts } = run;
  let currentObjects: KubeObject[];
  let targetObjects: KubeObject[];
  try {
    currentObjects = manifestObjects(current.manifest, rel.namespace);
    targetObjects = manifestObjects(rel.manifest, rel.namespace).map((o) =>
      withOwnership(o, rel.name, rel.namespace),
    );
  } catch (err) {
    return fail(run, rel, asError(err));
  }
  // Step 7: the hooks of the target revision, copied into the new record (issue #5825).
  const preErr = await hooks(run, rel, 'pre-rollback');
  if (preErr) return fail(run, rel, preErr);
  let update: UpdateResult;
  try {
    update = await updateResources(cfg.kube, currentObjects, targetObjects, {
      signal: opts.signal,
      log: cfg.log,
      mode,
      // Helm 4's rollback always folds client-side managers in before server-side apply.
      upgradeClientSideFieldManager: true,
    });
  } catch (err) {
    return updateFailed(run, current, rel, asError(err));
  }
  if (opts.wait) {
    try {
      await waitForObjects(cfg.kube, targetObjects, opts);
    } catch (err) {
      const e = reason(run, asError(err));
      const failed = setStatus(rel, Status.Failed, `Release "${rel.name}" failed: ${e.message}`);
      return storeFailed(run, rel, failed, `release ${rel.name} failed: ${e.message}`, e);
    }
  }
  const postErr = await hooks(run, rel, 'post-rollback');
  if (postErr) return fail(run, rel, postErr);
  // A signal up to the final records fails the release (Helm's context, issue 9).
  if (opts.signal.aborted) return fail(run, rel, new Error(CONTEXT_CANCELED));
  // The new record first: if it cannot be stored the deployed one must stay `deployed`.
  const done = markDeployed(rel, rel.info.description);
  await recordDeployed(cfg, {
    errorClass: RollbackError,
    pending: rel,
    deployed: done,
    outcomes: run.outcomes,
  });
  await supersedeDeployed(cfg, rel.name, rel.version);
  // A signal during the final writes still fails the run, as Helm's context does (issue 9).
  if (opts.signal.aborted) return fail(run, rel, new Error(CONTEXT_CANCELED));
  return { release: done, hookOutcomes: run.outcomes, deleted: update.deleted, kept: update.kept };
}

/** A cancellation reads `context canceled` (decision 11). */
function reason(run: Run, err: Error): Error {
  return run.opts.signal.aborted ? new Error(CONTEXT_CANCELED, { cause: err }) : err;
}

/**
 * Step 8 failure: the last revision `superseded`, the new one `failed` with
 * `Rollback "<name>" failed: <err>`; --cleanup-on-fail deletes what was created.
 */
async function updateFailed(
  run: Run,
  current: Release,
  rel: Release,
  cause: Error,
): Promise<never> {
  const { cfg, opts } = run;
  const err = reason(run, cause);
  await recordRelease(cfg, supersede(current));
  return failRelease(cfg, {
    errorClass: RollbackError,
    pending: rel,
    failed: failRollback(rel, err),
    err,
    outcomes: run.outcomes,
    ...(opts.cleanupOnFail && cause instanceof UpdateError
      ? { cleanup: () => cleanupCreated(cfg.kube, cause.created, 'rollback', err) }
      : {}),
  });
}

/** Hook failures and cancellations: `failed`, never `pending-rollback` (issue #3828 fixed). */
async function fail(run: Run, rel: Release, cause: Error): Promise<never> {
  const err = reason(run, cause);
  return storeFailed(run, rel, failRollback(rel, err), err.message, err);
}

/** Stores the `failed` record and throws; the message says so when it could not be stored. */
async function storeFailed(
  run: Run,
  rel: Release,
  failed: Release,
  message: string,
  cause: Error,
): Promise<never> {
  return failRelease(run.cfg, {
    errorClass: RollbackError,
    pending: rel,
    failed,
    err: cause,
    message,
    outcomes: run.outcomes,
  });
}

/** Step 7 and 10: execHook's raw error (Helm returns it unwrapped), or undefined. */
async function hooks(run: Run, rel: Release, event: HookEvent): Promise<Error | undefined> {
  return runEventHooks(run.cfg, rel, event, run.opts, run.outcomes);
}

/** Step 11: every other `deployed` revision superseded (issue #2941). */
async function supersedeDeployed(cfg: Configuration, name: string, keep: number): Promise<void> {
  let deployed: Release[] = [];
  try {
    deployed = await cfg.storage.deployedAll(name);
  } catch (err) {
    // Logged, not thrown: the new record must still reach `deployed` (decision 11).
    if (!(err instanceof NoDeployedReleasesError)) cfg.log.warn(asError(err).message);
  }
  for (const d of deployed) {
    if (d.version === keep) continue;
    cfg.log.info(`superseding previous deployment ${d.version}`);
    await recordRelease(cfg, supersede(d));
  }
}
