/**
 * The Configuration every verb receives (helm/helm pkg/action/action.go `Configuration`, v3.21;
 * docs/style.md section 1): the cluster client, release storage, the clock records take their
 * times from, and the log. Verbs take it plus their own options object.
 */
import type { KubeClient } from '../kube/client.js';
import type { Storage } from '../storage/storage.js';
import type { Clock } from '../gotime/clock.js';
import type { HookLog, HookLogsMode } from './hooks.js';

export interface Configuration {
  kube: KubeClient;
  /**
   * Release records. Helm keeps them in the release namespace (ST-2); as with Helm's
   * `Configuration.Init`, the caller builds this Storage for that namespace.
   */
  storage: Storage;
  clock: Clock;
  /** Helm's `cfg.Log` (info) plus warnings hookline adds. */
  log: HookLog;
  /** How release-record writes are retried (lifecycle/record.ts); defaults when omitted. */
  recordRetry?: Partial<RecordRetry>;
}

/** How the verbs retry writing a release record (lifecycle/record.ts). */
export interface RecordRetry {
  /** Tries in all (default 4). */
  attempts: number;
  /** First delay between tries, doubled each time (default 250 ms). */
  delayMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** Helm 3's default `--timeout` (CMD-TIMEOUT): 5m0s, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** Helm's `--history-max` default (HELM_MAX_HISTORY unset): 10 records per release. */
export const DEFAULT_HISTORY_MAX = 10;

/** The run options install, upgrade and rollback share (Helm's flags of the same names). */
export interface RunOptions {
  wait?: boolean;
  /** With `wait`: Jobs must complete too. */
  waitForJobs?: boolean;
  /** Milliseconds per hook and for the wait (CMD-TIMEOUT: 5m0s). */
  timeout?: number;
  /** Undo on failure (install uninstalls, upgrade rolls back); implies `wait`. */
  atomic?: boolean;
  noHooks?: boolean;
  /** Whose pod logs hook outcomes carry (default: failed hooks). */
  hookLogs?: HookLogsMode;
  signal?: AbortSignal;
}

/** RunOptions with Helm's defaults applied, built once per verb run. */
export type ResolvedRun<T extends RunOptions> = T & {
  timeout: number;
  wait: boolean;
  signal: AbortSignal;
};

/** Helm's defaults: the 5m0s timeout, `--atomic` implying `--wait`, a signal that never fires. */
export function resolveRun<T extends RunOptions>(options: T): ResolvedRun<T> {
  return {
    ...options,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    wait: (options.wait ?? false) || (options.atomic ?? false),
    signal: options.signal ?? neverAborted(),
  };
}

/** Go's `context.Canceled` text, the reason a cancelled operation records (decision 11). */
export const CONTEXT_CANCELED = 'context canceled';

/** The verbs import it from here; its one home is util/errors.ts. */
export { asError } from '../util/errors.js';

/** A signal that never fires, for callers that pass none. */
export function neverAborted(): AbortSignal {
  return new AbortController().signal;
}
