/**
 * Fetch a chart named by a remote reference (OCI, `REPO/CHART`, `--repo URL`, direct URL) into
 * memory, through the content cache: an archive whose digest is known beforehand (OCI layer, index
 * `digest:`, `@sha256:` manifest) is not downloaded again. Downloads are checked against the digest
 * that named them. This is the I/O edge over the pure parts in src/registry and src/repo.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { httpGet, type TlsOptions } from '../net/http.js';
import { DigestMismatchError, RegistryClient } from '../registry/client.js';
import { configPaths, lookupCredential, type Credential } from '../registry/credentials.js';
import { readChartManifest, sha256Digest } from '../registry/manifest.js';
import {
  chartNameOf,
  formatOciReference,
  parseOciReference,
  tagForVersion,
} from '../registry/reference.js';
import { isExactVersion, semverTags, tagMatchingVersionOrConstraint } from '../registry/tags.js';
import {
  getChartVersion,
  parseIndex,
  resolveReferenceUrl,
  type IndexFile,
} from '../repo/index-file.js';
import {
  emptyRepoFile,
  findRepo,
  findRepoByUrl,
  helmPaths,
  indexCachePath,
  parseRepoFile,
  type RepoEntry,
  type RepoFile,
} from '../repo/repositories.js';
import { cacheRoot, ContentCache } from './cache.js';
import { ChartReferenceError, type ChartRef } from './chart-ref.js';

export interface ChartSourceOptions {
  readonly version?: string | undefined;
  readonly devel?: boolean | undefined;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly passCredentials?: boolean | undefined;
  readonly tls?: TlsOptions | undefined;
  readonly plainHttp?: boolean | undefined;
  /** Fetch the `.prov` too (for `--verify`). */
  readonly withProv?: boolean | undefined;
  readonly env: (name: string) => string | undefined;
  readonly log?: ((message: string) => void) | undefined;
}

export interface FetchedChart {
  readonly archive: Uint8Array;
  readonly prov: Uint8Array | null;
  /** `NAME-VERSION.tgz` (OCI) or the URL's file name. */
  readonly fileName: string;
  /** sha256 of the archive. */
  readonly digest: string;
  /** What was fetched, for messages (`oci://host/repo:tag`, a URL). */
  readonly source: string;
  /** The manifest digest of an OCI pull. */
  readonly manifestDigest?: string;
  readonly fromCache: boolean;
}

/** A chart repository that cannot be read (unreachable, refused, not a repository). */
export class RepositoryError extends Error {
  constructor(
    readonly url: string,
    message: string,
    cause: unknown,
  ) {
    super(message, { cause });
    this.name = 'RepositoryError';
  }
}

export function contentCache(env: (name: string) => string | undefined): ContentCache {
  return new ContentCache(cacheRoot(env));
}

/** Credentials for a registry host: the explicit ones, else Helm's then Docker's config.json. */
export function registryCredentials(
  opts: Pick<ChartSourceOptions, 'username' | 'password' | 'env'>,
): (host: string) => Credential | undefined {
  const paths = configPaths(opts.env);
  const memo = new Map<string, Credential | undefined>();
  return (host) => {
    if (opts.username || opts.password) {
      return { username: opts.username ?? '', password: opts.password ?? '' };
    }
    if (!memo.has(host)) memo.set(host, lookupCredential(paths, host));
    return memo.get(host);
  };
}

export function registryClient(opts: ChartSourceOptions): RegistryClient {
  return new RegistryClient({
    plainHttp: opts.plainHttp ?? false,
    ...(opts.tls ? { tls: opts.tls } : {}),
    credential: registryCredentials(opts),
  });
}

/** Pull a chart from an OCI registry (ValidateReference, then processChartPull's checks). */
export async function fetchOciChart(
  ref: string,
  opts: ChartSourceOptions,
  client = registryClient(opts),
): Promise<FetchedChart> {
  const r = parseOciReference(ref);
  const cache = contentCache(opts.env);
  let version = opts.version ?? '';
  if (version === '') version = r.tag;
  else if (r.tag !== '' && r.tag !== tagForVersion(version)) {
    throw new ChartReferenceError(
      ref,
      `chart reference and version mismatch: ${version} is not ${r.tag}`,
    );
  }
  const repoRef = `oci://${r.registry}/${r.repository}`;
  let reference: string;
  if (r.digest !== '') reference = r.digest;
  else if (r.tag !== '') reference = r.tag;
  else if (isExactVersion(version)) reference = tagForVersion(version);
  else {
    const tags = semverTags(await client.tags(r.registry, r.repository));
    reference = tagForVersion(tagMatchingVersionOrConstraint(tags, version, repoRef));
  }
  let manifestBytes = reference.startsWith('sha256:') ? cache.get(reference) : undefined;
  let manifestDigest = reference.startsWith('sha256:') ? reference : '';
  if (!manifestBytes) {
    const m = await client.getManifest(r.registry, r.repository, reference);
    manifestBytes = m.bytes;
    manifestDigest = m.digest;
    cache.put(m.bytes);
  }
  const layers = readChartManifest(manifestBytes, {
    withChart: true,
    withProv: opts.withProv ?? false,
  });
  if (layers.legacy) opts.log?.(`Warning: chart media type application/tar+gzip is deprecated\n`);
  const chartDigest = layers.chart!.digest;
  let fromCache = true;
  let archive = cache.get(chartDigest);
  if (!archive) {
    fromCache = false;
    archive = await client.getBlob(r.registry, r.repository, chartDigest);
    cache.put(archive);
  }
  let prov: Uint8Array | null = null;
  if (layers.prov) {
    prov = cache.get(layers.prov.digest) ?? null;
    if (!prov && opts.withProv) {
      prov = await client.getBlob(r.registry, r.repository, layers.prov.digest);
      cache.put(prov);
    }
  }
  let configBytes = cache.get(layers.config.digest);
  if (!configBytes) {
    configBytes = await client.getBlob(r.registry, r.repository, layers.config.digest);
    cache.put(configBytes);
  }
  const meta = JSON.parse(new TextDecoder().decode(configBytes)) as {
    name?: string;
    version?: string;
  };
  const name = meta.name || chartNameOf(r);
  const tagShown = reference.startsWith('sha256:') ? '' : reference;
  return {
    archive,
    prov,
    fileName: `${name}-${meta.version ?? tagShown}.tgz`,
    digest: chartDigest,
    source: `${formatOciReference({ ...r, tag: tagShown, digest: r.digest })}`,
    manifestDigest,
    fromCache,
  };
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

function basicAuth(username: string, password: string): Record<string, string> {
  if (!username && !password) return {};
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

interface RepoAccess {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly passCredentials: boolean;
  readonly tls: TlsOptions | undefined;
}

function accessOf(entry: RepoEntry, opts: ChartSourceOptions): RepoAccess {
  const tls: TlsOptions = {
    caFile: opts.tls?.caFile || entry.caFile || undefined,
    certFile: opts.tls?.certFile || entry.certFile || undefined,
    keyFile: opts.tls?.keyFile || entry.keyFile || undefined,
    insecureSkipTlsVerify: opts.tls?.insecureSkipTlsVerify || entry.insecure_skip_tls_verify,
  };
  return {
    url: entry.url,
    username: opts.username || entry.username,
    password: opts.password || entry.password,
    passCredentials: opts.passCredentials || entry.pass_credentials_all,
    tls,
  };
}

/** Download a repository's index.yaml (FindChartInAuthAndTLSAndPassRepoURL / DownloadIndexFile). */
export async function downloadIndex(
  access: RepoAccess,
): Promise<{ text: string; index: IndexFile }> {
  const url = resolveReferenceUrl(access.url, 'index.yaml');
  let body: Uint8Array;
  try {
    body = await httpGet(url, {
      headers: basicAuth(access.username, access.password),
      ...(access.tls ? { tls: access.tls } : {}),
    });
  } catch (e) {
    throw new RepositoryError(
      access.url,
      `looks like ${JSON.stringify(access.url)} is not a valid chart repository or cannot be reached: ${(e as Error).message}`,
      e,
    );
  }
  const text = new TextDecoder().decode(body);
  return { text, index: parseIndex(text, access.url) };
}

export function readRepoFile(env: (n: string) => string | undefined): RepoFile {
  const file = helmPaths(env).repositoryConfig;
  if (!existsSync(file)) return emptyRepoFile();
  return parseRepoFile(readFileSync(file, 'utf8'));
}

/** A named repository's index: the cached `NAME-index.yaml`, downloaded when absent. */
export async function repoIndex(entry: RepoEntry, opts: ChartSourceOptions): Promise<IndexFile> {
  const file = indexCachePath(helmPaths(opts.env), entry.name);
  if (existsSync(file)) return parseIndex(readFileSync(file, 'utf8'), entry.url, opts.log);
  const { text, index } = await downloadIndex(accessOf(entry, opts));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return index;
}

async function downloadChartUrl(
  url: string,
  access: RepoAccess | null,
  expectedDigest: string,
  opts: ChartSourceOptions,
): Promise<FetchedChart> {
  const cache = contentCache(opts.env);
  const creds =
    access && (access.passCredentials || sameHost(access.url, url))
      ? basicAuth(access.username, access.password)
      : {};
  const tls = access?.tls ?? opts.tls;
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'chart.tgz');
  const want = expectedDigest === '' ? '' : `sha256:${expectedDigest.replace(/^sha256:/, '')}`;
  let archive = want ? cache.get(want) : undefined;
  const fromCache = archive !== undefined;
  if (!archive) {
    archive = await httpGet(url, { headers: creds, ...(tls ? { tls } : {}) });
    const actual = sha256Digest(archive);
    if (want && actual !== want) throw new DigestMismatchError(want, actual, url);
    cache.put(archive);
  }
  let prov: Uint8Array | null = null;
  if (opts.withProv) {
    prov = await httpGet(`${url}.prov`, { headers: creds, ...(tls ? { tls } : {}) });
  }
  return {
    archive,
    prov,
    fileName,
    digest: sha256Digest(archive),
    source: url,
    fromCache,
  };
}

/** Fetch a remote chart (any kind but `local`). */
export async function fetchChart(ref: ChartRef, opts: ChartSourceOptions): Promise<FetchedChart> {
  switch (ref.kind) {
    case 'local':
      throw new ChartReferenceError(ref.path, `${ref.path} is a local chart`);
    case 'oci':
      return fetchOciChart(ref.ref, opts);
    case 'url': {
      const entry = findRepoByUrl(
        readRepoFile(opts.env),
        ref.url.slice(0, ref.url.lastIndexOf('/')),
      );
      const access = entry ? accessOf(entry, opts) : null;
      return downloadChartUrl(ref.url, access ?? accessOf(anonymousEntry(ref.url), opts), '', opts);
    }
    case 'repo-url': {
      const access = accessOf(anonymousEntry(ref.repoUrl), opts);
      const { index } = await downloadIndex(access);
      const cv = getChartVersion(index, ref.chart, opts.version ?? '', {
        source: ref.repoUrl,
        devel: opts.devel ?? false,
      });
      if (cv.urls.length === 0) {
        throw new ChartReferenceError(
          ref.chart,
          `chart ${JSON.stringify(ref.chart)} has no downloadable URLs`,
        );
      }
      return downloadChartUrl(
        resolveReferenceUrl(ref.repoUrl, cv.urls[0]!),
        access,
        cv.digest,
        opts,
      );
    }
    case 'repo': {
      const entry = findRepo(readRepoFile(opts.env), ref.repo);
      if (!entry) {
        throw new ChartReferenceError(
          `${ref.repo}/${ref.chart}`,
          `repo ${ref.repo} not found: ${ref.repo}/${ref.chart} is neither a local chart nor in a known repository (add one with \`hookline repo add ${ref.repo} URL\`, or pass --repo URL)`,
        );
      }
      const index = await repoIndex(entry, opts);
      const cv = getChartVersion(index, ref.chart, opts.version ?? '', {
        source: `${ref.repo} index (try 'hookline repo update')`,
        devel: opts.devel ?? false,
      });
      if (cv.urls.length === 0) {
        throw new ChartReferenceError(
          ref.chart,
          `chart ${JSON.stringify(ref.chart)} has no downloadable URLs`,
        );
      }
      const access = accessOf(entry, opts);
      return downloadChartUrl(resolveReferenceUrl(entry.url, cv.urls[0]!), access, cv.digest, opts);
    }
  }
}

function anonymousEntry(url: string): RepoEntry {
  return {
    name: '',
    url,
    username: '',
    password: '',
    certFile: '',
    keyFile: '',
    caFile: '',
    insecure_skip_tls_verify: false,
    pass_credentials_all: false,
  };
}
