/**
 * The action's chart: the `chart` input as any chart reference (local path in the workspace,
 * `oci://…`, `REPO/CHART`, an https URL, or a name with the `repo` input), `version`,
 * `registry-username`/`registry-password` (else the Docker/Helm config.json a login step wrote),
 * `plain-http`, `verify` + `keyring`, and `dependency-build` (`auto`: run `dependency build` when a
 * local chart has a Chart.lock whose dependencies are missing from charts/).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadArchive, loadChart } from '../chart/directory.js';
import type { Chart } from '../chart/types.js';
import { ProvenanceError } from '../provenance/errors.js';
import { classifyChartRef } from './chart-ref.js';
import type { ChartSourceOptions } from './resolve.js';

export type DependencyBuildMode = 'auto' | 'true' | 'false';

export interface ActionChartSource {
  readonly chart: string;
  readonly repo: string;
  readonly version: string;
  readonly registryUsername: string;
  readonly registryPassword: string;
  readonly plainHttp: boolean;
  readonly verify: boolean;
  readonly keyring: string;
  readonly dependencyBuild: DependencyBuildMode;
}

export interface ActionChartContext {
  readonly workspace: string;
  readonly env: (name: string) => string | undefined;
  readonly log: (message: string) => void;
  /** Called before the files are written (dependency build, the download cache), if given. */
  readonly beforeWrites?: (what: string) => void;
}

function keyringFile(src: ActionChartSource, ctx: ActionChartContext): string {
  if (src.keyring) return resolve(ctx.workspace, src.keyring);
  const home = ctx.env('GNUPGHOME') || join(ctx.env('HOME') ?? '', '.gnupg');
  return join(home, 'pubring.gpg');
}

/**
 * `dependency-build: auto` for a local chart: a lock file first, so that a chart without one
 * loads no dependency manager, repository or registry code (issue 10: the action's start).
 */
async function needsBuild(chartDir: string): Promise<boolean> {
  if (!existsSync(join(chartDir, 'Chart.lock')) && !existsSync(join(chartDir, 'requirements.lock')))
    return false;
  return (await import('./manager.js')).needsDependencyBuild(chartDir);
}

/** openpgp is loaded only when a signature is checked (it costs ~200 ms at startup). */
async function verifyProvenance(opts: {
  archive: Uint8Array;
  prov: Uint8Array;
  fileName: string;
  keyring: Uint8Array;
}): Promise<void> {
  const m = await import(/* webpackMode: "eager" */ '../provenance/provenance.js');
  await m.verifyProvenance(opts);
}

export async function loadActionChart(
  src: ActionChartSource,
  ctx: ActionChartContext,
): Promise<Chart> {
  const ref = classifyChartRef(src.chart, {
    repoUrl: src.repo || undefined,
    exists: (p) => existsSync(resolve(ctx.workspace, p)),
  });
  const opts: ChartSourceOptions = {
    version: src.version || undefined,
    username: src.registryUsername || undefined,
    password: src.registryPassword || undefined,
    plainHttp: src.plainHttp,
    withProv: src.verify,
    env: ctx.env,
    log: ctx.log,
  };
  if (ref.kind === 'local') {
    const path = resolve(ctx.workspace, ref.path);
    const isDir = existsSync(path) && statSync(path).isDirectory();
    if (
      isDir &&
      (src.dependencyBuild === 'true' ||
        (src.dependencyBuild === 'auto' && (await needsBuild(path))))
    ) {
      ctx.beforeWrites?.('building dependencies writes charts/');
      const { dependencyBuild } = await import('./manager.js');
      await dependencyBuild(path, { ...opts, withProv: false, out: ctx.log });
    }
    if (src.verify) {
      if (isDir) {
        throw new ProvenanceError(
          src.chart,
          `verify needs a packaged chart (.tgz) and its .prov, not the directory ${ref.path}`,
        );
      }
      await verifyProvenance({
        archive: new Uint8Array(readFileSync(path)),
        prov: new Uint8Array(readFileSync(`${path}.prov`)),
        fileName: basename(path),
        keyring: new Uint8Array(readFileSync(keyringFile(src, ctx))),
      });
    }
    return loadChart(path);
  }
  ctx.beforeWrites?.('fetching a chart writes the download cache');
  const fetched = await (await import('./resolve.js')).fetchChart(ref, opts);
  ctx.log(
    `Fetched ${fetched.source} (${fetched.digest}${fetched.fromCache ? ', from cache' : ''})\n`,
  );
  if (src.verify) {
    if (!fetched.prov)
      throw new ProvenanceError(
        fetched.fileName,
        `--verify: no provenance (.prov) found for ${fetched.source}`,
      );
    await verifyProvenance({
      archive: fetched.archive,
      prov: fetched.prov,
      fileName: fetched.fileName,
      keyring: new Uint8Array(readFileSync(keyringFile(src, ctx))),
    });
  }
  return loadArchive(fetched.archive);
}
