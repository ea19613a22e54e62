/**
 * A chart repository's `index.yaml` (helm pkg/repo/index.go loadIndex, SortEntries, Get;
 * chartrepo.go ResolveReferenceURL). Entries are sorted newest first; invalid entries are skipped
 * with a warning as Helm logs them. Pure.
 */
import YAML from 'yaml';
import { Constraints, newVersion, type Version } from '../semver/index.js';
import { isValidSemver } from '../chart/semver.js';

export interface ChartVersion {
  readonly name: string;
  readonly version: string;
  readonly appVersion: string;
  readonly description: string;
  readonly apiVersion: string;
  readonly urls: readonly string[];
  /** sha256 hex of the archive, as `helm repo index` writes it ('' when absent). */
  readonly digest: string;
  readonly created: string;
}

export interface IndexFile {
  readonly apiVersion: string;
  readonly entries: ReadonlyMap<string, readonly ChartVersion[]>;
}

export class IndexError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'IndexError';
  }
}

/** The chart or version is not in the index; `available` lists the versions that exist. */
export class ChartNotFoundError extends Error {
  constructor(
    readonly chart: string,
    readonly version: string,
    readonly source: string,
    readonly available: readonly string[],
    reason: string,
  ) {
    super(
      `chart ${JSON.stringify(chart)}${version ? ` version ${JSON.stringify(version)}` : ''} not found in ${source}: ${reason}${available.length ? ` (available: ${available.join(', ')})` : ''}`,
    );
    this.name = 'ChartNotFoundError';
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** loadIndex over YAML (or JSON) text. */
export function parseIndex(text: string, source: string, warn?: (m: string) => void): IndexFile {
  if (text.trim() === '') throw new IndexError(source, `empty index.yaml file: ${source}`);
  let doc: unknown;
  try {
    doc = YAML.parse(text, { version: '1.1', maxAliasCount: 1000 });
  } catch (e) {
    throw new IndexError(
      source,
      `error unmarshaling index.yaml from ${source}: ${(e as Error).message}`,
    );
  }
  const o = (doc ?? {}) as Record<string, unknown>;
  const entries = new Map<string, ChartVersion[]>();
  const raw = (o.entries ?? {}) as Record<string, unknown>;
  for (const [name, list] of Object.entries(raw)) {
    const out: ChartVersion[] = [];
    for (const e of Array.isArray(list) ? list : []) {
      if (e === null || typeof e !== 'object') {
        warn?.(
          `skipping loading invalid entry for chart ${JSON.stringify(name)} from ${source}: empty entry`,
        );
        continue;
      }
      const r = e as Record<string, unknown>;
      const cv: ChartVersion = {
        name: str(r.name),
        version: str(r.version),
        appVersion: str(r.appVersion),
        description: str(r.description),
        apiVersion: str(r.apiVersion) || 'v1',
        urls: Array.isArray(r.urls) ? r.urls.map(str) : [],
        digest: str(r.digest),
        created: str(r.created),
      };
      if (cv.name === '' || !isValidSemver(cv.version)) {
        warn?.(
          `skipping loading invalid entry for chart ${JSON.stringify(name)} ${JSON.stringify(cv.version)} from ${source}: ${cv.name === '' ? 'validation: chart.metadata.name is required' : `validation: chart.metadata.version ${JSON.stringify(cv.version)} is invalid`}`,
        );
        continue;
      }
      out.push(cv);
    }
    entries.set(name, sortNewestFirst(out));
  }
  const apiVersion = str(o.apiVersion);
  if (apiVersion === '') throw new IndexError(source, `no API version specified: ${source}`);
  return { apiVersion, entries };
}

function sortNewestFirst(list: ChartVersion[]): ChartVersion[] {
  const parsed = list.map((cv) => {
    let v: Version | null;
    try {
      v = newVersion(cv.version);
    } catch {
      v = null;
    }
    return { cv, v };
  });
  parsed.sort((a, b) => {
    if (!a.v) return 1;
    if (!b.v) return -1;
    return b.v.compare(a.v);
  });
  return parsed.map((p) => p.cv);
}

/**
 * IndexFile.Get: an exact version first, else the newest version the constraint admits
 * (`*` when empty, which leaves out prereleases; `devel` means `>0.0.0-0`).
 */
export function getChartVersion(
  index: IndexFile,
  name: string,
  version: string,
  opts: { source: string; devel?: boolean },
): ChartVersion {
  const list = index.entries.get(name);
  if (!list) {
    throw new ChartNotFoundError(name, version, opts.source, [], 'no chart name found');
  }
  const available = list.map((cv) => cv.version);
  if (list.length === 0) {
    throw new ChartNotFoundError(name, version, opts.source, [], 'no chart version found');
  }
  const want = version === '' && opts.devel ? '>0.0.0-0' : version;
  if (want !== '') {
    const exact = list.find((cv) => cv.version === want);
    if (exact) return exact;
  }
  let constraint: Constraints;
  try {
    constraint = Constraints.parse(want === '' ? '*' : want);
  } catch (e) {
    throw new ChartNotFoundError(name, version, opts.source, available, (e as Error).message);
  }
  for (const cv of list) {
    try {
      if (constraint.check(newVersion(cv.version))) return cv;
    } catch {
      continue;
    }
  }
  throw new ChartNotFoundError(
    name,
    version,
    opts.source,
    available,
    `no chart version found for ${name}-${version}`,
  );
}

/**
 * ResolveReferenceURL: an absolute chart URL as is; a relative one against the repository URL
 * with a trailing slash (keeping the repository URL's query).
 */
export function resolveReferenceUrl(baseUrl: string, refUrl: string): string {
  try {
    return new URL(refUrl).toString();
  } catch {
    // relative
  }
  const base = new URL(baseUrl);
  const query = base.search;
  base.search = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const resolved = new URL(refUrl, base);
  if (query && resolved.search === '') resolved.search = query;
  return resolved.toString();
}
