/**
 * `helm upgrade --install` (helm/helm cmd/helm/upgrade.go, v3.21.4; helm-semantics.md section
 * 4.2, last paragraph): the upgrade becomes an install when there is no release yet or its
 * last revision is `uninstalled`.
 */
import type { Chart } from '../chart/types.js';
import { latest } from '../release/history.js';
import type { Release } from '../release/types.js';
import { Status } from '../release/types.js';
import { isReleaseNotFound } from '../storage/driver.js';
import type { Configuration } from './config.js';
import { install } from './install.js';
import type { ResolvedUpgrade, UpgradeResult } from './upgrade.js';

/**
 * cmd/helm/upgrade.go with --install: no history (`release: not found`) or an `uninstalled`
 * last revision → install (with replace for the latter, so the revision continues).
 */
export async function installInstead(
  cfg: Configuration,
  chart: Chart,
  opts: ResolvedUpgrade,
): Promise<UpgradeResult | undefined> {
  let last: Release | undefined;
  try {
    last = latest(await cfg.storage.history(opts.releaseName));
  } catch (err) {
    if (!isReleaseNotFound(err)) throw err;
  }
  if (last && last.info.status !== Status.Uninstalled) return undefined;
  cfg.log.info(`Release ${JSON.stringify(opts.releaseName)} does not exist. Installing it now.`);
  const res = await install(cfg, chart, {
    releaseName: opts.releaseName,
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    ...(opts.values ? { values: opts.values } : {}),
    wait: opts.wait,
    ...(opts.waitForJobs !== undefined ? { waitForJobs: opts.waitForJobs } : {}),
    timeout: opts.timeout,
    ...(opts.atomic !== undefined ? { atomic: opts.atomic } : {}),
    ...(opts.noHooks !== undefined ? { noHooks: opts.noHooks } : {}),
    replace: last !== undefined,
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.dryRun !== undefined ? { dryRun: opts.dryRun } : {}),
    ...(opts.hookLogs ? { hookLogs: opts.hookLogs } : {}),
    ...(opts.serverSide !== undefined ? { serverSide: opts.serverSide } : {}),
    ...(opts.forceConflicts !== undefined ? { forceConflicts: opts.forceConflicts } : {}),
    ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
    ...(opts.apiVersions ? { apiVersions: opts.apiVersions } : {}),
    signal: opts.signal,
  });
  return { ...res, deleted: [], kept: [], installed: true };
}
