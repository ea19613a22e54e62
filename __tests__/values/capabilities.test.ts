// .Capabilities: helm pkg/chartutil/capabilities.go (v3.21.4) and the README's notes on
// --kube-version / --api-versions; ToRenderValues (pkg/chartutil/values.go) and chartutil.Values.
import { describe, expect, it } from '@jest/globals';
import { TemplateSet } from '../../src/gotemplate/template.js';
import { GoInt } from '../../src/gotemplate/values.js';
import {
  defaultCapabilities,
  parseKubeVersion,
  KubeVersionError,
  DEFAULT_KUBE_VERSION,
} from '../../src/values/capabilities.js';
import { toRenderValues } from '../../src/values/render-values.js';
import { asValues } from '../../src/values/values-object.js';
import { SchemaValidationError } from '../../src/values/schema.js';
import { buildChart, goMap } from './helpers.js';

function render(tpl: string, data: Parameters<TemplateSet['execute']>[1]): string {
  const set = new TemplateSet({ funcs: new Map() });
  set.parse('t', tpl);
  return set.execute('t', data);
}

describe('KubeVersion', () => {
  it.each([
    ['1.20.0', 'v1.20.0', '1', '20'],
    ['v1.16.0', 'v1.16.0', '1', '16'],
    ['1.27', 'v1.27.0', '1', '27'],
    ['1.30.2-rc.1', 'v1.30.2-rc.1', '1', '30'],
  ] as const)('--kube-version %s', (input, version, major, minor) => {
    const kv = parseKubeVersion(input);
    expect([kv.version, kv.major, kv.minor]).toEqual([version, major, minor]);
  });

  it('rejects what Masterminds semver rejects', () => {
    expect(() => parseKubeVersion('one.two')).toThrow(KubeVersionError);
    expect(() => parseKubeVersion('one.two')).toThrow(
      "invalid kube version 'one.two': Invalid Semantic Version",
    );
  });

  it('defaults to v1.36.0 (client-go v0.36 release builds)', () => {
    expect([
      DEFAULT_KUBE_VERSION.version,
      DEFAULT_KUBE_VERSION.major,
      DEFAULT_KUBE_VERSION.minor,
    ]).toEqual(['v1.36.0', '1', '36']);
  });
});

describe('Capabilities in templates', () => {
  const caps = defaultCapabilities({ kubeVersion: '1.20.0', apiVersions: ['helm.k8s.io/test'] });
  it.each([
    ['{{ .Capabilities.KubeVersion.Version }}', 'v1.20.0'],
    ['{{ .Capabilities.KubeVersion.GitVersion }}', 'v1.20.0'],
    ['{{ .Capabilities.KubeVersion }}', 'v1.20.0'],
    ['{{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}', '1.20'],
    ['{{ .Capabilities.APIVersions.Has "apps/v1" }}', 'true'],
    ['{{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }}', 'false'],
    ['{{ .Capabilities.APIVersions.Has "apiextensions.k8s.io/v1" }}', 'true'],
    ['{{ .Capabilities.APIVersions.Has "helm.k8s.io/test" }}', 'true'],
    ['{{ .Capabilities.HelmVersion.Version }}', 'v3.21.4'],
    ['{{ .Capabilities.HelmVersion.GitTreeState }}', 'clean'],
  ] as const)('%s', (tpl, want) => {
    expect(render(tpl, Object.assign(goMap({}), { Capabilities: caps }))).toBe(want);
  });
});

describe('toRenderValues', () => {
  const chart = buildChart({ name: 'demo', version: '1.2.3', values: { a: 1, b: { c: 'd' } } });
  const release = { name: 'rel', namespace: 'ns', revision: 1, isInstall: true, isUpgrade: false };

  it('builds Release, Chart, Capabilities and coalesced Values', () => {
    const top = toRenderValues(chart, goMap({ a: 2 }), release);
    expect(
      render(
        '{{.Release.Name}} {{.Release.Namespace}} {{.Release.Revision}} {{.Release.IsInstall}} {{.Release.IsUpgrade}} {{.Release.Service}}',
        top,
      ),
    ).toBe('rel ns 1 true false Helm');
    expect((top['Release'] as Record<string, unknown>)['Revision']).toEqual(new GoInt(1, 'int'));
    expect(render('{{.Chart.Name}}-{{.Chart.Version}} {{.Chart.APIVersion}}', top)).toBe(
      'demo-1.2.3 v2',
    );
    expect(render('{{.Values.a}} {{.Values.b.c}}', top)).toBe('2 d');
  });

  it('validates against the chart schema unless skipped', () => {
    const strict = { ...chart, schema: new TextEncoder().encode('{"required":["z"]}') };
    expect(() => toRenderValues(strict, goMap({}), release)).toThrow(SchemaValidationError);
    expect(() =>
      toRenderValues(strict, goMap({}), release, { skipSchemaValidation: true }),
    ).not.toThrow();
  });

  it('chartutil.Values methods: Table, PathValue, AsMap, YAML', () => {
    const v = asValues(goMap({ a: { b: { c: 1 } }, s: 'x' }));
    expect(render('{{ .Table "a.b" }}', v)).toBe('map[c:1]');
    expect(render('{{ .PathValue "a.b.c" }}', v)).toBe('1');
    expect(render('{{ .AsMap.s }}', v)).toBe('x');
    expect(render('{{ .YAML }}', v)).toBe('a:\n  b:\n    c: 1\ns: x\n');
  });
});
