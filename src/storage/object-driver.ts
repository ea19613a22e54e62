/**
 * What the Secret and ConfigMap drivers share (helm/helm pkg/storage/driver/{secrets,cfgmaps}
 * .go, v3.21): both keep one Kubernetes object per revision, named by its key, labelled per
 * ST-7 and holding the encoded release in `data.release`; they differ in the object they
 * build and in how they word errors. Each talks to the cluster through a narrow, namespaced
 * ObjectApi and turns the API's typed NotFound/AlreadyExists into domain errors here.
 */
import { decodeRelease, encodeRelease } from '../release/codec.js';
import type { Release } from '../release/types.js';
import { systemClock, type Clock } from '../gotime/clock.js';
import type { Driver, Labels, StorageLog } from './driver.js';
import { ReleaseExistsError, ReleaseNotFoundError, silentLog, StorageError } from './driver.js';
import {
  OWNER,
  filterSystemLabels,
  labelSelector,
  storageObjectLabels,
  validateQueryLabels,
} from './labels.js';

/** The metadata the drivers read and write (the API fills in the rest). */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Labels;
  resourceVersion?: string;
  creationTimestamp?: string;
}

/** An object the API could not find (HTTP 404): apierrors.IsNotFound. */
export class ApiNotFoundError extends Error {
  constructor(resource: string, name: string) {
    super(`${resource} "${name}" not found`);
    this.name = 'ApiNotFoundError';
  }
}

/** An object name already taken on create (HTTP 409 AlreadyExists): apierrors.IsAlreadyExists. */
export class ApiAlreadyExistsError extends Error {
  constructor(resource: string, name: string) {
    super(`${resource} "${name}" already exists`);
    this.name = 'ApiAlreadyExistsError';
  }
}

/**
 * A namespaced object API (client-go's typed SecretInterface/ConfigMapInterface, reduced to
 * what Helm calls). Methods reject with ApiNotFoundError / ApiAlreadyExistsError where
 * documented; any other rejection is passed on (wrapped, for the Secret driver).
 */
export interface ObjectApi<T extends { metadata: ObjectMeta }> {
  /** POST; ApiAlreadyExistsError when the name is taken. */
  create(obj: T): Promise<T>;
  /** GET by name; ApiNotFoundError when absent. */
  get(name: string): Promise<T>;
  /** PUT (no resourceVersion precondition, ST-8); ApiNotFoundError when absent. */
  update(obj: T): Promise<T>;
  /** DELETE by name; ApiNotFoundError when absent. */
  delete(name: string): Promise<void>;
  /** LIST with a label selector (`k=v,k2=v2`, equality only). */
  list(labelSelector: string): Promise<T[]>;
}

export interface ObjectDriverOptions {
  /** Source of the `createdAt`/`modifiedAt` label values (Unix seconds). */
  clock?: Clock;
  /** Debug log for skipped records. */
  log?: StorageLog;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** The shared half of the Secret and ConfigMap drivers. */
export abstract class ObjectDriver<T extends { metadata: ObjectMeta }> implements Driver {
  abstract readonly name: string;
  protected readonly clock: Clock;
  protected readonly log: StorageLog;

  constructor(
    protected readonly api: ObjectApi<T>,
    opts: ObjectDriverOptions = {},
  ) {
    this.clock = opts.clock ?? systemClock;
    this.log = opts.log ?? silentLog;
  }

  /** newSecretsObject / newConfigMapsObject. */
  protected abstract newObject(key: string, encoded: string, labels: Labels): T;
  /** The encoded release an object holds (`''` when missing). */
  protected abstract releaseData(obj: T): string;
  /** How the driver reports an API failure: Secrets wrap with `<op>: ...`, ConfigMaps do not. */
  protected abstract wrap(context: string, err: Error): Error;

  async get(key: string): Promise<Release> {
    let obj: T;
    try {
      obj = await this.api.get(key);
    } catch (err) {
      if (err instanceof ApiNotFoundError) throw new ReleaseNotFoundError({ cause: err });
      throw this.wrap(`get: failed to get ${JSON.stringify(key)}`, asError(err));
    }
    const rel = this.decode(obj, () => `get: failed to decode data ${JSON.stringify(key)}`);
    rel.labels = filterSystemLabels(obj.metadata.labels ?? {});
    return rel;
  }

  async list(filter: (rel: Release) => boolean): Promise<Release[]> {
    const items = await this.listObjects(labelSelector({ owner: OWNER }), 'list: failed to list');
    return this.decodeAll(items, 'list').filter(filter);
  }

  async query(labels: Labels): Promise<Release[]> {
    validateQueryLabels(labels);
    const items = await this.listObjects(
      labelSelector(labels),
      'query: failed to query with labels',
    );
    if (items.length === 0) throw new ReleaseNotFoundError();
    return this.decodeAll(items, 'query');
  }

  async create(key: string, rel: Release): Promise<void> {
    const obj = this.build(key, rel, 'createdAt', 'create');
    try {
      await this.api.create(obj);
    } catch (err) {
      if (err instanceof ApiAlreadyExistsError) throw new ReleaseExistsError({ cause: err });
      throw this.wrap('create: failed to create', asError(err));
    }
  }

  async update(key: string, rel: Release): Promise<void> {
    const obj = this.build(key, rel, 'modifiedAt', 'update');
    try {
      await this.api.update(obj);
    } catch (err) {
      throw this.wrap('update: failed to update', asError(err));
    }
  }

  /** Delete: Get first (ReleaseNotFoundError when absent), then the API delete. */
  async delete(key: string): Promise<Release> {
    const rel = await this.get(key);
    await this.api.delete(key);
    return rel;
  }

  private build(key: string, rel: Release, stamp: 'createdAt' | 'modifiedAt', op: string): T {
    let encoded: string;
    try {
      encoded = encodeRelease(rel);
    } catch (err) {
      const e = asError(err);
      throw this.wrap(`${op}: failed to encode release ${JSON.stringify(rel.name)}`, e);
    }
    const labels = storageObjectLabels(
      { name: rel.name, version: rel.version, status: rel.info.status, labels: rel.labels },
      { key: stamp, unixSeconds: this.clock.now().sec },
    );
    return this.newObject(key, encoded, labels);
  }

  private async listObjects(selector: string, context: string): Promise<T[]> {
    try {
      return await this.api.list(selector);
    } catch (err) {
      throw this.wrap(context, asError(err));
    }
  }

  private decode(obj: T, context: () => string): Release {
    try {
      return decodeRelease(this.releaseData(obj));
    } catch (err) {
      throw this.wrap(context(), asError(err));
    }
  }

  /** Decodes each object, skipping (and logging) the ones that fail; labels kept whole. */
  private decodeAll(items: T[], op: string): Release[] {
    const out: Release[] = [];
    for (const item of items) {
      try {
        const rel = decodeRelease(this.releaseData(item));
        rel.labels = { ...item.metadata.labels };
        out.push(rel);
      } catch (err) {
        this.log(`${op}: failed to decode release ${item.metadata.name}: ${asError(err).message}`);
      }
    }
    return out;
  }
}

/** The Secret driver's error wrapping (fmt.Errorf("<context>: %w", err)). */
export function wrapError(context: string, err: Error): Error {
  return new StorageError(`${context}: ${err.message}`, { cause: err });
}
