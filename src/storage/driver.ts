/**
 * The storage driver contract (helm/helm pkg/storage/driver/driver.go, v3.21): Creator,
 * Updator, Deletor and Queryor in one interface, and the domain errors every driver maps its
 * backend's failures to. Code above a driver branches on these classes, never on messages.
 */
import type { Release } from '../release/types.js';

/** Base class of storage errors. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** ErrReleaseNotFound: `release: not found`. */
export class ReleaseNotFoundError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('release: not found', options);
    this.name = 'ReleaseNotFoundError';
  }
}

/** ErrReleaseExists: `release: already exists` (the optimistic lock of create, ST-8). */
export class ReleaseExistsError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('release: already exists', options);
    this.name = 'ReleaseExistsError';
  }
}

/** ErrInvalidKey: `release: invalid key` (memory driver keys that do not parse). */
export class InvalidKeyError extends StorageError {
  constructor() {
    super('release: invalid key');
    this.name = 'InvalidKeyError';
  }
}

/**
 * NewErrNoDeployedReleases: a StorageDriverError `"<name>" has no deployed releases`
 * (`%q` of the name, then ErrNoDeployedReleases' text).
 */
export class NoDeployedReleasesError extends StorageError {
  constructor(readonly releaseName: string) {
    super(`${JSON.stringify(releaseName)} has no deployed releases`);
    this.name = 'NoDeployedReleasesError';
  }
}

/**
 * Storage.Last on a release without records: `no revision for release "<name>"` (Helm's
 * errors.Errorf there, typed here so callers branch on the class).
 */
export class NoRevisionError extends StorageError {
  constructor(readonly releaseName: string) {
    super(`no revision for release ${JSON.stringify(releaseName)}`);
    this.name = 'NoRevisionError';
  }
}

/** errors.Is for ErrReleaseNotFound: the error or any error in its cause chain. */
export function isReleaseNotFound(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    if (e instanceof ReleaseNotFoundError) return true;
  }
  return false;
}

/** A label set (a Kubernetes object's labels, or a query). */
export type Labels = Record<string, string>;

/**
 * Driver: persistence of release records under keys `sh.helm.release.v1.<name>.v<N>` (ST-3).
 * Every method is async because the Kubernetes drivers are; the memory driver resolves at
 * once.
 */
export interface Driver {
  /** The driver's name: `Secret`, `ConfigMap` or `Memory`. */
  readonly name: string;
  /** Get: the release stored under `key`, or ReleaseNotFoundError. */
  get(key: string): Promise<Release>;
  /**
   * List: every release owned by Helm (label `owner=helm`) that `filter` accepts. Records that
   * fail to decode are skipped (and logged). Never ReleaseNotFoundError: an empty list.
   */
  list(filter: (rel: Release) => boolean): Promise<Release[]>;
  /**
   * Query: every release whose storage labels include all of `labels`; ReleaseNotFoundError
   * when no object matches (ST-13). Records that fail to decode are skipped (and logged).
   */
  query(labels: Labels): Promise<Release[]>;
  /** Create: store a new record, or ReleaseExistsError if the key is taken (ST-8). */
  create(key: string, rel: Release): Promise<void>;
  /** Update: replace an existing record (its labels rebuilt, ST-7). */
  update(key: string, rel: Release): Promise<void>;
  /** Delete: remove a record and return it, or ReleaseNotFoundError. */
  delete(key: string): Promise<Release>;
}

/** A debug logger drivers and storage report to (Helm's `Log func(string, ...interface{})`). */
export type StorageLog = (message: string) => void;

/** The logger used when none is given. */
export const silentLog: StorageLog = () => {};
