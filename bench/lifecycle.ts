/**
 * The example chart's whole lifecycle (install, test, upgrade, rollback, uninstall of
 * examples/database-app) as users run it, whole processes per command (issue 10):
 * - on the simulator (speed 1), with hookline;
 * - on the real API server of ../shared/realcluster, with hookline and the real Helm 3.15.4, when
 *   the bench starts that cluster (HOOKLINE_BENCH_REALCLUSTER=0 skips it; K8S_HOME and the K8S_*
 *   ports are passed through to start.sh/stop.sh, and the cluster is always stopped).
 * hookline's overhead per hook is the total minus the hook pods' run time (the pod runner runs a
 * pod without `sleep` for 1 s), divided by the number of hooks run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../src/simulator/index.js';
import { cliPath, helmBinary, measureAsync, realclusterDir, root } from './proc.js';
import type { BenchRow } from './table.js';

const CHART = join(root, 'examples', 'database-app');

type Tool = (args: string[]) => string[];

/** The five commands; `name` is the release. */
function steps(name: string): Array<{ verb: string; args: string[] }> {
  return [
    { verb: 'install', args: ['install', name, CHART] },
    { verb: 'test', args: ['test', name] },
    { verb: 'upgrade', args: ['upgrade', name, CHART, '--set', 'image.tag=1.22.0'] },
    { verb: 'rollback', args: ['rollback', name, '1'] },
    { verb: 'uninstall', args: ['uninstall', name] },
  ];
}

/** Rows of hookline's HOOKS table (one per hook run) in a command's output. */
const hooksRun = (out: string): number =>
  out.split('\n').filter((l) => /^(pre|post)-[a-z]+\s+\S+\/\S+|^test\s+\S+\/\S+/.test(l)).length;

/** Hooks that are Jobs or Pods (each runs a pod for the pod runner's minimum of 1 s). */
const podHooksRun = (out: string): number =>
  out.split('\n').filter((l) => /^(pre|post)-[a-z]+\s+(Job|Pod)\/|^test\s+(Job|Pod)\//.test(l))
    .length;

interface Lifecycle {
  perVerb: Map<string, number>;
  totalMs: number;
  cpuMs: number;
  hooks: number;
  podHooks: number;
  failed?: string;
}

async function lifecycle(
  cmd: string,
  tool: Tool,
  kubeconfig: string,
  name: string,
): Promise<Lifecycle> {
  const perVerb = new Map<string, number>();
  let totalMs = 0;
  let cpuMs = 0;
  let hooks = 0;
  let podHooks = 0;
  for (const s of steps(name)) {
    const m = await measureAsync(cmd, [...tool(s.args), '--kubeconfig', kubeconfig]);
    if (m.status !== 0)
      return {
        perVerb,
        totalMs,
        cpuMs,
        hooks,
        podHooks,
        failed: `${s.verb}: ${m.stderr.slice(0, 120)}`,
      };
    perVerb.set(s.verb, m.ms);
    totalMs += m.ms;
    cpuMs += m.cpuMs;
    hooks += hooksRun(m.stdout);
    podHooks += podHooksRun(m.stdout);
  }
  return { perVerb, totalMs, cpuMs, hooks, podHooks };
}

function rowsOf(label: string, l: Lifecycle): BenchRow[] {
  if (l.failed) return [{ name: `${label}: failed`, value: 0, unit: '-', note: l.failed }];
  return [
    ...[...l.perVerb].map(([verb, ms]) => ({ name: `${label}: ${verb}`, value: ms, unit: 'ms' })),
    {
      name: `${label}: whole lifecycle`,
      value: l.totalMs,
      unit: 'ms',
      note: l.hooks ? `${l.hooks} hooks` : '',
    },
    { name: `${label}: CPU time (user+sys), all commands`, value: l.cpuMs, unit: 'ms' },
  ];
}

const hookline: Tool = (args) => [cliPath, ...args];

export async function benchLifecycleSimulator(): Promise<BenchRow[]> {
  const sim = await startSimulator({ speed: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'hookline-bench-'));
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, sim.kubeconfig);
    const l = await lifecycle(process.execPath, hookline, kubeconfig, 'bench');
    return rowsOf('lifecycle on the simulator (hookline)', l);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Start ../shared/realcluster, run `body`, always stop it. */
async function withRealCluster<T>(
  body: (kubeconfig: string) => Promise<T>,
): Promise<T | undefined> {
  const start = join(realclusterDir, 'start.sh');
  if (!existsSync(start) || process.env.HOOKLINE_BENCH_REALCLUSTER === '0') return undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    K8S_HOME: process.env.K8S_HOME ?? join(tmpdir(), 'hookline-bench-realcluster'),
  };
  try {
    const up = spawnSync('bash', [start], { env, encoding: 'utf8', stdio: 'pipe' });
    if (up.status !== 0) throw new Error(`start.sh failed: ${up.stderr.slice(-300)}`);
    return await body(join(env.K8S_RUN ?? join(env.K8S_HOME!, 'run'), 'kubeconfig'));
  } finally {
    spawnSync('bash', [join(realclusterDir, 'stop.sh')], { env, stdio: 'ignore' });
  }
}

export async function benchLifecycleRealCluster(): Promise<BenchRow[]> {
  const helm = helmBinary();
  const rows = await withRealCluster(async (kubeconfig) => {
    const ours = await lifecycle(process.execPath, hookline, kubeconfig, 'bench-hookline');
    const out = rowsOf('lifecycle on the real API server (hookline)', ours);
    if (!helm) return out;
    const theirs = await lifecycle(helm, (a) => a, kubeconfig, 'bench-helm');
    out.push(...rowsOf('lifecycle on the real API server (Helm 3.15.4)', theirs));
    if (ours.failed || theirs.failed) return out;
    out.push({
      name: 'lifecycle on the real API server: wall ratio hookline/Helm',
      value: ours.totalMs / theirs.totalMs,
      unit: 'x',
      note: 'target <= 1.0',
    });
    if (ours.hooks > 0) {
      out.push({
        name: 'lifecycle on the real API server: hookline overhead per hook',
        value: (ours.totalMs - ours.podHooks * 1000) / ours.hooks,
        unit: 'ms',
        note: `(total - ${ours.podHooks} pods x 1 s) / ${ours.hooks} hooks; target <= 30`,
      });
      out.push({
        name: 'lifecycle on the real API server: hookline minus Helm, per hook',
        value: (ours.totalMs - theirs.totalMs) / ours.hooks,
        unit: 'ms',
        note: 'the same hooks run in both',
      });
    }
    return out;
  });
  return rows ?? [{ name: 'lifecycle on the real API server (not started)', value: 0, unit: '-' }];
}
