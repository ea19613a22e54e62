/**
 * `repositories.yaml` as Helm keeps it (helm pkg/repo/repo.go File/Entry, pkg/helmpath):
 * `$HELM_REPOSITORY_CONFIG` (default `$XDG_CONFIG_HOME/helm/repositories.yaml`), index cache
 * `$HELM_REPOSITORY_CACHE` (default `$XDG_CACHE_HOME/helm/repository`, files `NAME-index.yaml`).
 * Parsing and writing are pure; paths read the environment through a callback.
 */
import { join } from 'node:path';
import YAML from 'yaml';
import { newMap } from '../gotemplate/values.js';
import { marshalYaml } from '../yaml/index.js';

export interface RepoEntry {
  name: string;
  url: string;
  username: string;
  password: string;
  certFile: string;
  keyFile: string;
  caFile: string;
  insecure_skip_tls_verify: boolean;
  pass_credentials_all: boolean;
}

export interface RepoFile {
  apiVersion: string;
  generated: string;
  repositories: RepoEntry[];
}

export function emptyRepoFile(): RepoFile {
  return { apiVersion: '', generated: '0001-01-01T00:00:00Z', repositories: [] };
}

export function newEntry(name: string, url: string, extra: Partial<RepoEntry> = {}): RepoEntry {
  return {
    name,
    url,
    username: '',
    password: '',
    certFile: '',
    keyFile: '',
    caFile: '',
    insecure_skip_tls_verify: false,
    pass_credentials_all: false,
    ...extra,
  };
}

export function parseRepoFile(text: string): RepoFile {
  const o = (YAML.parse(text) ?? {}) as Record<string, unknown>;
  const f = emptyRepoFile();
  f.apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  f.generated = typeof o.generated === 'string' ? o.generated : f.generated;
  for (const r of Array.isArray(o.repositories) ? o.repositories : []) {
    const e = (r ?? {}) as Record<string, unknown>;
    const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
    f.repositories.push(
      newEntry(s('name'), s('url'), {
        username: s('username'),
        password: s('password'),
        certFile: s('certFile'),
        keyFile: s('keyFile'),
        caFile: s('caFile'),
        insecure_skip_tls_verify: e.insecure_skip_tls_verify === true,
        pass_credentials_all: e.pass_credentials_all === true,
      }),
    );
  }
  return f;
}

/** File.WriteFile: sigs.k8s.io/yaml output (keys sorted), as Helm writes repositories.yaml. */
export function writeRepoFile(f: RepoFile): string {
  return marshalYaml(
    newMap([
      ['apiVersion', f.apiVersion],
      ['generated', f.generated],
      ['repositories', f.repositories.map((r) => newMap(Object.entries(r)))],
    ]),
  );
}

export function findRepo(f: RepoFile, name: string): RepoEntry | undefined {
  return f.repositories.find((r) => r.name === name);
}

/** A repository whose URL is `url` (trailing slashes ignored), for dependency resolution. */
export function findRepoByUrl(f: RepoFile, url: string): RepoEntry | undefined {
  const norm = (u: string) => u.replace(/\/+$/, '');
  return f.repositories.find((r) => norm(r.url) === norm(url));
}

export interface HelmPaths {
  readonly repositoryConfig: string;
  readonly repositoryCache: string;
}

export function helmPaths(env: (name: string) => string | undefined): HelmPaths {
  const home = env('HOME') ?? '';
  const config = env('XDG_CONFIG_HOME') || join(home, '.config');
  const cache = env('XDG_CACHE_HOME') || join(home, '.cache');
  return {
    repositoryConfig: env('HELM_REPOSITORY_CONFIG') || join(config, 'helm', 'repositories.yaml'),
    repositoryCache: env('HELM_REPOSITORY_CACHE') || join(cache, 'helm', 'repository'),
  };
}

export function indexCachePath(paths: HelmPaths, repoName: string): string {
  return join(paths.repositoryCache, `${repoName}-index.yaml`);
}
