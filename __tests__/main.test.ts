/**
 * The action end to end (docs/design.md section 1, "The action"): `run` with fake deps (no
 * module mocking) against one simulator; kubeconfig input = sim.kubeconfig. Hook order ORD-5;
 * a failed hook never leaves the release pending (decision 11).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hookJobChart, withChartDir } from '../__fixtures__/chart-dir.js';
import type { IssueComment } from '../src/action/pr-comment.js';
import type { HookOutcome } from '../src/lifecycle/hook-outcome.js';
import { run } from '../src/main.js';
import { fakeAction } from './helpers/action-fake.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { createNodeClient } from '../src/kube/node-client.js';
import { secretsApi } from '../src/kube/secrets-api.js';
import { SecretsDriver } from '../src/storage/secrets.js';
import { Storage } from '../src/storage/storage.js';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
});
afterAll(async () => {
  await sim.close();
});

const onSim = (inputs: Record<string, string>) => ({ kubeconfig: sim.kubeconfig, ...inputs });

const failingChart = hookJobChart;

function storageOf(ns: string): Storage {
  const kube = createNodeClient({ kubeconfig: sim.kubeconfig });
  return new Storage(new SecretsDriver(secretsApi(kube, ns)));
}

async function releaseSecrets(
  ns: string,
  name: string,
): Promise<Array<{ status: string; description: string }>> {
  const list = await storageOf(ns)
    .history(name)
    .catch(() => []);
  return list.map((r) => ({ status: r.info.status, description: r.info.description }));
}

describe('install through command upgrade (helm upgrade --install)', () => {
  it('installs examples/database-app: outputs, hooks JSON, summary with the hook table', async () => {
    const f = fakeAction(
      onSim({
        release: 'shop',
        chart: 'examples/database-app',
        namespace: 'act1',
        'create-namespace': 'true',
      }),
    );
    expect(await run(f.deps)).toBe(0);
    expect(f.failed).toEqual([]);
    expect(f.outputs).toMatchObject({
      status: 'deployed',
      revision: '1',
      release: 'shop',
      namespace: 'act1',
    });
    const hooks = JSON.parse(f.outputs.hooks!) as HookOutcome[];
    // ORD-5: pre-install then post-install.
    expect(hooks.map((h) => `${h.event} ${h.kind}/${h.name}`)).toEqual([
      'pre-install ServiceAccount/helm-cleanup-sa',
      'pre-install Role/helm-cleanup-role',
      'pre-install RoleBinding/helm-cleanup-binding',
      'pre-install Job/shop-db-init',
      'post-install Job/shop-notification',
    ]);
    expect(f.outputs['manifest-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(f.outputs.notes).toContain('is installed as release shop');
    expect(f.summaries).toHaveLength(1);
    const summary = f.summaries[0]!;
    expect(summary).toContain('## ✅ hookline upgrade of shop succeeded');
    expect(summary).toContain(
      '**Release** shop · **namespace** act1 · **chart** database-app-0.1.0 · **status** deployed · **revision** 1',
    );
    expect(summary).toContain('| ✅ | Job/shop-db-init | pre-install | ');
    expect(summary).toContain('| created | Deployment/shop-database-app |');
    expect(summary).toContain('```mermaid\ngantt');
    expect(summary).toContain('  section resources\n  apply and wait :done');
    expect(summary).toContain('### NOTES');
    // The step log: the hook table and the end state (issue 8 item 7).
    expect(f.log.join('\n')).toMatch(/HOOKS:\nEVENT\s+HOOK/);
    expect(f.log).toContain('shop: succeeded; status deployed, revision 1');
    // hook-succeeded hooks raise no warning; no `warning: warning:` (issue 8 item 10).
    expect(f.warnings).toEqual([]);
    expect(f.secrets).toContain(sim.kubeconfig);
    expect(f.secrets).toContain(sim.kubeconfig.trim());
  });
});

describe("the API server's warnings", () => {
  it('become warning annotations, once per text', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: warned\nversion: 0.1.0\n',
        'templates/cm.yaml': [1, 2]
          .map((i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm${i}\nbogus: ${i}\n`)
          .join('---\n'),
      },
      async (chart) => {
        const f = fakeAction(
          onSim({
            command: 'install',
            release: 'warned',
            chart,
            namespace: 'warn1',
            'create-namespace': 'true',
          }),
        );
        expect(await run(f.deps)).toBe(0);
        // The simulator drops the field and warns, as a 1.25+ server does (fieldValidation Warn).
        expect(f.warnings).toEqual(['The API server warns: unknown field "bogus"']);
      },
    ));
});

describe('post-renderer input', () => {
  it("applies what the executable returns; a missing one is the input's error", () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: pr\nversion: 0.1.0\n',
        'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: original\n',
        'post.sh':
          '#!/bin/sh\ncat\nprintf -- "---\\napiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: %s\\n" "$1"\n',
      },
      async (chart) => {
        chmodSync(join(chart, 'post.sh'), 0o755);
        const inputs = {
          command: 'install',
          release: 'pr',
          chart,
          namespace: 'post1',
          'create-namespace': 'true',
        };
        const f = fakeAction(
          onSim({
            ...inputs,
            'post-renderer': join(chart, 'post.sh'),
            'post-renderer-args': 'added-by-kustomize',
          }),
        );
        expect(await run(f.deps)).toBe(0);
        const kube = createNodeClient({ kubeconfig: sim.kubeconfig });
        const added = await kube.get({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: 'added-by-kustomize',
          namespace: 'post1',
        });
        expect(added.metadata.name).toBe('added-by-kustomize');
        const missing = fakeAction(onSim({ ...inputs, release: 'pr2', 'post-renderer': './nope' }));
        expect(await run(missing.deps)).toBe(1);
        expect(missing.failed).toEqual([
          'Input "post-renderer": unable to find binary at ./nope: exec: "./nope": stat ./nope: no such file or directory',
        ]);
      },
    ));
});

describe('failures', () => {
  it('a kubeconfig input that is not YAML: the input and line, never its content (issue 9)', () =>
    withChartDir(failingChart('exit 0'), async (chart) => {
      const kubeconfig =
        'apiVersion: v1\nusers:\n- name: u\n  user:\n    token: t0ps3cret\n  - x: [\n';
      const f = fakeAction({ kubeconfig, release: 'k', chart, namespace: 'default' });
      expect(await run(f.deps)).toBe(1);
      expect(f.failed).toHaveLength(1);
      expect(f.failed[0]).toMatch(/^Input "kubeconfig": not valid YAML: yaml: line 6: [^\n]*$/);
      expect(f.failed[0]).not.toContain('t0ps3cret');
      expect(JSON.stringify(f.annotations)).not.toContain('t0ps3cret');
      expect(JSON.stringify(f.summaries)).not.toContain('t0ps3cret');
    }));

  it("a failed pre-install hook: setFailed with Helm's message, the log tail, release failed", () =>
    withChartDir(failingChart('echo migrating; exit 3'), async (chart) => {
      const f = fakeAction(
        onSim({ release: 'broken', chart, namespace: 'default', timeout: '30s' }),
      );
      expect(await run(f.deps)).toBe(1);
      expect(f.failed).toEqual([
        'failed pre-install: job broken-migrate failed: BackoffLimitExceeded',
      ]);
      expect(f.outputs.status).toBe('failed');
      const summary = f.summaries[0]!;
      expect(summary).toContain(
        '<details open><summary>❌ Failed hook Job/broken-migrate (pre-install)</summary>',
      );
      expect(summary).toContain('```text\nmigrating');
      expect(summary).toContain('**Exit code:** 3');
      expect((await releaseSecrets('default', 'broken')).map((r) => r.status)).toEqual(['failed']);
      // The step log has the failed hook's block (issue 8 item 7).
      expect(f.log.join('\n')).toContain('FAILED HOOK pre-install Job/broken-migrate');
      expect(f.log.join('\n')).toContain('exit code: 3');
    }));

  it('a failed install lists nothing as created and shows no NOTES (issue 8 item 3)', () =>
    withChartDir(
      {
        ...failingChart('exit 1'),
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cfg\n',
        'templates/NOTES.txt': '{{ .Release.Name }} is installed\n',
      },
      async (chart) => {
        const f = fakeAction(
          onSim({ release: 'nothing', chart, namespace: 'default', timeout: '30s' }),
        );
        expect(await run(f.deps)).toBe(1);
        const summary = f.summaries[0]!;
        expect(summary).not.toContain('created');
        expect(summary).not.toContain('is installed');
        expect(summary).toContain('**status** failed · **revision** 1');
        expect(f.outputs).toMatchObject({ status: 'failed', revision: '1' });
      },
    ));

  it('an atomic upgrade that fails reports the rollback: revision and status of the stored release (issue 8 item 4)', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: atom\nversion: 0.1.0\n',
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cfg\ndata:\n  v: {{ .Values.v | default "1" | quote }}\n',
        'templates/job.yaml': hookJobChart('exit 2')['templates/job.yaml']!.replace(
          'pre-install',
          'pre-upgrade',
        ),
      },
      async (chart) => {
        const base = { release: 'atom', chart, namespace: 'default', timeout: '30s' };
        expect(await run(fakeAction(onSim(base)).deps)).toBe(0);
        const f = fakeAction(onSim({ ...base, atomic: 'true', set: 'v=2' }));
        expect(await run(f.deps)).toBe(1);
        expect(f.outputs).toMatchObject({ status: 'deployed', revision: '3' });
        const summary = f.summaries[0]!;
        expect(summary).toContain('## ↩️ hookline upgrade of atom failed and was rolled back');
        expect(summary).toContain(
          '↩️ **Atomic rollback:** revision 2 failed; rolled back to revision 1, recorded as revision 3.',
        );
        expect(summary).toContain('**Reason:** Upgrade "atom" failed: pre-upgrade hooks failed');
        expect(summary).toContain('**status** deployed · **revision** 3');
        expect(summary).not.toContain('| updated |');
        expect(f.log.join('\n')).toContain('ATOMIC ROLLBACK: revision 2 failed');
        // Helm's `warning: ` prefix is not repeated in the warning annotation (issue 8 item 10).
        expect(f.warnings).toContain(
          'Upgrade "atom" failed: pre-upgrade hooks failed: job atom-migrate failed: BackoffLimitExceeded',
        );
        expect(f.warnings.filter((w) => /^warning:/i.test(w))).toEqual([]);
      },
    ));

  it('a render error during install: no revision, one annotation at file:line:col (issue 8 items 5, 6)', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 0.1.0\n',
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.x | nosuchfn }}\n',
      },
      async (chart) => {
        for (const extra of [{}, { 'dry-run': 'true' }, { command: 'install' }] as Array<
          Record<string, string>
        >) {
          const f = fakeAction(onSim({ release: 'rend', chart, namespace: 'default', ...extra }));
          expect(await run(f.deps)).toBe(1);
          expect(f.outputs.revision).toBe('');
          expect(f.annotations).toHaveLength(1);
          expect(f.annotations[0]!.at).toMatchObject({
            file: `${chart}/templates/cm.yaml`,
            startLine: 4,
            startColumn: expect.any(Number),
          });
          expect(f.failed).toHaveLength(1);
          if (!extra['dry-run']) expect(f.summaries[0]).toContain('**revision** none');
        }
      },
    ));

  it('a cancelled run (aborted signal) stops waiting at once: the release ends failed and the summary is written', () =>
    withChartDir(failingChart('echo waiting; sleep 3600'), async (chart) => {
      const controller = new AbortController();
      const f = fakeAction(onSim({ release: 'cancelled', chart, timeout: '1h' }), {
        signal: controller.signal,
      });
      const done = run(f.deps);
      setTimeout(() => controller.abort(), 300);
      // The hook sleeps an hour under a 1h timeout: only the abort ends the run.
      expect(await done).toBe(1);
      expect(f.summaries).toHaveLength(1);
      expect(f.summaries[0]).toContain('## 🚫 hookline upgrade of cancelled was cancelled');
      expect(f.summaries[0]).toContain('**status** failed');
      expect(f.failed[0]).toMatch(/context canceled|aborted/);
      const records = await releaseSecrets('default', 'cancelled');
      expect(records.map((r) => r.status)).toEqual(['failed']);
      expect(records[0]!.description).toMatch(/context canceled/);
    }));
});

describe('dry-run', () => {
  it('plans an update with a diff after an install and stores nothing', async () => {
    const base = { release: 'plan', chart: 'examples/database-app', namespace: 'default' };
    expect(await run(fakeAction(onSim(base)).deps)).toBe(0);
    const f = fakeAction(onSim({ ...base, 'dry-run': 'true', set: 'image.tag=1.22.0' }));
    expect(await run(f.deps)).toBe(0);
    const plan = JSON.parse(f.outputs.plan!) as {
      deployedRevision: number;
      changes: Array<{ action: string; object: string; diff?: string }>;
      hooks: Array<{ event: string }>;
    };
    expect(plan.deployedRevision).toBe(1);
    const changed = plan.changes.filter((c) => c.action !== 'created');
    expect(changed.map((c) => `${c.action} ${c.object}`)).toEqual([
      'updated Deployment/plan-database-app',
    ]);
    expect(changed[0]!.diff).toMatch(/^-\s+image: "?nginx:1\.21\.6"?$/m);
    expect(changed[0]!.diff).toMatch(/^\+\s+image: "?nginx:1\.22\.0"?$/m);
    expect(plan.hooks.map((h) => h.event)).toEqual(
      ['pre-upgrade', 'post-upgrade'].filter((e) => plan.hooks.some((h) => h.event === e)),
    );
    expect(f.outputs.status).toBe('planned');
    expect(f.summaries[0]).toContain('### Planned changes');
    expect((await releaseSecrets('default', 'plan')).length).toBe(1);
  });
});

describe('dry-run with a Secret (issue 8 item 1)', () => {
  const secretChart = (password: string) => ({
    'Chart.yaml': 'apiVersion: v2\nname: sec\nversion: 0.1.0\n',
    'templates/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-db\ndata:\n  password: ${Buffer.from(password).toString('base64')}\n`,
  });
  it('redacts the diff and masks the deployed and new values', async () => {
    await withChartDir(secretChart('old-pa55word'), async (chart) => {
      expect(await run(fakeAction(onSim({ release: 'sec', chart })).deps)).toBe(0);
    });
    await withChartDir(secretChart('n3w-pa55word'), async (chart) => {
      const f = fakeAction(
        onSim({
          release: 'sec',
          chart,
          'dry-run': 'true',
          'pr-comment': 'true',
          'github-token': 't',
        }),
      );
      expect([await run(f.deps), f.failed]).toEqual([0, []]);
      const everything = [
        f.outputs.plan!,
        f.summaries[0]!,
        ...f.comments.map((c) => c.body),
        ...f.log,
      ].join('\n');
      for (const v of ['old-pa55word', 'n3w-pa55word'])
        for (const form of [v, Buffer.from(v).toString('base64')]) {
          expect(everything).not.toContain(form);
          expect(f.secrets).toContain(form);
        }
      expect(f.outputs.plan).toContain('-------- # (12 bytes)');
      expect(f.outputs.plan).toContain('++++++++ # (12 bytes)');
    });
  });
});

describe('hook-logs: all (issue 8 item 7)', () => {
  it('puts every hook log in the step log and the summary, collapsed', async () => {
    const f = fakeAction(
      onSim({ release: 'logs', chart: 'examples/database-app', 'hook-logs': 'all' }),
    );
    expect(await run(f.deps)).toBe(0);
    const hooks = JSON.parse(f.outputs.hooks!) as HookOutcome[];
    const logged = hooks.filter((h) => h.logTail.trim() !== '');
    expect(logged.length).toBeGreaterThan(0);
    for (const h of logged) {
      expect(f.summaries[0]).toContain(
        `<details><summary>Log of ${h.kind}/${h.name} (${h.event})</summary>`,
      );
      expect(f.log.join('\n')).toContain(`LOG OF HOOK ${h.event} ${h.kind}/${h.name}:`);
    }
  });
});

describe('template', () => {
  it('renders without a cluster, writes the manifest to manifest-path (issue 8 item 9)', () =>
    withChartDir({}, async (tmp) => {
      const f = fakeAction({ command: 'template', release: 'x', chart: 'examples/database-app' });
      (f.deps.env as Record<string, string>).RUNNER_TEMP = tmp;
      expect(await run(f.deps)).toBe(0);
      expect(f.outputs.status).toBe('rendered');
      expect(f.summaries[0]).toContain(`Manifest digest: \`${f.outputs['manifest-digest']}\``);
      expect(f.outputs['manifest-path']).toBe(`${tmp}/hookline-x.yaml`);
      const manifest = readFileSync(f.outputs['manifest-path']!, 'utf8');
      expect(manifest).toContain('kind: Deployment');
      expect(f.summaries[0]).toMatch(
        /<details><summary>Manifest: 3 documents, [\d.]+ KiB<\/summary>/,
      );
    }));

  it("renders in the kubeconfig input's context namespace when the namespace input is empty", () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: ns\nversion: 0.1.0\n',
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: {{ .Release.Namespace }}\n',
      },
      async (chart) => {
        const kubeconfig = [
          'apiVersion: v1',
          'kind: Config',
          'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]',
          'users: [{name: u, user: {token: t}}]',
          'contexts: [{name: a, context: {cluster: c, user: u, namespace: team-a}}]',
          'current-context: a',
          '',
        ].join('\n');
        const rendered = async (inputs: Record<string, string>) => {
          const f = fakeAction({ command: 'template', release: 'x', chart, ...inputs });
          (f.deps.env as Record<string, string>).RUNNER_TEMP = chart;
          expect(await run(f.deps)).toBe(0);
          return readFileSync(f.outputs['manifest-path']!, 'utf8');
        };
        expect(await rendered({ kubeconfig })).toContain('namespace: team-a');
        expect(await rendered({ kubeconfig, namespace: 'given' })).toContain('namespace: given');
        expect(await rendered({})).toContain('namespace: default');
      },
    ));

  it('a template error becomes an annotation on the file and line', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 0.1.0\n',
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.x | nosuchfn }}\n',
      },
      async (chart) => {
        const f = fakeAction({ command: 'template', release: 'x', chart });
        expect(await run(f.deps)).toBe(1);
        expect(f.annotations).toHaveLength(1);
        expect(f.annotations[0]!.at).toMatchObject({
          file: `${chart}/templates/cm.yaml`,
          startLine: 4,
        });
        expect(f.failed).toHaveLength(1);
        expect(f.failed[0]).toContain('nosuchfn');
      },
    ));
});

describe('PR comment', () => {
  it('upserts one comment per release: the second run edits it', async () => {
    const comments: IssueComment[] = [{ id: 99, body: 'unrelated' }];
    const inputs = onSim({
      release: 'pr',
      chart: 'examples/database-app',
      'pr-comment': 'true',
      'github-token': 't0k',
    });
    expect(await run(fakeAction(inputs, { comments }).deps)).toBe(0);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body.startsWith('<!-- hookline:default/pr -->\n')).toBe(true);
    expect(comments[1]!.body).toContain('**revision** 1');
    // The run, the commit and the time (issue 8 item 11).
    expect(comments[1]!.body).toMatch(
      /^<sub>Updated by \[workflow run 4242\]\(https:\/\/github\.com\/acme\/app\/actions\/runs\/4242\) for commit `abc123def456` at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; this comment is edited in place on each run\.<\/sub>$/m,
    );
    expect(await run(fakeAction(inputs, { comments }).deps)).toBe(0);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toContain('**revision** 2');
  });

  it('posts nothing outside pull_request events', async () => {
    const comments: IssueComment[] = [];
    const inputs = {
      command: 'template',
      release: 'x',
      chart: 'examples/database-app',
      'pr-comment': 'true',
      'github-token': 't',
    };
    expect(await run(fakeAction(inputs, { comments, event: 'push' }).deps)).toBe(0);
    expect(comments).toEqual([]);
  });
});

describe('recover-pending', () => {
  it('marks a release pending longer than the timeout failed, then upgrades', async () => {
    const base = {
      release: 'stuck',
      chart: 'examples/database-app',
      namespace: 'default',
      timeout: '1m',
    };
    expect(await run(fakeAction(onSim(base)).deps)).toBe(0);
    const storage = storageOf('default');
    const last = await storage.last('stuck');
    await storage.update({
      ...last,
      info: { ...last.info, status: 'pending-upgrade', last_deployed: '2020-01-01T00:00:00Z' },
    });
    const blocked = fakeAction(onSim(base));
    expect(await run(blocked.deps)).toBe(1);
    expect(blocked.failed).toEqual([
      'UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    ]);
    const f = fakeAction(onSim({ ...base, 'recover-pending': 'true' }));
    expect(await run(f.deps)).toBe(0);
    expect(f.outputs).toMatchObject({ status: 'deployed', revision: '2' });
    const records = await releaseSecrets('default', 'stuck');
    // Marked failed, then superseded by the successful upgrade (Helm supersedes the last record).
    expect(records[0]).toEqual({
      status: 'superseded',
      description:
        'Marked failed by hookline (recover-pending): pending for longer than the timeout',
    });
  });

  it('leaves a recent pending record alone', async () => {
    const base = {
      release: 'busy',
      chart: 'examples/database-app',
      namespace: 'default',
      timeout: '1h',
    };
    expect(await run(fakeAction(onSim(base)).deps)).toBe(0);
    const storage = storageOf('default');
    const last = await storage.last('busy');
    await storage.update({ ...last, info: { ...last.info, status: 'pending-upgrade' } });
    const f = fakeAction(onSim({ ...base, 'recover-pending': 'true' }));
    expect(await run(f.deps)).toBe(1);
    expect(f.failed[0]).toContain('another operation');
  });
});

describe('values inputs', () => {
  it('applies values files, inline values and set in Helm order', async () => {
    const f = fakeAction({
      command: 'template',
      release: 'v',
      chart: 'examples/database-app',
      'values-files': 'examples/database-app/values.yaml',
      values: 'image:\n  tag: "2.0"\n',
      set: 'service.port=8081',
    });
    expect(await run(f.deps)).toBe(0);
    const plain = fakeAction({ command: 'template', release: 'v', chart: 'examples/database-app' });
    await run(plain.deps);
    expect(f.outputs['manifest-digest']).not.toBe(plain.outputs['manifest-digest']);
  });
});

describe('inputs', () => {
  it('a bad input fails naming it, before anything runs', async () => {
    const f = fakeAction(
      onSim({ release: 'x', chart: 'examples/database-app', timeout: '5 minutes' }),
    );
    expect(await run(f.deps)).toBe(1);
    expect(f.failed).toEqual([
      'Input "timeout": time: unknown unit " minutes" in duration "5 minutes"',
    ]);
    expect(f.summaries).toEqual([]);
  });
});
