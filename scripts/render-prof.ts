// Engine-only render timing for profiling (not part of the build): loads a chart once, then
// renders it N times through renderChart and prints the median. Usage:
//   tsx scripts/render-prof.ts CHART_DIR [N]
import { loadChart } from '../src/chart/directory.js';
import { renderChart } from '../src/lifecycle/render-chart.js';
import { installNodeEnvironment } from '../src/node-environment.js';

installNodeEnvironment();

function main(): void {
  const dir = process.argv[2]!;
  const n = Number(process.argv[3] ?? '5');
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const chart = loadChart(dir);
    const t0 = performance.now();
    const r = renderChart(chart, { releaseName: 'rel', namespace: 'monitoring' });
    times.push(performance.now() - t0);
    bytes = r.manifest.length;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${dir}: median ${times[Math.floor(n / 2)]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times[n - 1]!.toFixed(1)} ms, ${bytes} bytes`,
  );
}
main();
