/**
 * `hookline simulator` serves kubectl: get, apply, wait, logs and delete against the kubeconfig
 * it writes. Runs Debian's kubectl when it is on the PATH; skipped with a message otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runSimulatorCommand } from '../../src/simulator/cli.js';

function findKubectl(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, 'kubectl'), constants.X_OK);
      return join(dir, 'kubectl');
    } catch {
      // not here
    }
  }
  return undefined;
}

const kubectlPath = findKubectl();
if (!kubectlPath)
  process.stderr.write('kubectl is not on the PATH: skipping the kubectl tests of the simulator\n');
const describeKubectl = kubectlPath ? describe : describe.skip;

const MANIFEST = (message: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: greet
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "echo ${message}; echo done"]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: "${message}"
`;

describeKubectl('kubectl against hookline simulator', () => {
  let dir: string;
  let stop: () => void;
  let finished: Promise<number>;

  const kubectl = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(
        kubectlPath as string,
        ['--kubeconfig', join(dir, 'kubeconfig'), '--cache-dir', join(dir, 'cache'), ...args],
        { timeout: 30_000 },
        (err, stdout, stderr) => {
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        },
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-kubectl-'));
    writeFileSync(join(dir, 'v1.yaml'), MANIFEST('hello'));
    writeFileSync(join(dir, 'v2.yaml'), MANIFEST('changed'));
    const until = new Promise<void>((resolve) => (stop = resolve));
    let ready: () => void = () => undefined;
    const listening = new Promise<void>((resolve) => (ready = resolve));
    finished = runSimulatorCommand(
      ['--port', '0', '--kubeconfig-out', join(dir, 'kubeconfig'), '--speed', '50'],
      { until, stdout: () => ready() },
    );
    await listening;
  });

  afterAll(async () => {
    stop?.();
    await finished;
    rmSync(dir, { recursive: true, force: true });
  });

  it('get ns lists the built-in namespaces', async () => {
    const r = await kubectl('get', 'ns', '-o', 'name');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'namespace/default',
        'namespace/kube-system',
        'namespace/kube-public',
      ]),
    );
  });

  it('apply -f creates, reports unchanged, configures the ConfigMap and refuses a Job template change', async () => {
    expect((await kubectl('apply', '-f', join(dir, 'v1.yaml'))).stdout).toBe(
      'job.batch/greet created\nconfigmap/settings created\n',
    );
    expect((await kubectl('apply', '-f', join(dir, 'v1.yaml'))).stdout).toBe(
      'job.batch/greet unchanged\nconfigmap/settings unchanged\n',
    );
    const changed = await kubectl('apply', '-f', join(dir, 'v2.yaml'));
    expect(changed.stdout).toContain('configmap/settings configured');
    expect(changed.code).not.toBe(0);
    expect(changed.stderr).toMatch(
      /The Job "greet" is invalid: .*spec\.template.*field is immutable/,
    );
    await kubectl('apply', '-f', join(dir, 'v1.yaml'));
  });

  it('wait --for=condition=complete returns once the Job completes', async () => {
    const r = await kubectl('wait', '--for=condition=complete', 'job/greet', '--timeout=20s');
    expect(r).toMatchObject({ code: 0, stdout: 'job.batch/greet condition met\n' });
  });

  it('get pods -A lists the Job pod', async () => {
    const r = await kubectl(
      'get',
      'pods',
      '-A',
      '-o',
      'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.labels.job-name}/{.status.phase}{"\\n"}{end}',
    );
    expect(r.stdout).toContain('default/greet/Succeeded');
  });

  it('get pods prints the server-side columns', async () => {
    const r = await kubectl('get', 'pods', '-l', 'job-name=greet');
    const [header, row] = r.stdout.trim().split('\n');
    expect(header.split(/\s+/)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(row.split(/\s+/).slice(1, 4)).toEqual(['0/1', 'Completed', '0']);
  });

  it('logs job/NAME prints the echoed lines', async () => {
    const r = await kubectl('logs', 'job/greet');
    // The echoed lines, then the simulator's exit-reason line.
    expect(r.stdout).toBe('hello\ndone\nCompleted: exit code 0\n');
  });

  it('delete -f deletes and waits for the objects to go', async () => {
    const r = await kubectl('delete', '-f', join(dir, 'v1.yaml'));
    expect(r.stdout).toBe('job.batch "greet" deleted\nconfigmap "settings" deleted\n');
    const after = await kubectl('get', 'configmap', 'settings');
    expect(after.code).not.toBe(0);
    expect(after.stderr).toContain('configmaps "settings" not found');
  });
});
