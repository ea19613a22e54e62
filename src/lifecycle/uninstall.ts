/**
 * `uninstall(cfg, name, options)`: helm uninstall as a library call (helm/helm
 * pkg/action/uninstall.go Run, v3.21.4; helm-semantics.md section 4.4 steps 1-13, UN-1), with
 * one deliberate fix (design decision 11, helm/helm issue #9700): a failing pre-delete hook
 * does not leave the release `uninstalling`.
 */
import type { ResourceRef } from '../kube/client.js';
import { runEventHooks } from './event-hooks.js';
import { refOf } from '../kube/client.js';
import { latest } from '../release/history.js';
import { validateReleaseName } from '../release/name.js';
import { markUninstalled, markUninstalling, setStatus, supersede } from '../release/records.js';
import type { Release } from '../release/types.js';
import { Status } from '../release/types.js';
import { isReleaseNotFound, NoDeployedReleasesError } from '../storage/driver.js';
import { DEFAULT_TIMEOUT_MS, asError, neverAborted, type Configuration } from './config.js';
import { UninstallError } from './errors.js';
import { recordRelease, tryRecordFinal, withRecordError } from './record.js';
import { unreachableMessage } from '../kube/reachable.js';
import type { HookLogsMode, HookOutcome } from './hooks.js';
import {
  deleteAll,
  planUninstall,
  propagationOf,
  waitForDeleted,
  type Cascade,
} from './uninstall-resources.js';

/** Uninstall.Run's warning when a storage update fails (logged, not thrown). */
const STORE_FAILED = 'uninstall: Failed to store updated release';

export interface UninstallOptions {
  keepHistory?: boolean;
  noHooks?: boolean;
  /** Wait until the deleted objects are gone. */
  wait?: boolean;
  /** Milliseconds per hook and for the wait (CMD-TIMEOUT: 5m0s). */
  timeout?: number;
  description?: string;
  /** Deletion propagation; default background. */
  cascade?: Cascade;
  /** Only read the latest revision and return it. */
  dryRun?: boolean;
  /** A release without history is a success with no release. */
  ignoreNotFound?: boolean;
  hookLogs?: HookLogsMode;
  signal?: AbortSignal;
}

export interface UninstallResult {
  /** The last revision as left (undefined with ignoreNotFound and no history). */
  release: Release | undefined;
  /** `These resources were kept due to the resource policy:\n[Kind] name\n...` or `''`. */
  kept: string;
  /** The objects a deletion was requested for, in UninstallOrder. */
  deleted: ResourceRef[];
  hookOutcomes: HookOutcome[];
}

interface Run {
  cfg: Configuration;
  name: string;
  opts: UninstallOptions & { timeout: number; signal: AbortSignal };
  outcomes: HookOutcome[];
}

/** Uninstall.Run. */
export async function uninstall(
  cfg: Configuration,
  name: string,
  options: UninstallOptions = {},
): Promise<UninstallResult> {
  const opts = {
    ...options,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    signal: options.signal ?? neverAborted(),
  };
  const run: Run = { cfg, name, opts, outcomes: [] };
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new UninstallError(unreachable, undefined);
  if (opts.dryRun) {
    const rel = await cfg.storage.last(name);
    return { release: rel, kept: '', deleted: [], hookOutcomes: [] };
  }
  try {
    validateReleaseName(name);
  } catch {
    throw new UninstallError(`uninstall: Release name is invalid: ${name}`, undefined);
  }
  let rels: Release[];
  try {
    rels = await cfg.storage.history(name);
  } catch (err) {
    if (opts.ignoreNotFound) return { release: undefined, kept: '', deleted: [], hookOutcomes: [] };
    throw new UninstallError(
      `uninstall: Release not loaded: ${name}: ${asError(err).message}`,
      undefined,
      [],
      { cause: err },
    );
  }
  const last = latest(rels);
  if (!last) throw new UninstallError('no release provided', undefined);
  if (last.info.status === Status.Uninstalled) return alreadyUninstalled(run, last, rels);
  return performUninstall(run, last, rels);
}

/** Step 3: purge the records of an uninstalled release, or refuse with --keep-history. */
async function alreadyUninstalled(
  run: Run,
  rel: Release,
  rels: Release[],
): Promise<UninstallResult> {
  if (run.opts.keepHistory)
    throw new UninstallError(
      `the release named ${JSON.stringify(run.name)} is already deleted`,
      rel,
    );
  try {
    await purge(run.cfg, rels);
  } catch (err) {
    throw new UninstallError(
      `uninstall: Failed to purge the release: ${asError(err).message}`,
      rel,
      [],
      { cause: err },
    );
  }
  return { release: rel, kept: '', deleted: [], hookOutcomes: [] };
}

/** Steps 4-12. */
async function performUninstall(
  run: Run,
  last: Release,
  rels: Release[],
): Promise<UninstallResult> {
  const { cfg, name, opts } = run;
  let rel = markUninstalling(last, cfg.clock);
  const preErr = await hooks(run, rel, 'pre-delete');
  if (preErr) {
    // Helm returns here with the record left `uninstalling` (issues #9700, #9241): it can
    // neither be upgraded nor re-installed. hookline restores the previous status instead.
    const restored = setStatus(
      rel,
      last.info.status || Status.Unknown,
      `Uninstall failed: ${preErr.message}`,
    );
    restored.info.deleted = last.info.deleted;
    const notWritten = await tryRecordFinal(cfg, restored);
    if (notWritten) {
      const m = withRecordError(preErr.message, notWritten);
      throw new UninstallError(m, notWritten.stored ?? rel, run.outcomes, { cause: preErr });
    }
    throw new UninstallError(preErr.message, restored, run.outcomes, { cause: preErr });
  }
  await recordRelease(cfg, rel, STORE_FAILED);
  let plan;
  try {
    plan = planUninstall(rel.manifest, rel.namespace);
  } catch (err) {
    cfg.log.warn(`uninstall: Failed to delete release: ${asError(err).message}`);
    const left = await leaveFailed(cfg, rel, asError(err));
    throw new UninstallError(
      left.message(`failed to delete release: ${name}`),
      left.rel,
      run.outcomes,
      {
        cause: err,
      },
    );
  }
  const deleted = plan.toDelete.map(refOf);
  const deleteErrors = await deleteAll(
    cfg.kube,
    plan.toDelete,
    propagationOf(opts.cascade),
    opts.signal,
  );
  if (deleteErrors.length > 0) {
    cfg.log.warn(
      `uninstall: Failed to delete release: ${deleteErrors.map((e) => e.message).join('; ')}`,
    );
    const left = await leaveFailed(cfg, rel, deleteErrors[0]!);
    throw new UninstallError(
      left.message(`failed to delete release: ${name}`),
      left.rel,
      run.outcomes,
      {
        cause: deleteErrors[0],
      },
    );
  }
  const kept = plan.kept && `These resources were kept due to the resource policy:\n${plan.kept}`;
  const errs: Error[] = [];
  if (opts.wait) {
    await waitForDeleted(cfg.kube, deleted, { timeoutMs: opts.timeout, signal: opts.signal }).catch(
      (e: unknown) => errs.push(asError(e)),
    );
  }
  const postErr = await hooks(run, rel, 'post-delete');
  if (postErr) errs.push(postErr);
  rel = markUninstalled(rel, opts.description);
  await finish(run, rel, rels, errs);
  const result = { release: rel, kept, deleted, hookOutcomes: run.outcomes };
  if (errs.length > 0) {
    const text = errs.map((e) => e.message).join('; ');
    throw new UninstallResultError(
      `uninstallation completed with ${errs.length} error(s): ${text}`,
      result,
    );
  }
  return result;
}

/** Steps 11-12: purge every record, or keep history with the others superseded. */
async function finish(run: Run, rel: Release, rels: Release[], errs: Error[]): Promise<void> {
  const { cfg, name } = run;
  if (!run.opts.keepHistory) {
    cfg.log.info(`purge requested for ${name}`);
    try {
      await purge(cfg, rels);
    } catch (e) {
      const err = new Error(`uninstall: Failed to purge the release: ${asError(e).message}`);
      errs.push(new Error((await leaveFailed(cfg, rel, err)).message(err.message)));
    }
    return;
  }
  const notWritten = await tryRecordFinal(cfg, rel);
  if (notWritten)
    errs.push(new Error(`uninstall: Failed to update release: ${notWritten.message}`));
  let deployed: Release[] = [];
  try {
    deployed = await cfg.storage.deployedAll(name);
  } catch (err) {
    if (!(err instanceof NoDeployedReleasesError)) throw err;
  }
  for (const d of deployed) {
    cfg.log.info(`superseding previous deployment ${d.version}`);
    await recordRelease(cfg, supersede(d), STORE_FAILED);
  }
}

/** An uninstall that completed with errors: the result is complete, the errors aggregated. */
export class UninstallResultError extends UninstallError {
  constructor(
    message: string,
    readonly result: UninstallResult,
  ) {
    super(message, result.release, result.hookOutcomes);
  }
}

/** execHook for a delete event; the raw hook error (EX-10), or undefined. */
async function hooks(
  run: Run,
  rel: Release,
  event: 'pre-delete' | 'post-delete',
): Promise<Error | undefined> {
  return runEventHooks(run.cfg, rel, event, run.opts, run.outcomes);
}

/** purgeReleases: delete every record; the first error ends it. */
async function purge(cfg: Configuration, rels: readonly Release[]): Promise<void> {
  for (const r of rels) await cfg.storage.delete(r.name, r.version);
}

/**
 * An uninstall that failed after its record was marked `uninstalling`: hookline marks it
 * `failed` (`Uninstall failed: <err>`), a final state from which uninstall can be run again,
 * where Helm leaves it `uninstalling`. Nothing is written when the record is already gone.
 */
async function leaveFailed(
  cfg: Configuration,
  rel: Release,
  err: Error,
): Promise<{ rel: Release; message: (m: string) => string }> {
  const same = (m: string) => m;
  const present = await cfg.storage.get(rel.name, rel.version).then(
    () => true,
    (e: unknown) => !isReleaseNotFound(e),
  );
  if (!present) return { rel, message: same };
  const failed = setStatus(rel, Status.Failed, `Uninstall failed: ${err.message}`);
  const notWritten = await tryRecordFinal(cfg, failed);
  if (notWritten) return { rel, message: (m) => withRecordError(m, notWritten) };
  return { rel: failed, message: same };
}
