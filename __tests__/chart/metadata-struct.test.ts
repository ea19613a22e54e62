/**
 * `.Chart` list and map fields: nil (JSON `null`) when Chart.yaml omits them or sets them to
 * null, empty but non-nil when it writes `[]` / `{}`. helm/helm pkg/chart/metadata.go declares
 * them as slices and a map[string]string decoded by sigs.k8s.io/yaml (encoding/json leaves an
 * absent field nil and stores nil for `null`); processDependencyEnabled (pkg/chartutil
 * dependencies.go) rebuilds Metadata.Dependencies as `append(nil, kept...)`.
 */
import { describe, expect, it } from '@jest/globals';
import { decodeMetadata, validateMetadata } from '../../src/chart/metadata.js';
import { MetadataStruct } from '../../src/chart/metadata-struct.js';
import { marshalJson } from '../../src/gojson/index.js';
import { yamlToGo } from '../../src/yaml/index.js';
import { isNilSlice, type GoStruct } from '../../src/gotemplate/values.js';

const BASE = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';

function fieldJson(chartYaml: string, field: string): string {
  const md = decodeMetadata(yamlToGo(BASE + chartYaml));
  validateMetadata(md);
  return marshalJson(new MetadataStruct(md).field(field));
}

describe('nil and empty metadata collections', () => {
  it.each([
    ['Keywords', '', 'null'],
    ['Keywords', 'keywords: null\n', 'null'],
    ['Keywords', 'keywords: []\n', '[]'],
    ['Keywords', 'keywords: [a]\n', '["a"]'],
    ['Sources', '', 'null'],
    ['Sources', 'sources: []\n', '[]'],
    ['Sources', 'sources: [" x"]\n', '[" x"]'],
    ['Maintainers', '', 'null'],
    ['Maintainers', 'maintainers: []\n', '[]'],
    ['Dependencies', '', 'null'],
    ['Dependencies', 'dependencies: []\n', '[]'],
    ['Annotations', '', 'null'],
    ['Annotations', 'annotations: null\n', 'null'],
    ['Annotations', 'annotations: {}\n', '{}'],
    ['Annotations', 'annotations: {a: b}\n', '{"a":"b"}'],
  ])('%s with %j', (field, yaml, want) => {
    expect(fieldJson(yaml, field)).toBe(want);
  });

  it.each([
    ['', true],
    ['tags: []\n', false],
  ])('Dependency.Tags with %j is nil: %s', (yaml, nil) => {
    // Its JSON tag has omitempty, so nil-ness shows in the value, not in toJson.
    const md = decodeMetadata(yamlToGo(BASE + 'dependencies:\n- name: d\n  ' + yaml));
    const [dep] = new MetadataStruct(md).field('Dependencies') as GoStruct[];
    const tags = dep!.field('Tags');
    expect(isNilSlice(tags)).toBe(nil);
    expect(tags).toEqual([]);
  });

  it('a list rebuilt by other code is nil when empty', () => {
    const md = decodeMetadata(yamlToGo(BASE + 'dependencies: []\n'));
    md.dependencies = md.dependencies.filter(() => true);
    expect(marshalJson(new MetadataStruct(md).field('Dependencies'))).toBe('null');
  });
});

describe('.Chart as JSON (Helm pkg/chart/metadata.go json tags)', () => {
  it('uses the json tag names, omits empty fields and promotes the embedded metadata', async () => {
    const { marshalJson } = await import('../../src/gojson/index.js');
    const { ChartInfoStruct: Info } = await import('../../src/chart/metadata-struct.js');
    const { emptyMetadata: empty } = await import('../../src/chart/types.js');
    const md = {
      ...empty(),
      name: 'c',
      version: '0.1.0',
      apiVersion: 'v2',
      maintainers: [{ name: 'me', email: 'a@b', url: '' }],
      dependencies: [
        {
          name: 'sub',
          version: '',
          repository: '',
          condition: '',
          tags: [],
          enabled: false,
          importValues: [],
          alias: '',
        },
      ],
    };
    expect(marshalJson(new Info(md, true))).toBe(
      '{"name":"c","version":"0.1.0","maintainers":[{"name":"me","email":"a@b"}],"apiVersion":"v2","dependencies":[{"name":"sub","repository":""}],"IsRoot":true}',
    );
  });
});
