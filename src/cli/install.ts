/**
 * `hookline install NAME CHART`: helm install against a cluster (helm/helm cmd/helm/install.go
 * runInstall, v3.21): the status block on success, `INSTALLATION FAILED: ` before an error,
 * and hookline's hook summary after the hooks ran (on failure too, before the error).
 */
import { CHART_SOURCE_FLAGS, locateChart } from './chart-source.js';
import { install } from '../lifecycle/install.js';
import { formatStatus } from '../lifecycle/status-format.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import { VALUE_FLAGS, readValueOptions } from './install-render.js';
import type { CliIo } from './io.js';
import {
  INSTALL_APPLY_FLAGS,
  DRY_RUN_FLAG,
  applyOptions,
  dryRunOption,
  HOOK_LOGS_FLAG,
  WAIT_FLAGS,
  hookLogs,
  printHooks,
  timeoutMs,
  validationOptions,
  VALIDATION_FLAGS,
  withCluster,
} from './release-flags.js';
import { POST_RENDER_FLAGS, postRenderOption } from './post-render-flags.js';

const FLAGS: FlagSpec[] = [
  ...VALUE_FLAGS,
  ...CHART_SOURCE_FLAGS,
  ...CLUSTER_FLAGS,
  ...WAIT_FLAGS,
  HOOK_LOGS_FLAG,
  { name: 'create-namespace', kind: 'bool' },
  { name: 'atomic', kind: 'bool' },
  { name: 'no-hooks', kind: 'bool' },
  { name: 'replace', kind: 'bool' },
  { name: 'description', kind: 'string' },
  { name: 'skip-crds', kind: 'bool' },
  DRY_RUN_FLAG,
  ...VALIDATION_FLAGS,
  ...POST_RENDER_FLAGS,
  ...INSTALL_APPLY_FLAGS,
  { name: 'hide-secret', kind: 'bool' },
];

export async function installCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.positionals.length !== 2) {
    throw new UsageError(
      args.positionals.length < 2
        ? `"hookline install" requires at least 2 arguments\n\nUsage:  hookline install NAME CHART [flags]`
        : `expected at most two arguments, unexpected arguments: ${args.positionals.slice(2).join(', ')}`,
    );
  }
  const [name, chartPath] = args.positionals as [string, string];
  const timeout = timeoutMs(args);
  const logs = hookLogs(args);
  const bool = (flag: string) => args.bools.get(flag) ?? false;
  // pkg/action install.go/upgrade.go: --hide-secret only with a dry run.
  if (bool('hide-secret') && !dryRunOption(args))
    throw new Error('Hiding Kubernetes secrets requires a dry-run mode');
  const description = args.strings.get('description');
  const postRender = postRenderOption(args, io);
  const result = await withCluster(
    args,
    io,
    async (cluster) => {
      const values = readValueOptions(args, io);
      const chart = await locateChart(chartPath, args, io);
      return install(cluster.cfg, chart, {
        releaseName: name,
        namespace: cluster.namespace,
        values,
        createNamespace: bool('create-namespace'),
        wait: bool('wait'),
        waitForJobs: bool('wait-for-jobs'),
        timeout,
        atomic: bool('atomic'),
        noHooks: bool('no-hooks'),
        replace: bool('replace'),
        ...(description !== undefined ? { description } : {}),
        skipCrds: bool('skip-crds'),
        ...(dryRunOption(args) ? { dryRun: dryRunOption(args) } : {}),
        ...applyOptions(args),
        ...validationOptions(args),
        ...postRender,
        hookLogs: logs,
        signal: cluster.signal,
      });
    },
    (m) => `INSTALLATION FAILED: ${m}`,
  );
  io.stdout(formatStatus(result.release, { hideSecret: bool('hide-secret') }));
  printHooks(io, result.hookOutcomes);
  return 0;
}
