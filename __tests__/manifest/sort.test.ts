// Hook detection and ordering: HK-1..HK-11, ORD-3, ORD-4, MP-1, MP-3
// (helm/helm pkg/releaseutil/manifest_sorter.go and manifest_sorter_test.go).
import { describe, expect, it } from '@jest/globals';
import { ManifestParseError, parseHookWeight, sortManifests } from '../../src/manifest/sort.js';

const doc = (kind: string, name: string, annotations: Record<string, string> = {}) => {
  const ann = Object.entries(annotations)
    .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join('\n');
  return `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}${ann ? `\n  annotations:\n${ann}` : ''}`;
};

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('sortManifests', () => {
  it('HK-1: a document is a hook only with a helm.sh/hook annotation', () => {
    const r = sortManifests(
      files({
        'c/templates/a.yaml': doc('ConfigMap', 'plain', { other: 'x' }),
        'c/templates/b.yaml': doc('Job', 'hooked', { 'helm.sh/hook': 'pre-install' }),
      }),
    );
    expect(r.manifests.map((m) => m.head.name)).toEqual(['plain']);
    expect(r.hooks.map((h) => h.name)).toEqual(['hooked']);
  });

  it('HK-2: events are split on commas, trimmed and lower-cased; test-success is test', () => {
    const r = sortManifests(
      files({
        'c/templates/h.yaml': doc('Pod', 'p', {
          'helm.sh/hook': ' Pre-Install , POST-UPGRADE,test-success',
        }),
      }),
    );
    expect(r.hooks[0]!.events).toEqual(['pre-install', 'post-upgrade', 'test']);
  });

  it.each([['crd-install'], ['test-failure'], [''], ['pre-install,typo']])(
    'HK-3: an unknown event (%j) drops the whole document',
    (value) => {
      const r = sortManifests(
        files({ 'c/templates/h.yaml': doc('Job', 'j', { 'helm.sh/hook': value }) }),
      );
      expect(r.hooks).toEqual([]);
      expect(r.manifests).toEqual([]);
      expect(r.skippedHooks).toEqual([{ path: 'c/templates/h.yaml', value }]);
    },
  );

  it('HK-4/HK-8/HK-11: the hook record keeps path, trimmed manifest, policies as written', () => {
    const text = doc('Job', 'j', {
      'helm.sh/hook': 'post-install',
      'helm.sh/hook-weight': '-5',
      'helm.sh/hook-delete-policy': 'Hook-Succeeded, never',
      'helm.sh/hook-output-log-policy': 'hook-failed',
    });
    const [hook] = sortManifests(files({ 'c/templates/j.yaml': `\n${text}\n\n` })).hooks;
    expect(hook).toEqual({
      name: 'j',
      kind: 'Job',
      path: 'c/templates/j.yaml',
      manifest: text,
      events: ['post-install'],
      last_run: { started_at: '', completed_at: '', phase: '' },
      weight: -5,
      delete_policies: ['hook-succeeded', 'never'],
      output_log_policies: ['hook-failed'],
    });
  });

  it('HK-5: hooks never appear among the manifests', () => {
    const r = sortManifests(
      files({
        'c/templates/x.yaml': `${doc('Job', 'h', { 'helm.sh/hook': 'test' })}\n---\n${doc('Service', 's')}`,
      }),
    );
    expect(r.manifests.map((m) => m.head.kind)).toEqual(['Service']);
  });

  it('MP-1: partials and whitespace-only files are skipped', () => {
    const r = sortManifests(
      files({
        'c/templates/_helpers.tpl': doc('ConfigMap', 'no'),
        'c/templates/empty.yaml': '  \n',
      }),
    );
    expect(r.manifests).toEqual([]);
  });

  it('MP-3: a comment-only document is kept as a manifest without a kind', () => {
    const r = sortManifests(files({ 'c/templates/x.yaml': '# nothing here' }));
    expect(r.manifests.map((m) => [m.content, m.head.kind])).toEqual([['# nothing here', '']]);
  });

  it('MP-3: invalid YAML names the file', () => {
    expect(() => sortManifests(files({ 'c/templates/bad.yaml': 'a: b: c' }))).toThrow(
      ManifestParseError,
    );
    expect(() => sortManifests(files({ 'c/templates/bad.yaml': 'a: b: c' }))).toThrow(
      /^YAML parse error on c\/templates\/bad.yaml: error converting YAML to JSON: yaml: /,
    );
  });

  it('MP-3: an annotation that is not a string fails like Helm', () => {
    const text = 'kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook-weight: 5';
    expect(() => sortManifests(files({ 'c/templates/j.yaml': text }))).toThrow(
      'YAML parse error on c/templates/j.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field SimpleHead.metadata.annotations of type string',
    );
  });

  it('ORD-3/ORD-4: files in byte order, documents in file order, then stable kind order', () => {
    const r = sortManifests(
      files({
        'c/templates/b.yaml': `${doc('ConfigMap', 'b1')}\n---\n${doc('Service', 'b2')}`,
        'c/charts/sub/templates/a.yaml': doc('ConfigMap', 'sub'),
        'c/templates/a.yaml': `${doc('Deployment', 'a1')}\n---\n${doc('ConfigMap', 'a2')}\n---\n${doc('Widget', 'a3')}`,
      }),
    );
    expect(r.manifests.map((m) => m.head.name)).toEqual(['sub', 'a2', 'b1', 'b2', 'a1', 'a3']);
  });

  it('hooks are stable-sorted by kind too', () => {
    const hook = { 'helm.sh/hook': 'pre-install' };
    const r = sortManifests(
      files({
        'c/templates/h.yaml': `${doc('Job', 'j')}\n---\n${doc('Job', 'job', hook)}\n---\n${doc('ServiceAccount', 'sa', hook)}`,
      }),
    );
    expect(r.hooks.map((h) => h.name)).toEqual(['sa', 'job']);
  });
});

describe('parseHookWeight (HK-6)', () => {
  it.each([
    ['-5', -5],
    ['+3', 3],
    ['007', 7],
    ['', 0],
    [' 5', 0],
    ['5.0', 0],
    ['abc', 0],
    ['1_000', 0],
    ['9223372036854775808', 0],
    [undefined, 0],
  ])('%j → %d', (raw, expected) => {
    expect(parseHookWeight(raw)).toBe(expected);
  });
});
