/**
 * `dependency update|build|list` (helm pkg/downloader/manager.go): resolve each Chart.yaml
 * dependency to a version (repository index, OCI tag list, or a `file://` chart), download the
 * archives into `charts/` (through the content cache), write Chart.lock with Helm's digest, and
 * refuse a build whose Chart.lock is out of sync with Chart.yaml.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { loadArchive, loadChart, loadDirFiles } from '../chart/directory.js';
import { writeChartArchive } from '../chart/tar-write.js';
import type { Chart, Dependency, Lock } from '../chart/types.js';
import { semverTags } from '../registry/tags.js';
import { getChartVersion, resolveReferenceUrl } from '../repo/index-file.js';
import { helmPaths, indexCachePath, newEntry, type RepoFile } from '../repo/repositories.js';
import {
  DependencyError,
  hashReq,
  lockedDependency,
  lockTimestamp,
  lockYaml,
  pickVersion,
  repoTarget,
  versionSatisfies,
  type RepoTarget,
} from './lock.js';
import {
  downloadIndex,
  fetchChart,
  fetchOciChart,
  readRepoFile,
  registryClient,
  repoIndex,
  type ChartSourceOptions,
} from './resolve.js';
import { parseOciReference } from '../registry/reference.js';

export interface ManagerOptions extends ChartSourceOptions {
  /** Print progress (Helm's `Saving N charts` lines). */
  readonly out: (text: string) => void;
  /** `--skip-refresh`: use the cached repository indexes as they are. */
  readonly skipRefresh?: boolean;
}

function loadChartDir(dir: string): Chart {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DependencyError('', `only unpacked charts can be updated: ${dir}`);
  }
  return loadChart(dir);
}

function targets(deps: Dependency[], repos: RepoFile): RepoTarget[] {
  return deps.map((d) => repoTarget(d, repos));
}

async function refreshRepos(ts: RepoTarget[], opts: ManagerOptions): Promise<void> {
  const names = [...new Set(ts.flatMap((t) => (t.kind === 'repo' ? [t.name] : [])))];
  if (names.length === 0 || opts.skipRefresh) return;
  opts.out('Hang tight while we grab the latest from your chart repositories...\n');
  const repos = readRepoFile(opts.env);
  for (const name of names) {
    const entry = repos.repositories.find((r) => r.name === name)!;
    const { text } = await downloadIndex({
      url: entry.url,
      username: entry.username,
      password: entry.password,
      passCredentials: entry.pass_credentials_all,
      tls: {
        caFile: entry.caFile || undefined,
        certFile: entry.certFile || undefined,
        keyFile: entry.keyFile || undefined,
        insecureSkipTlsVerify: entry.insecure_skip_tls_verify,
      },
    });
    const file = indexCachePath(helmPaths(opts.env), name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    opts.out(`...Successfully got an update from the "${name}" chart repository\n`);
  }
  opts.out('Update Complete. ⎈Happy Helming!⎈\n');
}

/** Resolver.Resolve: the version each dependency gets. */
async function resolveVersions(
  chartDir: string,
  deps: Dependency[],
  ts: RepoTarget[],
  opts: ManagerOptions,
): Promise<Dependency[]> {
  const out: Dependency[] = [];
  for (let i = 0; i < deps.length; i++) {
    const d = deps[i]!;
    const t = ts[i]!;
    if (t.kind === 'none') {
      out.push(lockedDependency(d.name, '', d.version));
    } else if (t.kind === 'file') {
      const sub = loadChart(resolvePath(chartDir, t.path));
      if (!versionSatisfies(d.version, sub.metadata.version)) {
        throw new DependencyError(
          d.name,
          `dependency ${JSON.stringify(d.name)} has an invalid version/constraint format: ${sub.metadata.version} does not satisfy ${d.version}`,
        );
      }
      out.push(lockedDependency(d.name, d.repository, sub.metadata.version));
    } else if (t.kind === 'oci') {
      const r = parseOciReference(`${t.url.replace(/\/+$/, '')}/${d.name}`);
      const tags = semverTags(await registryClient(opts).tags(r.registry, r.repository));
      out.push(
        lockedDependency(
          d.name,
          d.repository,
          pickVersion(d, tags, `oci://${r.registry}/${r.repository}`),
        ),
      );
    } else {
      const entry =
        t.kind === 'repo'
          ? readRepoFile(opts.env).repositories.find((r) => r.name === t.name)!
          : newEntry('', t.url);
      const index =
        t.kind === 'repo'
          ? await repoIndex(entry, opts)
          : (
              await downloadIndex({
                url: t.url,
                username: '',
                password: '',
                passCredentials: false,
                tls: opts.tls,
              })
            ).index;
      const versions = (index.entries.get(d.name) ?? []).map((cv) => cv.version);
      out.push(lockedDependency(d.name, d.repository, pickVersion(d, versions, t.url)));
    }
  }
  return out;
}

/** downloadAll: fetch every locked dependency into charts/ (replacing what was there). */
async function downloadAll(
  chartDir: string,
  locked: Dependency[],
  opts: ManagerOptions,
): Promise<void> {
  const chartsDir = join(chartDir, 'charts');
  mkdirSync(chartsDir, { recursive: true });
  const staged = new Map<string, Uint8Array>();
  opts.out(`Saving ${locked.length} charts\n`);
  for (const dep of locked) {
    if (dep.repository === '') {
      opts.out(
        `Dependency ${dep.name} did not declare a repository. Assuming it exists in the charts directory\n`,
      );
      continue;
    }
    if (dep.repository.startsWith('file://')) {
      const dir = resolvePath(chartDir, dep.repository.slice('file://'.length));
      const sub = loadChart(dir);
      const archive = statSync(dir).isDirectory()
        ? writeChartArchive(sub.metadata.name, loadDirFiles(dir), new Date())
        : new Uint8Array(readFileSync(dir));
      staged.set(`${sub.metadata.name}-${sub.metadata.version}.tgz`, archive);
      continue;
    }
    if (dep.repository.startsWith('oci://')) {
      opts.out(`Downloading ${dep.name} from repo ${dep.repository}\n`);
      const f = await fetchOciChart(`${dep.repository.replace(/\/+$/, '')}/${dep.name}`, {
        ...opts,
        version: dep.version,
        withProv: false,
      });
      staged.set(f.fileName, f.archive);
      continue;
    }
    opts.out(`Downloading ${dep.name} from repo ${dep.repository}\n`);
    const repos = readRepoFile(opts.env);
    const entry = repos.repositories.find(
      (r) => r.url.replace(/\/+$/, '') === dep.repository.replace(/\/+$/, ''),
    );
    let f;
    if (entry) {
      const index = await repoIndex(entry, opts);
      const cv = getChartVersion(index, dep.name, dep.version, { source: entry.url });
      f = await fetchChart(
        { kind: 'url', url: resolveReferenceUrl(entry.url, cv.urls[0] ?? '') },
        { ...opts, withProv: false },
      );
      if (cv.digest && f.digest !== `sha256:${cv.digest.replace(/^sha256:/, '')}`) {
        throw new DependencyError(
          dep.name,
          `digest mismatch for ${dep.name}: index says ${cv.digest}, archive is ${f.digest}`,
        );
      }
    } else {
      f = await fetchChart(
        { kind: 'repo-url', repoUrl: dep.repository, chart: dep.name },
        { ...opts, version: dep.version, withProv: false },
      );
    }
    staged.set(f.fileName, f.archive);
  }
  // Deleting outdated charts: archives of declared dependencies are replaced by the new set.
  const names = new Set(locked.filter((d) => d.repository !== '').map((d) => d.name));
  for (const file of readdirSync(chartsDir)) {
    if (!file.endsWith('.tgz')) continue;
    try {
      const c = loadArchive(new Uint8Array(readFileSync(join(chartsDir, file))));
      if (names.has(c.metadata.name)) rmSync(join(chartsDir, file));
    } catch {
      // not a chart: left alone
    }
  }
  opts.out('Deleting outdated charts\n');
  for (const [name, data] of staged) {
    const tmp = join(chartsDir, `.${name}.tmp`);
    writeFileSync(tmp, data);
    renameSync(tmp, join(chartsDir, name));
  }
}

/** Manager.Update: resolve, download, write Chart.lock when its digest changed. */
export async function dependencyUpdate(chartDir: string, opts: ManagerOptions): Promise<void> {
  const c = loadChartDir(chartDir);
  const req = c.metadata.dependencies;
  if (req.length === 0) return;
  const ts = targets(req, readRepoFile(opts.env));
  await refreshRepos(ts, opts);
  const locked = await resolveVersions(chartDir, req, ts, opts);
  await downloadAll(chartDir, locked, opts);
  const lock: Lock = {
    generated: lockTimestamp(new Date()),
    digest: hashReq(req, locked),
    dependencies: locked,
  };
  if (c.lock && c.lock.digest === lock.digest) return;
  const name = c.metadata.apiVersion === 'v1' ? 'requirements.lock' : 'Chart.lock';
  writeFileSync(join(chartDir, name), lockYaml(lock));
}

/** Manager.Build: from Chart.lock when present (checking its digest), else an update. */
export async function dependencyBuild(chartDir: string, opts: ManagerOptions): Promise<void> {
  const c = loadChartDir(chartDir);
  if (!c.lock) return dependencyUpdate(chartDir, opts);
  const req = c.metadata.dependencies;
  const ts = targets(req, readRepoFile(opts.env));
  if (hashReq(req, c.lock.dependencies) !== c.lock.digest) {
    const [lockName, reqName] =
      c.metadata.apiVersion === 'v1'
        ? ['requirements.lock', 'requirements.yaml']
        : ['Chart.lock', 'Chart.yaml'];
    throw new DependencyError(
      '',
      `the lock file (${lockName}) is out of sync with the dependencies file (${reqName}). Please update the dependencies`,
    );
  }
  // hasAllRepos: every locked repository must still be known.
  targets(
    c.lock.dependencies.map((d) => ({ ...d })),
    readRepoFile(opts.env),
  );
  await refreshRepos(ts, opts);
  await downloadAll(chartDir, c.lock.dependencies, opts);
}

export type DependencyStatus =
  'ok' | 'missing' | 'wrong version' | 'misnamed' | 'unpacked' | 'too many matches' | 'corrupt';

/** dependencyStatus of `helm dependency list`. */
export function dependencyStatuses(
  chartDir: string,
): Array<{ dep: Dependency; status: DependencyStatus }> {
  const c = loadChart(chartDir);
  const chartsDir = join(chartDir, 'charts');
  const files = existsSync(chartsDir) ? readdirSync(chartsDir) : [];
  return c.metadata.dependencies.map((dep) => {
    const archives = files.filter((f) => f.startsWith(`${dep.name}-`) && f.endsWith('.tgz'));
    if (archives.length > 1) return { dep, status: 'too many matches' as const };
    if (archives.length === 1) {
      let sub: Chart;
      try {
        sub = loadArchive(new Uint8Array(readFileSync(join(chartsDir, archives[0]!))));
      } catch {
        return { dep, status: 'corrupt' as const };
      }
      if (sub.metadata.name !== dep.name) return { dep, status: 'misnamed' as const };
      if (dep.version !== '' && !versionSatisfies(dep.version, sub.metadata.version)) {
        return { dep, status: 'wrong version' as const };
      }
      return { dep, status: 'ok' as const };
    }
    const dir = join(chartsDir, dep.name);
    if (existsSync(dir) && statSync(dir).isDirectory()) {
      try {
        const sub = loadChart(dir);
        if (sub.metadata.name !== dep.name) return { dep, status: 'misnamed' as const };
        if (dep.version !== '' && !versionSatisfies(dep.version, sub.metadata.version)) {
          return { dep, status: 'wrong version' as const };
        }
        return { dep, status: 'unpacked' as const };
      } catch {
        return { dep, status: 'corrupt' as const };
      }
    }
    return { dep, status: 'missing' as const };
  });
}

/** `dependency-build: auto`: a Chart.lock whose dependencies are not all in charts/. */
export function needsDependencyBuild(chartDir: string): boolean {
  if (!existsSync(join(chartDir, 'Chart.lock')) && !existsSync(join(chartDir, 'requirements.lock')))
    return false;
  return dependencyStatuses(chartDir).some(
    (s) => s.dep.repository !== '' && (s.status === 'missing' || s.status === 'wrong version'),
  );
}
