/**
 * `hookline install NAME CHART`: helm install against a cluster (helm/helm cmd/helm/install.go
 * runInstall, v3.21): the status block on success, `INSTALLATION FAILED: ` before an error,
 * and hookline's hook summary after the hooks ran (on failure too, before the error).
 */
import { loadChartArg } from './user-files.js';
import { install } from '../lifecycle/install.js';
import { formatStatus } from '../lifecycle/status-format.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import { VALUE_FLAGS, readValueOptions } from './install-render.js';
import type { CliIo } from './io.js';
import {
  HOOK_LOGS_FLAG,
  WAIT_FLAGS,
  hookLogs,
  printHooks,
  timeoutMs,
  withCluster,
} from './release-flags.js';

const FLAGS: FlagSpec[] = [
  ...VALUE_FLAGS,
  ...CLUSTER_FLAGS,
  ...WAIT_FLAGS,
  HOOK_LOGS_FLAG,
  { name: 'create-namespace', kind: 'bool' },
  { name: 'atomic', kind: 'bool' },
  { name: 'no-hooks', kind: 'bool' },
  { name: 'replace', kind: 'bool' },
  { name: 'description', kind: 'string' },
  { name: 'skip-crds', kind: 'bool' },
  { name: 'dry-run', kind: 'bool' },
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
  const description = args.strings.get('description');
  const result = await withCluster(
    args,
    io,
    async (cluster) => {
      const values = readValueOptions(args, io);
      const chart = await loadChartArg(io, chartPath);
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
        dryRun: bool('dry-run'),
        hookLogs: logs,
        signal: cluster.signal,
      });
    },
    (m) => `INSTALLATION FAILED: ${m}`,
  );
  io.stdout(formatStatus(result.release));
  printHooks(io, result.hookOutcomes);
  return 0;
}
