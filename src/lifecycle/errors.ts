/**
 * Typed errors of the lifecycle verbs, each carrying the release record as it was left, and
 * the failure texts of Helm's failRelease paths (helm/helm pkg/action/install.go failRelease,
 * upgrade.go failRelease, rollback.go, uninstall.go Run, v3.21.4; helm-semantics.md sections
 * 4.1-4.4).
 */
import type { Release } from '../release/types.js';
import type { HookOutcome } from './hooks.js';

/**
 * A verb that failed, with the release record as it was left (undefined when none was stored or
 * read) and every hook run, so a summary can show what happened. The verbs' error classes
 * differ only in name.
 */
export class ReleaseOperationError extends Error {
  constructor(
    message: string,
    readonly release: Release | undefined,
    readonly hookOutcomes: readonly HookOutcome[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An install that failed; `release` is the record as stored (or as Helm returns it). */
export class InstallError extends ReleaseOperationError {
  override name = 'InstallError';
}

/** An uninstall that failed; `release` is the record as left (undefined when none was read). */
export class UninstallError extends ReleaseOperationError {
  override name = 'UninstallError';
}

/**
 * The error text of an atomic install's rollback (Install.failRelease with --atomic):
 * `release <name> failed, and has been uninstalled due to atomic being set: <err>`, or when
 * the uninstall failed
 * `an error occurred while uninstalling the release. original install error: <err>: <uerr>`.
 */
export function atomicMessage(name: string, err: Error, uninstallErr?: Error): string {
  if (uninstallErr) {
    return `an error occurred while uninstalling the release. original install error: ${err.message}: ${uninstallErr.message}`;
  }
  return `release ${name} failed, and has been uninstalled due to atomic being set: ${err.message}`;
}

/** `another operation (install/upgrade/rollback) is in progress` (errPending, upgrade step 3). */
export const ERR_PENDING = 'another operation (install/upgrade/rollback) is in progress';

export class UpgradeError extends ReleaseOperationError {
  override name = 'UpgradeError';
}

export class RollbackError extends ReleaseOperationError {
  override name = 'RollbackError';
}

/** Upgrade.failRelease with --atomic and no superseded/deployed revision to return to. */
export function noSuccessfulReleaseMessage(err: Error): string {
  return `unable to find a previously successful release when attempting to rollback. original upgrade error: ${err.message}`;
}

/** Upgrade.failRelease with --atomic: the rollback worked, or failed with `rollbackErr`. */
export function atomicRollbackMessage(name: string, err: Error, rollbackErr?: Error): string {
  if (rollbackErr) {
    return `an error occurred while rolling back the release. original upgrade error: ${err.message}: ${rollbackErr.message}`;
  }
  return `release ${name} failed, and has been rolled back due to atomic being set: ${err.message}`;
}
