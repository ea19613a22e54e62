/**
 * The in-memory driver (helm/helm pkg/storage/driver/{memory,records}.go, v3.21): a real
 * driver, used for dry runs and `template`, and by tests unchanged. Records live per namespace
 * and release name, sorted by revision, each with the labels name/owner/status/version taken
 * when it was stored. As in Helm, the driver keeps the Release objects it is given (no copy):
 * a caller that mutates a record it read changes the stored one.
 *
 * Namespace behaviour is Helm's: create and update switch the driver to the record's
 * namespace (`default` when empty); get and delete look in the current namespace; list and
 * query too, or in every namespace after `setNamespace('')`.
 */
import type { Release } from '../release/types.js';
import type { Driver, Labels } from './driver.js';
import { InvalidKeyError, ReleaseExistsError, ReleaseNotFoundError } from './driver.js';
import { OWNER, matchLabels } from './labels.js';
import { KEY_PREFIX } from './keys.js';

const DEFAULT_NAMESPACE = 'default';

interface MemoryRecord {
  key: string;
  labels: Labels;
  release: Release;
}

function newRecord(key: string, rel: Release): MemoryRecord {
  const labels = {
    name: rel.name,
    owner: OWNER,
    status: rel.info.status,
    version: String(rel.version),
  };
  return { key, labels, release: rel };
}

/** The release name in a key, or InvalidKeyError (memory.go Get/Delete). */
function nameOfKey(key: string): string {
  const rest = key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : key;
  const parts = rest.split('.v');
  if (parts.length !== 2 || !/^[+-]?\d+$/.test(parts[1] ?? '')) throw new InvalidKeyError();
  return parts[0] ?? '';
}

export class MemoryDriver implements Driver {
  readonly name = 'Memory';
  /** namespace → release name → records sorted by revision. */
  private readonly cache = new Map<string, Map<string, MemoryRecord[]>>();

  constructor(private namespace: string = DEFAULT_NAMESPACE) {}

  /** SetNamespace: the namespace get/delete use; `''` makes list and query span all. */
  setNamespace(namespace: string): void {
    this.namespace = namespace;
  }

  async get(key: string): Promise<Release> {
    const name = nameOfKey(key);
    const rec = this.cache
      .get(this.namespace)
      ?.get(name)
      ?.find((r) => r.key === key);
    if (!rec) throw new ReleaseNotFoundError();
    return rec.release;
  }

  async list(filter: (rel: Release) => boolean): Promise<Release[]> {
    return this.records()
      .map((r) => r.release)
      .filter(filter);
  }

  async query(labels: Labels): Promise<Release[]> {
    const found = this.records()
      .filter((r) => matchLabels(r.labels, labels))
      .map((r) => r.release);
    if (found.length === 0) throw new ReleaseNotFoundError();
    return found;
  }

  async create(key: string, rel: Release): Promise<void> {
    const recs = this.releasesOf(rel);
    if (recs.some((r) => r.key === key)) throw new ReleaseExistsError();
    recs.push(newRecord(key, rel));
    recs.sort((a, b) => a.release.version - b.release.version);
  }

  async update(key: string, rel: Release): Promise<void> {
    const recs = this.releasesOf(rel);
    const i = recs.findIndex((r) => r.key === key);
    if (i < 0) throw new ReleaseNotFoundError();
    recs[i] = newRecord(key, rel);
  }

  async delete(key: string): Promise<Release> {
    const name = nameOfKey(key);
    const recs = this.cache.get(this.namespace)?.get(name);
    const i = recs?.findIndex((r) => r.key === key) ?? -1;
    if (!recs || i < 0) throw new ReleaseNotFoundError();
    const [removed] = recs.splice(i, 1);
    if (!removed) throw new ReleaseNotFoundError();
    return removed.release;
  }

  /** Switches to the record's namespace and returns its record list (created if missing). */
  private releasesOf(rel: Release): MemoryRecord[] {
    this.namespace = rel.namespace === '' ? DEFAULT_NAMESPACE : rel.namespace;
    let byName = this.cache.get(this.namespace);
    if (!byName) this.cache.set(this.namespace, (byName = new Map()));
    let recs = byName.get(rel.name);
    if (!recs) byName.set(rel.name, (recs = []));
    return recs;
  }

  /** Every record of the current namespace, or of all namespaces when it is `''`. */
  private records(): MemoryRecord[] {
    const spaces =
      this.namespace === '' ? [...this.cache.values()] : [this.cache.get(this.namespace)];
    return spaces.flatMap((byName) => [...(byName?.values() ?? [])].flat());
  }
}
