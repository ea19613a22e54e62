/**
 * `hookline upgrade NAME CHART`: helm upgrade against a cluster (helm/helm cmd/helm/upgrade.go,
 * v3.21): `Release "<name>" has been upgraded. Happy Helming!` and the status block, or with
 * `--install` and no release `Release "<name>" does not exist. Installing it now.` and the
 * install's status block. Upgrade errors print as `UPGRADE FAILED: <err>`; the install path
 * returns runInstall's error unwrapped, as Helm does.
 */
import { CHART_SOURCE_FLAGS, locateChart } from './chart-source.js';
import { InstallError } from '../lifecycle/errors.js';
import { formatStatus } from '../lifecycle/status-format.js';
import { DEFAULT_HISTORY_MAX, upgrade } from '../lifecycle/upgrade.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import { VALUE_FLAGS, readValueOptions } from './install-render.js';
import type { CliIo } from './io.js';
import {
  APPLY_FLAGS,
  DRY_RUN_FLAG,
  applyOptions,
  dryRunOption,
  HOOK_LOGS_FLAG,
  WAIT_FLAGS,
  hookLogs,
  intFlag,
  printHooks,
  timeoutMs,
  validationOptions,
  VALIDATION_FLAGS,
  withCluster,
} from './release-flags.js';
import { POST_RENDER_FLAGS, postRenderOption } from './post-render-flags.js';
import { errorText } from '../util/errors.js';
import { restartOnOverflow } from '../runtime/stack-overflow.js';

const FLAGS: FlagSpec[] = [
  ...VALUE_FLAGS,
  ...CHART_SOURCE_FLAGS,
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
  DRY_RUN_FLAG,
  ...VALIDATION_FLAGS,
  ...POST_RENDER_FLAGS,
  ...APPLY_FLAGS,
  { name: 'force', kind: 'bool' },
  { name: 'force-replace', kind: 'bool' },
  { name: 'hide-secret', kind: 'bool' },
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
        ...(dryRunOption(args) ? { dryRun: dryRunOption(args) } : {}),
        ...applyOptions(args),
        ...validationOptions(args),
        ...postRender,
        force: bool('force') || bool('force-replace'),
        hookLogs: logs,
        signal: cluster.signal,
      });
    },
    (m) => m,
  ).catch((err: unknown) => {
    restartOnOverflow(err); // before INSTALLING is printed
    const cause = err instanceof Error ? err.cause : undefined;
    // The install path's error (InstallError) is not wrapped; Helm printed INSTALLING first.
    if (cause instanceof InstallError) {
      io.stdout(INSTALLING(name));
      throw err;
    }
    throw new Error(`UPGRADE FAILED: ${errorText(err)}`, {
      cause,
    });
  });
  io.stdout(
    result.installed ? INSTALLING(name) : `Release "${name}" has been upgraded. Happy Helming!\n`,
  );
  io.stdout(formatStatus(result.release, { hideSecret: bool('hide-secret') }));
  printHooks(io, result.hookOutcomes);
  return 0;
}
