/**
 * `template` against the real Helm in the same run (issue 10): a small chart
 * (prometheus-node-exporter) and kube-prometheus-stack from ../shared/conformance/real-charts,
 * whole processes as users run them (`node dist/cli.js template …`, `helm template …`), medians
 * of 5 after one unmeasured run each (hookline's fills Node's compile cache, as a user's first
 * run does), wall time, CPU time and peak RSS, with the ratios hookline/Helm. CPU time stays
 * meaningful on a shared machine where wall time does not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, helmBinary, medianOf, shared } from './proc.js';
import type { BenchRow } from './table.js';

const RUNS = 5;

const CHARTS = [
  { label: 'small chart (prometheus-node-exporter)', dir: 'prometheus-node-exporter' },
  { label: 'kube-prometheus-stack', dir: 'kube-prometheus-stack' },
] as const;

export function benchTemplateVsHelm(): BenchRow[] {
  const charts = join(shared, 'conformance', 'real-charts', 'charts');
  if (!existsSync(charts))
    return [{ name: 'template vs Helm (no real-charts corpus)', value: 0, unit: '-' }];
  const helm = helmBinary();
  const rows: BenchRow[] = [];
  for (const c of CHARTS) {
    const chart = join(charts, c.dir);
    const args = ['template', 'bench', chart, '--namespace', 'bench'];
    medianOf(1, process.execPath, [cliPath, ...args]);
    const ours = medianOf(RUNS, process.execPath, [cliPath, ...args]);
    const note =
      ours.status === 0 ? `median of ${RUNS}` : `exit ${ours.status}: ${ours.stderr.slice(0, 80)}`;
    rows.push({ name: `template ${c.label}: hookline wall`, value: ours.ms, unit: 'ms', note });
    rows.push({ name: `template ${c.label}: hookline peak RSS`, value: ours.rssMb, unit: 'MB' });
    rows.push({
      name: `template ${c.label}: hookline CPU (user+sys)`,
      value: ours.cpuMs,
      unit: 'ms',
    });
    if (!helm) continue;
    medianOf(1, helm, args);
    const theirs = medianOf(RUNS, helm, args);
    rows.push({
      name: `template ${c.label}: Helm 3.15.4 wall`,
      value: theirs.ms,
      unit: 'ms',
      note: `median of ${RUNS}`,
    });
    rows.push({
      name: `template ${c.label}: Helm 3.15.4 peak RSS`,
      value: theirs.rssMb,
      unit: 'MB',
    });
    rows.push({
      name: `template ${c.label}: Helm 3.15.4 CPU (user+sys)`,
      value: theirs.cpuMs,
      unit: 'ms',
    });
    rows.push({
      name: `template ${c.label}: wall ratio hookline/Helm`,
      value: ours.ms / theirs.ms,
      unit: 'x',
      note: c.dir === 'kube-prometheus-stack' ? 'target <= 0.7' : 'target <= 1.0',
    });
    rows.push({
      name: `template ${c.label}: CPU ratio hookline/Helm`,
      value: ours.cpuMs / theirs.cpuMs,
      unit: 'x',
    });
    rows.push({
      name: `template ${c.label}: peak RSS ratio hookline/Helm`,
      value: ours.rssMb / theirs.rssMb,
      unit: 'x',
      note: c.dir === 'kube-prometheus-stack' ? '' : 'target <= 2',
    });
  }
  return rows;
}
