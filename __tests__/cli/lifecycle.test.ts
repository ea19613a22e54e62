/**
 * The cluster commands of the CLI, driven in process against one simulator (a kubeconfig
 * file), as Helm 3 prints them (helm/helm cmd/helm/{install,upgrade,rollback,uninstall,
 * release_testing,status,history}.go, v3.21): the status block, the upgrade/rollback/uninstall
 * messages, `INSTALLATION FAILED: ` errors, plus hookline's hook summary (design decision 9),
 * printed before the error when a hook failed. Hook order: ORD-5.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { hookJobChart, withChartDir } from '../../__fixtures__/chart-dir.js';

const root = resolve(import.meta.dirname, '..', '..');
let sim: Simulator;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
  dir = mkdtempSync(join(tmpdir(), 'hookline-cli-'));
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig);
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Both streams in the order written. */
  all: string;
}

async function hookline(...argv: string[]): Promise<Run> {
  const run = { stdout: '', stderr: '', all: '' };
  const code = await runCli(argv, {
    cwd: root,
    stdout: (s) => {
      run.stdout += s;
      run.all += s;
    },
    stderr: (s) => {
      run.stderr += s;
      run.all += s;
    },
    log: () => {},
    env: { KUBECONFIG: join(dir, 'absent') },
  });
  return { code, ...run };
}

const onSim = (...argv: string[]) => hookline(...argv, '--kubeconfig', kubeconfig);

/** The hook rows of the summary: `[event, kind/name, phase]`. */
function hookRows(stdout: string): string[][] {
  const lines = stdout.slice(stdout.indexOf('HOOKS:\nEVENT')).split('\n').slice(2);
  return lines
    .filter((l) => /^(pre|post|test)/.test(l))
    .map((l) => {
      const cells = l.split(/\s+/);
      return [cells[0]!, cells[1]!, cells[3]!];
    });
}

describe('the release lifecycle through the CLI (examples/database-app)', () => {
  it('install → status → upgrade → history → rollback → test → uninstall', async () => {
    const install = await onSim('install', 'my-app', 'examples/database-app', '--timeout', '60s');
    expect(install.stderr).toBe('');
    expect(install.code).toBe(0);
    expect(install.stdout).toMatch(
      /^NAME: my-app\nLAST DEPLOYED: .+\nNAMESPACE: default\nSTATUS: deployed\nREVISION: 1\nNOTES:\n/,
    );
    // ORD-5: pre-install hooks by weight (-10, -9, -8, 0), then post-install.
    expect(hookRows(install.stdout)).toEqual([
      ['pre-install', 'ServiceAccount/helm-cleanup-sa', 'Succeeded'],
      ['pre-install', 'Role/helm-cleanup-role', 'Succeeded'],
      ['pre-install', 'RoleBinding/helm-cleanup-binding', 'Succeeded'],
      ['pre-install', 'Job/my-app-db-init', 'Succeeded'],
      ['post-install', 'Job/my-app-notification', 'Succeeded'],
    ]);
    expect(install.stdout.indexOf('NOTES:')).toBeLessThan(install.stdout.indexOf('HOOKS:'));

    const status = await onSim('status', 'my-app');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('STATUS: deployed\nREVISION: 1\n');
    expect(status.stdout).not.toContain('HOOKS:');

    const upgrade = await onSim(
      'upgrade',
      'my-app',
      'examples/database-app',
      '--set',
      'image.tag=1.22.0',
      '--timeout=60s',
    );
    expect(upgrade.stderr).toBe('');
    expect(upgrade.code).toBe(0);
    expect(upgrade.stdout).toMatch(
      /^Release "my-app" has been upgraded\. Happy Helming!\nNAME: my-app\n[^]*STATUS: deployed\nREVISION: 2\n/,
    );

    const history = await onSim('history', 'my-app');
    expect(history.code).toBe(0);
    const rows = history.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^REVISION\s+UPDATED\s+STATUS\s+CHART\s+APP VERSION\s+DESCRIPTION\s*$/);
    expect(rows.slice(1).map((r) => r.split(/\s+/)[0])).toEqual(['1', '2']);
    expect(rows[1]).toContain('superseded');
    expect(rows[2]).toContain('Upgrade complete');

    const rollback = await onSim('rollback', 'my-app', '1', '--timeout', '60s');
    expect(rollback.stderr).toBe('');
    expect(rollback.code).toBe(0);
    expect(rollback.stdout.startsWith('Rollback was a success! Happy Helming!\n')).toBe(true);
    expect((await onSim('status', 'my-app')).stdout).toContain('REVISION: 3\n');

    const test = await onSim('test', 'my-app', '--timeout', '60s', '--logs');
    expect(test.stderr).toBe('');
    expect(test.code).toBe(0);
    expect(test.stdout).toMatch(
      /TEST SUITE: {5}my-app-database-app-test-connection\nLast Started: .+\nLast Completed: .+\nPhase: {10}Succeeded\n/,
    );
    expect(test.stdout).toContain('\nPOD LOGS: my-app-database-app-test-connection\n');
    expect(hookRows(test.stdout)).toEqual([
      ['test', 'Pod/my-app-database-app-test-connection', 'Succeeded'],
    ]);

    const uninstall = await onSim('uninstall', 'my-app', '--timeout', '60s');
    expect(uninstall.stderr).toBe('');
    expect(uninstall.code).toBe(0);
    expect(uninstall.stdout.startsWith('release "my-app" uninstalled\n')).toBe(true);
    expect(hookRows(uninstall.stdout).map((r) => r[0])).toEqual(['pre-delete', 'post-delete']);
    expect((await onSim('status', 'my-app')).stderr).toBe('Error: release: not found\n');
  }, 30_000);
});

/** A chart whose pre-install Job writes a line and exits 3 (backoffLimit 0). */
const FAILING = hookJobChart('echo migrating; exit 3');

describe("the API server's warnings", () => {
  it('are printed on stderr as kubectl prints them, once per text', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: warned\nversion: 0.1.0\n',
        'templates/cm.yaml': [1, 2]
          .map((i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w${i}\nbogus: ${i}\n`)
          .join('---\n'),
      },
      async (chart) => {
        const r = await onSim('install', 'warned', chart, '-n', 'default');
        expect(r.code).toBe(0);
        // Helm shows each through klog (`W1207 ... warnings.go:70] unknown field "bogus"`).
        expect(r.stderr).toBe('Warning: unknown field "bogus"\n');
        expect((await onSim('uninstall', 'warned', '-n', 'default')).code).toBe(0);
      },
    ));
});

describe('failures', () => {
  it('a failed pre-install hook: the summary with its log tail, then INSTALLATION FAILED', () =>
    withChartDir(FAILING, async (chart) => {
      const run = await onSim('install', 'broken', chart, '--timeout', '30s');
      expect(run.code).toBe(1);
      const error =
        'Error: INSTALLATION FAILED: failed pre-install: job broken-migrate failed: BackoffLimitExceeded\n';
      expect(run.stderr).toBe(error);
      expect(run.all.endsWith(error)).toBe(true);
      expect(hookRows(run.stdout)).toEqual([['pre-install', 'Job/broken-migrate', 'Failed']]);
      expect(run.stdout).toContain('FAILED HOOK pre-install Job/broken-migrate');
      expect(run.stdout).toContain('  last log lines:\n    migrating\n');
      expect(run.stdout).toMatch(/exit code 3/);
    }));

  it.each([
    ['install', ['install', 'x', 'examples/hello-world-chart']],
    ['upgrade', ['upgrade', 'x', 'examples/hello-world-chart']],
    ['rollback', ['rollback', 'x']],
    ['uninstall', ['uninstall', 'x']],
    ['test', ['test', 'x']],
  ])("%s: a bad --timeout is pflag's error for a time.Duration", async (_, argv) => {
    const run = await hookline(...argv, '--timeout', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Error: invalid argument "x" for "--timeout" flag: time: invalid duration "x"\n',
    );
  });

  it('without a kubeconfig the command says where it looked and how to get one', async () => {
    const run = await hookline('status', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Error: Kubernetes cluster unreachable: no kubeconfig at ${join(dir, 'absent')} (use --kubeconfig, KUBECONFIG, or --simulate)\n`,
    );
  });

  it('history of an unknown release is release: not found', async () => {
    const run = await onSim('history', 'nobody');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Error: release: not found\n');
  });
});

describe('upgrade --install (cmd/helm/upgrade.go)', () => {
  it('installs a missing release, saying so first; the next run upgrades it', async () => {
    const args = ['upgrade', '-i', 'greeter', 'examples/hello-world-chart', '--timeout', '30s'];
    const first = await onSim(...args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Release "greeter" does not exist\. Installing it now\.\nNAME: greeter\n[^]*REVISION: 1\n/,
    );
    const second = await onSim(...args);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /^Release "greeter" has been upgraded\. Happy Helming!\nNAME: greeter\n[^]*REVISION: 2\n/,
    );
    const history = await onSim('history', 'greeter', '--max', '1');
    expect(history.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(history.stdout.split('\n')[1]!.startsWith('2')).toBe(true);
  });

  it('an upgrade of a missing release without --install is UPGRADE FAILED', async () => {
    const run = await onSim('upgrade', 'ghost', 'examples/hello-world-chart');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Error: UPGRADE FAILED: "ghost" has no deployed releases\n');
  });
});

describe('flag and argument errors', () => {
  it.each([
    [
      ['upgrade', 'x', 'c', '--history-max', 'ten'],
      'invalid argument "ten" for "--history-max" flag: strconv.ParseInt: parsing "ten": invalid syntax',
    ],
    [
      ['history', 'x', '--max=many'],
      'invalid argument "many" for "--max" flag: strconv.ParseInt: parsing "many": invalid syntax',
    ],
    [
      ['rollback', 'x', 'one'],
      'could not convert revision to a number: strconv.Atoi: parsing "one": invalid syntax',
    ],
    [
      ['uninstall', 'x', '--cascade', 'sideways'],
      'invalid cascade value (sideways). Must be "background", "foreground", or "orphan"',
    ],
    [
      ['install', 'x', 'c', '--hook-logs', 'some'],
      'invalid argument "some" for "--hook-logs" flag: must be one of failed, all, none',
    ],
  ])('%j', async (argv, message) => {
    const run = await hookline(...argv);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Error: ${message}\n`);
  });
});

describe('--simulate', () => {
  it('installs into a simulator started for the one command', async () => {
    const run = await hookline(
      'install',
      'hello',
      'examples/hello-world-chart',
      '--simulate',
      '--simulate-speed',
      '50',
      '--timeout',
      '30s',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^NAME: hello\n[^]*STATUS: deployed\nREVISION: 1\n/);
  });
});
