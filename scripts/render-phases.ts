// Engine-only phase timings of one cold render (profiling aid, not part of the build):
//   tsx scripts/render-phases.ts CHART_DIR
import { loadChart } from '../src/chart/directory.js';
import { processDependencies } from '../src/values/dependencies.js';
import { render } from '../src/engine/engine.js';
import { newMap } from '../src/gotemplate/values.js';
import { sortManifests } from '../src/manifest/sort.js';
import { defaultCapabilities } from '../src/values/capabilities.js';
import { toRenderValues } from '../src/values/render-values.js';
import { installNodeEnvironment } from '../src/node-environment.js';

installNodeEnvironment();

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dir = process.argv[2]!;
const rounds = Number(process.argv[3] ?? '1');
for (let i = 0; i < rounds; i++) {
  const t: number[] = [cpuMs()];
  const chart = loadChart(dir);
  t.push(cpuMs());
  const user = newMap();
  processDependencies(chart, user, { printf: () => undefined });
  const values = toRenderValues(
    chart,
    user,
    { name: 'rel', namespace: 'monitoring', revision: 1, isInstall: true, isUpgrade: false },
    {
      capabilities: defaultCapabilities({ apiVersions: [] }),
      skipSchemaValidation: false,
      printf: () => undefined,
    },
  );
  t.push(cpuMs());
  const files = render(chart, values, {});
  t.push(cpuMs());
  // renderResources takes NOTES.txt out before sorting; so does this.
  for (const k of [...files.keys()]) if (k.endsWith('NOTES.txt')) files.delete(k);
  const sorted = sortManifests(files);
  t.push(cpuMs());
  const d = (a: number) => (t[a + 1]! - t[a]!).toFixed(0).padStart(5);
  console.log(
    `load ${d(0)} ms | values ${d(1)} ms | engine ${d(2)} ms | sort ${d(3)} ms | total ${(t[4]! - t[0]!).toFixed(0)} ms cpu (${sorted.manifests.length} docs)`,
  );
}
