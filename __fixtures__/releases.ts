/**
 * Release records for tests (helm/helm pkg/release/mock.go Mock and
 * pkg/storage/driver/mock_test.go releaseStub): complete records with fixed timestamps.
 */
import type { Hook } from '../src/release/hook.js';
import type { Release, Status, StoredChart } from '../src/release/types.js';
import { emptyMetadata } from '../src/chart/types.js';
import { int, newMap } from '../src/gotemplate/values.js';

export interface MockReleaseOptions {
  name?: string;
  version?: number;
  namespace?: string;
  status?: Status;
  labels?: Record<string, string>;
  hooks?: Hook[];
}

/** A small stored chart: Chart.yaml fields, one template, values {replicas: 1}. */
export function mockChart(): StoredChart {
  return {
    metadata: { ...emptyMetadata(), name: 'foo', version: '0.1.0-beta.1', apiVersion: 'v2' },
    lock: null,
    templates: [{ name: 'templates/foo.tpl', data: new TextEncoder().encode('kind: Pod') }],
    values: newMap([['replicas', 1]]),
    schema: null,
    files: [],
  };
}

/** A release record; times fixed at 2020-01-02T03:04:05Z. */
export function mockRelease(opts: MockReleaseOptions = {}): Release {
  return {
    name: opts.name ?? 'testrelease-7',
    info: {
      first_deployed: '2020-01-02T03:04:05Z',
      last_deployed: '2020-01-02T03:04:05Z',
      deleted: '',
      description: 'Release mock',
      status: opts.status ?? 'deployed',
      notes: '',
    },
    chart: mockChart(),
    config: newMap([['name', 'value']]),
    manifest: 'kind: Pod\n',
    hooks: opts.hooks ?? [],
    version: opts.version ?? 1,
    namespace: opts.namespace ?? 'default',
    labels: { ...opts.labels },
  };
}

/** The release __fixtures__/golden/release-with-hooks.golden was written for. */
export function goldenRelease(): Release {
  const md = {
    ...emptyMetadata(),
    name: 'web',
    version: '1.2.3',
    description: 'A web chart',
    keywords: ['web', 'demo'],
    maintainers: [{ name: 'Jo', email: 'jo@example.com', url: '' }],
    apiVersion: 'v2',
    appVersion: '1.16.0',
    annotations: { 'z/b': '2', a: '1' },
    dependencies: [
      {
        name: 'db',
        version: '~1.0',
        repository: 'https://charts.example.com',
        condition: 'db.enabled',
        tags: [],
        enabled: true,
        importValues: ['data'],
        alias: '',
      },
    ],
    type: 'application',
  };
  return {
    name: 'web',
    info: {
      first_deployed: '2024-05-06T07:08:09.123456789+02:00',
      last_deployed: '2024-05-06T07:08:10.5+02:00',
      deleted: '',
      description: 'Install complete',
      status: 'deployed',
      notes: 'Visit <http://x> & enjoy',
    },
    chart: {
      metadata: md,
      lock: null,
      templates: [
        { name: 'templates/deploy.yaml', data: new TextEncoder().encode('kind: Deployment\n') },
      ],
      values: newMap([
        ['replicaCount', 2],
        ['image', newMap([['tag', '']])],
        ['big', 1000000],
      ]),
      schema: null,
      files: null,
    },
    config: newMap([['replicaCount', int(3)]]),
    manifest: '---\n# Source: web/templates/deploy.yaml\nkind: Deployment\n',
    hooks: [
      {
        name: 'web-migrate',
        kind: 'Job',
        path: 'web/templates/job.yaml',
        manifest: 'kind: Job\ncommand: ["a && b"]',
        events: ['pre-install', 'pre-upgrade'],
        last_run: { started_at: '', completed_at: '', phase: '' },
        weight: 0,
        delete_policies: ['before-hook-creation', 'hook-succeeded'],
        output_log_policies: [],
      },
      {
        name: 'web-test',
        kind: 'Pod',
        path: 'web/templates/test.yaml',
        manifest: 'kind: Pod',
        events: ['test'],
        last_run: {
          started_at: '2024-05-06T07:09:00Z',
          completed_at: '2024-05-06T07:09:30.25Z',
          phase: 'Succeeded',
        },
        weight: -5,
        delete_policies: [],
        output_log_policies: ['hook-failed'],
      },
    ],
    version: 1,
    namespace: 'prod',
    labels: { team: 'a' },
  };
}
