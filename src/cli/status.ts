/**
 * `hookline status NAME`: helm status (helm/helm cmd/helm/status.go, v3.21): the status
 * block of the last revision, or of `--revision`.
 */
import { formatStatus, status } from '../lifecycle/status.js';
import { parseArgs, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import type { CliIo } from './io.js';
import { exactArgs, intFlag, withCluster } from './release-flags.js';

const FLAGS: FlagSpec[] = [...CLUSTER_FLAGS, { name: 'revision', kind: 'string' }];

export async function statusCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  exactArgs(args, 'status', 'RELEASE_NAME');
  const revision = intFlag(args, 'revision', 0);
  const rel = await withCluster(args, io, (cluster) =>
    status(cluster.cfg, args.positionals[0]!, { revision }),
  );
  io.stdout(formatStatus(rel));
  return 0;
}
