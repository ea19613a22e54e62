/**
 * Start-up (issue 10): `hookline --help`, the action's start to its first API request (with
 * Node's compile cache filled, and on a fresh machine without one), and the bundle's sizes.
 * Whole processes, medians.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startSimulator } from '../src/simulator/index.js';
import { buildKubeconfig } from '../src/simulator/kubeconfig.js';
import { actionPath, cliPath, median, medianOf, root } from './proc.js';
import type { BenchRow } from './table.js';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? jsFiles(join(dir, e.name))
      : /\.c?js$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

interface FirstRequest {
  /** Wall time from the spawn to the first request. */
  ms: number;
  /** The action's CPU time (user + system) and peak RSS by then (Linux /proc; else NaN). */
  cpuMs: number;
  rssMb: number;
}

/** The CPU time and peak RSS of a running process, from /proc (NaN where there is none). */
function procUsage(pid: number | undefined): { cpuMs: number; rssMb: number } {
  try {
    // Fields after the command's `)`: utime and stime are the 12th and 13th, in clock ticks
    // (100 per second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return {
      cpuMs: (Number(stat[11]) + Number(stat[12])) * 10,
      rssMb: hwm ? Number(hwm[1]) / 1024 : NaN,
    };
  } catch {
    return { cpuMs: NaN, rssMb: NaN };
  }
}

/**
 * The action's environment for an `upgrade --install` of the example chart, as a workflow runs
 * it (INPUT_* in the environment). `compileCache`: the cache directory (NODE_COMPILE_CACHE); by
 * default Node's own.
 */
function actionEnv(kubeconfig: string, compileCache?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    INPUT_COMMAND: 'upgrade',
    INPUT_RELEASE: 'bench',
    INPUT_CHART: 'examples/database-app',
    INPUT_KUBECONFIG: kubeconfig,
    INPUT_TIMEOUT: '60s',
    GITHUB_WORKSPACE: root,
    GITHUB_STEP_SUMMARY: '',
    GITHUB_OUTPUT: '',
    ...(compileCache ? { NODE_COMPILE_CACHE: compileCache } : {}),
  };
}

/**
 * One whole run of the action against the simulator, which ends with the release deployed:
 * it writes the code cache of its command, as any earlier successful run on the same machine
 * does (a self-hosted runner, a second step of a job); a failed or killed run writes none.
 */
async function actionRunToEnd(): Promise<void> {
  const sim = await startSimulator({ speed: 50 });
  try {
    const child = spawn(process.execPath, [actionPath], {
      cwd: root,
      env: actionEnv(sim.kubeconfig),
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    if (code !== 0) throw new Error(`the action's warm-up run failed (exit ${code})`);
  } finally {
    await sim.close();
  }
}

/**
 * From spawning `node dist/index.js` (see actionEnv) to the first request reaching a stub API
 * server: wall time, and the action's CPU time and peak RSS at that moment. The action is
 * stopped there (what follows is the lifecycle's cost, measured by bench/lifecycle.ts).
 */
async function actionFirstRequest(opts: { readonly compileCache?: string }): Promise<FirstRequest> {
  let first: number | undefined;
  let usage = { cpuMs: NaN, rssMb: NaN };
  let child: ChildProcess | undefined;
  const server = createServer((_req, res) => {
    if (first === undefined) {
      first = performance.now();
      usage = procUsage(child?.pid);
      child?.kill('SIGKILL');
    }
    res.writeHead(503, { 'Content-Type': 'application/json' });
    res.end('{"kind":"Status","apiVersion":"v1","status":"Failure","code":503}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const env = actionEnv(buildKubeconfig({ server: `http://127.0.0.1:${port}` }), opts.compileCache);
  try {
    const start = performance.now();
    const c = spawn(process.execPath, [actionPath], { cwd: root, env, stdio: 'ignore' });
    child = c;
    try {
      await new Promise<void>((r) => c.once('exit', () => r()));
    } finally {
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
    return first === undefined
      ? { ms: NaN, cpuMs: NaN, rssMb: NaN }
      : { ms: first - start, ...usage };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/** Runs on a fresh runner: each with an empty compile cache of its own. */
async function coldFirstRequests(n: number): Promise<FirstRequest[]> {
  const out: FirstRequest[] = [];
  for (let i = 0; i < n; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-bench-cold-'));
    try {
      out.push(await actionFirstRequest({ compileCache: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

export async function benchStartup(): Promise<BenchRow[]> {
  const help = medianOf(10, process.execPath, [cliPath, '--help']);
  const action: FirstRequest[] = [];
  await actionRunToEnd();
  for (let i = 0; i < 5; i++) action.push(await actionFirstRequest({}));
  // A GitHub-hosted runner starts every job on a fresh machine: no compile cache at all.
  const cold = await coldFirstRequests(5);
  const files = jsFiles(join(root, 'dist')).map((f) => ({ f, size: statSync(f).size }));
  const largest = files.reduce((a, b) => (b.size > a.size ? b : a), { f: '', size: 0 });
  const total = files.reduce((n, x) => n + x.size, 0);
  return [
    {
      name: 'start-up: dist/cli.js --help',
      value: help.ms,
      unit: 'ms',
      note: 'median of 10; target <= 60',
    },
    { name: 'start-up: dist/cli.js --help peak RSS', value: help.rssMb, unit: 'MB' },
    { name: 'start-up: dist/cli.js --help CPU (user+sys)', value: help.cpuMs, unit: 'ms' },
    {
      name: 'action: start of dist/index.js to its first API request',
      value: median(action.map((a) => a.ms)),
      unit: 'ms',
      note: 'median of 5; target <= 150',
    },
    {
      name: 'action: CPU (user+sys) to its first API request',
      value: median(action.map((a) => a.cpuMs)),
      unit: 'ms',
    },
    {
      name: 'action: peak RSS at its first API request',
      value: median(action.map((a) => a.rssMb)),
      unit: 'MB',
    },
    {
      name: 'action, fresh machine (no compile cache): start to its first API request',
      value: median(cold.map((a) => a.ms)),
      unit: 'ms',
      note: 'median of 5',
    },
    {
      name: 'action, fresh machine (no compile cache): CPU (user+sys) to its first API request',
      value: median(cold.map((a) => a.cpuMs)),
      unit: 'ms',
    },
    {
      name: 'bundle: largest file',
      value: largest.size / 1024,
      unit: 'KiB',
      note: `${largest.f.slice(root.length + 1)}; target <= 5120`,
    },
    {
      name: 'bundle: all JavaScript in dist/',
      value: total / 1024,
      unit: 'KiB',
      note: `${files.length} files`,
    },
    { name: 'bundle: dist/cli.js (entry)', value: statSync(cliPath).size / 1024, unit: 'KiB' },
    { name: 'bundle: dist/index.js (entry)', value: statSync(actionPath).size / 1024, unit: 'KiB' },
  ];
}
