/**
 * `hookline test NAME`: helm test (helm/helm cmd/helm/release_testing.go, v3.21): the status
 * block with the TEST SUITE sections (also when a test failed, then the error), and with
 * `--logs` each test hook's logs as `POD LOGS: <pod>` blocks, taken from the outcomes
 * (hookline collects them before any deletion, design decision 9).
 */
import type { HookOutcome } from '../lifecycle/hooks.js';
import { formatStatus } from '../lifecycle/status-format.js';
import { ReleaseTestError, test } from '../lifecycle/test.js';
import { parseArgs, type FlagSpec } from './args.js';
import { CLUSTER_FLAGS } from './cluster.js';
import type { CliIo } from './io.js';
import { exactArgs, printHooks, timeoutMs, withCluster } from './release-flags.js';

const FLAGS: FlagSpec[] = [
  ...CLUSTER_FLAGS,
  { name: 'timeout', kind: 'string' },
  { name: 'filter', kind: 'stringArray' },
  { name: 'logs', kind: 'bool' },
];

/** ReleaseTesting.GetPodLogs: `POD LOGS: <name>`, the log, a newline, per pod. */
function podLogs(outcomes: readonly HookOutcome[]): string {
  let out = '';
  for (const o of outcomes) {
    for (const c of o.containers) out += `POD LOGS: ${c.pod}\n${c.logTail}\n`;
  }
  return out;
}

export async function testCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  exactArgs(args, 'test', 'RELEASE_NAME');
  const timeout = timeoutMs(args);
  const logs = args.bools.get('logs') ?? false;
  const print = (rel: Parameters<typeof formatStatus>[0], outcomes: readonly HookOutcome[]) => {
    io.stdout(formatStatus(rel));
    if (logs) io.stdout(`\n${podLogs(outcomes)}`);
  };
  const result = await withCluster(args, io, async (cluster) => {
    try {
      return await test(cluster.cfg, args.positionals[0]!, {
        timeout,
        filters: args.lists.get('filter') ?? [],
        hookLogs: logs ? 'all' : 'failed',
        signal: cluster.signal,
      });
    } catch (err) {
      // Only an error without a release ends before the status is printed.
      if (err instanceof ReleaseTestError && err.release) print(err.release, err.hookOutcomes);
      throw err;
    }
  });
  print(result.release, result.hookOutcomes);
  printHooks(io, result.hookOutcomes);
  return 0;
}
