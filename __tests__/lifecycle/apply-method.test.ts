/**
 * Design decision 8 on the simulator: `.Capabilities` from the cluster's discovery (section 7,
 * helm-semantics `.Capabilities`), and the apply method of Helm 4 (section 9 item 1):
 * `--server-side auto|true|false`, `apply_method` in the record, Helm 3's create plus
 * three-way merge patch (ORD-9) keeping what others changed, `--force` replace.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../src/kube/client.js';
import { InstallError } from '../../src/lifecycle/errors.js';
import { install } from '../../src/lifecycle/install.js';
import { rollback } from '../../src/lifecycle/rollback.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { UpgradeError } from '../../src/lifecycle/errors.js';
import { startCluster, uniqueName, type TestCluster } from '../kube/cluster.js';
import { config, writeChart } from './install-fixtures.js';
import { rejection } from './upgrade-fixtures.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startCluster('apply');
});
afterAll(async () => {
  await c.sim.close();
});

const CAPS_TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-caps
data:
  kube: {{ .Capabilities.KubeVersion.Version | quote }}
  minor: {{ .Capabilities.KubeVersion.Minor | quote }}
  deploymentKind: {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" | quote }}
  scale: {{ .Capabilities.APIVersions.Has "apps/v1/Scale" | quote }}
  pdbVersion: {{ if .Capabilities.APIVersions.Has "policy/v1beta1" }}"policy/v1beta1"{{ else }}"policy/v1"{{ end }}
`;

function deploymentDoc(name: string, containers: string[]): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  replicas: 1',
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    '      containers:',
    ...containers.map(
      (n) => `        - {name: ${n}, image: "busybox:1.36", command: ["sleep", "3600"]}`,
    ),
    '',
  ].join('\n');
}

function serviceDoc(name: string, ports: number[]): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  selector: {app: ${name}}`,
    '  ports:',
    // No `protocol`: the case a 1.20 server's server-side apply rejects.
    ...ports.map((p) => `    - {name: p${p}, port: ${p}, targetPort: ${p}}`),
    '',
  ].join('\n');
}

const ref = (kind: string, name: string, apiVersion = 'v1') => ({
  apiVersion,
  kind,
  name,
  namespace: c.namespace,
});

function managers(obj: KubeObject): string[] {
  const fields = (obj.metadata.managedFields ?? []) as Array<{
    manager: string;
    operation: string;
  }>;
  return fields.map((m) => `${m.manager}/${m.operation}`);
}

function containerNames(dep: KubeObject): string[] {
  const spec = dep.spec as { template: { spec: { containers: Array<{ name: string }> } } };
  return spec.template.spec.containers.map((x) => x.name);
}

describe('.Capabilities from discovery (decision 8, helm-semantics section 7)', () => {
  it('install renders with the server version and its group/version/Kind entries', async () => {
    const cfg = config(c);
    const name = uniqueName('caps');
    const res = await install(cfg, writeChart('caps', { 'cm.yaml': CAPS_TEMPLATE }), {
      releaseName: name,
      namespace: c.namespace,
    });
    const cm = await c.client.get(ref('ConfigMap', `${name}-caps`));
    const version = (await c.client.discover()).version;
    expect(cm.data).toEqual({
      kube: version.gitVersion,
      minor: version.minor,
      deploymentKind: 'true',
      scale: 'true',
      // The simulator serves policy/v1 only; the built-in defaults also list policy/v1beta1.
      pdbVersion: 'policy/v1',
    });
    expect(res.release.manifest).toContain(`kube: "${version.gitVersion}"`);
  });

  it('a client dry run keeps the built-in defaults (and --kube-version); a server dry run reads the cluster', async () => {
    const cfg = config(c);
    const chart = writeChart('caps', { 'cm.yaml': CAPS_TEMPLATE });
    const client = await install(cfg, chart, {
      releaseName: uniqueName('dry'),
      namespace: c.namespace,
      dryRun: true,
      kubeVersion: '1.25.3',
    });
    expect(client.release.manifest).toContain('kube: "v1.25.3"');
    expect(client.release.manifest).toContain('deploymentKind: "false"');
    expect(client.release.manifest).toContain('pdbVersion: "policy/v1beta1"');
    const server = await install(cfg, chart, {
      releaseName: uniqueName('dry'),
      namespace: c.namespace,
      dryRun: 'server',
      kubeVersion: '1.25.3',
    });
    expect(server.release.manifest).toContain('deploymentKind: "true"');
    expect(server.release.manifest).not.toContain('v1.25.3');
  });

  it('upgrade renders with the cluster capabilities too', async () => {
    const cfg = config(c);
    const name = uniqueName('capsup');
    const chart = writeChart('caps', { 'cm.yaml': CAPS_TEMPLATE });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const res = await upgrade(config(c), name, chart, {});
    expect(res.release.manifest).toContain('deploymentKind: "true"');
  });
});

describe('apply method (decision 8; Helm 4 --server-side, apply_method)', () => {
  it('auto installs with server-side apply on a server where it is GA and upgrades keep it', async () => {
    const cfg = config(c);
    const name = uniqueName('ssa');
    const chart = writeChart('app', { 'svc.yaml': serviceDoc(`${name}-svc`, [80]) });
    const res = await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    expect(res.release.apply_method).toBe('ssa');
    expect(managers(await c.client.get(ref('Service', `${name}-svc`)))).toContain('helm/Apply');
    const up = await upgrade(cfg, name, chart, {});
    expect(up.release.apply_method).toBe('ssa');
    expect((await cfg.storage.get(name, 2)).apply_method).toBe('ssa');
  });

  it('--server-side=false: create, then three-way merge patches keeping what others changed', async () => {
    const cfg = config(c);
    const name = uniqueName('csa');
    const dep = `${name}-web`;
    const v1 = writeChart('app', {
      'dep.yaml': deploymentDoc(dep, ['app', 'sidecar']),
      'svc.yaml': serviceDoc(`${name}-svc`, [80]),
    });
    const res = await install(cfg, v1, {
      releaseName: name,
      namespace: c.namespace,
      serverSide: 'false',
    });
    expect(res.release.apply_method).toBe('csa');
    const created = await c.client.get(ref('Deployment', dep, 'apps/v1'));
    expect(managers(created)).toContain('helm/Update');
    expect(managers(created)).not.toContain('helm/Apply');
    // Someone else annotates the Deployment and adds a container.
    await c.client.patch(
      ref('Deployment', dep, 'apps/v1'),
      {
        metadata: { annotations: { 'team/owner': 'ops' } },
        spec: {
          template: {
            spec: { containers: [{ name: 'injected', image: 'busybox:1.36' }] },
          },
        },
      },
      'strategic',
    );
    const v2 = writeChart('app', {
      'dep.yaml': deploymentDoc(dep, ['app']),
      'svc.yaml': serviceDoc(`${name}-svc`, [80, 443]),
    });
    // auto keeps the method the release was installed with.
    const up = await upgrade(cfg, name, v2, {});
    expect(up.release.apply_method).toBe('csa');
    const live = await c.client.get(ref('Deployment', dep, 'apps/v1'));
    expect(containerNames(live).sort()).toEqual(['app', 'injected']);
    expect(live.metadata.annotations?.['team/owner']).toBe('ops');
    expect(live.metadata.annotations?.['meta.helm.sh/release-name']).toBe(name);
    expect(managers(live)).not.toContain('helm/Apply');
    const svc = await c.client.get(ref('Service', `${name}-svc`));
    const ports = (svc.spec as { ports: Array<{ port: number }> }).ports.map((p) => p.port);
    expect(ports).toEqual([80, 443]);
    // Rollback to 1 patches the sidecar back in (the target revision's method: csa).
    const rb = await rollback(cfg, name, { revision: 1 });
    expect(rb.release.apply_method).toBe('csa');
    const back = await c.client.get(ref('Deployment', dep, 'apps/v1'));
    expect(containerNames(back).sort()).toEqual(['app', 'injected', 'sidecar']);
  });

  it('client-side patches order merged lists as $setElementOrder says (a container added first)', async () => {
    const cfg = config(c);
    const name = uniqueName('order');
    const dep = `${name}-web`;
    const v1 = writeChart('app', { 'dep.yaml': deploymentDoc(dep, ['app', 'tail']) });
    await install(cfg, v1, { releaseName: name, namespace: c.namespace, serverSide: false });
    const v2 = writeChart('app', { 'dep.yaml': deploymentDoc(dep, ['first', 'app', 'tail']) });
    await upgrade(cfg, name, v2, {});
    const live = await c.client.get(ref('Deployment', dep, 'apps/v1'));
    expect(containerNames(live)).toEqual(['first', 'app', 'tail']);
  });

  it('moving a client-side release to --server-side=true folds the helm Update manager into Apply', async () => {
    const cfg = config(c);
    const name = uniqueName('move');
    const cm = (data: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-cm\ndata:\n${data}`;
    const v1 = writeChart('app', { 'cm.yaml': cm('  a: "1"\n  dropped: "x"\n') });
    await install(cfg, v1, { releaseName: name, namespace: c.namespace, serverSide: false });
    const v2 = writeChart('app', { 'cm.yaml': cm('  a: "2"\n') });
    const up = await upgrade(cfg, name, v2, { serverSide: true });
    expect(up.release.apply_method).toBe('ssa');
    const live = await c.client.get(ref('ConfigMap', `${name}-cm`));
    // The field the chart dropped is gone: the Apply entry owned it after the fold.
    expect(live.data).toEqual({ a: '2' });
    expect(managers(live)).toContain('helm/Apply');
    expect(managers(live)).not.toContain('helm/Update');
  });

  it('a record without apply_method (written by Helm 3) stays client-side under auto', async () => {
    const cfg = config(c);
    const name = uniqueName('helm3');
    const chart = writeChart('app', { 'svc.yaml': serviceDoc(`${name}-svc`, [80]) });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace, serverSide: false });
    const stored = await cfg.storage.get(name, 1);
    delete stored.apply_method;
    await cfg.storage.update(stored);
    expect((await cfg.storage.get(name, 1)).apply_method).toBeUndefined();
    const up = await upgrade(cfg, name, chart, {});
    expect(up.release.apply_method).toBe('csa');
    expect(managers(await c.client.get(ref('Service', `${name}-svc`)))).not.toContain('helm/Apply');
  });

  it('--force replaces objects under client-side apply, dropping fields others added', async () => {
    const cfg = config(c);
    const name = uniqueName('force');
    const chart = writeChart('app', { 'svc.yaml': serviceDoc(`${name}-svc`, [80]) });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace, serverSide: 'false' });
    await c.client.patch(
      ref('Service', `${name}-svc`),
      { metadata: { labels: { extra: 'yes' } } },
      'merge',
    );
    await upgrade(cfg, name, chart, { force: true });
    const svc = await c.client.get(ref('Service', `${name}-svc`));
    expect(svc.metadata.labels?.extra).toBeUndefined();
    expect(svc.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('Helm');
  });

  it('refuses what Helm 4 refuses: --force with server-side apply, --force-conflicts with client-side, bad values', async () => {
    const cfg = config(c);
    const name = uniqueName('combo');
    const chart = writeChart('app', { 'svc.yaml': serviceDoc(`${name}-svc`, [80]) });
    await install(cfg, chart, { releaseName: name, namespace: c.namespace });
    const force = await rejection(upgrade(cfg, name, chart, { force: true }), UpgradeError);
    expect(force.message).toBe(
      'invalid operation: cannot use server-side apply and force replace together',
    );
    const conflicts = await rejection(
      upgrade(cfg, name, chart, { serverSide: 'false', forceConflicts: true }),
      UpgradeError,
    );
    expect(conflicts.message).toBe(
      'invalid client update option(s): forceConflicts enabled when serverSideApply disabled',
    );
    const bad = await rejection(
      install(cfg, chart, {
        releaseName: uniqueName('bad'),
        namespace: c.namespace,
        serverSide: 'sometimes' as 'auto',
      }),
      InstallError,
    );
    expect(bad.message).toBe('invalid/unknown release server-side apply method: sometimes');
    // Nothing was stored for the refused upgrades.
    expect((await cfg.storage.history(name)).map((r) => r.version)).toEqual([1]);
  });
});
