/**
 * Build with validation through the lifecycle (helm-semantics §4.1 step 9, §4.2 step 7, §3.1
 * step 2.3) on the simulator made to look like a Kubernetes 1.20 server (its /version and the
 * real 1.20 /openapi/v2 models, cut to the fixture). The same checks against the real server
 * and real Helm are in __tests__/realcluster/validation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createNodeClient } from '../../src/kube/node-client.js';
import { install } from '../../src/lifecycle/install.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { dryRun } from '../../src/action/dry-run.js';
import type { ActionInputs } from '../../src/action/inputs.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { JsonObject } from '../../src/simulator/json.js';
import { uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, configMapDoc, writeChart } from './install-fixtures.js';

const V1_20 = { major: '1', minor: '20', gitVersion: 'v1.20.2' };
const DOC = JSON.parse(
  readFileSync(new URL('../fixtures/openapi-v2-k8s-1.20.json', import.meta.url), 'utf8'),
) as JsonObject;

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${extra}  selector:
    matchLabels: {app: v}
  template:
    metadata:
      labels: {app: v}
    spec:
      containers:
        - name: main
          image: busybox:1.36
`;
const UNKNOWN =
  'error validating "": error validating data: ValidationError(Deployment.spec): unknown field "bogus" in io.k8s.api.apps.v1.DeploymentSpec';

async function cluster(opts: Parameters<typeof startSimulator>[0]): Promise<TestCluster> {
  const sim = await startSimulator({ speed: 50, bookmarkEveryMs: 200, ...opts });
  const client = createNodeClient({ kubeconfig: sim.kubeconfig });
  const namespace = uniqueName('oapi');
  await client.ensureNamespace(namespace);
  return { sim, client, namespace };
}

async function statuses(c: TestCluster, name: string): Promise<string[]> {
  const records = await c.client.secrets(c.namespace).list(`owner=helm,name=${name}`);
  return records.map((r) => r.metadata.labels?.status ?? '');
}

describe('a server without field validation (Kubernetes 1.20)', () => {
  let c: TestCluster;
  let sim: Simulator;
  beforeAll(async () => {
    c = await cluster({ kubeVersion: V1_20, openApiV2: DOC });
    sim = c.sim;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('refuses an install whose manifest the models refuse, storing and creating nothing', async () => {
    const name = uniqueName('bad');
    const chart = writeChart('bad', {
      'cm.yaml': configMapDoc(`${name}-cm`),
      'd.yaml': deployment(name, '  bogus: 1\n'),
    });
    await expect(
      install(config(c), chart, { releaseName: name, namespace: c.namespace }),
    ).rejects.toThrow(`unable to build kubernetes objects from release manifest: ${UNKNOWN}`);
    expect(await statuses(c, name)).toEqual([]);
    await expect(
      c.client.get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: `${name}-cm`,
        namespace: c.namespace,
      }),
    ).rejects.toThrow();
  });

  it('installs it with disableOpenApiValidation, and refuses the upgrade unwrapped', async () => {
    const name = uniqueName('lax');
    const chart = writeChart('lax', { 'd.yaml': deployment(name, '  bogus: 1\n') });
    const cfg = config(c);
    const r = await install(cfg, chart, {
      releaseName: name,
      namespace: c.namespace,
      disableOpenApiValidation: true,
    });
    expect(r.release.info.status).toBe('deployed');
    const err = await upgrade(cfg, name, chart, { namespace: c.namespace }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toBe(UNKNOWN); // prepareUpgrade's validateManifest: unwrapped
    expect(await statuses(c, name)).toEqual(['deployed']);
  });

  it('validates hooks even with disableOpenApiValidation: the release fails', async () => {
    const name = uniqueName('hook');
    const hook = deployment(`${name}-hook`, '  bogus: 1\n').replace(
      'metadata:\n',
      'metadata:\n  annotations:\n    "helm.sh/hook": pre-install\n',
    );
    const chart = writeChart('hook', { 'hook.yaml': hook, 'cm.yaml': configMapDoc(`${name}-cm`) });
    const err = await install(config(c), chart, {
      releaseName: name,
      namespace: c.namespace,
      disableOpenApiValidation: true,
    }).catch((e: unknown) => e as Error);
    const why = `unable to build kubernetes object for pre-install hook hook/templates/hook.yaml: ${UNKNOWN}`;
    expect((err as Error).message).toBe(`failed pre-install: ${why}`);
    expect(await statuses(c, name)).toEqual(['failed']);
  });

  it("fails the action's plan as the run would fail", async () => {
    const name = uniqueName('plan');
    const chart = writeChart('plan', { 'd.yaml': deployment(name, '  bogus: 1\n') });
    const inputs = { command: 'install', release: name, noHooks: false } as ActionInputs;
    const target = { namespace: c.namespace, chart, values: undefined };
    await expect(dryRun(config(c), inputs, target)).rejects.toThrow(
      `unable to build kubernetes objects from release manifest: ${UNKNOWN}`,
    );
    const off = { ...inputs, disableOpenApiValidation: true };
    expect((await dryRun(config(c), off, target)).plan).toBeDefined();
  });
});

describe('other servers', () => {
  it('leaves field validation to a server of 1.25 or later: its document is not even read', async () => {
    const c = await cluster({ openApiV2: DOC }); // the simulator's own v1.32.0
    try {
      const name = uniqueName('new');
      const chart = writeChart('new', { 'd.yaml': deployment(name, '  paused: false\n') });
      const r = await install(config(c), chart, { releaseName: name, namespace: c.namespace });
      expect(r.release.info.status).toBe('deployed');
      // The kind is still read first, as kubectl's paramVerifyingSchema does.
      const noKind = writeChart('nokind', { 'a.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n' });
      await expect(
        install(config(c), noKind, { releaseName: uniqueName('nokind'), namespace: c.namespace }),
      ).rejects.toThrow(
        'unable to build kubernetes objects from release manifest: error validating "": error validating data: kind not set',
      );
    } finally {
      await c.sim.close();
    }
  });

  it('refuses every object of an old server whose document cannot be read', async () => {
    const c = await cluster({ kubeVersion: V1_20 }); // no /openapi/v2
    try {
      const name = uniqueName('nodoc');
      const chart = writeChart('nodoc', { 'cm.yaml': configMapDoc(`${name}-cm`) });
      await expect(
        install(config(c), chart, { releaseName: name, namespace: c.namespace }),
      ).rejects.toThrow(
        /^unable to build kubernetes objects from release manifest: error validating "": error validating data: failed to download openapi: /,
      );
    } finally {
      await c.sim.close();
    }
  });
});
