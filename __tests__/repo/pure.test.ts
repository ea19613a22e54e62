/**
 * index.yaml (helm pkg/repo/index.go), chart references (LocateChart's order), the Chart.lock
 * digest (resolver.HashReq) and repositories.yaml.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  getChartVersion,
  parseIndex,
  resolveReferenceUrl,
  ChartNotFoundError,
  IndexError,
} from '../../src/repo/index-file.js';
import { classifyChartRef, ChartReferenceError } from '../../src/downloader/chart-ref.js';
import {
  hashReq,
  lockedDependency,
  lockYaml,
  pickVersion,
  repoTarget,
} from '../../src/downloader/lock.js';
import {
  emptyRepoFile,
  newEntry,
  parseRepoFile,
  writeRepoFile,
} from '../../src/repo/repositories.js';

const INDEX = `apiVersion: v1
entries:
  app:
  - {name: app, version: 1.0.0, urls: [app-1.0.0.tgz], digest: abc}
  - {name: app, version: 1.10.0, urls: [https://cdn.example.com/app-1.10.0.tgz]}
  - {name: app, version: 2.0.0-rc.1, urls: [app-2.0.0-rc.1.tgz]}
  - {name: app, version: not-semver, urls: [x.tgz]}
  - {name: app, version: 1.9.0, urls: [app-1.9.0.tgz]}
`;

describe('index.yaml', () => {
  const warnings: string[] = [];
  const idx = parseIndex(INDEX, 'https://charts.example.com', (m) => warnings.push(m));
  test('entries newest first; invalid versions skipped with a warning', () => {
    expect(idx.entries.get('app')!.map((c) => c.version)).toEqual([
      '2.0.0-rc.1',
      '1.10.0',
      '1.9.0',
      '1.0.0',
    ]);
    expect(warnings[0]).toContain('skipping loading invalid entry for chart "app" "not-semver"');
  });
  test('Get: newest release, range, exact, devel', () => {
    const src = { source: 'test' };
    expect(getChartVersion(idx, 'app', '', src).version).toBe('1.10.0');
    expect(getChartVersion(idx, 'app', '~1.9', src).version).toBe('1.9.0');
    expect(getChartVersion(idx, 'app', '1.0.0', src).digest).toBe('abc');
    expect(getChartVersion(idx, 'app', '', { ...src, devel: true }).version).toBe('2.0.0-rc.1');
  });
  test('unknown chart or version names what exists', () => {
    expect(() => getChartVersion(idx, 'nope', '', { source: 's' })).toThrow(ChartNotFoundError);
    expect(() => getChartVersion(idx, 'app', '3.x', { source: 's' })).toThrow(
      '(available: 2.0.0-rc.1, 1.10.0, 1.9.0, 1.0.0)',
    );
  });
  test('no apiVersion and empty files are errors', () => {
    expect(() => parseIndex('entries: {}\n', 's')).toThrow(IndexError);
    expect(() => parseIndex('', 's')).toThrow('empty index.yaml file');
  });
  test('ResolveReferenceURL', () => {
    expect(resolveReferenceUrl('https://h.io/charts', 'app-1.0.0.tgz')).toBe(
      'https://h.io/charts/app-1.0.0.tgz',
    );
    expect(resolveReferenceUrl('https://h.io/charts/?sig=1', 'app-1.0.0.tgz')).toBe(
      'https://h.io/charts/app-1.0.0.tgz?sig=1',
    );
    expect(resolveReferenceUrl('https://h.io/charts', 'https://cdn.io/a.tgz')).toBe(
      'https://cdn.io/a.tgz',
    );
  });
});

describe('chart references', () => {
  const none = { exists: () => false };
  test.each([
    ['oci://r.io/a/b', {}, { kind: 'oci', ref: 'oci://r.io/a/b' }],
    ['./chart', { exists: () => true }, { kind: 'local', path: './chart' }],
    ['bitnami/wordpress', {}, { kind: 'repo', repo: 'bitnami', chart: 'wordpress' }],
    ['https://h.io/c/app-1.0.0.tgz', {}, { kind: 'url', url: 'https://h.io/c/app-1.0.0.tgz' }],
    [
      'wordpress',
      { repoUrl: 'https://h.io' },
      { kind: 'repo-url', repoUrl: 'https://h.io', chart: 'wordpress' },
    ],
  ])('%s', (name, opts, want) => {
    expect(classifyChartRef(name, { ...none, ...opts })).toEqual(want);
  });
  test('a missing path and a bare name are errors', () => {
    expect(() => classifyChartRef('./missing', none)).toThrow('path "./missing" not found');
    expect(() => classifyChartRef('wordpress', none)).toThrow(ChartReferenceError);
    expect(() => classifyChartRef('ftp://h.io/a.tgz', none)).toThrow('scheme "ftp" not supported');
  });
});

describe('Chart.lock', () => {
  const dep = (name: string, version: string, repository: string) => ({
    ...lockedDependency(name, repository, version),
  });
  test('HashReq hashes json.Marshal([req, lock]) with HTML escaping', () => {
    // sha256 of [[{"name":"a","version":"\\u003e1","repository":"https://x"}],[{"name":"a","version":"1.0.0","repository":"https://x"}]]
    const h = hashReq([dep('a', '>1', 'https://x')], [dep('a', '1.0.0', 'https://x')]);
    const want = createHash('sha256')
      .update(
        '[[{"name":"a","version":"\\u003e1","repository":"https://x"}],[{"name":"a","version":"1.0.0","repository":"https://x"}]]',
      )
      .digest('hex');
    expect(h).toBe(`sha256:${want}`);
  });
  test('lock YAML as sigs.k8s.io/yaml writes it', () => {
    expect(
      lockYaml({
        generated: '2024-01-01T00:00:00.5Z',
        digest: 'sha256:ab',
        dependencies: [dep('a', '1.0.0', 'https://x')],
      }),
    ).toBe(
      'dependencies:\n- name: a\n  repository: https://x\n  version: 1.0.0\ndigest: sha256:ab\ngenerated: "2024-01-01T00:00:00.5Z"\n',
    );
  });
  test('repository kinds; @alias rewrites to the URL', () => {
    const repos = emptyRepoFile();
    repos.repositories.push(newEntry('stable', 'https://charts.io/stable/'));
    const d = dep('a', '1', '@stable');
    expect(repoTarget(d, repos)).toEqual({
      kind: 'repo',
      name: 'stable',
      url: 'https://charts.io/stable/',
    });
    expect(d.repository).toBe('https://charts.io/stable/');
    expect(repoTarget(dep('a', '1', 'https://charts.io/stable'), repos).kind).toBe('repo');
    expect(repoTarget(dep('a', '1', 'file://../a'), repos)).toEqual({ kind: 'file', path: '../a' });
    expect(repoTarget(dep('a', '1', 'oci://r.io/x'), repos).kind).toBe('oci');
    expect(() => repoTarget(dep('a', '1', 'alias:missing'), repos)).toThrow(
      'no repository definition for alias:missing',
    );
  });
  test('pickVersion: newest admitted, else the versions there', () => {
    expect(pickVersion(dep('a', '~1.2', ''), ['1.3.0', '1.2.9', '1.2.0'], 'r')).toBe('1.2.9');
    expect(() => pickVersion(dep('a', '^5', ''), ['1.0.0'], 'r')).toThrow('versions there: 1.0.0');
  });
});

describe('repositories.yaml', () => {
  test("round trip with Helm's keys", () => {
    const f = emptyRepoFile();
    f.repositories.push(newEntry('b', 'https://b.io', { username: 'u' }));
    const text = writeRepoFile(f);
    expect(text).toContain(
      'apiVersion: ""\ngenerated: "0001-01-01T00:00:00Z"\nrepositories:\n- caFile: ""',
    );
    expect(parseRepoFile(text)).toEqual(f);
  });
});

describe('download cache location', () => {
  test('HOOKLINE_CACHE_DIR, then $RUNNER_TOOL_CACHE/hookline, then $XDG_CACHE_HOME/hookline, then ~/.cache/hookline', async () => {
    const { cacheRoot } = await import('../../src/downloader/cache.js');
    const env = (vars: Record<string, string>) => (n: string) => vars[n];
    expect(cacheRoot(env({ HOOKLINE_CACHE_DIR: '/c', RUNNER_TOOL_CACHE: '/t' }))).toBe('/c');
    expect(cacheRoot(env({ RUNNER_TOOL_CACHE: '/t', XDG_CACHE_HOME: '/x' }))).toBe('/t/hookline');
    expect(cacheRoot(env({ XDG_CACHE_HOME: '/x', HOME: '/h' }))).toBe('/x/hookline');
    expect(cacheRoot(env({ HOME: '/h' }))).toBe('/h/.cache/hookline');
  });
  test('a corrupted cache file is a miss, not a wrong chart', async () => {
    const { ContentCache } = await import('../../src/downloader/cache.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'hookline-cache-'));
    const cache = new ContentCache(dir);
    const digest = cache.put(new TextEncoder().encode('chart bytes'));
    expect(new TextDecoder().decode(cache.get(digest))).toBe('chart bytes');
    writeFileSync(join(dir, 'sha256', digest.slice(7)), 'tampered');
    expect(cache.get(digest)).toBeUndefined();
  });
});
