/**
 * The action end to end (docs/design.md section 1, "The action"): `run` with fake deps (no
 * module mocking) against one simulator; kubeconfig input = sim.kubeconfig. Hook order ORD-5;
 * a failed hook never leaves the release pending (decision 11).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { hookJobChart, withChartDir } from '../__fixtures__/chart-dir.js';
import type { ActionDeps } from '../src/action/deps.js';
import type { IssueComment } from '../src/action/pr-comment.js';
import type { Annotation } from '../src/action/template.js';
import type { HookOutcome } from '../src/lifecycle/hook-outcome.js';
import { run } from '../src/main.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { systemClock } from '../src/util/clock.js';
import { createNodeClient } from '../src/kube/node-client.js';
import { secretsApi } from '../src/kube/secrets-api.js';
import { SecretsDriver } from '../src/storage/secrets.js';
import { Storage } from '../src/storage/storage.js';

const root = resolve(import.meta.dirname, '..');
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
});
afterAll(async () => {
  await sim.close();
});

interface Fake {
  deps: ActionDeps;
  outputs: Record<string, string>;
  failed: string[];
  secrets: string[];
  summaries: string[];
  annotations: Array<{ message: string; at: Annotation }>;
  comments: IssueComment[];
}

function fake(
  inputs: Record<string, string>,
  opts: { signal?: AbortSignal; comments?: IssueComment[]; event?: string } = {},
): Fake {
  const f: Fake = {
    outputs: {},
    failed: [],
    secrets: [],
    summaries: [],
    annotations: [],
    comments: opts.comments ?? [],
  } as unknown as Fake;
  f.deps = {
    core: {
      getInput: (name) => inputs[name] ?? '',
      setOutput: (name, value) => {
        f.outputs[name] = value;
      },
      setFailed: (m) => void f.failed.push(m),
      setSecret: (s) => void f.secrets.push(s),
      writeSummary: async (m) => void f.summaries.push(m),
      error: (message, at) => void f.annotations.push({ message, at }),
      info: () => {},
      warning: () => {},
      debug: () => {},
      group: (_name, fn) => fn(),
    },
    github: {
      client: () => ({
        listComments: async () => f.comments.map((c) => ({ ...c })),
        createComment: async (_pr, body) =>
          void f.comments.push({ id: f.comments.length + 1, body }),
        updateComment: async (_pr, id, body) => {
          f.comments.find((c) => c.id === id)!.body = body;
        },
      }),
      eventPayload: () => ({ pull_request: { number: 7 } }),
    },
    clock: systemClock,
    env: {
      GITHUB_WORKSPACE: root,
      GITHUB_STEP_SUMMARY: '/dev/null',
      GITHUB_EVENT_NAME: opts.event ?? 'pull_request',
      GITHUB_REPOSITORY: 'acme/app',
    },
    signal: opts.signal ?? new AbortController().signal,
  };
  return f;
}

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
    const f = fake(
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
    expect(summary).toContain(
      'Release **shop** (namespace act1), chart database-app-0.1.0, command `upgrade`: **deployed**, revision 1',
    );
    expect(summary).toContain('| pre-install | Job/shop-db-init | ');
    expect(summary).toContain('- created: Deployment/shop-database-app');
    expect(f.secrets).toContain(sim.kubeconfig);
    expect(f.secrets).toContain(sim.kubeconfig.trim());
  });
});

describe('failures', () => {
  it('a kubeconfig input that is not YAML: the input and line, never its content (issue 9)', () =>
    withChartDir(failingChart('exit 0'), async (chart) => {
      const kubeconfig =
        'apiVersion: v1\nusers:\n- name: u\n  user:\n    token: t0ps3cret\n  - x: [\n';
      const f = fake({ kubeconfig, release: 'k', chart, namespace: 'default' });
      expect(await run(f.deps)).toBe(1);
      expect(f.failed).toHaveLength(1);
      expect(f.failed[0]).toMatch(/^Input "kubeconfig": not valid YAML: yaml: line 6: [^\n]*$/);
      expect(f.failed[0]).not.toContain('t0ps3cret');
      expect(JSON.stringify(f.annotations)).not.toContain('t0ps3cret');
      expect(JSON.stringify(f.summaries)).not.toContain('t0ps3cret');
    }));

  it("a failed pre-install hook: setFailed with Helm's message, the log tail, release failed", () =>
    withChartDir(failingChart('echo migrating; exit 3'), async (chart) => {
      const f = fake(onSim({ release: 'broken', chart, namespace: 'default', timeout: '30s' }));
      expect(await run(f.deps)).toBe(1);
      expect(f.failed).toEqual([
        'failed pre-install: job broken-migrate failed: BackoffLimitExceeded',
      ]);
      expect(f.outputs.status).toBe('failed');
      const summary = f.summaries[0]!;
      expect(summary).toContain(
        '<details><summary>Failed hook Job/broken-migrate (pre-install)</summary>',
      );
      expect(summary).toContain('<pre>migrating');
      expect((await releaseSecrets('default', 'broken')).map((r) => r.status)).toEqual(['failed']);
    }));

  it('a cancelled run (aborted signal): the release ends failed and the summary is written within 5 s', () =>
    withChartDir(failingChart('echo waiting; sleep 3600'), async (chart) => {
      const controller = new AbortController();
      const f = fake(onSim({ release: 'cancelled', chart, timeout: '1h' }), {
        signal: controller.signal,
      });
      const started = Date.now();
      const done = run(f.deps);
      setTimeout(() => controller.abort(), 300);
      expect(await done).toBe(1);
      expect(Date.now() - started).toBeLessThan(5300);
      expect(f.summaries).toHaveLength(1);
      expect(f.failed[0]).toMatch(/context canceled|aborted/);
      const records = await releaseSecrets('default', 'cancelled');
      expect(records.map((r) => r.status)).toEqual(['failed']);
      expect(records[0]!.description).toMatch(/context canceled/);
    }));
});

describe('dry-run', () => {
  it('plans an update with a diff after an install and stores nothing', async () => {
    const base = { release: 'plan', chart: 'examples/database-app', namespace: 'default' };
    expect(await run(fake(onSim(base)).deps)).toBe(0);
    const f = fake(onSim({ ...base, 'dry-run': 'true', set: 'image.tag=1.22.0' }));
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

describe('template', () => {
  it('renders without a cluster', async () => {
    const f = fake({ command: 'template', release: 'x', chart: 'examples/database-app' });
    expect(await run(f.deps)).toBe(0);
    expect(f.outputs.status).toBe('rendered');
    expect(f.summaries[0]).toContain(`Manifest digest: \`${f.outputs['manifest-digest']}\``);
  });

  it('a template error becomes an annotation on the file and line', () =>
    withChartDir(
      {
        'Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 0.1.0\n',
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.x | nosuchfn }}\n',
      },
      async (chart) => {
        const f = fake({ command: 'template', release: 'x', chart });
        expect(await run(f.deps)).toBe(1);
        expect(f.annotations).toHaveLength(1);
        expect(f.annotations[0]!.at).toMatchObject({
          file: `${chart}/templates/cm.yaml`,
          startLine: 4,
        });
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
    expect(await run(fake(inputs, { comments }).deps)).toBe(0);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body.startsWith('<!-- hookline:default/pr -->\n')).toBe(true);
    expect(comments[1]!.body).toContain('revision 1');
    expect(await run(fake(inputs, { comments }).deps)).toBe(0);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toContain('revision 2');
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
    expect(await run(fake(inputs, { comments, event: 'push' }).deps)).toBe(0);
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
    expect(await run(fake(onSim(base)).deps)).toBe(0);
    const storage = storageOf('default');
    const last = await storage.last('stuck');
    await storage.update({
      ...last,
      info: { ...last.info, status: 'pending-upgrade', last_deployed: '2020-01-01T00:00:00Z' },
    });
    const blocked = fake(onSim(base));
    expect(await run(blocked.deps)).toBe(1);
    expect(blocked.failed).toEqual([
      'UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    ]);
    const f = fake(onSim({ ...base, 'recover-pending': 'true' }));
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
    expect(await run(fake(onSim(base)).deps)).toBe(0);
    const storage = storageOf('default');
    const last = await storage.last('busy');
    await storage.update({ ...last, info: { ...last.info, status: 'pending-upgrade' } });
    const f = fake(onSim({ ...base, 'recover-pending': 'true' }));
    expect(await run(f.deps)).toBe(1);
    expect(f.failed[0]).toContain('another operation');
  });
});

describe('values inputs', () => {
  it('applies values files, inline values and set in Helm order', async () => {
    const f = fake({
      command: 'template',
      release: 'v',
      chart: 'examples/database-app',
      'values-files': 'examples/database-app/values.yaml',
      values: 'image:\n  tag: "2.0"\n',
      set: 'service.port=8081',
    });
    expect(await run(f.deps)).toBe(0);
    const plain = fake({ command: 'template', release: 'v', chart: 'examples/database-app' });
    await run(plain.deps);
    expect(f.outputs['manifest-digest']).not.toBe(plain.outputs['manifest-digest']);
  });
});

describe('inputs', () => {
  it('a bad input fails naming it, before anything runs', async () => {
    const f = fake(onSim({ release: 'x', chart: 'examples/database-app', timeout: '5 minutes' }));
    expect(await run(f.deps)).toBe(1);
    expect(f.failed).toEqual([
      'Input "timeout": time: unknown unit " minutes" in duration "5 minutes"',
    ]);
    expect(f.summaries).toEqual([]);
  });
});
