/**
 * kubectl's typed `create` subcommands send protobuf (`Content-Type:
 * application/vnd.kubernetes.protobuf`) and do not fall back to JSON; the simulator decodes them
 * for ConfigMaps, Secrets, Namespaces and ServiceAccounts (issue 9), and answers other kinds with
 * the server's 415. Runs kubectl when it is on the PATH; skipped with a message otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { decodeProtobufBody } from '../../src/simulator/protobuf.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

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
if (!kubectlPath) process.stderr.write('kubectl is not on the PATH: skipping kubectl create\n');
const describeKubectl = kubectlPath ? describe : describe.skip;

describe('decodeProtobufBody', () => {
  it('refuses a body without the k8s magic as the server does (400)', () => {
    expect(() => decodeProtobufBody(Buffer.from('{"a":1}'), 'ConfigMap')).toThrow(
      'the object provided is unrecognized (must be of type ConfigMap): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    );
  });
});

describeKubectl('kubectl create (protobuf) against the simulator', () => {
  let sim: Simulator;
  let dir: string;
  beforeAll(async () => {
    sim = await startSimulator({});
    dir = mkdtempSync(join(tmpdir(), 'hookline-kubectl-create-'));
    writeFileSync(join(dir, 'kubeconfig'), sim.kubeconfig);
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const kubectl = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(
        kubectlPath as string,
        ['--kubeconfig', join(dir, 'kubeconfig'), '--cache-dir', join(dir, 'cache'), ...args],
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('creates a ConfigMap, a Secret, a Namespace and a ServiceAccount', async () => {
    expect(await kubectl('create', 'configmap', 'kc', '--from-literal=a=b')).toMatchObject({
      code: 0,
      stdout: 'configmap/kc created\n',
    });
    expect((await kubectl('create', 'secret', 'generic', 'ks', '--from-literal=p=s3')).code).toBe(
      0,
    );
    expect((await kubectl('create', 'namespace', 'kns')).code).toBe(0);
    expect((await kubectl('create', 'serviceaccount', 'ksa', '-n', 'kns')).code).toBe(0);
    const cm = await kubectl('get', 'configmap', 'kc', '-o', 'jsonpath={.data.a}');
    expect(cm.stdout).toBe('b');
    const secret = await kubectl('get', 'secret', 'ks', '-o', 'jsonpath={.data.p}');
    expect(Buffer.from(secret.stdout, 'base64').toString()).toBe('s3');
    expect((await kubectl('get', 'serviceaccount', 'ksa', '-n', 'kns', '-o', 'name')).stdout).toBe(
      'serviceaccount/ksa\n',
    );
  });

  it('answers kinds it cannot decode with the server 415', async () => {
    const r = await kubectl('create', 'deployment', 'kd', '--image=nginx');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
    );
  });
});
