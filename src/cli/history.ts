/**
 * `hookline history NAME`: helm history (helm/helm cmd/helm/history.go, v3.21): the table of
 * the newest `--max` revisions (default 256); `release: not found` when there are none.
 */
import { DEFAULT_HISTORY_MAX, formatHistory, history } from '../lifecycle/history.js';
import { parseArgs, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import type { CliIo } from './io.js';
import { exactArgs, intFlag, withCluster } from './release-flags.js';

const FLAGS: FlagSpec[] = [...CLUSTER_FLAGS, { name: 'max', kind: 'string' }];

export async function historyCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  exactArgs(args, 'history', 'RELEASE_NAME');
  const max = intFlag(args, 'max', DEFAULT_HISTORY_MAX);
  const rows = await withCluster(args, io, (cluster) =>
    history(cluster.cfg, args.positionals[0]!, { max }),
  );
  // getHistory: an empty history is ErrReleaseNotFound.
  if (rows.length === 0) throw new Error('release: not found');
  io.stdout(formatHistory(rows));
  return 0;
}
