/**
 * `hookline rollback NAME [REVISION]`: helm rollback against a cluster (helm/helm
 * cmd/helm/rollback.go, v3.21): `Rollback was a success! Happy Helming!`, errors unwrapped.
 */
import { rollback } from '../lifecycle/rollback.js';
import { DEFAULT_HISTORY_MAX } from '../lifecycle/upgrade.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
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
  withCluster,
} from './release-flags.js';

const FLAGS: FlagSpec[] = [
  ...CLUSTER_FLAGS,
  ...WAIT_FLAGS,
  HOOK_LOGS_FLAG,
  { name: 'no-hooks', kind: 'bool' },
  { name: 'cleanup-on-fail', kind: 'bool' },
  { name: 'history-max', kind: 'string' },
  DRY_RUN_FLAG,
  ...APPLY_FLAGS,
  { name: 'force', kind: 'bool' },
  { name: 'force-replace', kind: 'bool' },
];

/** rollback.go: `strconv.Atoi(args[1])`, wrapped `could not convert revision to a number`. */
function revisionArg(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^[+-]?[0-9]+$/.test(raw)) {
    throw new UsageError(
      `could not convert revision to a number: strconv.Atoi: parsing "${raw}": invalid syntax`,
    );
  }
  return Number(raw);
}

export async function rollbackCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  const n = args.positionals.length;
  if (n < 1 || n > 2) {
    throw new UsageError(
      `"hookline rollback" requires at least 1 and at most 2 arguments\n\nUsage:  hookline rollback <RELEASE> [REVISION] [flags]`,
    );
  }
  const name = args.positionals[0]!;
  const revision = revisionArg(args.positionals[1]);
  const timeout = timeoutMs(args);
  const historyMax = intFlag(args, 'history-max', DEFAULT_HISTORY_MAX);
  const logs = hookLogs(args);
  const bool = (flag: string) => args.bools.get(flag) ?? false;
  const result = await withCluster(args, io, (cluster) =>
    rollback(cluster.cfg, name, {
      revision,
      wait: bool('wait'),
      waitForJobs: bool('wait-for-jobs'),
      timeout,
      noHooks: bool('no-hooks'),
      cleanupOnFail: bool('cleanup-on-fail'),
      historyMax,
      dryRun: dryRunOption(args) !== undefined,
      ...applyOptions(args),
      force: bool('force') || bool('force-replace'),
      hookLogs: logs,
      signal: cluster.signal,
    }),
  );
  io.stdout('Rollback was a success! Happy Helming!\n');
  printHooks(io, result.hookOutcomes);
  return 0;
}
