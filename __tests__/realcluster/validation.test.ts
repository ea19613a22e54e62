/**
 * Client-side OpenAPI validation against the real API server (Kubernetes 1.20.2, which takes no
 * `fieldValidation`, so Helm validates on the client) and real Helm 3.15.4: the same command
 * with both tools must end with the same exit code, the same output (namespace aside) and the
 * same release records. Covers the install target (helm-semantics §4.1 step 9), the upgrade
 * target (§4.2 step 7), a hook (§3.1 step 2.3, validated even with
 * `--disable-openapi-validation`), the flag itself, `template --validate`, and the shared real
 * charts Helm refuses on this server.
 *
 * Excluded from plain `npm test` (jest.config.js); run by scripts/ci-realcluster.sh.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createNamespace,
  deleteNamespace,
  releaseRecords,
  ROOT,
  run,
  type Tool,
  type ToolRun,
} from './tools.js';

jest.setTimeout(600_000);

const REAL_CHARTS = join(
  process.env.HOOKLINE_CONFORMANCE_DIR ?? join(ROOT, '..', 'shared', 'conformance'),
  'real-charts',
  'charts',
);

const work = mkdtempSync(join(tmpdir(), 'hookline-validation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A chart whose only templates are `files` (name → text). */
function chart(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  writeFileSync(join(dir, 'values.yaml'), 'extra: ""\n');
  for (const [file, text] of Object.entries(files))
    writeFileSync(join(dir, 'templates', file), text);
  return dir;
}

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
${spec}
`;
const TEMPLATE = `  selector:
    matchLabels: {app: v}
  template:
    metadata:
      labels: {app: v}
    spec:
      containers:
        - name: main
          image: busybox:1.36
`;

/** One manifest each: every kind of problem kube-openapi's validator reports. */
const CASES: Record<string, string> = {
  'unknown-field': deployment(`  bogus: 1\n${TEMPLATE}`),
  'type-mismatch': deployment(`  replicas: "two"\n  paused: 1\n${TEMPLATE}`),
  'missing-required': deployment('  replicas: 1'),
  'several-sorted': deployment(`  zeta: 1\n  alpha: 2\n  minReadySeconds: [1]\n${TEMPLATE}`),
  'null-in-map': `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}
  labels:
    a: null
data:
  k: v
`,
  'null-in-array': deployment(`${TEMPLATE}        - null\n`),
  'no-kind': `apiVersion: v1
metadata:
  name: {{ .Release.Name }}
`,
  'bad-group-version': `apiVersion: a/b/c
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}
`,
  'second-document': `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-ok
---
${deployment(`  replicas: true\n${TEMPLATE}`)}`,
};

const BAD_HOOK = `apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-hook
  annotations:
    "helm.sh/hook": pre-install,pre-upgrade
spec:
  backoffLimit: 0
  ttlSecondsAfterFinished: 1
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          unknownContainerField: {{ .Values.extra | quote }}
`;
const GOOD_CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}
data:
  extra: {{ .Values.extra | quote }}
`;

interface Outcome {
  code: number;
  out: string;
  records: unknown[];
}

/**
 * `steps` in a fresh namespace with `tool`; each step's exit code, output (namespace and time
 * aside) and the records.
 */
async function outcomes(tool: Tool, id: string, steps: string[][]): Promise<Outcome[]> {
  const ns = `v-${id}-${tool === 'helm' ? 'h' : 'x'}`.slice(0, 63);
  await createNamespace(ns);
  try {
    const out: Outcome[] = [];
    for (const args of steps) {
      const r: ToolRun = await run(tool, [...args, '-n', ns]);
      const records = (await releaseRecords(ns, 'rel')).map((rec) => ({
        version: rec.version,
        status: rec.info.status,
        description: rec.info.description.split(ns).join('NS'),
        hooks: rec.hooks.map((h) => ({ name: h.name, phase: h.last_run.phase })),
      }));
      const text = r.out
        .split(ns)
        .join('NS')
        .replace(/^LAST DEPLOYED: .*$/m, 'LAST DEPLOYED: T');
      out.push({ code: r.code, out: text, records });
    }
    return out;
  } finally {
    await deleteNamespace(ns);
  }
}

/** Both tools' outcomes must agree (`same` may blur what differs from run to run). */
async function compare(
  id: string,
  steps: string[][],
  same: (out: string) => string = (out) => out,
): Promise<Outcome[]> {
  const [helm, hl] = await Promise.all([
    outcomes('helm', id, steps),
    outcomes('hookline', id, steps),
  ]);
  const blurred = (os: Outcome[]) => os.map((o) => ({ ...o, out: same(o.out) }));
  expect(blurred(hl)).toEqual(blurred(helm));
  return helm;
}

describe('client-side OpenAPI validation, hookline against Helm 3.15.4 on Kubernetes 1.20', () => {
  for (const [id, manifest] of Object.entries(CASES)) {
    it.concurrent(`refuses the ${id} manifest as Helm does, storing nothing`, async () => {
      const dir = chart(`case-${id}`, { 'obj.yaml': manifest });
      const [install] = await compare(id, [['install', 'rel', dir]]);
      expect(install!.code).toBe(1);
      expect(install!.out).toContain('unable to build kubernetes objects from release manifest');
      expect(install!.records).toEqual([]);
    });
  }

  for (const name of ['prometheus', 'prometheus-operator-crds', 'prometheus-windows-exporter']) {
    it.concurrent(`refuses the shared real chart ${name} as Helm does`, async () => {
      const [install] = await compare(name, [['install', 'rel', join(REAL_CHARTS, name)]]);
      expect(install!.out).toContain('error validating data: ValidationError(');
    });
  }

  it.concurrent(
    'fails kube-prometheus-stack at the first CRD this server refuses, as Helm does',
    async () => {
      const dir = join(REAL_CHARTS, 'kube-prometheus-stack');
      // The server lists the refused fields in map order, different on every request.
      const fields = (out: string) => out.replace(/ is invalid: \[[^\n]*\]/, ' is invalid: [...]');
      const [install] = await compare('kube-prometheus-stack', [['install', 'rel', dir]], fields);
      expect(install!.out).toMatch(
        /^Error: INSTALLATION FAILED: failed to install CRD crds\/crd-alertmanagerconfigs\.yaml: 1 error occurred:\n\t\* CustomResourceDefinition/,
      );
    },
  );

  it.concurrent(
    'validates a hook even with --disable-openapi-validation, failing the release',
    async () => {
      const dir = chart('bad-hook', { 'hook.yaml': BAD_HOOK, 'cm.yaml': GOOD_CONFIG });
      // hookline's hook summary (what Helm never prints) comes before the same error.
      let summary = '';
      const withoutSummary = (out: string) =>
        out.replace(/^\nHOOKS:\n[\s\S]*?(?=^Error: )/m, (s) => ((summary = s), ''));
      const [install] = await compare(
        'bad-hook',
        [['install', 'rel', dir, '--disable-openapi-validation']],
        withoutSummary,
      );
      expect(install!.out).toContain(
        'unable to build kubernetes object for pre-install hook bad-hook/templates/hook.yaml',
      );
      expect(summary).toMatch(/^pre-install {2}Job\/rel-hook {2}0 +Failed/m);
      expect(summary).toContain(
        'FAILED HOOK pre-install Job/rel-hook (bad-hook/templates/hook.yaml):',
      );
      expect(install!.records).toMatchObject([{ status: 'failed' }]);
    },
  );

  it.concurrent('installs what --disable-openapi-validation lets through', async () => {
    const dir = chart('disabled', { 'obj.yaml': CASES['unknown-field']! });
    const [install] = await compare('disabled', [
      ['install', 'rel', dir, '--disable-openapi-validation'],
    ]);
    expect(install!.code).toBe(0);
    expect(install!.records).toMatchObject([{ status: 'deployed' }]);
  });

  it.concurrent(
    'refuses an upgrade whose target is invalid, leaving the release as it was',
    async () => {
      const dir = chart('upgrade', {
        'cm.yaml': GOOD_CONFIG,
        'obj.yaml': '{{ if .Values.extra }}\n' + CASES['unknown-field']! + '{{ end }}\n',
      });
      const [, upgrade] = await compare('upgrade', [
        ['install', 'rel', dir],
        ['upgrade', 'rel', dir, '--set', 'extra=x'],
      ]);
      expect(upgrade!.code).toBe(1);
      // prepareUpgrade's validateManifest returns the Build error unwrapped.
      expect(upgrade!.out).toContain(
        'Error: UPGRADE FAILED: error validating "": error validating data:',
      );
      expect(upgrade!.records).toMatchObject([{ version: 1, status: 'deployed' }]);
    },
  );
  it.concurrent('refuses an upgrade to a kind the server does not serve, unwrapped', async () => {
    const dir = chart('unmapped', {
      'cm.yaml': GOOD_CONFIG,
      'foo.yaml':
        '{{ if .Values.extra }}\napiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f\n{{ end }}\n',
    });
    const [, upgrade] = await compare('unmapped', [
      ['install', 'rel', dir],
      ['upgrade', 'rel', dir, '--set', 'extra=x'],
    ]);
    expect(upgrade!.out).toContain(
      'Error: UPGRADE FAILED: resource mapping not found for name: "f"',
    );
  });
  it.concurrent(
    'template --validate renders with the cluster and refuses as install does',
    async () => {
      const exporter = join(REAL_CHARTS, 'prometheus-node-exporter');
      const [valid, refused, installed, conflict] = await compare('template-validate', [
        ['template', 'rel', exporter, '--validate'],
        ['template', 'rel', join(REAL_CHARTS, 'prometheus'), '--validate'],
        // The same object names for both releases: `other` cannot adopt what `rel` owns.
        ['install', 'rel', exporter, '--set', 'fullnameOverride=pne'],
        ['template', 'other', exporter, '--validate', '--set', 'fullnameOverride=pne'],
      ]);
      expect(valid!.code).toBe(0);
      expect(valid!.out).toContain('# Source: prometheus-node-exporter/templates/daemonset.yaml');
      expect(refused!.out).toContain('unknown field "minReadySeconds"');
      expect(installed!.code).toBe(0);
      expect(conflict!.out).toContain('Error: Unable to continue with install: ');
    },
  );
});
