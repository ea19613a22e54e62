/**
 * `hookline recover-pending NAME [--timeout DURATION]`: mark a release whose last record is
 * stuck in `pending-*` as `failed`, so the next install/upgrade/rollback may proceed (the CLI
 * form of the action's `recover-pending: true`). The failure messages of the lifecycle verbs
 * point here when a record could not be brought to a final state. With `--timeout` only a
 * record pending for longer than that is touched; by default any pending record is.
 */
import { recoverPending } from '../lifecycle/recover.js';
import { parseArgs, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import type { CliIo } from './io.js';
import { exactArgs, TIMEOUT_FLAG, timeoutMs, withCluster } from './release-flags.js';

const FLAGS: FlagSpec[] = [...CLUSTER_FLAGS, TIMEOUT_FLAG];

export async function recoverCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  exactArgs(args, 'recover-pending', 'RELEASE_NAME');
  const name = args.positionals[0]!;
  const olderThan = args.strings.get('timeout') === undefined ? -1 : timeoutMs(args);
  const recovered = await withCluster(args, io, (cluster) =>
    recoverPending(
      cluster.cfg,
      name,
      olderThan,
      'Marked failed by hookline recover-pending: the operation did not record its outcome',
    ),
  );
  io.stdout(
    recovered
      ? `release ${name} revision ${recovered.version} marked failed\n`
      : `release ${name} has no pending revision to recover\n`,
  );
  return 0;
}
