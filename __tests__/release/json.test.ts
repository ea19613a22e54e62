// Release JSON as Helm 3 writes it (ST-10, ST-11, section 5.3). Expectations are written by
// hand from helm/helm v3.21 pkg/release/{release,info,hook}.go and pkg/chart/*.go struct tags
// and Go's encoding/json rules (field order, omitempty, HTML-safe escaping, sorted map keys).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { goldenRelease, mockRelease } from '../../__fixtures__/releases.js';
import { emptyMetadata, type Chart } from '../../src/chart/types.js';
import { newMap } from '../../src/gotemplate/values.js';
import { hookJson, releaseToJson, writeJson } from '../../src/release/json-encode.js';
import type { Hook } from '../../src/release/hook.js';
import { emptyInfo, storedChart, type Release } from '../../src/release/types.js';

const golden = readFileSync(
  resolve(import.meta.dirname, '../../__fixtures__/golden/release-with-hooks.golden'),
  'utf8',
).trimEnd();

function bare(over: Partial<Release> = {}): Release {
  return {
    name: '',
    info: emptyInfo(),
    chart: null,
    config: null,
    manifest: '',
    hooks: [],
    version: 0,
    namespace: '',
    labels: {},
    ...over,
  };
}

const hook = (over: Partial<Hook> = {}): Hook => ({
  name: '',
  kind: '',
  path: '',
  manifest: '',
  events: [],
  last_run: { started_at: '', completed_at: '', phase: '' },
  weight: 0,
  delete_policies: [],
  output_log_policies: [],
  ...over,
});

describe('releaseToJson: golden record with hooks (section 5.3)', () => {
  it('is byte-identical to the hand-written Helm 3 JSON', () => {
    expect(releaseToJson(goldenRelease())).toBe(golden);
  });

  it('does not serialise labels (json:"-", ST-7)', () => {
    expect(releaseToJson(goldenRelease())).not.toContain('team');
  });
});

describe('omitempty rules (pkg/release/release.go, info.go)', () => {
  it.each<[string, Release, string]>([
    [
      'zero record: helm times always present as "" (ST-10)',
      bare(),
      '{"info":{"first_deployed":"","last_deployed":"","deleted":""}}',
    ],
    [
      'empty config map is omitted like nil',
      bare({ config: newMap() }),
      '{"info":{"first_deployed":"","last_deployed":"","deleted":""}}',
    ],
    [
      'uninstalled record keeps its deleted time',
      bare({
        name: 'a',
        version: 2,
        namespace: 'ns',
        info: {
          ...emptyInfo(),
          deleted: '2024-01-01T00:00:00Z',
          status: 'uninstalled',
          description: 'Uninstallation complete',
        },
      }),
      '{"name":"a","info":{"first_deployed":"","last_deployed":"","deleted":"2024-01-01T00:00:00Z","description":"Uninstallation complete","status":"uninstalled"},"version":2,"namespace":"ns"}',
    ],
  ])('%s', (_name, rel, want) => {
    expect(releaseToJson(rel)).toBe(want);
  });
});

describe('hook JSON (pkg/release/hook.go; ST-11)', () => {
  it.each<[string, Hook, string]>([
    [
      'never-run hook: last_run present, phase ""',
      hook(),
      '{"last_run":{"started_at":"","completed_at":"","phase":""}}',
    ],
    [
      'weight 0 omitted, negative weight written',
      hook({ name: 'h', weight: -3 }),
      '{"name":"h","last_run":{"started_at":"","completed_at":"","phase":""},"weight":-3}',
    ],
    [
      'policies written in stored order, unknown values kept (HK-8)',
      hook({ delete_policies: ['hook-failed', 'bogus'] }),
      '{"last_run":{"started_at":"","completed_at":"","phase":""},"delete_policies":["hook-failed","bogus"]}',
    ],
  ])('%s', (_name, h, want) => {
    expect(writeJson(hookJson(h))).toBe(want);
  });
});

describe('chart JSON (pkg/chart/chart.go, dependency.go)', () => {
  it('writes nil chart parts as null and a lock with Go time.Time', () => {
    const rel = mockRelease();
    rel.chart = {
      metadata: { ...emptyMetadata(), name: 'c' },
      lock: { generated: '2021-03-04T05:06:07.100000000Z', digest: 'sha256:x', dependencies: [] },
      templates: null,
      values: null,
      schema: new TextEncoder().encode('{}'),
      files: [],
    };
    const json = releaseToJson(rel);
    expect(json).toContain(
      '"chart":{"metadata":{"name":"c"},"lock":{"generated":"2021-03-04T05:06:07.1Z","digest":"sha256:x","dependencies":[]},"templates":null,"values":null,"schema":"e30=","files":[]}',
    );
  });

  it('storedChart: absent templates, files and values.yaml are nil', () => {
    const chart: Chart = {
      raw: [{ name: 'Chart.yaml', data: new Uint8Array() }],
      metadata: { ...emptyMetadata(), name: 'c', apiVersion: 'v2', version: '1.0.0' },
      lock: null,
      templates: [],
      values: newMap(),
      schema: null,
      files: [],
      parent: null,
      dependencies: [],
    };
    expect(storedChart(chart)).toEqual({
      metadata: chart.metadata,
      lock: null,
      templates: null,
      values: null,
      schema: null,
      files: null,
    });
    chart.raw.push({ name: 'values.yaml', data: new Uint8Array() });
    expect(storedChart(chart).values).toEqual(newMap());
  });
});
