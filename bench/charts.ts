/** Chart rendering: wall time and peak memory of `hookline template` for every real-chart case. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './table.js';

interface RealCase {
  id: string;
  chart: string;
  releaseName: string;
  namespace: string;
  args: string[];
  values_files: string[];
}

export function benchCharts(corpus: string): BenchRow[] {
  const dir = join(corpus, 'real-charts');
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as RealCase[];
  const rows: BenchRow[] = [];
  let total = 0;
  let worst = { id: '', ms: 0, rss: 0 };
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
    const out = execFileSync('tsx', [join(import.meta.dirname, 'render-chart.ts'), dir, ...argv], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out) as { ms: number; maxRssMb: number; bytes: number; code: number };
    total += r.ms;
    if (r.ms > worst.ms) worst = { id: c.id, ms: r.ms, rss: r.maxRssMb };
    rows.push({
      name: `template ${c.id}`,
      value: r.ms,
      unit: 'ms',
      note: `${r.maxRssMb.toFixed(0)} MB peak RSS, ${(r.bytes / 1024).toFixed(0)} KiB out${r.code ? ', failed (expected for error cases)' : ''}`,
    });
  }
  rows.push({
    name: 'template: all real-chart cases',
    value: total,
    unit: 'ms',
    note: `${cases.length} cases`,
  });
  rows.push({
    name: `template: slowest (${worst.id})`,
    value: worst.ms,
    unit: 'ms',
    note: `${worst.rss.toFixed(0)} MB peak RSS`,
  });
  return rows;
}
