/**
 * Writing a release record from a verb: hookline's "the record is the truth" rule (design
 * decision 11, issue 9). Every verb writes through these functions:
 *
 * - `recordRelease`: Helm's recordRelease (a storage update whose failure is only logged), but
 *   retried first. For intermediate states (superseding the previous revision, `uninstalling`).
 * - `recordFinal`: the record a verb ends on (`deployed`, `failed`, `uninstalled`). Retried
 *   with backoff; when it still cannot be written the verb must fail, so this throws a
 *   RecordNotWrittenError that names the state the stored record is left in (read back) and how
 *   to recover it. A verb never succeeds unless its final record was stored.
 * - `updateRecord`: a storage update retried, its last error thrown (`helm test`'s record).
 * - `createRecord`: Storage.Create of the `pending-*` record, with --history-max.
 * - `failRelease`: Helm's failRelease tail shared by install, upgrade and rollback: the
 *   `failed` record, --cleanup-on-fail, --atomic's undo.
 *
 * The retries here are on top of the cluster client's own (kube/retry.ts): they also cover
 * other drivers and failures the client gives up on. Bounded: `attempts` tries in all.
 */
import type { Release } from '../release/types.js';
import { isReleaseNotFound, ReleaseExistsError, StorageError } from '../storage/driver.js';
import type { Configuration, RecordRetry } from './config.js';
import { asError } from '../util/errors.js';
import type { ReleaseOperationError } from './errors.js';
import type { HookOutcome } from './hooks.js';

const defaultRetry: RecordRetry = {
  attempts: 4,
  delayMs: 250,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** How to clear a record stuck in `pending-*` (the CLI command or the action input). */
export function recoverHint(name: string): string {
  return `run "hookline recover-pending ${name}" (or the action with "recover-pending: true") to mark it failed`;
}

/** What to do about a record whose state is unknown. */
function unknownHint(name: string): string {
  return `check it with "hookline history ${name}"; if it is pending, ${recoverHint(name)}; if it is uninstalling, run "hookline uninstall ${name}" again to finish it`;
}

/** The final record of a verb could not be stored. */
export class RecordNotWrittenError extends StorageError {
  constructor(
    /** The record as it was to be stored. */
    readonly intended: Release,
    /** The record as read back after the failure; undefined when it could not be read. */
    readonly stored: Release | undefined,
    cause: Error,
  ) {
    super(notWrittenMessage(intended, stored, cause), { cause });
    this.name = 'RecordNotWrittenError';
  }
}

function notWrittenMessage(intended: Release, stored: Release | undefined, cause: Error): string {
  const head = `release ${intended.name} revision ${intended.version} could not be recorded as ${JSON.stringify(intended.info.status)}: ${cause.message}`;
  if (!stored) {
    return `${head}; its stored record could not be read either, so its state is unknown: ${unknownHint(intended.name)}`;
  }
  const state = JSON.stringify(stored.info.status);
  if (stored.info.status.startsWith('pending-'))
    return `${head}; its stored record is left ${state}: ${recoverHint(intended.name)}`;
  if (stored.info.status === 'uninstalling')
    return `${head}; its stored record is left ${state}: run "hookline uninstall ${intended.name}" again to finish it`;
  return `${head}; its stored record is left ${state}`;
}

/** storage.update, tried up to `attempts` times with doubling delays; the last error thrown. */
export async function updateRecord(cfg: Configuration, rel: Release): Promise<void> {
  const retry = { ...defaultRetry, ...cfg.recordRetry };
  let delay = retry.delayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await cfg.storage.update(rel);
      return;
    } catch (err) {
      if (attempt >= retry.attempts) throw asError(err);
      cfg.log.info(
        `retrying the update of release ${rel.name} revision ${rel.version}: ${asError(err).message}`,
      );
      await retry.sleep(delay);
      delay *= 2;
    }
  }
}

/** Helm's recordRelease, retried: a failure is logged with `warnPrefix` and not thrown. */
export async function recordRelease(
  cfg: Configuration,
  rel: Release,
  warnPrefix = `warning: Failed to update release ${rel.name}`,
): Promise<void> {
  try {
    await updateRecord(cfg, rel);
  } catch (err) {
    cfg.log.warn(`${warnPrefix}: ${asError(err).message}`);
  }
}

/**
 * The final record of a verb: stored (retried), or RecordNotWrittenError naming the state the
 * stored record is left in.
 */
export async function recordFinal(cfg: Configuration, rel: Release): Promise<void> {
  try {
    await updateRecord(cfg, rel);
  } catch (err) {
    let stored: Release | undefined;
    try {
      stored = await cfg.storage.get(rel.name, rel.version);
    } catch {
      stored = undefined;
    }
    // The update may have been stored after all (its answer lost): then it is done.
    if (stored && stored.info.status === rel.info.status) return;
    throw new RecordNotWrittenError(rel, stored, asError(err));
  }
}

/** recordFinal's outcome as a value: undefined when stored, else why not. */
export async function tryRecordFinal(
  cfg: Configuration,
  rel: Release,
): Promise<RecordNotWrittenError | undefined> {
  try {
    await recordFinal(cfg, rel);
    return undefined;
  } catch (err) {
    if (err instanceof RecordNotWrittenError) return err;
    throw err;
  }
}

/**
 * Storage.Create of a verb's `pending-*` record. When the create fails, the record may still
 * have been stored (its answer lost after the retries): then it is marked failed with
 * `failedOf`, so no `pending-*` record outlives the command. The verb's error thrown carries
 * the create's message, extended when a record was (or may have been) left behind. With
 * `historyMax` (--history-max) the storage prunes to that many records for this create only.
 */
export async function createRecord(
  cfg: Configuration,
  rel: Release,
  how: {
    failedOf: (rel: Release, err: Error) => Release;
    errorClass: ReleaseErrorClass;
    historyMax?: number;
  },
): Promise<void> {
  const saved = cfg.storage.maxHistory;
  if (how.historyMax !== undefined) cfg.storage.maxHistory = how.historyMax;
  try {
    await createOnce(cfg, rel, how.failedOf);
  } catch (err) {
    throw new how.errorClass(asError(err).message, undefined, [], { cause: err });
  } finally {
    cfg.storage.maxHistory = saved;
  }
}

async function createOnce(
  cfg: Configuration,
  rel: Release,
  failedOf: (rel: Release, err: Error) => Release,
): Promise<void> {
  try {
    await cfg.storage.create(rel);
    return;
  } catch (err) {
    if (err instanceof ReleaseExistsError) throw err;
    const e = asError(err);
    let stored: Release | undefined;
    try {
      stored = await cfg.storage.get(rel.name, rel.version);
    } catch (gerr) {
      if (isReleaseNotFound(gerr)) throw e; // nothing was written
      throw new StorageError(
        `${e.message}; whether release ${rel.name} revision ${rel.version} was recorded is unknown: ${unknownHint(rel.name)}`,
        { cause: e },
      );
    }
    if (stored.info.status !== rel.info.status) throw e;
    const notWritten = await tryRecordFinal(cfg, failedOf(rel, e));
    if (notWritten) throw new StorageError(withRecordError(e.message, notWritten), { cause: e });
    throw new StorageError(
      `${e.message}; release ${rel.name} revision ${rel.version} was recorded nonetheless and is now marked failed`,
      { cause: e },
    );
  }
}

/**
 * A verb's failure message when its `failed` record could not be stored either:
 * `<err>; <why the record is not failed>`.
 */
export function withRecordError(message: string, recordErr: unknown): string {
  return `${message}; ${asError(recordErr).message}`;
}

/** A verb's error class (InstallError, UpgradeError, RollbackError). */
export type ReleaseErrorClass = new (
  message: string,
  release: Release | undefined,
  hookOutcomes?: readonly HookOutcome[],
  options?: { cause?: unknown },
) => ReleaseOperationError;

/** --atomic: how a verb undoes a failed release (install uninstalls, upgrade rolls back). */
export interface AtomicUndo {
  /** Logged before the undo (`Install failed and atomic is set, ...`). */
  readonly announce: string;
  /** The undo removes the record (install's uninstall): a failed record write does not stop it. */
  readonly erasesRecord: boolean;
  /**
   * Undoes the release, throwing the undo's error. An error of the verb's own class is passed
   * through as it is (a failure before the undo proper, with its own message).
   */
  readonly run: () => Promise<void>;
  /** The run's message: the undo worked, or failed with `undoErr`. */
  readonly message: (err: Error, undoErr?: Error) => string;
}

/** A verb failing once its `pending-*` record is stored (the shape of Helm's failRelease). */
export interface ReleaseFailure {
  readonly errorClass: ReleaseErrorClass;
  /** The record as stored (`pending-*`). */
  readonly pending: Release;
  /** The record to store instead (`failed`). */
  readonly failed: Release;
  /** Why the verb failed. */
  readonly err: Error;
  /** The run's message when the failure is recorded (default: `err`'s). */
  readonly message?: string;
  readonly outcomes: readonly HookOutcome[];
  /** --cleanup-on-fail: deletes what the verb created; an error ends the run with its text. */
  readonly cleanup?: () => Promise<Error | undefined>;
  /** --atomic. */
  readonly atomic?: AtomicUndo;
}

/**
 * The failure tail every verb shares: the `failed` record stored (or the message saying why
 * not, naming the state left), then --cleanup-on-fail, then --atomic's undo. Always throws the
 * verb's error, carrying the record as left and every hook run.
 */
export async function failRelease(cfg: Configuration, f: ReleaseFailure): Promise<never> {
  const { errorClass: ErrorClass, err, outcomes, failed, atomic } = f;
  const message = f.message ?? err.message;
  const notWritten = await tryRecordFinal(cfg, failed);
  if (notWritten && !atomic?.erasesRecord) {
    const m = withRecordError(message, notWritten);
    throw new ErrorClass(m, notWritten.stored ?? f.pending, outcomes, { cause: err });
  }
  const cleanupErr = await f.cleanup?.();
  if (cleanupErr) throw new ErrorClass(cleanupErr.message, failed, outcomes, { cause: err });
  if (!atomic) throw new ErrorClass(message, failed, outcomes, { cause: err });
  cfg.log.info(atomic.announce);
  try {
    await atomic.run();
  } catch (uerr) {
    if (uerr instanceof ErrorClass) throw uerr;
    throw new ErrorClass(atomic.message(err, asError(uerr)), failed, outcomes, { cause: uerr });
  }
  throw new ErrorClass(atomic.message(err), failed, outcomes, { cause: err });
}

/**
 * The `deployed` record a verb succeeds with (install, upgrade, rollback), stored; when it
 * cannot be, the verb's error naming the state the stored record is left in.
 */
export async function recordDeployed(
  cfg: Configuration,
  at: {
    errorClass: ReleaseErrorClass;
    pending: Release;
    deployed: Release;
    outcomes: readonly HookOutcome[];
  },
): Promise<void> {
  const notWritten = await tryRecordFinal(cfg, at.deployed);
  if (notWritten) {
    const left = notWritten.stored ?? at.pending;
    throw new at.errorClass(notWritten.message, left, at.outcomes, { cause: notWritten });
  }
}
