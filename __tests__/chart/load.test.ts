// Chart loading: helm pkg/chart/loader/{load,directory,archive}.go and pkg/chart/metadata.go
// (v3.21). Every conformance chart loads; Chart.yaml validation errors; .Files inclusion (7.1).
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadChart } from '../../src/chart/directory.js';
import { loadFiles, ChartLoadError } from '../../src/chart/load.js';
import { chartFullPath, type BufferedFile, type Chart } from '../../src/chart/types.js';

const CONFORMANCE = '/work/shared/conformance';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, text: string): BufferedFile => ({ name, data: enc(text) });

/** Top-level chart directories: <suite>/charts/<name> and helm-template/charts/testcharts/<name>. */
function conformanceCharts(): string[] {
  const out: string[] = [];
  for (const suite of readdirSync(CONFORMANCE)) {
    let base = path.join(CONFORMANCE, suite, 'charts');
    if (!existsSync(base)) continue;
    if (existsSync(path.join(base, 'testcharts'))) base = path.join(base, 'testcharts');
    for (const name of readdirSync(base)) {
      const dir = path.join(base, name);
      if (statSync(dir).isDirectory() && existsSync(path.join(dir, 'Chart.yaml'))) out.push(dir);
    }
  }
  return out.sort();
}

const INVALID = new Map([
  // Chart.yaml says `type: Library`: Helm rejects it at load time (README: lib-chart).
  [
    'helm-template/charts/testcharts/lib-chart',
    'validation: chart.metadata.type must be application or library',
  ],
  [
    'helm-template/charts/testcharts/chart-bad-type',
    'validation: chart.metadata.type must be application or library',
  ],
]);

describe('every conformance chart loads', () => {
  const charts = conformanceCharts();
  it('finds the corpus', () => {
    expect(charts.length).toBeGreaterThan(100);
  });
  it.each(charts.map((d) => [path.relative(CONFORMANCE, d), d]))('%s', (rel, dir) => {
    const expected = INVALID.get(rel);
    if (expected) {
      expect(() => loadChart(dir)).toThrow(expected);
      return;
    }
    const c = loadChart(dir);
    expect(c.metadata.name).not.toBe('');
  });
});

describe('the subchart test chart', () => {
  const c = loadChart(`${CONFORMANCE}/helm-template/charts/testcharts/subchart`);

  it('names subcharts by Chart.yaml name and builds full paths', () => {
    const paths = (x: Chart): string[] => [chartFullPath(x), ...x.dependencies.flatMap(paths)];
    expect(paths(c)).toEqual([
      'subchart',
      'subchart/charts/subcharta',
      'subchart/charts/subchartb',
    ]);
  });

  it('7.1: .Files excludes Chart.yaml, values.yaml, templates/ and charts/ but keeps crds/', () => {
    expect(c.files.map((f) => f.name).sort()).toEqual(['crds/crdA.yaml', 'extra_values.yaml']);
    expect(c.templates.every((t) => t.name.startsWith('templates/'))).toBe(true);
  });
});

describe('loadFiles (load.go)', () => {
  const chartYaml = file('Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n');

  it('7.1: routes files: values, schema, lock, .prov under charts/, everything else to Files', () => {
    const c = loadFiles([
      chartYaml,
      file('values.yaml', 'a: 1\n'),
      file('values.schema.json', '{}'),
      file('Chart.lock', 'digest: x\n'),
      file('templates/a.yaml', 'x'),
      file('charts/sub-1.0.0.tgz.prov', 'sig'),
      file('crds/c.yaml', 'x'),
      file('.helmignore', '*.bak'),
      file('requirements.yaml', 'dependencies: []\n'),
    ]);
    expect(c.values).toEqual(Object.assign(Object.create(null), { a: 1 }));
    expect(c.schema).not.toBeNull();
    expect(c.lock?.digest).toBe('x');
    expect(c.files.map((f) => f.name)).toEqual([
      'charts/sub-1.0.0.tgz.prov',
      'crds/c.yaml',
      '.helmignore',
    ]);
    expect(c.raw).toHaveLength(9);
  });

  it('v1 charts keep requirements.* as Files and default apiVersion to v1', () => {
    const c = loadFiles([
      file('Chart.yaml', 'name: c\nversion: 1.0.0\n'),
      file('requirements.yaml', 'dependencies:\n- name: d\n  version: 1.x\n'),
      file('requirements.lock', 'digest: abc\n'),
    ]);
    expect(c.metadata.apiVersion).toBe('v1');
    expect(c.metadata.dependencies.map((d) => d.name)).toEqual(['d']);
    expect(c.files.map((f) => f.name)).toEqual(['requirements.yaml', 'requirements.lock']);
  });

  it('warns that v2 charts should not use requirements.yaml', () => {
    const warnings: string[] = [];
    loadFiles([chartYaml, file('requirements.yaml', 'dependencies: []\n')], {
      warn: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([
      'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
    ]);
  });

  it('skips charts/ entries starting with _ or . and wraps subchart errors', () => {
    const c = loadFiles([
      chartYaml,
      file('charts/_x/Chart.yaml', 'bad'),
      file('charts/.y/Chart.yaml', 'bad'),
    ]);
    expect(c.dependencies).toHaveLength(0);
    expect(() => loadFiles([chartYaml, file('charts/sub/values.yaml', 'a: 1\n')])).toThrow(
      'error unpacking subchart sub in c: Chart.yaml file is missing',
    );
  });

  it('a subchart tar named unlike its entry is returned as is; deeper down, wrapped by its parent', () => {
    const sub = file('charts/sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 1.0.0\n');
    expect(() => loadFiles([chartYaml, file('charts/x.tgz/foo', '')])).toThrow(
      new ChartLoadError('error unpacking subchart tar in c: expected x.tgz, got x.tgz/foo'),
    );
    expect(() => loadFiles([chartYaml, sub, file('charts/sub/charts/x.tgz/foo', '')])).toThrow(
      new ChartLoadError(
        'error unpacking subchart sub in c: error unpacking subchart tar in sub: expected x.tgz, got x.tgz/foo',
      ),
    );
  });

  it.each([
    ['name: c\n', 'validation: chart.metadata.version is required'],
    ['apiVersion: v2\nversion: 1.0.0\n', 'validation: chart.metadata.name is required'],
    [
      'apiVersion: v2\nname: ..\nversion: 1.0.0\n',
      'validation: chart.metadata.name ".." is not allowed',
    ],
    [
      'apiVersion: v2\nname: a/b\nversion: 1.0.0\n',
      'validation: chart.metadata.name "a/b" is invalid',
    ],
    [
      'apiVersion: v2\nname: c\nversion: one\n',
      'validation: chart.metadata.version "one" is invalid',
    ],
    [
      'apiVersion: v2\nname: c\nversion: 1.0.0\ntype: Library\n',
      'validation: chart.metadata.type must be application or library',
    ],
    [
      'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: d\n  alias: "a b"\n',
      'validation: dependency "d" has disallowed characters in the alias',
    ],
    [
      'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: d\n- name: e\n  alias: d\n',
      'validation: more than one dependency with name or alias "d"',
    ],
    [
      'apiVersion: v2\nname: c\nversion: 1.0\n',
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Metadata.version of type string',
    ],
    ['apiVersion: v2\nname: c\nversion: v1.2\n', ''],
    [
      'apiVersion: v2\nname: c\nversion: 1.0.0\nappVersion: 1.0\n',
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Metadata.appVersion of type string',
    ],
    [
      'apiVersion: v2\nname: c\nversion: 1.0.0\nmaintainers:\n- null\n',
      'validation: maintainers must not contain empty or null nodes',
    ],
    [
      'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- ~\n',
      'validation: dependencies must not contain empty or null nodes',
    ],
    [
      'apiVersion: v2\nversion: 1.0.0\nname: c\ndescription: 5\n',
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Metadata.description of type string',
    ],
  ] as const)('Chart.yaml %j', (text, message) => {
    const load = (): Chart => loadFiles([file('Chart.yaml', text)]);
    if (message === '') expect(load().metadata.version).toBe('v1.2');
    else expect(load).toThrow(message);
  });

  it('requires Chart.yaml', () => {
    expect(() => loadFiles([file('values.yaml', '')])).toThrow(
      new ChartLoadError('Chart.yaml file is missing'),
    );
  });

  it('sanitises metadata strings like Go (whitespace → space, non-printables dropped)', () => {
    const c = loadFiles([
      file('Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\ndescription: "a\\tb\\u0007c"\n'),
    ]);
    expect(c.metadata.description).toBe('a bc');
  });

  it('reads the testcharts archive dependency', () => {
    const c = loadChart(
      `${CONFORMANCE}/helm-template/charts/testcharts/chart-with-template-lib-archive-dep`,
    );
    expect(c.dependencies.map((d) => [d.metadata.name, d.metadata.type])).toEqual([
      ['common', 'library'],
    ]);
    expect(
      readFileSync(
        `${CONFORMANCE}/helm-template/charts/testcharts/chart-with-template-lib-archive-dep/charts/common-0.0.5.tgz`,
      ).length,
    ).toBeGreaterThan(0);
  });
});
