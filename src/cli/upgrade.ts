/**
 * `hookline upgrade NAME CHART`: helm upgrade against a cluster (helm/helm cmd/helm/upgrade.go,
 * v3.21): `Release "<name>" has been upgraded. Happy Helming!` and the status block, or with
 * `--install` and no release `Release "<name>" does not exist. Installing it now.` and the
 * install's status block. Upgrade errors print as `UPGRADE FAILED: <err>`; the install path
 * returns runInstall's error unwrapped, as Helm does.
 */
import { loadChartArg } from './user-files.js';
import { InstallError } from '../lifecycle/fail-release.js';
import { formatStatus } from '../lifecycle/status-format.js';
import { DEFAULT_HISTORY_MAX, upgrade } from '../lifecycle/upgrade.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import { VALUE_FLAGS, readValueOptions } from './install-render.js';
import type { CliIo } from './io.js';
import {
  HOOK_LOGS_FLAG,
  WAIT_FLAGS,
  hookLogs,
  intFlag,
  printHooks,
  timeoutMs,
  withCluster,
} from './release-flags.js';

const FLAGS: FlagSpec[] = [
  ...VALUE_FLAGS,
  ...CLUSTER_FLAGS,
  ...WAIT_FLAGS,
  HOOK_LOGS_FLAG,
  { name: 'install', short: 'i', kind: 'bool' },
  { name: 'reset-values', kind: 'bool' },
  { name: 'reuse-values', kind: 'bool' },
  { name: 'reset-then-reuse-values', kind: 'bool' },
  { name: 'history-max', kind: 'string' },
  { name: 'cleanup-on-fail', kind: 'bool' },
  { name: 'atomic', kind: 'bool' },
  { name: 'no-hooks', kind: 'bool' },
  { name: 'description', kind: 'string' },
  { name: 'dry-run', kind: 'bool' },
];

const INSTALLING = (name: string) => `Release "${name}" does not exist. Installing it now.\n`;

export async function upgradeCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.positionals.length !== 2) {
    throw new UsageError(
      `"hookline upgrade" requires 2 arguments\n\nUsage:  hookline upgrade [RELEASE] [CHART] [flags]`,
    );
  }
  const [name, chartPath] = args.positionals as [string, string];
  const timeout = timeoutMs(args);
  const historyMax = intFlag(args, 'history-max', DEFAULT_HISTORY_MAX);
  const logs = hookLogs(args);
  const bool = (flag: string) => args.bools.get(flag) ?? false;
  const description = args.strings.get('description');
  const result = await withCluster(
    args,
    io,
    async (cluster) => {
      const values = readValueOptions(args, io);
      const chart = await loadChartArg(io, chartPath);
      return upgrade(cluster.cfg, name, chart, {
        values,
        install: bool('install'),
        namespace: cluster.namespace,
        resetValues: bool('reset-values'),
        reuseValues: bool('reuse-values'),
        resetThenReuseValues: bool('reset-then-reuse-values'),
        historyMax,
        cleanupOnFail: bool('cleanup-on-fail'),
        wait: bool('wait'),
        waitForJobs: bool('wait-for-jobs'),
        timeout,
        atomic: bool('atomic'),
        noHooks: bool('no-hooks'),
        ...(description !== undefined ? { description } : {}),
        dryRun: bool('dry-run'),
        hookLogs: logs,
        signal: cluster.signal,
      });
    },
    (m) => m,
  ).catch((err: unknown) => {
    const cause = err instanceof Error ? err.cause : undefined;
    // The install path's error (InstallError) is not wrapped; Helm printed INSTALLING first.
    if (cause instanceof InstallError) {
      io.stdout(INSTALLING(name));
      throw err;
    }
    throw new Error(`UPGRADE FAILED: ${err instanceof Error ? err.message : String(err)}`, {
      cause,
    });
  });
  io.stdout(
    result.installed ? INSTALLING(name) : `Release "${name}" has been upgraded. Happy Helming!\n`,
  );
  io.stdout(formatStatus(result.release));
  printHooks(io, result.hookOutcomes);
  return 0;
}
