/**
 * `history(cfg, releaseName, { max })`: helm history as a library call (helm/helm
 * pkg/action/history.go and cmd/helm/history.go getHistory, v3.21.4): the newest `max`
 * revisions (default 256), ascending, with the columns `helm history` shows.
 */
import { unreachableMessage } from '../kube/reachable.js';
import { reverse, sortByRevision } from '../release/history.js';
import { validateReleaseName } from '../release/name.js';
import type { Release } from '../release/types.js';
import type { Configuration } from './config.js';
import type { HistoryRow } from './history-format.js';
import { TIME_STRING, formatHelmTime } from './release-time.js';

export { formatHistory, type HistoryRow } from './history-format.js';

export interface HistoryOptions {
  /** `--max`: the most recent revisions kept (default 256). */
  max?: number;
}

export const DEFAULT_HISTORY_MAX = 256;

/** History.Run + getHistory. */
export async function history(
  cfg: Configuration,
  releaseName: string,
  options: HistoryOptions = {},
): Promise<HistoryRow[]> {
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new Error(unreachable);
  try {
    validateReleaseName(releaseName);
  } catch {
    throw new Error(`release name is invalid: ${releaseName}`);
  }
  const newest = reverse(await cfg.storage.history(releaseName), sortByRevision);
  const kept = newest.slice(0, Math.max(0, options.max ?? DEFAULT_HISTORY_MAX));
  return kept.reverse().map(historyRow);
}

/** getReleaseHistory for one record. */
export function historyRow(r: Release): HistoryRow {
  const meta = r.chart?.metadata ?? null;
  return {
    revision: r.version,
    updated: formatHelmTime(r.info.last_deployed, TIME_STRING),
    status: r.info.status,
    chart: meta ? `${meta.name}-${meta.version}` : 'MISSING',
    appVersion: meta ? meta.appVersion : 'MISSING',
    description: r.info.description,
  };
}
