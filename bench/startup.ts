/**
 * Start-up (issue 10): `hookline --help`, the action's start to its first API request, and the
 * bundle's sizes. Whole processes, medians.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildKubeconfig } from '../src/simulator/kubeconfig.js';
import { actionPath, cliPath, median, medianOf, root } from './proc.js';
import type { BenchRow } from './table.js';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? jsFiles(join(dir, e.name))
      : e.name.endsWith('.js')
        ? [join(dir, e.name)]
        : [],
  );
}

/**
 * Milliseconds from spawning `node dist/index.js` (an `upgrade --install` of the example chart)
 * to the first request reaching a stub API server, which answers 503 so the action ends.
 */
async function actionFirstRequest(): Promise<number> {
  let first: number | undefined;
  const server = createServer((_req, res) => {
    first ??= performance.now();
    res.writeHead(503, { 'Content-Type': 'application/json' });
    res.end('{"kind":"Status","apiVersion":"v1","status":"Failure","code":503}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const env = {
    ...process.env,
    INPUT_COMMAND: 'upgrade',
    INPUT_RELEASE: 'bench',
    INPUT_CHART: 'examples/database-app',
    INPUT_KUBECONFIG: buildKubeconfig({ server: `http://127.0.0.1:${port}` }),
    INPUT_TIMEOUT: '5s',
    GITHUB_WORKSPACE: root,
    GITHUB_STEP_SUMMARY: '',
    GITHUB_OUTPUT: '',
  };
  try {
    const start = performance.now();
    const child = spawn(process.execPath, [actionPath], { cwd: root, env, stdio: 'ignore' });
    try {
      await new Promise<void>((r) => child.once('exit', () => r()));
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    return first === undefined ? NaN : first - start;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

export async function benchStartup(): Promise<BenchRow[]> {
  const help = medianOf(10, process.execPath, [cliPath, '--help']);
  const action: number[] = [];
  for (let i = 0; i < 5; i++) action.push(await actionFirstRequest());
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
    {
      name: 'action: start of dist/index.js to its first API request',
      value: median(action),
      unit: 'ms',
      note: 'median of 5; target <= 150',
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
