/**
 * kubectl's typed `create` subcommands send protobuf (`Content-Type:
 * application/vnd.kubernetes.protobuf`) and do not fall back to JSON; the simulator decodes them
 * for every kind `kubectl create` makes (issue 9), with a field table generated from k8s.io/api's
 * generated.proto (scripts/gen-proto-schema.mjs). The decoder is tested on bodies kubectl 1.32
 * sent (fixtures/protobuf, scripts/capture-proto-fixtures.ts); the kubectl tests run kubectl when
 * it is on the PATH and are skipped with a message otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { decodeProtobufBody } from '../../src/simulator/protobuf.js';
import { CREATE_CASES } from './fixtures/protobuf/cases.js';

const fixture = (name: string): Buffer =>
  readFileSync(join(import.meta.dirname, 'fixtures', 'protobuf', `${name}.bin`));
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

  it('decodes a Deployment kubectl sent: pointers keep zero, omitempty zeros are dropped', () => {
    expect(decodeProtobufBody(fixture('deployment'), 'Deployment')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kd', labels: { app: 'kd' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'kd' } },
        template: {
          metadata: { labels: { app: 'kd' } },
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} },
            ],
          },
        },
        strategy: {},
      },
      status: {},
    });
  });

  it('decodes IntOrString, Quantity, bytes and nested lists', () => {
    const pdb = decodeProtobufBody(fixture('poddisruptionbudget'), 'PodDisruptionBudget');
    expect(pdb).toMatchObject({
      apiVersion: 'policy/v1',
      spec: { minAvailable: '50%', selector: { matchLabels: { app: 'x' } } },
    });
    const svc = decodeProtobufBody(fixture('service-nodeport'), 'Service');
    expect(svc).toMatchObject({
      spec: {
        type: 'NodePort',
        ports: [{ name: '80-8080', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }],
      },
    });
    const quota = decodeProtobufBody(fixture('quota'), 'ResourceQuota');
    expect(quota).toMatchObject({
      spec: { hard: { cpu: '1', memory: '1G', pods: '2' }, scopes: ['NotTerminating'] },
    });
    const secret = decodeProtobufBody(fixture('secret'), 'Secret');
    expect(secret).toMatchObject({ data: { p: Buffer.from('s3').toString('base64') } });
    const binding = decodeProtobufBody(fixture('rolebinding'), 'RoleBinding');
    expect(binding).toMatchObject({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kr' },
      subjects: [
        { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' },
        { kind: 'ServiceAccount', namespace: 'default', name: 'ksa' },
      ],
    });
    const pc = decodeProtobufBody(fixture('priorityclass'), 'PriorityClass');
    expect(pc).toMatchObject({ value: 1000, description: 'high', preemptionPolicy: 'Never' });
  });

  it.each(CREATE_CASES.map((c) => c.name))('decodes the %s body kubectl sent', (name) => {
    const obj = decodeProtobufBody(fixture(name), 'X');
    expect(obj).toBeDefined();
    expect(obj?.metadata).toMatchObject({ name: expect.any(String) });
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

  it.each(CREATE_CASES.map((c) => [c.name, c] as const))(
    'kubectl create %s is stored and read back',
    async (_name, c) => {
      const created = await kubectl('create', ...c.args);
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const got = await kubectl('get', ...c.get, '-o', 'jsonpath={.metadata.name}');
      expect(got).toMatchObject({ code: 0, stdout: c.get[1] });
    },
  );

  it('stores what kubectl sent: data, replicas 0, the schedule, rules', async () => {
    const jp = async (what: string[], path: string) =>
      (await kubectl('get', ...what, '-o', `jsonpath=${path}`)).stdout;
    expect(await jp(['configmap', 'kc'], '{.data.a}')).toBe('b');
    expect(Buffer.from(await jp(['secret', 'ks'], '{.data.p}'), 'base64').toString()).toBe('s3');
    expect(await jp(['deployment', 'kd'], '{.spec.replicas}')).toBe('0');
    expect(await jp(['cronjob', 'kcj'], '{.spec.schedule}')).toBe('*/5 * * * *');
    expect(await jp(['role', 'kr'], '{.rules[0].verbs}')).toBe('["get","list"]');
    expect(await jp(['ingress', 'king'], '{.spec.rules[0].host}')).toBe('foo.com');
    expect(await jp(['service', 'knp'], '{.spec.ports[0].nodePort}')).toBe('30080');
  });

  it('kubectl run, expose and autoscale (protobuf too) are stored', async () => {
    expect(
      (await kubectl('run', 'kp', '--image=nginx', '--restart=Never', '--labels=app=kp')).code,
    ).toBe(0);
    expect((await kubectl('expose', 'deployment', 'kd', '--port=81', '--name=kd-svc')).code).toBe(
      0,
    );
    expect(
      (await kubectl('autoscale', 'deployment', 'kd', '--min=1', '--max=3', '--cpu-percent=50'))
        .code,
    ).toBe(0);
    const jp = async (what: string[], path: string) =>
      (await kubectl('get', ...what, '-o', `jsonpath=${path}`)).stdout;
    expect(await jp(['pod', 'kp'], '{.spec.containers[0].image}')).toBe('nginx');
    expect(await jp(['service', 'kd-svc'], '{.spec.ports[0].port}')).toBe('81');
    expect(await jp(['hpa', 'kd'], '{.spec.maxReplicas}')).toBe('3');
  });

  it('kubectl create token fails (the TokenRequest subresource is not simulated)', async () => {
    const r = await kubectl('create', 'token', 'ksa');
    expect(r.code).not.toBe(0);
  });
});
