/** Start-up of the bundled CLI and the bundle's size (design.md section 5). */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow } from './table.js';

export function benchStartup(): BenchRow[] {
  const cli = join(resolve(import.meta.dirname, '..'), 'dist', 'cli.js');
  const runs = 10;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, [cli, 'help'], { encoding: 'utf8' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [
    {
      name: 'start-up: dist/cli.js help (median of 10)',
      value: times[Math.floor(runs / 2)]!,
      unit: 'ms',
    },
    { name: 'bundle size: dist/cli.js', value: statSync(cli).size / 1024, unit: 'KiB' },
  ];
}
