/**
 * The Configuration every verb receives (helm/helm pkg/action/action.go `Configuration`, v3.21;
 * docs/style.md section 1): the cluster client, release storage, the clock records take their
 * times from, and the log. Verbs take it plus their own options object.
 */
import type { KubeClient } from '../kube/client.js';
import type { Storage } from '../storage/storage.js';
import type { Clock } from '../util/clock.js';
import type { HookLog } from './hooks.js';
import type { RecordRetry } from './record.js';

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

/** Helm 3's default `--timeout` (CMD-TIMEOUT): 5m0s, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** Go's `context.Canceled` text, the reason a cancelled operation records (decision 11). */
export const CONTEXT_CANCELED = 'context canceled';

/** The error `e`, or a new Error with its text. */
export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** A signal that never fires, for callers that pass none. */
export function neverAborted(): AbortSignal {
  return new AbortController().signal;
}
