/**
 * Design decision 8 against the real API server (Kubernetes 1.20.2 of ../shared/realcluster)
 * and real Helm 3.15.4: `.Capabilities` from discovery, `--server-side auto` choosing Helm 3's
 * client-side create + three-way merge patch on a server whose server-side apply is not GA
 * (1.20 rejects Service ports without `protocol`), and interop with Helm in both directions
 * (no field someone else set is clobbered). Runs only with HOOKLINE_TEST_KUBECONFIG (path of
 * a kubeconfig) and HOOKLINE_TEST_HELM (path of the helm binary): scripts/ci-realcluster-apply.sh.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadChart } from '../../src/chart/directory.js';
import type { Chart } from '../../src/chart/types.js';
import type { KubeClient, KubeObject } from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import type { Configuration } from '../../src/lifecycle/config.js';
import { install } from '../../src/lifecycle/install.js';
import { rollback } from '../../src/lifecycle/rollback.js';
import { uninstall } from '../../src/lifecycle/uninstall.js';
import { upgrade } from '../../src/lifecycle/upgrade.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';
import { systemClock } from '../../src/util/clock.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const KUBECONFIG = process.env.HOOKLINE_TEST_KUBECONFIG ?? '';
const HELM = process.env.HOOKLINE_TEST_HELM ?? '';
const run = KUBECONFIG && HELM ? describe : describe.skip;

let client: KubeClient;
let namespace: string;

function cfg(): Configuration {
  return {
    kube: client,
    storage: new Storage(new SecretsDriver(secretsApi(client, namespace))),
    clock: systemClock,
    log: { info: () => undefined, warn: () => undefined },
  };
}

function helm(...args: string[]): string {
  return execFileSync(HELM, [...args, '--kubeconfig', KUBECONFIG, '-n', namespace], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

function chartDir(files: Record<string, string>, version = '0.1.0'): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-rc-apply-'));
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: app\nversion: ${version}\n`);
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, 'templates', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

const SERVICE = (ports: number[]) => `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-svc
spec:
  selector: {app: {{ .Release.Name }}}
  ports:
${ports.map((p) => `    - {name: p${p}, port: ${p}, targetPort: ${p}}`).join('\n')}
`;

const DEPLOYMENT = (image: string, containers: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  replicas: 1
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
${containers.map((n) => `        - {name: ${n}, image: "${image}", command: ["sleep", "3600"]}`).join('\n')}
`;

const CAPS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-caps
data:
  kube: {{ .Capabilities.KubeVersion.Version | quote }}
  deploymentKind: {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" | quote }}
---
{{- if .Capabilities.APIVersions.Has "policy/v1" }}
apiVersion: policy/v1
{{- else }}
apiVersion: policy/v1beta1
{{- end }}
kind: PodDisruptionBudget
metadata:
  name: {{ .Release.Name }}-pdb
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: {{ .Release.Name }}}
`;

const get = (kind: string, name: string, apiVersion = 'v1'): Promise<KubeObject> =>
  client.get({ apiVersion, kind, name, namespace });

function containers(dep: KubeObject): Array<{ name: string; image: string }> {
  return (
    dep.spec as { template: { spec: { containers: Array<{ name: string; image: string }> } } }
  ).template.spec.containers;
}

function ports(svc: KubeObject): number[] {
  return (svc.spec as { ports: Array<{ port: number }> }).ports.map((p) => p.port);
}

run('apply method and capabilities on Kubernetes 1.20.2 with Helm 3.15.4 (decision 8)', () => {
  beforeAll(async () => {
    client = createNodeClient({ kubeconfig: readFileSync(KUBECONFIG, 'utf8') });
    namespace = `apply-${randomBytes(3).toString('hex')}`;
    await client.ensureNamespace(namespace);
  });
  afterAll(async () => {
    await client.delete(
      { apiVersion: 'v1', kind: 'Namespace', name: namespace },
      { ignoreNotFound: true },
    );
  });

  it('renders .Capabilities from discovery: the server version and what it serves (policy/v1beta1 PDB)', async () => {
    const chart: Chart = loadChart(chartDir({ 'caps.yaml': CAPS }));
    const res = await install(cfg(), chart, { releaseName: 'caps', namespace });
    expect(res.release.info.status).toBe('deployed');
    const cm = await get('ConfigMap', 'caps-caps');
    expect(cm.data).toEqual({ kube: 'v1.20.2', deploymentKind: 'true' });
    await get('PodDisruptionBudget', 'caps-pdb', 'policy/v1beta1');
    expect(res.release.manifest).toContain('apiVersion: policy/v1beta1');
  });

  it('auto = client-side on 1.20: a Service without protocol installs and upgrades (server-side apply is refused)', async () => {
    const v1 = loadChart(chartDir({ 'svc.yaml': SERVICE([80]) }));
    const refused = install(cfg(), v1, { releaseName: 'ssa', namespace, serverSide: 'true' });
    await expect(refused).rejects.toThrow(/omits key field "protocol"/);
    const res = await install(cfg(), v1, { releaseName: 'csa', namespace });
    expect(res.release.apply_method).toBe('csa');
    const v2 = loadChart(chartDir({ 'svc.yaml': SERVICE([80, 443]) }, '0.2.0'));
    const up = await upgrade(cfg(), 'csa', v2, {});
    expect(up.release.info.status).toBe('deployed');
    expect(up.release.apply_method).toBe('csa');
    expect(ports(await get('Service', 'csa-svc'))).toEqual([80, 443]);
    const back = await rollback(cfg(), 'csa', { revision: 1 });
    expect(back.release.info.status).toBe('deployed');
    expect(ports(await get('Service', 'csa-svc'))).toEqual([80]);
  });

  it('a release installed by Helm 3.15.4 is upgraded by hookline and back by Helm, keeping fields others set', async () => {
    const v1 = chartDir({
      'svc.yaml': SERVICE([80]),
      'dep.yaml': DEPLOYMENT('busybox:1.35', ['app', 'sidecar']),
    });
    helm('install', 'interop', v1);
    // Someone else (another field manager) annotates the Deployment and injects a container.
    await client.patch(
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'interop-web', namespace },
      {
        metadata: { annotations: { 'team/owner': 'ops' } },
        spec: { template: { spec: { containers: [{ name: 'injected', image: 'busybox:1.36' }] } } },
      },
      'strategic',
    );
    const v2dir = chartDir(
      { 'svc.yaml': SERVICE([80, 443]), 'dep.yaml': DEPLOYMENT('busybox:1.36', ['app']) },
      '0.2.0',
    );
    const up = await upgrade(cfg(), 'interop', loadChart(v2dir), {});
    expect(up.release.version).toBe(2);
    expect(up.release.apply_method).toBe('csa');
    let dep = await get('Deployment', 'interop-web', 'apps/v1');
    expect(
      containers(dep)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['app', 'injected']);
    expect(containers(dep).find((c) => c.name === 'app')?.image).toBe('busybox:1.36');
    expect(dep.metadata.annotations?.['team/owner']).toBe('ops');
    expect(ports(await get('Service', 'interop-svc'))).toEqual([80, 443]);

    // Helm 3.15.4 reads hookline's record (apply_method is an unknown field to it) and upgrades.
    const v3dir = chartDir(
      { 'svc.yaml': SERVICE([80]), 'dep.yaml': DEPLOYMENT('busybox:1.37', ['app']) },
      '0.3.0',
    );
    helm('upgrade', 'interop', v3dir);
    dep = await get('Deployment', 'interop-web', 'apps/v1');
    expect(containers(dep).find((c) => c.name === 'app')?.image).toBe('busybox:1.37');
    expect(dep.metadata.annotations?.['team/owner']).toBe('ops');
    expect(
      containers(dep)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['app', 'injected']);
    expect(ports(await get('Service', 'interop-svc'))).toEqual([80]);
    const history = JSON.parse(helm('history', 'interop', '-o', 'json')) as Array<{
      revision: number;
      status: string;
    }>;
    expect(history.map((h) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
    ]);

    // hookline rolls back to its own revision 2 (target record csa), Helm rolls back to 1.
    const rb = await rollback(cfg(), 'interop', { revision: 2 });
    expect(rb.release.apply_method).toBe('csa');
    dep = await get('Deployment', 'interop-web', 'apps/v1');
    expect(containers(dep).find((c) => c.name === 'app')?.image).toBe('busybox:1.36');
    expect(ports(await get('Service', 'interop-svc'))).toEqual([80, 443]);
    helm('rollback', 'interop', '1');
    dep = await get('Deployment', 'interop-web', 'apps/v1');
    expect(
      containers(dep)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['app', 'injected', 'sidecar']);
    expect(dep.metadata.annotations?.['team/owner']).toBe('ops');
    const res = await uninstall(cfg(), 'interop', {});
    expect(res.release?.info.status).toBe('uninstalled');
  });

  it('--server-side=true on a client-side release folds the helm Update manager into Apply (csaupgrade)', async () => {
    const cm = (data: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n${data}`;
    await install(cfg(), loadChart(chartDir({ 'cm.yaml': cm('  a: "1"\n  dropped: "x"\n') })), {
      releaseName: 'move',
      namespace,
    });
    const v2 = loadChart(chartDir({ 'cm.yaml': cm('  a: "2"\n') }, '0.2.0'));
    const up = await upgrade(cfg(), 'move', v2, { serverSide: true });
    expect(up.release.apply_method).toBe('ssa');
    const live = await get('ConfigMap', 'move-cm');
    expect(live.data).toEqual({ a: '2' });
    const managers = (
      live.metadata.managedFields as Array<{ manager: string; operation: string }>
    ).map((m) => `${m.manager}/${m.operation}`);
    expect(managers).toEqual(['helm/Apply']);
  });

  it('client-side patches order merged lists as $setElementOrder says (a container added first)', async () => {
    await install(
      cfg(),
      loadChart(chartDir({ 'dep.yaml': DEPLOYMENT('busybox:1.35', ['app', 'tail']) })),
      {
        releaseName: 'order',
        namespace,
      },
    );
    const v2 = chartDir(
      { 'dep.yaml': DEPLOYMENT('busybox:1.35', ['first', 'app', 'tail']) },
      '0.2.0',
    );
    await upgrade(cfg(), 'order', loadChart(v2), {});
    const dep = await get('Deployment', 'order-web', 'apps/v1');
    expect(containers(dep).map((c) => c.name)).toEqual(['first', 'app', 'tail']);
  });

  it('a release installed by hookline (client-side) is upgraded by Helm 3.15.4 and back', async () => {
    const v1 = chartDir({
      'svc.yaml': SERVICE([80]),
      'dep.yaml': DEPLOYMENT('busybox:1.35', ['app']),
    });
    await install(cfg(), loadChart(v1), { releaseName: 'back', namespace });
    await client.patch(
      { apiVersion: 'v1', kind: 'Service', name: 'back-svc', namespace },
      { metadata: { labels: { 'team/label': 'kept' } } },
      'merge',
    );
    helm(
      'upgrade',
      'back',
      chartDir(
        { 'svc.yaml': SERVICE([80, 8080]), 'dep.yaml': DEPLOYMENT('busybox:1.36', ['app']) },
        '0.2.0',
      ),
    );
    expect(ports(await get('Service', 'back-svc'))).toEqual([80, 8080]);
    const up = await upgrade(
      cfg(),
      'back',
      loadChart(
        chartDir(
          { 'svc.yaml': SERVICE([8080]), 'dep.yaml': DEPLOYMENT('busybox:1.37', ['app']) },
          '0.3.0',
        ),
      ),
      {},
    );
    // Helm 3 wrote revision 2 without apply_method: auto stays client-side.
    expect(up.release.apply_method).toBe('csa');
    const svc = await get('Service', 'back-svc');
    expect(ports(svc)).toEqual([8080]);
    expect(svc.metadata.labels?.['team/label']).toBe('kept');
    helm('uninstall', 'back');
  });
});
