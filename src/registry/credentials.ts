/**
 * Registry credentials from the files the runner's login actions write: Helm's registry
 * config (`$HELM_REGISTRY_CONFIG`, default `$XDG_CONFIG_HOME/helm/registry/config.json`) and
 * Docker's (`$DOCKER_CONFIG/config.json`, default `~/.docker/config.json`), read the way
 * oras-go's credential store reads them: `auths[host].auth` (base64 `user:pass`),
 * `username`/`password`, `identitytoken`, and credential helpers (`credHelpers`, `credsStore`).
 * Parsing is pure; reading files and running helpers is the edge at the bottom.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Credential {
  readonly username: string;
  readonly password: string;
  /** An OAuth2 refresh token (`identitytoken`), used in place of a password for tokens. */
  readonly identityToken?: string;
}

export interface DockerConfig {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >;
  credHelpers?: Record<string, string>;
  credsStore?: string;
  [k: string]: unknown;
}

/** The host part of a config key (`https://ghcr.io/v1/` → `ghcr.io`). */
export function normalizeKey(key: string): string {
  let k = key.replace(/^[a-z]+:\/\//, '');
  const slash = k.indexOf('/');
  if (slash >= 0) k = k.slice(0, slash);
  return k;
}

/** Docker Hub is stored under its legacy v1 key. */
function keysFor(host: string): string[] {
  if (host === 'docker.io' || host === 'registry-1.docker.io' || host === 'index.docker.io') {
    return ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io', 'registry-1.docker.io'];
  }
  return [host];
}

/** What `auths` says for a host, or undefined. */
export function credentialFromAuths(config: DockerConfig, host: string): Credential | undefined {
  const auths = config.auths ?? {};
  for (const want of keysFor(host)) {
    for (const [key, entry] of Object.entries(auths)) {
      if (key !== want && normalizeKey(key) !== want) continue;
      if (entry.identitytoken) {
        return { username: entry.username ?? '', password: '', identityToken: entry.identitytoken };
      }
      if (entry.auth) {
        const text = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = text.indexOf(':');
        if (colon < 0) continue;
        return { username: text.slice(0, colon), password: text.slice(colon + 1) };
      }
      if (entry.username !== undefined && entry.password !== undefined) {
        return { username: entry.username, password: entry.password };
      }
    }
  }
  return undefined;
}

/** The credential helper configured for a host (`credHelpers[host]`, else `credsStore`). */
export function helperFor(config: DockerConfig, host: string): string | undefined {
  for (const k of keysFor(host)) {
    const h = config.credHelpers?.[k];
    if (h) return h;
  }
  return config.credsStore || undefined;
}

/** Add (or replace) a host's `auths` entry, as `helm registry login` stores it. */
export function withAuth(config: DockerConfig, host: string, cred: Credential): DockerConfig {
  const auths = { ...(config.auths ?? {}) };
  auths[host] = { auth: Buffer.from(`${cred.username}:${cred.password}`).toString('base64') };
  return { ...config, auths };
}

export function withoutAuth(
  config: DockerConfig,
  host: string,
): { config: DockerConfig; found: boolean } {
  const auths = { ...(config.auths ?? {}) };
  const found = host in auths;
  delete auths[host];
  return { config: { ...config, auths }, found };
}

// ---- edge ---------------------------------------------------------------------------------

export interface ConfigPaths {
  readonly helm: string;
  readonly docker: string;
  /** PATH for finding `docker-credential-*` helpers (the command's environment). */
  readonly searchPath?: string | undefined;
}

/** Where Helm's and Docker's config.json live for this environment. */
export function configPaths(env: (name: string) => string | undefined): ConfigPaths {
  const home = env('HOME') ?? '';
  const xdgConfig = env('XDG_CONFIG_HOME') || join(home, '.config');
  return {
    helm: env('HELM_REGISTRY_CONFIG') || join(xdgConfig, 'helm', 'registry', 'config.json'),
    docker: join(env('DOCKER_CONFIG') || join(home, '.docker'), 'config.json'),
    searchPath: env('PATH'),
  };
}

export function readConfig(file: string): DockerConfig {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return {};
  return JSON.parse(text) as DockerConfig;
}

export function writeConfig(file: string, config: DockerConfig): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
}

function runHelper(
  helper: string,
  host: string,
  searchPath: string | undefined,
): Credential | undefined {
  const env = searchPath !== undefined ? { ...process.env, PATH: searchPath } : process.env;
  for (const server of [host, `https://${host}`]) {
    const r = spawnSync(`docker-credential-${helper}`, ['get'], {
      env,
      input: server,
      encoding: 'utf8',
    });
    if (r.error || r.status !== 0) continue;
    try {
      const o = JSON.parse(r.stdout) as { Username?: string; Secret?: string };
      if (o.Secret === undefined) continue;
      if (o.Username === '<token>') return { username: '', password: '', identityToken: o.Secret };
      return { username: o.Username ?? '', password: o.Secret };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Helm's registry config first, then Docker's: the first file that knows the host wins. */
export function lookupCredential(paths: ConfigPaths, host: string): Credential | undefined {
  for (const file of [paths.helm, paths.docker]) {
    let config: DockerConfig;
    try {
      config = readConfig(file);
    } catch {
      continue;
    }
    const found = credentialFromAuths(config, host);
    if (found) return found;
    const helper = helperFor(config, host);
    if (helper) {
      const c = runHelper(helper, host, paths.searchPath);
      if (c) return c;
    }
  }
  return undefined;
}
