/**
 * `hookline uninstall NAME...`: helm uninstall against a cluster (helm/helm
 * cmd/helm/uninstall.go, v3.21): the kept-resources text when any, then
 * `release "<name>" uninstalled` per release; errors unwrapped.
 */
import { uninstall } from '../lifecycle/uninstall.js';
import type { Cascade } from '../lifecycle/uninstall-resources.js';
import { parseArgs, UsageError, type FlagSpec, type ParsedArgs } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import type { CliIo } from './io.js';
import { HOOK_LOGS_FLAG, hookLogs, printHooks, timeoutMs, withCluster } from './release-flags.js';

const FLAGS: FlagSpec[] = [
  ...CLUSTER_FLAGS,
  HOOK_LOGS_FLAG,
  { name: 'keep-history', kind: 'bool' },
  { name: 'no-hooks', kind: 'bool' },
  { name: 'wait', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
  { name: 'description', kind: 'string' },
  { name: 'cascade', kind: 'string' },
  { name: 'dry-run', kind: 'bool' },
  { name: 'ignore-not-found', kind: 'bool' },
];

/** Uninstall.Run's check of DeletionPropagation (default background). */
function cascade(args: ParsedArgs): Cascade {
  const raw = args.strings.get('cascade') ?? 'background';
  if (raw === 'background' || raw === 'foreground' || raw === 'orphan') return raw;
  throw new UsageError(
    `invalid cascade value (${raw}). Must be "background", "foreground", or "orphan"`,
  );
}

export async function uninstallCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.positionals.length < 1) {
    throw new UsageError(
      `"hookline uninstall" requires at least 1 argument\n\nUsage:  hookline uninstall RELEASE_NAME [...] [flags]`,
    );
  }
  const timeout = timeoutMs(args);
  const logs = hookLogs(args);
  const propagation = cascade(args);
  const bool = (flag: string) => args.bools.get(flag) ?? false;
  const description = args.strings.get('description');
  await withCluster(args, io, async (cluster) => {
    for (const name of args.positionals) {
      const res = await uninstall(cluster.cfg, name, {
        keepHistory: bool('keep-history'),
        noHooks: bool('no-hooks'),
        wait: bool('wait'),
        timeout,
        ...(description !== undefined ? { description } : {}),
        cascade: propagation,
        dryRun: bool('dry-run'),
        ignoreNotFound: bool('ignore-not-found'),
        hookLogs: logs,
        signal: cluster.signal,
      });
      if (res.kept !== '') io.stdout(`${res.kept}\n`);
      io.stdout(`release "${name}" uninstalled\n`);
      printHooks(io, res.hookOutcomes);
    }
  });
  return 0;
}
