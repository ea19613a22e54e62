/**
 * The Configuration every verb receives (helm/helm pkg/action/action.go `Configuration`, v3.21;
 * docs/style.md section 1): the cluster client, release storage, the clock records take their
 * times from, and the log. Verbs take it plus their own options object.
 */
import type { KubeClient } from '../kube/client.js';
import type { Release } from '../release/types.js';
import type { Storage } from '../storage/storage.js';
import type { Clock } from '../gotime/clock.js';
import { errorText } from '../util/errors.js';
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

/**
 * Configuration.recordRelease (pkg/action/action.go): store the record's new state; a failure
 * is logged (`warning: Failed to update release <name>: <err>`), never thrown, as the outcome
 * it reports has already happened. The one home for what install, upgrade and rollback each
 * still define as `record()` (they move onto it when the verb files are merged).
 */
export async function recordRelease(
  cfg: Pick<Configuration, 'storage' | 'log'>,
  rel: Release,
): Promise<void> {
  try {
    await cfg.storage.update(rel);
  } catch (err) {
    cfg.log.warn(`warning: Failed to update release ${rel.name}: ${errorText(err)}`);
  }
}
