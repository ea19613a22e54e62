/**
 * The Configuration every verb receives (helm/helm pkg/action/action.go `Configuration`, v3.21;
 * docs/style.md section 1): the cluster client, release storage, the clock records take their
 * times from, and the log. Verbs take it plus their own options object.
 */
import type { KubeClient } from '../kube/client.js';
import type { Storage } from '../storage/storage.js';
import type { Clock } from '../gotime/clock.js';
import type { HookLog } from './hooks.js';

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

/** Go's `context.Canceled` text, the reason a cancelled operation records (decision 11). */
export const CONTEXT_CANCELED = 'context canceled';

/** The verbs import it from here; its one home is util/errors.ts. */
export { asError } from '../util/errors.js';

/** A signal that never fires, for callers that pass none. */
export function neverAborted(): AbortSignal {
  return new AbortController().signal;
}
