/**
 * Shared set-up for the install/uninstall tests: a Configuration over the simulator (speed 50)
 * with the real node-client and Helm's Secrets storage driver (ST-4), and small charts written
 * to a temp directory.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadChart } from '../../src/chart/directory.js';
import type { Chart } from '../../src/chart/types.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import type { Configuration } from '../../src/lifecycle/config.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';
import { systemClock } from '../../src/gotime/clock.js';
import type { TestCluster } from '../kube/cluster.js';
import { memoryLog } from './hooks-fixtures.js';

export type TestConfig = Configuration & { log: ReturnType<typeof memoryLog> };

export function config(c: TestCluster, namespace = c.namespace): TestConfig {
  return {
    kube: c.client,
    storage: new Storage(new SecretsDriver(secretsApi(c.client, namespace))),
    clock: systemClock,
    log: memoryLog(),
  };
}

/** A chart named `name` with the given templates (path under templates/ → text). */
export function writeChart(name: string, templates: Record<string, string>): Chart {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-chart-'));
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  for (const [path, text] of Object.entries(templates)) {
    const file = join(dir, 'templates', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return loadChart(dir);
}

/** A Job hook running `sh -c <script>` with backoffLimit 0. */
export function jobHook(name: string, event: string, script: string, policy = ''): string {
  return [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    `    "helm.sh/hook": ${event}`,
    ...(policy ? [`    "helm.sh/hook-delete-policy": ${policy}`] : []),
    'spec:',
    '  backoffLimit: 0',
    '  template:',
    '    spec:',
    '      restartPolicy: Never',
    '      terminationGracePeriodSeconds: 1',
    '      containers:',
    '        - name: main',
    '          image: busybox:1.36',
    `          command: ["sh", "-c", ${JSON.stringify(script)}]`,
    '',
  ].join('\n');
}

/** A ConfigMap manifest with optional annotations. */
export function configMapDoc(name: string, annotations: Record<string, string> = {}): string {
  const ann = Object.entries(annotations).map(
    ([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${name}`,
    ...(ann.length ? ['  annotations:', ...ann] : []),
    'data:',
    '  a: "1"',
    '',
  ].join('\n');
}

/** A Deployment of one replica running `image`. */
export function deploymentDoc(name: string, image: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  replicas: 1',
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    '        - name: main',
    `          image: ${image}`,
    '',
  ].join('\n');
}

/** A namespaced CRD of kind Widget (`widgets.<group>`) that keeps unknown fields. */
export function widgetCrd(group: string): string {
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    `  name: widgets.${group}`,
    'spec:',
    `  group: ${group}`,
    '  scope: Namespaced',
    '  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}',
    '  versions:',
    '  - name: v1',
    '    served: true',
    '    storage: true',
    '    schema:',
    '      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}',
    '',
  ].join('\n');
}
