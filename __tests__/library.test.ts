// The library entry point (docs/design.md section 1, "The library"): loadChart + renderChart.
import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { newMap } from '../src/gotemplate/values.js';
import {
  ReleaseRenderError,
  RenderError,
  loadChart,
  mergeUserValues,
  renderChart,
} from '../src/library.js';

const example = resolve(import.meta.dirname, '..', 'examples', 'database-app');

describe('renderChart', () => {
  it('renders manifests, hooks and notes of a loaded chart', () => {
    const r = renderChart(loadChart(example), { releaseName: 'my-app', namespace: 'apps' });
    expect(r.manifests.map((m) => `${m.head.kind}/${m.head.name}`)).toEqual([
      'ConfigMap/my-app-database-app-config',
      'Service/my-app-database-app',
      'Deployment/my-app-database-app',
    ]);
    expect(r.manifest.startsWith('---\n# Source: database-app/templates/configmap.yaml\n')).toBe(
      true,
    );
    expect(r.hooks.map((h) => [h.kind, h.name, h.events.join(','), h.weight])).toEqual([
      ['ServiceAccount', 'helm-cleanup-sa', 'pre-install', -10],
      ['Role', 'helm-cleanup-role', 'pre-install', -9],
      ['RoleBinding', 'helm-cleanup-binding', 'pre-install', -8],
      ['Pod', 'my-app-database-app-test-connection', 'test', 0],
      // Equal kinds keep file order: hooks/post-delete..., post-install..., pre-delete..., pre-install...
      ['Job', 'my-app-cleanup', 'post-delete', 0],
      ['Job', 'my-app-notification', 'post-install', 0],
      ['Job', 'my-app-backup', 'pre-delete', 0],
      ['Job', 'my-app-db-init', 'pre-install', 0],
    ]);
    expect(r.notes).toContain('is installed as release my-app in namespace apps.');
  });

  it('coalesces user values over the chart defaults', () => {
    const values = mergeUserValues({ values: ['image.tag=1.22.0'] }, () => '');
    const r = renderChart(loadChart(example), { releaseName: 'a', values });
    expect(r.manifest).toContain('image: "nginx:1.22.0"');
    expect(r.manifest).toContain('imagePullPolicy: IfNotPresent');
  });

  it('reports template errors as ReleaseRenderError with the template location', () => {
    const values = newMap([['service', 'not-a-map']]);
    let err: unknown;
    try {
      renderChart(loadChart(example), { releaseName: 'a', values });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReleaseRenderError);
    const cause = (err as ReleaseRenderError).reason;
    expect(cause).toBeInstanceOf(RenderError);
    expect((cause as RenderError).location?.file).toMatch(
      /^database-app\/templates\/(service|tests\/test-connection)\.yaml$/,
    );
  });

  it('validates the release name before rendering', () => {
    expect(() => renderChart(loadChart(example), { releaseName: 'Not_Valid' })).toThrow(
      /^release name "Not_Valid": invalid release name/,
    );
  });
});

describe('the simulator with faults (issue 9)', () => {
  it('startSimulator takes fault rates parsed from the --faults syntax', async () => {
    const { parseFaults, startSimulator } = await import('../src/library.js');
    const sim = await startSimulator({ faults: parseFaults('429=1,retry-after=3,seed=1') });
    try {
      const res = await fetch(`${sim.url}/version`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(sim.faults?.injected.tooMany).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
