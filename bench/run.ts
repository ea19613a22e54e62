/**
 * `npm run bench`: engine, chart rendering and simulator figures as a Markdown table.
 * Record the results and the machine in BENCHMARKS.md.
 */
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { benchCharts } from './charts.js';
import { benchEngine } from './engine.js';
import { benchSimulator } from './simulator.js';
import { benchStartup } from './startup.js';
import { formatTable, type BenchRow } from './table.js';

const corpus =
  process.env.HOOKLINE_CONFORMANCE_DIR ??
  resolve(import.meta.dirname, '..', '..', 'shared', 'conformance');
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const rows: BenchRow[] = [];
if (want('engine')) rows.push(...benchEngine());
if (want('charts') && existsSync(corpus)) rows.push(...benchCharts(corpus));
if (want('startup')) rows.push(...benchStartup());
if (want('simulator')) rows.push(...(await benchSimulator()).map((r) => ({ ...r })));

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log(formatTable(rows));
