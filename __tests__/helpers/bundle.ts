/**
 * A fresh bundle of the sources (scripts/build.mjs --outdir), for tests that run hookline as
 * users do (`node bundle/cli.js …`) without depending on a committed dist/ being current.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository's root. */
export const root = resolve(import.meta.dirname, '..', '..');

/** A new temporary directory `dir` holding the bundle in `dir/bundle`; the caller removes it. */
export function buildBundle(prefix: string): { dir: string; bundle: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const bundle = join(dir, 'bundle');
  const built = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'build.mjs'), '--outdir', bundle],
    { cwd: root, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`bundle failed: ${built.stderr}`);
  return { dir, bundle };
}

/**
 * Writes, into `dir`, a preload module (`node --import`) that records every file the process
 * resolves, ES modules and require() alike, and at exit the public built-ins it loaded
 * (process.getBuiltinModule passes no hook), into the file HOOKLINE_TEST_LOAD_LOG names.
 * Returns its path.
 */
export function writeLoadRecorder(dir: string): string {
  const preload = join(dir, 'record-loads.mjs');
  writeFileSync(
    preload,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({
  resolve(specifier, context, next) {
    const r = next(specifier, context);
    if (r.url.startsWith('file:')) appendFileSync(process.env.HOOKLINE_TEST_LOAD_LOG, r.url + '\\n');
    return r;
  },
});
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => /^NativeModule [a-z0-9_]+$/.test(m));
  appendFileSync(process.env.HOOKLINE_TEST_LOAD_LOG, builtins.map((m) => 'builtin:' + m.slice(13) + '\\n').join(''));
});
`,
  );
  return preload;
}

export interface RecordedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The bundle's files the process resolved, relative to the bundle. */
  loaded: string[];
  /** The public Node built-ins it loaded. */
  builtins: string[];
}

/**
 * `node --import recorder bundle/entry args` from the repository's root with `env` added, its
 * loads recorded (see writeLoadRecorder); killed after a minute, and always in the end.
 */
export async function runRecorded(opts: {
  readonly bundle: string;
  readonly recorder: string;
  readonly entry: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
}): Promise<RecordedRun> {
  const log = `${opts.recorder}.${Math.random().toString(36).slice(2)}.log`;
  const child = spawn(
    process.execPath,
    ['--import', opts.recorder, join(opts.bundle, opts.entry), ...opts.args],
    { cwd: root, env: { ...process.env, ...opts.env, HOOKLINE_TEST_LOAD_LOG: log } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const prefix = pathToFileURL(opts.bundle).href;
    const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
    const loaded = lines
      .filter((u) => u.startsWith(prefix))
      .map((u) => relative(opts.bundle, new URL(u).pathname));
    const builtins = lines.filter((l) => l.startsWith('builtin:')).map((l) => l.slice(8));
    return { code, stdout, stderr, loaded: [...new Set(loaded)], builtins };
  } finally {
    clearTimeout(timer);
    child.kill();
    rmSync(log, { force: true });
  }
}
