/**
 * Chart rendering as users run it: `node dist/cli.js template ...` for every real-chart case,
 * wall time and peak RSS of the whole process (start-up included), measured by /usr/bin/time.
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
  return rows;
}
