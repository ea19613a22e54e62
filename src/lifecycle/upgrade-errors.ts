/**
 * Typed errors of the upgrade and rollback verbs, each carrying the new release record as it
 * was left (undefined when nothing was stored), and Upgrade.failRelease's message texts
 * (helm/helm pkg/action/upgrade.go, rollback.go, v3.21.4; helm-semantics.md sections 4.2, 4.3).
 */
import { ReleaseOperationError } from './fail-release.js';

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
