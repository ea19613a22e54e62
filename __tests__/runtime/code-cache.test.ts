// The programs as the entries load them (issue 10; src/runtime/code-cache.ts, scripts/build.mjs):
// every command but `template` from dist/program.cjs, the action from dist/action.cjs, each
// required with a code cache per command that a run ending with exit code 0 writes and the next
// run of that command reads. The children are the real bundle against the simulator, their
// loads recorded (dist/*.cjs is read by the loader itself, not resolved).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { buildBundle, root, runRecorded, writeLoadRecorder } from '../helpers/bundle.js';

let dir = '';
let bundle = '';
let recorder = '';
let kubeconfig = '';
let sim: Simulator | undefined;

beforeAll(async () => {
  ({ dir, bundle } = buildBundle('hookline-code-cache-'));
  recorder = writeLoadRecorder(dir);
  sim = await startSimulator({ speed: 50 });
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
}, 120_000);

afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (entry: string, args: string[], env: Record<string, string>) =>
  runRecorded({ bundle, recorder, entry, args, env });

/** The code caches in `cacheRoot` (Node's compile cache puts them in a directory of its own). */
function caches(cacheRoot: string): Map<string, Buffer> {
  const files = existsSync(cacheRoot)
    ? readdirSync(cacheRoot, { recursive: true, encoding: 'utf8' })
    : [];
  return new Map(
    files
      .filter((f) => /(^|\/)hookline-[^/]*$/.test(f))
      .map((f) => [f.replace(/^.*hookline-.*-(?=[a-z-]+$)/, ''), readFileSync(join(cacheRoot, f))]),
  );
}

describe('the programs and their code caches (issue 10)', () => {
  it('runs every command but `template` from dist/program.cjs, with a code cache per command', async () => {
    const cacheRoot = join(dir, 'cli-cache');
    const env = { NODE_COMPILE_CACHE: cacheRoot };
    const cli = (args: string[]) => run('cli.js', [...args, '--kubeconfig', kubeconfig], env);
    // A failed run compiled little: it writes no cache.
    const missing = await cli(['status', 'cached']);
    expect(missing).toMatchObject({ code: 1, stderr: 'Error: release: not found\n' });
    expect([...caches(cacheRoot).keys()]).toEqual([]);
    const installed = await cli(['install', 'cached', 'examples/database-app', '--timeout', '60s']);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    // The entry alone: the program is read and compiled by the loader itself, and no vendor
    // file is needed.
    expect(installed.loaded).toEqual(['cli.js']);
    // What a cache write prunes: the same build's caches of that command from other copies
    // (a runner extracts the action anew for each job), and hookline's older than 30 days.
    const [cacheDir] = readdirSync(cacheRoot).map((d) => join(cacheRoot, d));
    const build = `hookline-${process.version}-${process.arch}-${statSync(join(bundle, 'program.cjs')).size}`;
    const stale = {
      copy: join(cacheDir!, `${build}-1796000000000.5-42-history`),
      otherCommand: join(cacheDir!, `${build}-1796000000000.5-42-status`),
      old: join(cacheDir!, `hookline-${process.version}-${process.arch}-1-2-3-history`),
      notOurs: join(cacheDir!, 'other-tool-cache'),
    };
    for (const f of Object.values(stale)) writeFileSync(f, 'a cache');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(stale.old, longAgo, longAgo);
    utimesSync(stale.notOurs, longAgo, longAgo);
    const first = await cli(['history', 'cached']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Install complete');
    expect(
      Object.entries(stale)
        .filter(([, f]) => existsSync(f))
        .map(([k]) => k),
    ).toEqual(['otherCommand', 'notOurs']);
    rmSync(stale.otherCommand);
    const written = caches(cacheRoot);
    expect([...written.keys()].sort()).toEqual(['history', 'install']);
    // Far more than the top-level code alone: the functions the command compiled.
    for (const cache of written.values()) expect(cache.length).toBeGreaterThan(100_000);
    // The next run of a command reads its cache (a rejected one would be written again).
    const second = await cli(['history', 'cached']);
    expect(second).toMatchObject({ code: 0, stdout: first.stdout, stderr: '' });
    expect(caches(cacheRoot).get('history')?.equals(written.get('history')!)).toBe(true);
    const status = await cli(['status', 'cached']);
    expect(status.code).toBe(0);
    expect([...caches(cacheRoot).keys()].sort()).toEqual(['history', 'install', 'status']);
  }, 120_000);

  it('runs the action from dist/action.cjs, with a code cache for its command', async () => {
    const cacheRoot = join(dir, 'action-cache');
    const env = {
      NODE_COMPILE_CACHE: cacheRoot,
      INPUT_COMMAND: 'upgrade',
      INPUT_RELEASE: 'action-cached',
      INPUT_CHART: 'examples/database-app',
      INPUT_KUBECONFIG: sim?.kubeconfig ?? '',
      INPUT_TIMEOUT: '60s',
      GITHUB_WORKSPACE: root,
      GITHUB_STEP_SUMMARY: '',
      GITHUB_OUTPUT: '',
    };
    const first = await run('index.js', [], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('::set-output name=status::deployed');
    expect(first.loaded).toEqual(['index.js']);
    const written = caches(cacheRoot);
    expect([...written.keys()]).toEqual(['upgrade']);
    const second = await run('index.js', [], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('::set-output name=revision::2');
    expect(caches(cacheRoot).get('upgrade')?.equals(written.get('upgrade')!)).toBe(true);
  }, 120_000);
});
