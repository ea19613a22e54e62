/**
 * The dry-run plan of kube-prometheus-stack's CRDs (~75,000 lines) against a deployed release
 * (issue 10): install a chart whose manifest is the CRDs, then time `dry-run: true` of an
 * upgrade that changes a line in each CRD, through the action's `run` on the simulator.
 * `tsx bench/plan.ts` prints the time; `benchPlan()` returns it as a BenchRow for bench/run.ts.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { manifestChanges } from '../src/action/changes.js';
import type { ActionDeps } from '../src/action/deps.js';
import { run } from '../src/main.js';
import { startSimulator } from '../src/simulator/index.js';
import { systemClock } from '../src/gotime/clock.js';
import type { BenchRow } from './table.js';

const CRDS = 'real-charts/charts/kube-prometheus-stack/charts/crds/crds';

function deps(inputs: Record<string, string>, workspace: string, out: Record<string, string>) {
  const d: ActionDeps = {
    core: {
      getInput: (name) => inputs[name] ?? '',
      setOutput: (name, value) => void (out[name] = value),
      setFailed: (m) => void (out.failed = m),
      setSecret: () => undefined,
      writeSummary: async () => undefined,
      info: () => undefined,
      warning: () => undefined,
      debug: () => undefined,
      group: (_n, fn) => fn(),
    },
    github: { client: () => ({}) as never, eventPayload: () => null },
    clock: systemClock,
    env: { GITHUB_WORKSPACE: workspace },
    signal: new AbortController().signal,
  };
  return d;
}

function writeChart(dir: string, crds: string): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: crds\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'templates', 'crds.yaml'), '{{ .Files.Get "crds.yaml" }}\n');
  writeFileSync(join(dir, 'crds.yaml'), crds);
}

/** The plan's own share: the per-object changes and redacted diffs of the same manifests. */
function planOnly(before: string, after: string): number {
  const started = performance.now();
  manifestChanges(before, after);
  return performance.now() - started;
}

export async function benchPlan(corpus: string): Promise<BenchRow[]> {
  const dir = resolve(corpus, CRDS);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const before = files
    .map((f) =>
      readFileSync(join(dir, f), 'utf8')
        .replace(/^#.*\n---\n/, '')
        .trimEnd(),
    )
    .join('\n---\n');
  // One changed description line per CRD, as an operator version bump would.
  const after = before.replace(
    /^(\s+description: )(.*)$/gm,
    (m, pre: string, text: string, at: number) =>
      at % 7 === 0 && /^[A-Za-z][^#:]*$/.test(text) ? `${pre}${text} (changed)` : m,
  );
  const work = mkdtempSync(join(tmpdir(), 'hookline-bench-plan-'));
  const sim = await startSimulator({ speed: 50 });
  try {
    writeChart(join(work, 'chart'), `${before}\n`);
    const base = {
      kubeconfig: sim.kubeconfig,
      release: 'crds',
      chart: 'chart',
      namespace: 'default',
    };
    const installed: Record<string, string> = {};
    if ((await run(deps({ ...base, command: 'install' }, work, installed))) !== 0)
      throw new Error(`install failed: ${installed.failed}`);
    writeChart(join(work, 'chart'), `${after}\n`);
    const out: Record<string, string> = {};
    const started = performance.now();
    const code = await run(deps({ ...base, command: 'upgrade', 'dry-run': 'true' }, work, out));
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`dry-run failed: ${out.failed}`);
    const changes = (JSON.parse(out.plan!) as { changes: unknown[] }).changes.length;
    return [
      {
        name: 'dry-run plan, kube-prometheus-stack CRDs',
        value: ms,
        unit: 'ms',
        note: `${before.split('\n').length} lines, ${changes} objects changed (limit 2000 ms); render and release decoding included`,
      },
      {
        name: 'dry-run plan, kube-prometheus-stack CRDs: changes and diffs only',
        value: planOnly(before, after),
        unit: 'ms',
        note: 'jsdiff Myers, bounded',
      },
    ];
  } finally {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (await import('../src/node-environment.js')).installNodeEnvironment();
  const corpus =
    process.env.HOOKLINE_CONFORMANCE_DIR ??
    [
      ['..', '..'],
      ['..', '..', '..'],
    ]
      .map((up) => resolve(import.meta.dirname, ...up, 'shared', 'conformance'))
      .find((d) => existsSync(d)) ??
    '/work/shared/conformance';
  // The action's entry installs the time environment; bench/run.ts does the same.
  (await import('../src/node-environment.js')).installNodeEnvironment();
  const rows = await benchPlan(corpus);
  for (const row of rows) console.log(`${row.name}: ${row.value.toFixed(0)} ms (${row.note})`);
  if (rows[0]!.value >= 2000) process.exitCode = 1;
}
