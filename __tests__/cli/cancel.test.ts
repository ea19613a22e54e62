// Design decision 11 for the CLI: SIGINT to `hookline install` (a child process whose work runs
// on the large-stack worker) aborts the running hook and records the release as failed with
// `context canceled`, never leaving it pending-install.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withChartDir } from '../../__fixtures__/chart-dir.js';
import { runCli } from '../../src/cli/main.js';
import { startSimulator } from '../../src/simulator/index.js';

const root = resolve(import.meta.dirname, '..', '..');

const CHART = {
  'Chart.yaml': 'apiVersion: v2\nname: slow\nversion: 0.1.0\n',
  'templates/hook.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: slow-hook
  annotations:
    helm.sh/hook: pre-install
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: wait
          image: busybox
          command: ["sh", "-c", "echo waiting; sleep 600"]
`,
};

describe('hookline install cancelled by SIGINT', () => {
  it('marks the release failed with context canceled', async () => {
    const sim = await startSimulator({ speed: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'hookline-cancel-'));
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, sim.kubeconfig);
    try {
      await withChartDir(CHART, async (chart) => {
        const child = spawn(
          join(root, 'node_modules', '.bin', 'tsx'),
          [join(root, 'src', 'cli.ts'), 'install', 'slow', chart, '--kubeconfig', kubeconfig],
          { cwd: root },
        );
        let stdout = '';
        child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
        // Wait until the hook runs (its Pod exists), then interrupt.
        let status = '';
        for (let i = 0; i < 100 && !status.includes('STATUS: pending-install'); i++) {
          await new Promise((r) => setTimeout(r, 200));
          let out = '';
          await runCli(['status', 'slow', '--kubeconfig', kubeconfig], {
            cwd: root,
            stdout: (s) => (out += s),
            stderr: () => undefined,
            log: () => undefined,
          });
          status = out;
        }
        expect(status).toContain('STATUS: pending-install');
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        child.kill('SIGINT');
        expect(await exited).toBe(1);
        expect(stdout).toContain('HOOKS:');
        let after = '';
        await runCli(['status', 'slow', '--kubeconfig', kubeconfig], {
          cwd: root,
          stdout: (s) => (after += s),
          stderr: () => undefined,
          log: () => undefined,
        });
        expect(after).toContain('STATUS: failed');
      });
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
