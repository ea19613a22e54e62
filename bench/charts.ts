/**
 * Chart rendering as users run it: `node dist/cli.js template ...` for every real-chart case,
 * wall time and peak RSS of the whole process (start-up included), measured by /usr/bin/time.
 * Then the render alone (issue 10): `template` run in-process from dist/ in a fresh process for
 * a small chart and kube-prometheus-stack, its wall time and the main thread's CPU time (which
 * stays meaningful on a shared machine), module loading excluded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow } from './table.js';

interface RealCase {
  id: string;
  chart: string;
  releaseName: string;
  namespace: string;
  args: string[];
  values_files: string[];
  expect_error: boolean;
}

const root = resolve(import.meta.dirname, '..');

function measure(dir: string, argv: string[]): { seconds: number; rssMb: number; bytes: number } {
  const cli = join(root, 'dist', 'cli.js');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...argv], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  return { seconds: seconds ?? NaN, rssMb: (kb ?? NaN) / 1024, bytes: Buffer.byteLength(r.stdout) };
}

/**
 * A fresh process that loads `template`'s program (dist/template.cjs, with the young-generation
 * flag the bin sets for it; its functions compiled on first use, as without a code cache), then
 * times `run(['template', ...])` alone; stdout is discarded.
 */
const IN_PROCESS = `
const [bundle, bin, chart] = process.argv.slice(1);
require('node:module').enableCompileCache?.();
require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
const { run } = require(bundle);
process.stdout.write = (_s, ...rest) => {
  const cb = rest.find((r) => typeof r === 'function');
  if (cb) cb();
  return true;
};
const cpu0 = process.threadCpuUsage();
const t0 = performance.now();
run(require('node:url').pathToFileURL(bin), ['template', 'bench', chart, '--namespace', 'bench']).then((code) => {
  const wall = performance.now() - t0;
  const cpu = process.threadCpuUsage(cpu0);
  process.stderr.write(JSON.stringify({ code, wall, cpu: (cpu.user + cpu.system) / 1000 }) + '\\n');
});
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
}

type InProcess = { wall: number; cpu: number } | { error: string };

/** `template` of `chart` in-process (see IN_PROCESS), medians of `runs` fresh processes. */
function renderInProcess(chart: string, runs: number): InProcess {
  const bundle = join(root, 'dist', 'template.cjs');
  if (!existsSync(bundle)) return { error: 'no dist/template.cjs: run npm run build' };
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(
      process.execPath,
      ['-e', IN_PROCESS, bundle, join(root, 'dist', 'cli.js'), chart],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const line = r.stderr.trim().split('\n').pop() ?? '';
    let m: { code: number; wall: number; cpu: number };
    try {
      m = JSON.parse(line) as typeof m;
    } catch {
      return { error: line.slice(0, 120) || `exit ${r.status}` };
    }
    if (m.code !== 0) return { error: `exit ${m.code}` };
    walls.push(m.wall);
    cpus.push(m.cpu);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

export function renderRows(corpus: string): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const name of ['prometheus-node-exporter', 'kube-prometheus-stack']) {
    const chart = join(corpus, 'real-charts', 'charts', name);
    if (!existsSync(chart)) continue;
    const m = renderInProcess(chart, 5);
    rows.push({
      name: `render in-process: ${name} (main-thread CPU)`,
      value: 'error' in m ? NaN : m.cpu,
      unit: 'ms',
      note:
        'error' in m
          ? `failed: ${m.error}`
          : `wall ${m.wall.toFixed(0)} ms; module loading excluded; median of 5`,
    });
  }
  return rows;
}

export function benchCharts(corpus: string): BenchRow[] {
  if (!existsSync('/usr/bin/time'))
    return [{ name: 'charts (needs /usr/bin/time)', value: 0, unit: '-' }];
  const dir = join(corpus, 'real-charts');
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as RealCase[];
  const rows: BenchRow[] = [];
  let total = 0;
  let worst = { id: '', ms: 0, rss: 0 };
  let maxRss = { id: '', rss: 0 };
  for (const c of cases) {
    const argv = [
      'template',
      c.releaseName,
      c.chart,
      '--namespace',
      c.namespace,
      ...c.args,
      ...c.values_files.flatMap((f) => ['-f', f]),
    ];
    const m = measure(dir, argv);
    const ms = m.seconds * 1000;
    total += ms;
    if (ms > worst.ms) worst = { id: c.id, ms, rss: m.rssMb };
    if (m.rssMb > maxRss.rss) maxRss = { id: c.id, rss: m.rssMb };
    rows.push({
      name: `template ${c.id}`,
      value: ms,
      unit: 'ms',
      note: `${m.rssMb.toFixed(0)} MB peak RSS, ${(m.bytes / 1024).toFixed(0)} KiB out${c.expect_error ? ' (fails, as expected)' : ''}`,
    });
  }
  rows.push({
    name: 'template: all real-chart cases',
    value: total,
    unit: 'ms',
    note: `${cases.length} processes`,
  });
  rows.push({
    name: `template: slowest (${worst.id})`,
    value: worst.ms,
    unit: 'ms',
    note: `${worst.rss.toFixed(0)} MB peak RSS`,
  });
  rows.push({ name: `template: most memory (${maxRss.id})`, value: maxRss.rss, unit: 'MB' });
  rows.push(...renderRows(corpus));
  return rows;
}
