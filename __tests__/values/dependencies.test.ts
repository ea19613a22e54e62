// Dependencies: helm pkg/chartutil/dependencies.go ProcessDependenciesWithMerge (v3.21) and
// dependencies_test.go. VAL-9 (matching, aliases), VAL-10 (tags, conditions), VAL-11 (import-values).
import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { loadChart } from '../../src/chart/directory.js';
import { loadFiles } from '../../src/chart/load.js';
import { processDependencies } from '../../src/values/dependencies.js';
import { chartFullPath, type Chart } from '../../src/chart/types.js';
import { mergeUserValues } from '../../src/values/options.js';
import { coalesceValues } from '../../src/values/coalesce.js';
import { at, buildChart, goMap } from './helpers.js';

const SUBCHART = '/work/shared/conformance/helm-template/charts/testcharts/subchart';

function names(c: Chart): string[] {
  return [chartFullPath(c), ...c.dependencies.flatMap(names)].sort();
}

function processed(sets: string[], files: string[] = []): Chart {
  const chart = loadChart(SUBCHART);
  const user = mergeUserValues(
    { values: sets, valueFiles: files.map((f) => path.join(SUBCHART, f)) },
    (p) => readFileSync(p),
  );
  processDependencies(chart, user);
  return chart;
}

describe('testcharts/subchart: tags and conditions (VAL-10)', () => {
  const A = 'subchart/charts/subcharta';
  const B = 'subchart/charts/subchartb';
  it.each([
    [[], [A, B]],
    [['subchartb.enabled=false'], [A]],
    [['subcharta.enabled=false,subchartb.enabled=false'], []],
    [['tags.front-end=false'], []],
    [['tags.front-end=false,tags.subcharta=true'], [A]],
    [['tags.front-end=false,subchartb.enabled=true'], [B]],
    [['tags.front-end=true,subcharta.enabled=false'], [B]],
    [['subcharta.enabled=notabool'], [A, B]],
  ] as const)('--set %j keeps %j', (sets, kept) => {
    expect(names(processed([...sets]))).toEqual(['subchart', ...kept].sort());
  });

  it('drops disabled entries from the metadata too', () => {
    const c = processed(['subchartb.enabled=false']);
    expect(c.metadata.dependencies.map((d) => d.name)).toEqual(['subcharta']);
  });

  it('warns about non-bool conditions and tags', () => {
    const chart = loadChart(SUBCHART);
    const warnings: string[] = [];
    processDependencies(chart, goMap({ subcharta: { enabled: 'yes' }, tags: { 'front-end': 1 } }), {
      printf: (m) => warnings.push(m),
    });
    expect(warnings).toEqual(
      expect.arrayContaining([
        "Warning: Tag 'front-end' for chart subcharta returned non-bool value",
        "Warning: Condition path 'subcharta.enabled' for chart subcharta returned non-bool value",
      ]),
    );
  });
});

describe('testcharts/subchart: import-values (VAL-11)', () => {
  const c = processed([]);
  const v = c.values;

  it('map form copies child tables to parent paths, below the parent values', () => {
    expect(at(v, ['imported-chartA'])).toEqual(
      goMap({
        SC1extra2: 1.337,
        SCAbool: false,
        SCAfloat: 3.1,
        SCAint: 55,
        SCAstring: 'jabba',
        SCAnested1: { SCAnested2: true },
      }),
    );
    expect(at(v, ['overridden-chartA'])).toEqual(
      goMap({
        SCAbool: true,
        SCAfloat: 3.14,
        SCAint: 100,
        SCAstring: 'jabbathehut',
        SC1extra3: true,
        SCAnested1: { SCAnested2: true },
      }),
    );
    expect(at(v, ['imported-chartA-B', 'SCBstring'])).toBe('boba');
    expect(at(v, ['imported-chartA-B', 'SCAstring'])).toBe('jabba');
    expect(at(v, ['imported-chartA-B', 'SC1extra5'])).toBe('tiller');
    expect(at(v, ['exports', 'SCBexported2', 'SCBexported2A'])).toBe('blaster');
  });

  it('string form imports exports.<name> into the root; parent values still win', () => {
    expect(at(v, ['SCBexported1A'])).toEqual(goMap({ SCBexported1B: 1965, SC1extra7: true }));
    expect(at(v, ['configmap'])).toEqual(goMap({ enabled: false, value: 'foo' }));
  });

  it('rewrites import-values to the {child, parent} form', () => {
    const b = c.metadata.dependencies.find((d) => d.name === 'subchartb');
    expect(b?.importValues).toEqual([
      goMap({ child: 'SCBdata', parent: 'imported-chartB' }),
      goMap({ child: 'SCBdata', parent: 'imported-chartA-B' }),
      goMap({ child: 'exports.SCBexported2', parent: 'exports.SCBexported2' }),
      goMap({ child: 'exports.configmap', parent: '.' }),
      goMap({ child: 'exports.SCBexported1', parent: '.' }),
    ]);
  });

  it('user values still override imported ones after coalescing (values file)', () => {
    const chart = processed([], ['extra_values.yaml']);
    const user = goMap({ configmap: { enabled: true, value: 'qux' } });
    expect(at(coalesceValues(chart, user), ['configmap', 'value'])).toBe('qux');
  });
});

describe('in-memory charts (dependencies_test.go)', () => {
  it('VAL-9: aliases make renamed copies; version ranges must match', () => {
    const c = buildChart({
      name: 'parent',
      requirements: [
        { name: 'child', version: '^1.0.0', alias: 'first' },
        { name: 'child', version: '~1.2.0', alias: 'second' },
        { name: 'child', version: '>=2.0.0', alias: 'never' },
      ],
      dependencies: [{ name: 'child', version: '1.2.3', values: { x: 1 } }],
    });
    processDependencies(c, goMap({}));
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['first', 'second']);
    expect(c.dependencies.every((d) => d.parent === c)).toBe(true);
    expect(c.metadata.dependencies.map((d) => d.name)).toEqual(['first', 'second', 'never']);
  });

  it('VAL-9: subcharts not listed in dependencies are always kept', () => {
    const c = buildChart({
      name: 'p',
      requirements: [{ name: 'listed', version: '*', condition: 'listed.enabled' }],
      dependencies: [{ name: 'listed' }, { name: 'unlisted' }],
    });
    processDependencies(c, goMap({ listed: { enabled: false } }));
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['unlisted']);
  });

  it('VAL-10: without `dependencies` in Chart.yaml Helm does not recurse into subcharts', () => {
    const chart = (rootDeps: string) =>
      loadFiles(
        [
          ['Chart.yaml', `apiVersion: v2\nname: p\nversion: 1.0.0\n${rootDeps}`],
          [
            'charts/mid/Chart.yaml',
            'apiVersion: v2\nname: mid\nversion: 1.0.0\ndependencies:\n- name: leaf\n  version: "*"\n  condition: leaf.enabled\n',
          ],
          ['charts/mid/values.yaml', 'leaf:\n  enabled: false\n'],
          ['charts/mid/charts/leaf/Chart.yaml', 'apiVersion: v2\nname: leaf\nversion: 1.0.0\n'],
        ].map(([name, text]) => ({ name: name!, data: new TextEncoder().encode(text) })),
      );
    // Go returns early on a nil Metadata.Dependencies: mid's own condition is never evaluated.
    const absent = chart('');
    processDependencies(absent, goMap({}));
    expect(names(absent)).toEqual(['p', 'p/charts/mid', 'p/charts/mid/charts/leaf']);
    // An explicit empty list is processed, so the recursion reaches mid and disables leaf.
    const empty = chart('dependencies: []\n');
    processDependencies(empty, goMap({}));
    expect(names(empty)).toEqual(['p', 'p/charts/mid']);
  });

  it('VAL-10: the first condition path that resolves to a bool decides; nested paths are prefixed', () => {
    const c = buildChart({
      name: 'p',
      requirements: [{ name: 'mid', version: '*', condition: 'missing.path,mid.on,mid.off' }],
      dependencies: [
        {
          name: 'mid',
          values: { on: true, off: false },
          requirements: [{ name: 'leaf', version: '*', condition: 'leaf.enabled' }],
          dependencies: [{ name: 'leaf' }],
        },
      ],
    });
    processDependencies(c, goMap({ mid: { leaf: { enabled: false } } }));
    expect(names(c)).toEqual(['p', 'p/charts/mid']);
  });

  it('VAL-11: a scalar at an import path is skipped with a warning', () => {
    const c = buildChart({
      name: 'p',
      requirements: [
        {
          name: 'c',
          version: '*',
          importValues: ['nothere', goMap({ child: 'scalar', parent: 'x' })],
        },
      ],
      dependencies: [{ name: 'c', values: { scalar: 1 } }],
    });
    const warnings: string[] = [];
    processDependencies(c, goMap({}), { printf: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      'Warning: ImportValues missing table: "exports" is not a table',
      'Warning: ImportValues missing table from chart c: "scalar" is not a table',
    ]);
  });
});
