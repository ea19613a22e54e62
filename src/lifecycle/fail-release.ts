/**
 * Typed errors of the install and uninstall verbs, each carrying the release record as it was
 * left (helm/helm pkg/action/install.go failRelease, uninstall.go Run, v3.21), and the
 * install failure path itself.
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
