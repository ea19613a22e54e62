/**
 * The pure parts of Helm's dependency manager (pkg/downloader/manager.go,
 * pkg/chart/v2/util resolver.go HashReq): the Chart.lock digest (sha256 of json.Marshal of
 * `[dependencies, lock.dependencies]`), where each `repository:` points (`file://`, `oci://`,
 * `@name`/`alias:name` and URLs matched against repositories.yaml), picking a version from a
 * newest-first list, and Chart.lock's YAML.
 */
import { createHash } from 'node:crypto';
import type { Dependency, Lock } from '../chart/types.js';
import { dependencyJson, writeJson } from '../release/json-encode.js';
import { Constraints, newVersion } from '../semver/index.js';
import type { RepoFile } from '../repo/repositories.js';
import { isOci } from '../registry/reference.js';
import { newMap, type GoValue } from '../gotemplate/values.js';
import { marshalYaml } from '../yaml/index.js';

export class DependencyError extends Error {
  constructor(
    readonly dependency: string,
    message: string,
  ) {
    super(message);
    this.name = 'DependencyError';
  }
}

/** HashReq: `sha256:` + hex sha256 of json.Marshal([2][]*chart.Dependency{req, lock}). */
export function hashReq(req: readonly Dependency[], lock: readonly Dependency[]): string {
  const list = (deps: readonly Dependency[]) =>
    `[${deps.map((d) => writeJson(dependencyJson(d))).join(',')}]`;
  const json = `[${list(req)},${list(lock)}]`;
  return `sha256:${createHash('sha256').update(json).digest('hex')}`;
}

export type RepoTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'oci'; readonly url: string }
  | { readonly kind: 'repo'; readonly name: string; readonly url: string }
  | { readonly kind: 'url'; readonly url: string };

const norm = (u: string) => u.replace(/\/+$/, '');

/**
 * resolveRepoNames for one dependency. `@name`/`alias:name` rewrite `dep.repository` to the
 * repository's URL, as Helm does before hashing.
 */
export function repoTarget(dep: Dependency, repos: RepoFile): RepoTarget {
  const r = dep.repository;
  if (r === '') return { kind: 'none' };
  if (r.startsWith('file://')) return { kind: 'file', path: r.slice('file://'.length) };
  if (isOci(r)) return { kind: 'oci', url: r };
  for (const repo of repos.repositories) {
    const alias = r.startsWith('@') ? r.slice(1) : r.startsWith('alias:') ? r.slice(6) : null;
    if (alias !== null && alias === repo.name) {
      dep.repository = repo.url;
      return { kind: 'repo', name: repo.name, url: repo.url };
    }
    if (alias === null && norm(repo.url) === norm(r))
      return { kind: 'repo', name: repo.name, url: repo.url };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) return { kind: 'url', url: r };
  throw new DependencyError(
    dep.name,
    `no repository definition for ${r}. Please add the missing repos via 'hookline repo add'`,
  );
}

/** The newest version (list newest first) the dependency's constraint admits. */
export function pickVersion(dep: Dependency, versions: readonly string[], where: string): string {
  let constraint: Constraints;
  try {
    constraint = Constraints.parse(dep.version === '' ? '*' : dep.version);
  } catch (e) {
    throw new DependencyError(
      dep.name,
      `dependency ${JSON.stringify(dep.name)} has an invalid version/constraint format: ${(e as Error).message}`,
    );
  }
  for (const v of versions) {
    try {
      if (constraint.check(newVersion(v))) return v;
    } catch {
      continue;
    }
  }
  throw new DependencyError(
    dep.name,
    `can't get a valid version for dependency ${dep.name} (${dep.version || '*'}) from ${where}${versions.length ? `; versions there: ${versions.join(', ')}` : '; no versions found'}. Try changing the version constraint in Chart.yaml`,
  );
}

/** True when `version` satisfies `constraint` (invalid either way: false). */
export function versionSatisfies(constraint: string, version: string): boolean {
  try {
    return Constraints.parse(constraint === '' ? '*' : constraint).check(newVersion(version));
  } catch {
    return false;
  }
}

/** writeLock: yaml.Marshal(lock) (sigs.k8s.io/yaml: keys sorted; version omitted when empty). */
export function lockYaml(lock: Lock): string {
  const deps = lock.dependencies.map((d) =>
    newMap([
      ['name', d.name],
      ...(d.version !== '' ? ([['version', d.version]] as Array<[string, GoValue]>) : []),
      ['repository', d.repository],
    ]),
  );
  return marshalYaml(
    newMap([
      ['generated', lock.generated],
      ['digest', lock.digest],
      ['dependencies', deps],
    ]),
  );
}

/** time.Now() as sigs.k8s.io/yaml writes a time.Time (RFC 3339 with nanoseconds, UTC). */
export function lockTimestamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_, ms: string) => (ms === '000' ? 'Z' : `.${ms.replace(/0+$/, '')}Z`));
}

export function lockedDependency(name: string, repository: string, version: string): Dependency {
  return {
    name,
    version,
    repository,
    condition: '',
    tags: [],
    enabled: false,
    importValues: [],
    alias: '',
  };
}
