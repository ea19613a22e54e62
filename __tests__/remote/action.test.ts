/**
 * The action's chart inputs: `chart` + `repo` + `version` from a repository server, the
 * registry password masked before anything runs, and `dependency-build: auto` vendoring a local
 * chart's locked dependencies before rendering.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionDeps } from '../../src/action/deps.js';
import { run } from '../../src/main.js';
import { systemClock } from '../../src/gotime/clock.js';
import {
  cli,
  isolatedEnv,
  packageChart,
  startFileServer,
  tmp,
  writeChart,
  type FileServer,
} from './support.js';

interface Fake {
  deps: ActionDeps;
  outputs: Record<string, string>;
  failed: string[];
  secrets: string[];
}

function fake(inputs: Record<string, string>, env: Record<string, string>): Fake {
  const f: Fake = { outputs: {}, failed: [], secrets: [] } as unknown as Fake;
  const core: ActionDeps['core'] = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => void (f.outputs[name] = value),
    setFailed: (m) => void f.failed.push(m),
    setSecret: (s) => void f.secrets.push(s),
    writeSummary: async () => {},
    info: () => {},
    warning: () => {},
    debug: () => {},
    group: (_name, fn) => fn(),
  };
  f.deps = {
    core,
    github: {
      client: () => ({
        listComments: async () => [],
        createComment: async () => {},
        updateComment: async () => {},
      }),
      eventPayload: () => null,
    },
    clock: systemClock,
    env: {
      ...env,
      GITHUB_STEP_SUMMARY: '/dev/null',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'acme/app',
    },
    signal: new AbortController().signal,
  } as unknown as ActionDeps;
  return f;
}

describe('action chart inputs (repo, version, registry credentials, dependency-build)', () => {
  let srv: FileServer;
  let root: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    root = tmp();
    env = { ...isolatedEnv(root), GITHUB_WORKSPACE: root };
    const files = new Map<string, Uint8Array | string>();
    let index = 'apiVersion: v1\nentries:\n  redis:\n';
    for (const v of ['17.0.0', '17.3.1']) {
      const tgz = packageChart(writeChart(join(root, `r${v}`), 'redis', v), root, 'redis', v);
      files.set(`/redis-${v}.tgz`, new Uint8Array(readFileSync(tgz)));
      index += `  - apiVersion: v2\n    name: redis\n    version: ${v}\n    urls: [redis-${v}.tgz]\n`;
    }
    files.set('/index.yaml', index);
    srv = await startFileServer(files);
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('renders `chart` looked up in the `repo` input at `version`, masking registry-password', async () => {
    const f = fake(
      {
        command: 'template',
        release: 'cache',
        chart: 'redis',
        repo: srv.url,
        version: '~17.0',
        'registry-password': 'hunter2-token',
      },
      env,
    );
    expect(await run(f.deps)).toBe(0);
    expect(f.failed).toEqual([]);
    expect(f.outputs.status).toBe('rendered');
    expect(f.secrets).toContain('hunter2-token');
  });

  it('an unknown version fails with the versions that exist', async () => {
    const f = fake(
      { command: 'template', release: 'cache', chart: 'redis', repo: srv.url, version: '99' },
      env,
    );
    expect(await run(f.deps)).toBe(1);
    expect(f.failed[0]).toContain('available: 17.3.1, 17.0.0');
  });

  it('dependency-build auto vendors locked dependencies missing from charts/', async () => {
    const app = writeChart(join(root, 'ws'), 'app', '1.0.0', {
      deps: `- name: redis\n  version: 17.x\n  repository: ${srv.url}\n`,
    });
    // lock it with the CLI, then drop charts/ as a fresh checkout would have it
    const up = await cli(['dependency', 'update', app], root, env);
    expect(up.code).toBe(0);
    const { rmSync } = await import('node:fs');
    rmSync(join(app, 'charts'), { recursive: true });
    const off = fake(
      { command: 'template', release: 'a', chart: 'ws/app', 'dependency-build': 'false' },
      env,
    );
    expect(await run(off.deps)).toBe(1);
    expect(off.failed[0]).toContain('redis');
    const f = fake({ command: 'template', release: 'a', chart: 'ws/app' }, env);
    expect(await run(f.deps)).toBe(0);
    expect(f.failed).toEqual([]);
    expect(readFileSync(join(app, 'charts', 'redis-17.3.1.tgz')).length).toBeGreaterThan(0);
    expect(f.outputs.status).toBe('rendered');
  });
});
