/**
 * The GitHub Action itself (src/main.ts `run`, with fake deps as in __tests__/main.test.ts)
 * against the real API server (Kubernetes 1.20.2) and real Helm 3.15.4: what the action
 * installs Helm reads, the action refuses what Helm's validation refuses (nothing stored), and
 * the server's warnings become annotations.
 *
 * Excluded from plain `npm test` (jest.config.js); run by scripts/ci-realcluster.sh.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HookOutcome } from '../../src/lifecycle/hook-outcome.js';
import { run } from '../../src/main.js';
import { fakeAction } from '../helpers/action-fake.js';
import { deleteNamespace, helm, KUBECONFIG, releaseRecords, ROOT } from './tools.js';

jest.setTimeout(600_000);

const REAL_CHARTS = join(
  process.env.HOOKLINE_CONFORMANCE_DIR ?? join(ROOT, '..', 'shared', 'conformance'),
  'real-charts',
  'charts',
);
const kubeconfig = KUBECONFIG ? readFileSync(KUBECONFIG, 'utf8') : '';
const work = mkdtempSync(join(tmpdir(), 'hookline-action-'));
const namespaces: string[] = [];
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const ns of namespaces) await deleteNamespace(ns);
});

function action(inputs: Record<string, string>) {
  if (inputs.namespace) namespaces.push(inputs.namespace);
  const f = fakeAction({ kubeconfig, 'create-namespace': 'true', ...inputs });
  // No HOME in the fake environment: the OpenAPI cache is not used, as on a fresh runner.
  (f.deps.env as Record<string, string>).RUNNER_TEMP = work;
  return f;
}

describe('the action on the real API server', () => {
  it('installs and uninstalls the example chart; Helm reads the release in between', async () => {
    const ns = 'act-example';
    const f = action({
      command: 'upgrade',
      release: 'shop',
      chart: 'examples/database-app',
      namespace: ns,
      wait: 'true',
    });
    expect(await run(f.deps)).toBe(0);
    expect(f.failed).toEqual([]);
    expect(f.outputs).toMatchObject({ status: 'deployed', revision: '1' });
    const hooks = JSON.parse(f.outputs.hooks!) as HookOutcome[];
    expect(hooks.map((h) => `${h.event} ${h.kind}/${h.name} ${h.phase}`)).toContain(
      'pre-install Job/shop-db-init Succeeded',
    );
    const status = await helm(['status', 'shop', '-n', ns]);
    expect(status.code).toBe(0);
    expect(status.out).toContain('STATUS: deployed');
    const u = action({ command: 'uninstall', release: 'shop', namespace: ns });
    expect(await run(u.deps)).toBe(0);
    expect(await releaseRecords(ns, 'shop')).toEqual([]);
  });

  it("refuses a chart Helm's validation refuses, storing nothing", async () => {
    const ns = 'act-refused';
    const f = action({
      command: 'install',
      release: 'prom',
      chart: join(REAL_CHARTS, 'prometheus'),
      namespace: ns,
    });
    expect(await run(f.deps)).toBe(1);
    expect(f.failed.join('\n')).toContain(
      'unable to build kubernetes objects from release manifest: error validating "": error validating data: ValidationError(StatefulSet.spec): unknown field "minReadySeconds" in io.k8s.api.apps.v1.StatefulSetSpec',
    );
    expect(await releaseRecords(ns, 'prom')).toEqual([]);
  });

  it("shows the server's deprecation warnings as annotations", async () => {
    const chart = join(work, 'ingress');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: ingress\nversion: 0.1.0\n');
    writeFileSync(
      join(chart, 'templates', 'ingress.yaml'),
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n',
    );
    const f = action({ command: 'install', release: 'ing', chart, namespace: 'act-warned' });
    expect(await run(f.deps)).toBe(0);
    expect(f.warnings).toContain(
      'The API server warns: extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress',
    );
  });
});
