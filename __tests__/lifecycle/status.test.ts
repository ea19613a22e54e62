/**
 * formatStatus against Helm 3's `helm status` / `helm install` table output (helm/helm
 * cmd/helm/status.go statusPrinter.WriteTable, pkg/action/action.go renderResources for
 * --hide-secret, v3.21.4) and the conformance goldens produced by real Helm.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { loadChart } from '../../src/chart/directory.js';
import { install } from '../../src/lifecycle/install.js';
import { formatStatus, status } from '../../src/lifecycle/status.js';
import { hideSecrets } from '../../src/lifecycle/status-format.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config } from './install-fixtures.js';
import { GOLDEN_TIME, record, testHook } from './status-fixtures.js';

const GOLDEN = '/work/shared/conformance/helm-template/golden/output';

const SECRET_MANIFEST = [
  '---',
  '# Source: chart-with-secret/templates/secret.yaml',
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: test-secret',
  'stringData:',
  '  foo: bar',
  '---',
  '# Source: chart-with-secret/templates/configmap.yaml',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: test-configmap',
  'data:',
  '  foo: bar',
  '',
].join('\n');

const dryRun = record({
  name: 'secrets',
  manifest: SECRET_MANIFEST,
  info: { last_deployed: GOLDEN_TIME, status: 'pending-install', description: 'Dry run complete' },
});

describe('formatStatus reproduces the install --dry-run goldens byte for byte', () => {
  it.each([
    ['install-dry-run-with-secret.txt', false],
    ['install-dry-run-with-secret-hidden.txt', true],
  ])('%s', (file, hideSecret) => {
    const golden = readFileSync(`${GOLDEN}/${file}`, 'utf8');
    expect(formatStatus(dryRun, { hideSecret })).toBe(golden);
  });
});

describe('formatStatus sections (cmd/helm/status.go)', () => {
  it('omits LAST DEPLOYED for a zero time, HOOKS/MANIFEST unless a dry run, prints trimmed NOTES', () => {
    const rel = record({
      name: 'web',
      namespace: 'prod',
      version: 3,
      manifest: SECRET_MANIFEST,
      info: { status: 'deployed', description: 'Upgrade complete', notes: '\n  Visit us.\n\n' },
    });
    expect(formatStatus(rel)).toBe(
      'NAME: web\nNAMESPACE: prod\nSTATUS: deployed\nREVISION: 3\nTEST SUITE: None\nNOTES:\nVisit us.\n',
    );
  });

  it('matches "Dry run complete" case-insensitively (strings.EqualFold) and lists hooks', () => {
    const hook = testHook('t1', { started_at: '', completed_at: '', phase: '' });
    const rel = record({
      hooks: [hook],
      manifest: '',
      info: { status: 'pending-install', description: 'DRY RUN complete' },
    });
    expect(formatStatus(rel)).toBe(
      'NAME: rel\nNAMESPACE: default\nSTATUS: pending-install\nREVISION: 1\n' +
        'HOOKS:\n---\n# Source: chart/templates/tests/t1.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: t1\n' +
        'MANIFEST:\n\n',
    );
  });

  it('prints a TEST SUITE block per started test hook in ANSIC, skipping never-run ones', () => {
    const rel = record({
      info: { last_deployed: GOLDEN_TIME, status: 'deployed' },
      hooks: [
        testHook('never', { started_at: '', completed_at: '', phase: '' }),
        testHook('ok', {
          started_at: '1977-09-02T22:04:05.5Z',
          completed_at: '1977-09-12T01:00:00+02:00',
          phase: 'Succeeded',
        }),
        testHook('running', { started_at: GOLDEN_TIME, completed_at: '', phase: 'Running' }),
        testHook('pre', { started_at: GOLDEN_TIME, completed_at: '', phase: '' }, ['pre-install']),
      ],
    });
    expect(formatStatus(rel)).toBe(
      [
        'NAME: rel',
        'LAST DEPLOYED: Fri Sep  2 22:04:05 1977',
        'NAMESPACE: default',
        'STATUS: deployed',
        'REVISION: 1',
        'TEST SUITE:     ok',
        'Last Started:   Fri Sep  2 22:04:05 1977',
        'Last Completed: Mon Sep 12 01:00:00 1977',
        'Phase:          Succeeded',
        'TEST SUITE:     running',
        'Last Started:   Fri Sep  2 22:04:05 1977',
        'Last Completed: Mon Jan  1 00:00:00 0001',
        'Phase:          Running',
        '',
      ].join('\n'),
    );
  });

  it('prints no TEST SUITE line at all when every test hook is unstarted', () => {
    const rel = record({ hooks: [testHook('t', { started_at: '', completed_at: '', phase: '' })] });
    expect(formatStatus(rel)).toBe('NAME: rel\nNAMESPACE: default\nSTATUS: \nREVISION: 1\n');
  });
});

describe('hideSecrets (renderResources with hideSecret)', () => {
  it.each([
    [
      'a v1 Secret last',
      '---\n# Source: c/a.yaml\nkind: Secret\napiVersion: v1\ndata: {}\n',
      '---\n# Source: c/a.yaml\n# HIDDEN: The Secret output has been suppressed\n',
    ],
    [
      'another apiVersion is kept',
      '---\n# Source: c/a.yaml\napiVersion: v2\nkind: Secret\n',
      '---\n# Source: c/a.yaml\napiVersion: v2\nkind: Secret\n',
    ],
    ['an empty manifest', '', ''],
  ])('%s', (_name, manifest, want) => {
    expect(hideSecrets(manifest)).toBe(want);
  });
});

describe('status() against the simulator (pkg/action/status.go)', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster('status');
  });
  afterAll(async () => {
    await c.sim.close();
  });

  it('returns the last revision, a given revision, and release: not found (ST-13, ST-14)', async () => {
    const cfg = config(c);
    const name = uniqueName('st');
    const chart = loadChart('examples/hello-world-chart');
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const last = await status(cfg, name);
    expect([last.version, last.info.status]).toEqual([1, 'deployed']);
    expect((await status(cfg, name, { revision: 1 })).version).toBe(1);
    await expect(status(cfg, name, { revision: 2 })).rejects.toThrow('release: not found');
    await expect(status(cfg, 'missing-release')).rejects.toThrow('release: not found');
    await expect(status(cfg, 'Bad_Name')).rejects.toThrow(
      'releaseContent: Release name is invalid: Bad_Name',
    );
    expect(formatStatus(last)).toMatch(new RegExp(`^NAME: ${name}\nLAST DEPLOYED: `));
  });
});
