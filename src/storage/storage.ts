/**
 * The Storage facade over a driver (helm/helm pkg/storage/storage.go, v3.21;
 * docs/helm-semantics.md sections 5.4 and 5.5): keys, history (ST-13), last (ST-14),
 * deployed (ST-15) and max-history pruning inside create (ST-16).
 */
import { latest, sortByRevision } from '../release/history.js';
import type { Release } from '../release/types.js';
import { Status } from '../release/types.js';
import type { Driver, StorageLog } from './driver.js';
import {
  NoDeployedReleasesError,
  NoRevisionError,
  StorageError,
  isReleaseNotFound,
  silentLog,
} from './driver.js';
import { ApiNotFoundError } from './object-driver.js';
import { makeKey } from './keys.js';
import { OWNER } from './labels.js';
import { asError, causeOfType } from '../util/errors.js';

export interface StorageOptions {
  /**
   * MaxHistory: records kept per release, the new one included; 0 or less = unlimited.
   * Upgrade and rollback set it from `--history-max`; install never prunes.
   */
  maxHistory?: number;
  log?: StorageLog;
}

/** Several pruning deletions failed: `encountered <n> deletion errors. First is: <err>`. */
export class PruneError extends StorageError {
  constructor(readonly errors: readonly Error[]) {
    super(`encountered ${errors.length} deletion errors. First is: ${errors[0]?.message}`, {
      cause: errors[0],
    });
    this.name = 'PruneError';
  }
}

export class Storage {
  maxHistory: number;
  private readonly log: StorageLog;

  constructor(
    readonly driver: Driver,
    opts: StorageOptions = {},
  ) {
    this.maxHistory = opts.maxHistory ?? 0;
    this.log = opts.log ?? silentLog;
  }

  /** Get: one revision, or ReleaseNotFoundError. */
  get(name: string, version: number): Promise<Release> {
    this.log(`getting release "${makeKey(name, version)}"`);
    return this.driver.get(makeKey(name, version));
  }

  /**
   * Create: store a new revision (ReleaseExistsError if taken). With maxHistory > 0, first
   * prune the history down to maxHistory - 1 records (ST-16); a not-found there is ignored.
   */
  async create(rel: Release): Promise<void> {
    this.log(`creating release "${makeKey(rel.name, rel.version)}"`);
    if (this.maxHistory > 0) {
      try {
        await this.removeLeastRecent(rel.name, this.maxHistory - 1);
      } catch (err) {
        if (!isReleaseNotFound(err)) throw err;
      }
    }
    await this.driver.create(makeKey(rel.name, rel.version), rel);
  }

  /** Update: rewrite a stored revision. */
  update(rel: Release): Promise<void> {
    this.log(`updating release "${makeKey(rel.name, rel.version)}"`);
    return this.driver.update(makeKey(rel.name, rel.version), rel);
  }

  /** Delete: remove a revision and return it, or ReleaseNotFoundError. */
  delete(name: string, version: number): Promise<Release> {
    this.log(`deleting release "${makeKey(name, version)}"`);
    return this.driver.delete(makeKey(name, version));
  }

  /** ListReleases: every release record in the driver's scope. */
  listReleases(): Promise<Release[]> {
    return this.driver.list(() => true);
  }

  /** History: every revision of a release (label query name, owner=helm; ST-13). */
  history(name: string): Promise<Release[]> {
    this.log(`getting release history for "${name}"`);
    return this.driver.query({ name, owner: OWNER });
  }

  /** Last: the highest revision of any status (ST-14); ReleaseNotFoundError without history. */
  async last(name: string): Promise<Release> {
    const rel = latest(await this.history(name));
    if (!rel) throw new NoRevisionError(name);
    return rel;
  }

  /** DeployedAll: every `deployed` revision; NoDeployedReleasesError when there is none. */
  async deployedAll(name: string): Promise<Release[]> {
    try {
      return await this.driver.query({ name, owner: OWNER, status: Status.Deployed });
    } catch (err) {
      // Helm matches "not found" in the text: no record, or the API's 404 under the driver.
      if (isReleaseNotFound(err) || causeOfType(err, ApiNotFoundError)) {
        throw new NoDeployedReleasesError(name);
      }
      throw err;
    }
  }

  /** Deployed: the highest `deployed` revision (ST-15), or NoDeployedReleasesError. */
  async deployed(name: string): Promise<Release> {
    const rel = latest(await this.deployedAll(name));
    if (!rel) throw new NoDeployedReleasesError(name);
    return rel;
  }

  /**
   * removeLeastRecent: delete the oldest revisions until `max` remain, never the deployed
   * one; every deletion is attempted and the errors reported together.
   */
  private async removeLeastRecent(name: string, max: number): Promise<void> {
    if (max < 0) return;
    const history = sortByRevision(await this.history(name));
    if (history.length <= max) return;
    const deployedVersion = await this.deployedVersion(name);
    const toDelete: Release[] = [];
    for (const rel of history) {
      if (history.length - toDelete.length === max) break;
      if (rel.version !== deployedVersion) toDelete.push(rel);
    }
    const errors: Error[] = [];
    for (const rel of toDelete) {
      try {
        await this.delete(name, rel.version);
      } catch (err) {
        const e = asError(err);
        this.log(`error pruning ${makeKey(name, rel.version)} from release history: ${e.message}`);
        errors.push(e);
      }
    }
    this.log(`Pruned ${toDelete.length} record(s) from ${name} with ${errors.length} error(s)`);
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new PruneError(errors);
  }

  /** The deployed revision's number, or undefined when none is deployed. */
  private async deployedVersion(name: string): Promise<number | undefined> {
    try {
      return (await this.deployed(name)).version;
    } catch (err) {
      if (err instanceof NoDeployedReleasesError) return undefined;
      throw err;
    }
  }
}
