/** Shared set-up for the kube tests: the simulator at speed 50 and a real node-client. */
import { randomBytes } from 'node:crypto';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { KubeClient, KubeObject } from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';

export interface TestCluster {
  sim: Simulator;
  client: KubeClient;
  /** A fresh namespace for one test file. */
  namespace: string;
}

export async function startCluster(prefix: string): Promise<TestCluster> {
  const sim = await startSimulator({ speed: 50, bookmarkEveryMs: 200 });
  const client = createNodeClient({ kubeconfig: sim.kubeconfig });
  const namespace = uniqueName(prefix);
  await client.ensureNamespace(namespace);
  return { sim, client, namespace };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

export function podSpec(command: string, image = 'busybox:1.36'): Record<string, unknown> {
  return {
    restartPolicy: 'Never',
    terminationGracePeriodSeconds: 1,
    containers: [{ name: 'main', image, command: ['sh', '-c', command] }],
  };
}

export function job(
  namespace: string,
  name: string,
  command: string,
  backoffLimit = 0,
): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace },
    spec: { backoffLimit, template: { spec: podSpec(command) } },
  };
}

export function configMap(
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, labels },
    data: { a: '1' },
  };
}
