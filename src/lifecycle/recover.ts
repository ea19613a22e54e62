/**
 * `recover-pending: true`: a release whose last record is `pending-*` and older than the
 * timeout (by its info.last_deployed) is marked `failed` before the command proceeds, so a run
 * killed mid-operation does not block the next one (ERR_PENDING).
 */
import type { Configuration } from '../lifecycle/config.js';
import { readHelmTime } from '../lifecycle/release-time.js';
import { setStatus } from '../release/records.js';
import { isPending, Status, type Release } from '../release/types.js';
import { isReleaseNotFound, NoRevisionError } from '../storage/driver.js';

/** The recovered record, or undefined when nothing was pending long enough. */
export async function recoverPending(
  cfg: Configuration,
  releaseName: string,
  timeoutMs: number,
  description = 'Marked failed by hookline (recover-pending): pending for longer than the timeout',
): Promise<Release | undefined> {
  let last: Release;
  try {
    last = await cfg.storage.last(releaseName);
  } catch (err) {
    if (isReleaseNotFound(err) || err instanceof NoRevisionError) return undefined;
    throw err;
  }
  if (!isPending(last.info.status)) return undefined;
  const ageMs =
    Number(cfg.clock.now().unixNano() - readHelmTime(last.info.last_deployed).unixNano()) / 1e6;
  if (ageMs <= timeoutMs) return undefined;
  const was = last.info.status;
  const failed = setStatus(last, Status.Failed, description);
  await cfg.storage.update(failed);
  cfg.log.warn(
    `release ${releaseName} revision ${last.version} was ${was}; marked failed: ${description}`,
  );
  return failed;
}
