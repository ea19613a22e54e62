/**
 * `status(cfg, releaseName, { revision })`: helm status as a library call (helm/helm
 * pkg/action/status.go, v3.21.4): the last revision of any status (ST-14) or the given one;
 * `release: not found` when there is none (Configuration.releaseContent).
 */
import { unreachableMessage } from '../kube/reachable.js';
import { isReleaseNotFound, NoRevisionError, ReleaseNotFoundError } from '../storage/driver.js';
import { validateReleaseName } from '../release/name.js';
import type { Release } from '../release/types.js';
import type { Configuration } from './config.js';

export { formatStatus, type FormatStatusOptions } from './status-format.js';

export interface StatusOptions {
  /** The revision to show; 0 or absent = the last one. */
  revision?: number;
}

/** Status.Run. */
export async function status(
  cfg: Configuration,
  releaseName: string,
  options: StatusOptions = {},
): Promise<Release> {
  const unreachable = await unreachableMessage(cfg.kube);
  if (unreachable) throw new Error(unreachable);
  try {
    validateReleaseName(releaseName);
  } catch {
    // Configuration.releaseContent's text.
    throw new Error(`releaseContent: Release name is invalid: ${releaseName}`);
  }
  const revision = options.revision ?? 0;
  if (revision > 0) return cfg.storage.get(releaseName, revision);
  try {
    return await cfg.storage.last(releaseName);
  } catch (err) {
    // Storage.Last on an empty history is ErrReleaseNotFound in Helm (ST-13).
    if (isReleaseNotFound(err)) throw err;
    if (err instanceof NoRevisionError) throw new ReleaseNotFoundError({ cause: err });
    throw err;
  }
}
