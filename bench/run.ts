/**
 * `npm run bench [section...]`: hookline's figures as a Markdown table, compared with the real
 * Helm in the same run where ../shared/realcluster is present. Record the results, the machine
 * and the date in BENCHMARKS.md.
 *
 * Sections (all by default): engine, charts, startup, helm (template vs Helm), simulator,
 * lifecycle (the example chart on the simulator), realcluster (the example chart on the real API
 * server with hookline and Helm; starts and stops the cluster). Optional sections are picked up
 * from other bench modules when present: bench/plan.ts, bench/memory-limits.ts, or any
 * bench/*.ts (not imported below) that exports a function named `bench…` returning rows; the
 * section's name is the file's name.
 * Needs a built dist/ (`npm run build`) for the process-level sections. ../shared is found beside
 * the checkout, or at HOOKLINE_SHARED_DIR.
 */
import { existsSync, readdirSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installNodeEnvironment } from '../src/node-environment.js';
import { benchCharts } from './charts.js';
import { benchEngine } from './engine.js';
import { benchLifecycleRealCluster, benchLifecycleSimulator } from './lifecycle.js';
import { cliPath, shared } from './proc.js';
import { benchSimulator } from './simulator.js';
import { benchStartup } from './startup.js';
import { formatTable, type BenchRow } from './table.js';
import { benchTemplateVsHelm } from './vs-helm.js';

installNodeEnvironment();
const corpus = process.env.HOOKLINE_CONFORMANCE_DIR ?? join(shared, 'conformance');
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

/** Modules of this directory that are part of the runner, not sections of their own. */
const BUILT_IN = new Set([
  'run',
  'table',
  'proc',
  'charts',
  'engine',
  'lifecycle',
  'simulator',
  'startup',
  'vs-helm',
]);

/** A section; optional sections are given the conformance corpus's directory. */
type Section = (corpus: string) => BenchRow[] | Promise<BenchRow[]>;

/** Sections added as files (plan.ts, memory-limits.ts, ...): each exported `bench*` function. */
async function optionalSections(): Promise<Array<{ name: string; run: Section }>> {
  const dir = import.meta.dirname;
  const found: Array<{ name: string; run: Section }> = [];
  for (const file of readdirSync(dir).sort()) {
    const name = basename(file, '.ts');
    if (!file.endsWith('.ts') || file.endsWith('.d.ts') || BUILT_IN.has(name)) continue;
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(mod)) {
      if (typeof value === 'function' && /^bench/.test(key))
        found.push({ name, run: value as Section });
    }
  }
  return found;
}

const rows: BenchRow[] = [];
const section = async (name: string, run: Section): Promise<void> => {
  if (!want(name)) return;
  const started = performance.now();
  try {
    rows.push(...(await run(corpus)));
  } catch (err) {
    rows.push({ name: `${name}: error`, value: 0, unit: '-', note: String(err).slice(0, 160) });
  }
  console.error(`bench: ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

const built = existsSync(cliPath);
if (!built) console.error('bench: dist/cli.js missing; run `npm run build` for the process rows');
await section('engine', benchEngine);
if (existsSync(corpus) && built) await section('charts', () => benchCharts(corpus));
if (built) {
  await section('startup', benchStartup);
  await section('helm', benchTemplateVsHelm);
}
await section('simulator', async () => (await benchSimulator()).map((r) => ({ ...r })));
if (built) {
  await section('lifecycle', benchLifecycleSimulator);
  await section('realcluster', benchLifecycleRealCluster);
}
for (const s of await optionalSections()) await section(s.name, s.run);

console.log(
  `${new Date().toISOString()}; ${type()} ${release()}; Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log(formatTable(rows));
