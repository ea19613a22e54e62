/**
 * `hookline demo [CHART]`: the example chart's whole lifecycle on the built-in simulated cluster
 * (install, test, upgrade, rollback, uninstall), printing each step's release status and the
 * outcome of every hook it ran. What `npm run demo` shows on a fresh machine.
 */
import { loadChartArg } from './user-files.js';
import type { Chart } from '../chart/types.js';
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import { InstallError } from '../lifecycle/errors.js';
import { install } from '../lifecycle/install.js';
import { rollback } from '../lifecycle/rollback.js';
import { test } from '../lifecycle/test.js';
import { uninstall } from '../lifecycle/uninstall.js';
import { upgrade } from '../lifecycle/upgrade.js';
import type { Release } from '../release/types.js';
import { mergeUserValues } from '../values/options.js';
import { parseArgs } from './args.js';
import { CLUSTER_FLAGS, connect, type Cluster } from './cluster.js';
import { formatHookSummary } from './hook-summary.js';
import type { CliIo } from './io.js';

const RELEASE = 'my-app';
const DEFAULT_CHART = 'examples/database-app';

interface Step {
  readonly title: string;
  run(
    cluster: Cluster,
    chart: Chart,
  ): Promise<{ release?: Release | undefined; hookOutcomes: HookOutcome[]; error?: string }>;
}

const timeout = 60_000;

const STEPS: readonly Step[] = [
  {
    title: `install ${RELEASE}`,
    run: (c, chart) => install(c.cfg, chart, { releaseName: RELEASE, timeout, signal: c.signal }),
  },
  {
    title: `test ${RELEASE}`,
    run: (c) => test(c.cfg, RELEASE, { timeout, hookLogs: 'all', signal: c.signal }),
  },
  {
    title: `upgrade ${RELEASE} --set image.tag=1.22.0`,
    run: (c, chart) =>
      upgrade(c.cfg, RELEASE, chart, {
        values: mergeUserValues({ values: ['image.tag=1.22.0'] }, () => ''),
        timeout,
        signal: c.signal,
      }),
  },
  {
    title: `rollback ${RELEASE} 1`,
    run: (c) => rollback(c.cfg, RELEASE, { revision: 1, timeout, signal: c.signal }),
  },
  {
    title: `uninstall ${RELEASE}`,
    run: (c) => uninstall(c.cfg, RELEASE, { timeout, signal: c.signal }),
  },
  {
    // What Helm leaves opaque: the hook's image cannot be pulled, the wait times out, and
    // hookline names the culprit and records the release as failed, never pending.
    title: `install broken-app --set hooks.dbInit.image=postgres-does-not-exist:14 --timeout 3s`,
    run: async (c, chart) => {
      try {
        return await install(c.cfg, chart, {
          releaseName: 'broken-app',
          values: mergeUserValues(
            { values: ['hooks.dbInit.image=postgres-does-not-exist:14'] },
            () => '',
          ),
          timeout: 3_000,
          signal: c.signal,
        });
      } catch (err) {
        if (!(err instanceof InstallError)) throw err;
        return { release: err.release, hookOutcomes: [...err.hookOutcomes], error: err.message };
      }
    },
  },
];

function describeRelease(r: Release | undefined): string {
  if (!r) return 'release: none left (records purged)';
  return `release: ${r.name} revision ${r.version} ${r.info.status}: ${r.info.description}`;
}

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(['--simulate', ...argv], CLUSTER_FLAGS);
  const chartPath = args.positionals[0] ?? DEFAULT_CHART;
  const chart = await loadChartArg(io, chartPath);
  const cluster = await connect(args, io);
  try {
    io.stdout(
      `hookline demo: ${chart.metadata.name} ${chart.metadata.version} on the simulated cluster\n`,
    );
    for (const step of STEPS) {
      io.stdout(`\n==> hookline ${step.title}\n`);
      const result = await step.run(cluster, chart);
      if (result.error) io.stdout(`Error: INSTALLATION FAILED: ${result.error}\n`);
      io.stdout(`${describeRelease(result.release)}\n`);
      io.stdout(formatHookSummary(result.hookOutcomes) || 'HOOKS: none ran\n');
    }
    return 0;
  } finally {
    await cluster.close();
  }
}
