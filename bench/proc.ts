/**
 * Whole-process measurements for the benchmarks: wall time (performance.now around the spawn)
 * and peak RSS (GNU time's %M, when /usr/bin/time exists), medians, and the real Helm binary
 * from ../shared/realcluster (unpacked once into the temp directory).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const shared = process.env.HOOKLINE_SHARED_DIR ?? resolve(root, '..', 'shared');
export const realclusterDir = join(shared, 'realcluster');
export const cliPath = join(root, 'dist', 'cli.js');
export const actionPath = join(root, 'dist', 'index.js');

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  ms: number;
  /** Peak resident set size in MB (NaN without /usr/bin/time). */
  rssMb: number;
  /** User + system CPU time in ms (NaN without /usr/bin/time): robust on a loaded machine. */
  cpuMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** GNU time's `%M %U %S` line: peak RSS (MB) and CPU time (ms). */
function readTime(withTime: boolean, file: string): { rssMb: number; cpuMs: number } {
  if (!withTime || !existsSync(file)) return { rssMb: NaN, cpuMs: NaN };
  const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  rmSync(file, { force: true });
  const [kb, user, sys] = last.split(' ').map(Number);
  return { rssMb: (kb ?? NaN) / 1024, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000 };
}

/** Run `cmd args` to its end: wall time, peak RSS, output. */
export function measure(cmd: string, args: readonly string[], opts: RunOptions = {}): Measured {
  const withTime = existsSync(GNU_TIME);
  const rssFile = join(tmpdir(), `hookline-bench-rss-${process.pid}`);
  const argv = withTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : [...args];
  const start = performance.now();
  const r = spawnSync(withTime ? GNU_TIME : cmd, argv, {
    cwd: opts.cwd ?? root,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const { rssMb, cpuMs } = readTime(withTime, rssFile);
  return { ms, rssMb, cpuMs, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** As {@link measure}, without blocking this process (for a simulator running in it). */
export async function measureAsync(
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<Measured> {
  const withTime = existsSync(GNU_TIME);
  const rssFile = join(tmpdir(), `hookline-bench-rss-${process.pid}-${Math.random()}`);
  const argv = withTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : [...args];
  const start = performance.now();
  const child = spawn(withTime ? GNU_TIME : cmd, argv, {
    cwd: opts.cwd ?? root,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  try {
    const status = await new Promise<number | null>((r) => child.once('close', (c) => r(c)));
    const ms = performance.now() - start;
    const { rssMb, cpuMs } = readTime(withTime, rssFile);
    return { ms, rssMb, cpuMs, status, stdout, stderr };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `runs` measurements; medians of wall time and peak RSS; the last run's output. */
export function medianOf(
  runs: number,
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {},
): Measured {
  const all = Array.from({ length: runs }, () => measure(cmd, args, opts));
  const last = all[all.length - 1]!;
  return {
    ...last,
    ms: median(all.map((m) => m.ms)),
    rssMb: median(all.map((m) => m.rssMb)),
    cpuMs: median(all.map((m) => m.cpuMs)),
  };
}

/** The real Helm (v3.15.4) of ../shared/realcluster, or undefined when absent. */
export function helmBinary(): string | undefined {
  const xz = join(realclusterDir, 'bin', 'helm.xz');
  if (!existsSync(xz)) return undefined;
  const dir = join(tmpdir(), 'hookline-bench-bin');
  const helm = join(dir, 'helm');
  if (!existsSync(helm)) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('xz', ['-dc', xz], { maxBuffer: 512 * 1024 * 1024 });
    if (r.status !== 0) return undefined;
    writeFileSync(`${helm}.tmp`, r.stdout);
    chmodSync(`${helm}.tmp`, 0o755);
    spawnSync('mv', [`${helm}.tmp`, helm]);
  }
  return helm;
}
