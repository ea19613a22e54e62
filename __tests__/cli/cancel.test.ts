// Design decision 11 and issue 9 ("signals dropped") for the CLI: SIGINT to `hookline install`
// at any moment ends the run with a non-zero exit and leaves the release either absent (nothing
// was written yet) or `failed` with `context canceled`, never pending or deployed. The moments are
// exact: HOOKLINE_PAUSE_AT makes the child stop before its Nth API request (or right after
// connecting) and say so on stderr; the test signals only then. The child is the real bundle
// (scripts/build.mjs into a temporary directory), so the large-stack worker and its signal relay
// are what runs. `hookline simulator` stops on its first SIGINT.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withChartDir } from '../../__fixtures__/chart-dir.js';
import { runCli } from '../../src/cli/main.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { buildBundle, root } from '../helpers/bundle.js';

const CHART = {
  'Chart.yaml': 'apiVersion: v2\nname: sig\nversion: 0.1.0\n',
  'templates/all.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-cm
data:
  a: b
---
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-pre
  annotations:
    helm.sh/hook: pre-install
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox
          command: ["sh", "-c", "echo hi"]
`,
};

interface Run {
  code: number | null;
  paused: boolean;
  stdout: string;
  stderr: string;
}

/** Spawn the bundled CLI; SIGINT it once it says it paused; always killed in the end. */
async function runSignalled(
  args: string[],
  env: Record<string, string>,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<Run> {
  let child: ChildProcess | undefined;
  try {
    const c = spawn(process.execPath, [join(bundle, 'cli.js'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    let stdout = '';
    let stderr = '';
    let paused = false;
    c.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    c.stderr!.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (!paused && stderr.includes('hookline: paused at ')) {
        paused = true;
        c.kill(signal);
      }
    });
    const code = await new Promise<number | null>((r) => c.once('exit', (n) => r(n)));
    return { code, paused, stdout, stderr };
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** `hookline history NAME`: each revision's status and description (or release: not found). */
async function history(name: string): Promise<string> {
  let out = '';
  let err = '';
  await runCli(['history', name, '--kubeconfig', kubeconfig], {
    cwd: root,
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    log: () => undefined,
  });
  return out + err;
}

let dir = '';
let bundle = '';
let kubeconfig = '';
let sim: Simulator | undefined;

beforeAll(async () => {
  ({ dir, bundle } = buildBundle('hookline-cancel-'));
  sim = await startSimulator({ speed: 50 });
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig);
}, 120_000);

afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hookline install cancelled by SIGINT (decision 11, issue 9)', () => {
  it('ends failed with context canceled, or writes nothing, at every point of the run', async () => {
    await withChartDir(CHART, async (chart) => {
      const points = ['connected', ...Array.from({ length: 40 }, (_, i) => `request:${i + 1}`)];
      const seen = { nothingWritten: 0, failed: 0 };
      let completed = false;
      for (const [i, point] of points.entries()) {
        const name = `sig${i}`;
        const run = await runSignalled(['install', name, chart, '--kubeconfig', kubeconfig], {
          HOOKLINE_PAUSE_AT: point,
        });
        const after = await history(name);
        if (!run.paused) {
          // Past the last request: the run finished untouched.
          expect(run.code).toBe(0);
          expect(after).toMatch(/\bdeployed\b/);
          completed = true;
          break;
        }
        expect({ point, code: run.code }).toEqual({ point, code: 1 });
        expect(run.stderr).toContain('context canceled');
        if (after.includes('release: not found')) seen.nothingWritten++;
        else {
          expect({ point, after }).toEqual({
            point,
            after: expect.stringMatching(/\bfailed\b.*context canceled/),
          });
          seen.failed++;
        }
      }
      expect(completed).toBe(true);
      // Both outcomes happened: before the first write, and after it up to the final record.
      expect(seen.nothingWritten).toBeGreaterThanOrEqual(2);
      expect(seen.failed).toBeGreaterThanOrEqual(5);
    });
  }, 600_000);
});

describe('a signal before a command listens (issue 9)', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s stops `template` at once with exit %i and no output',
    async (signal, code) => {
      await withChartDir(CHART, async (chart) => {
        const run = await runSignalled(
          ['template', 'x', chart],
          { HOOKLINE_PAUSE_AT: 'start' },
          signal,
        );
        expect(run.paused).toBe(true);
        expect(run.code).toBe(code);
        expect(run.stdout).toBe('');
      });
    },
    60_000,
  );
});

describe('hookline simulator and signals (issue 9)', () => {
  it('stops on the first SIGINT', async () => {
    let child: ChildProcess | undefined;
    try {
      const c = spawn(process.execPath, [join(bundle, 'cli.js'), 'simulator', '--port', '0'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      let out = '';
      const exited = new Promise<number | null>((r) => c.once('exit', (n) => r(n)));
      await new Promise<void>((r) =>
        c.stdout!.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('listening on')) r();
        }),
      );
      c.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
