/**
 * `--hide-secret` on the CLI's dry-run (helm install/upgrade --dry-run --hide-secret, v3.13+):
 * each v1 Secret of MANIFEST becomes a `# HIDDEN:` line; without --dry-run it is an error.
 * Issue 8: no Secret value in any output.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withChartDir } from '../../__fixtures__/chart-dir.js';
import { runCli } from '../../src/cli/main.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

let sim: Simulator;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
  dir = mkdtempSync(join(tmpdir(), 'hookline-hide-'));
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig);
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const chart = {
  'Chart.yaml': 'apiVersion: v2\nname: sec\nversion: 0.1.0\n',
  'templates/secret.yaml':
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-db\nstringData:\n  password: hunter2-plain\n',
  'templates/cm.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cfg\ndata:\n  a: "1"\n',
};

async function cli(cwd: string, ...argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await runCli([...argv, '--kubeconfig', kubeconfig], {
    cwd,
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
    log: () => {},
    env: {},
  });
  return { code, ...out };
}

describe('--hide-secret', () => {
  it.each(['install', 'upgrade'])('%s --dry-run --hide-secret prints no Secret body', (verb) =>
    withChartDir(chart, async (c) => {
      const args = verb === 'upgrade' ? ['upgrade', '--install'] : ['install'];
      const shown = await cli(c, ...args, 'rel', '.', '--dry-run');
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain('hunter2-plain');
      const hidden = await cli(c, ...args, 'rel', '.', '--dry-run', '--hide-secret');
      expect(hidden.code).toBe(0);
      expect(hidden.stdout).not.toContain('hunter2-plain');
      expect(hidden.stdout).toContain(
        '# Source: sec/templates/secret.yaml\n# HIDDEN: The Secret output has been suppressed\n',
      );
      expect(hidden.stdout).toContain('name: rel-cfg');
    }),
  );

  it('without --dry-run it is an error', () =>
    withChartDir(chart, async (c) => {
      const r = await cli(c, 'install', 'rel2', '.', '--hide-secret');
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('Hiding Kubernetes secrets requires a dry-run mode');
    }));
});
