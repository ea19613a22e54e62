/**
 * The workflows users copy (examples/workflows/) and the project's CI (.github/workflows/ci.yml),
 * validated with GitHub's own parser (@actions/workflow-parser: schema, expressions), and each
 * use of the action checked against action.yml's inputs (issue 8).
 */
import { describe, expect, it } from '@jest/globals';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { INPUT_NAMES } from '../../src/action/input-names.js';

const root = resolve(import.meta.dirname, '..', '..');
const examples = join(root, 'examples', 'workflows');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  if?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

async function validate(file: string): Promise<Workflow> {
  const content = readFileSync(file, 'utf8');
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  const template = await convertWorkflowTemplate(result.context, result.value!);
  expect(template.errors ?? []).toEqual([]);
  expect(template.jobs.length).toBeGreaterThan(0);
  return parse(content) as Workflow;
}

const isAction = (s: Step) => s.uses === './' || /^OWNER\/hookline@/.test(s.uses ?? '');
const actionSteps = (w: Workflow): Step[] =>
  Object.values(w.jobs).flatMap((j) => j.steps.filter(isAction));

describe.each([
  ...readdirSync(examples).map((f) => join('examples', 'workflows', f)),
  join('.github', 'workflows', 'ci.yml'),
])('%s', (file) => {
  it('parses without errors and uses only inputs action.yml declares', async () => {
    const w = await validate(join(root, file));
    const steps = actionSteps(w);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      for (const key of Object.keys(s.with ?? {})) expect(INPUT_NAMES).toContain(key);
      expect(Object.keys(s.with ?? {})).toContain('release');
    }
  });
});

describe('examples/workflows', () => {
  it('deploy: upgrade --install with wait and atomic, one deployment at a time', async () => {
    const w = await validate(join(examples, 'deploy.yml'));
    const [step] = actionSteps(w);
    expect(step!.with).toMatchObject({ command: 'upgrade', wait: true, atomic: true });
    expect(w.concurrency).toEqual({ group: 'deploy-production', 'cancel-in-progress': false });
  });

  it('pr-preview: pr-NUMBER with create-namespace and pr-comment; uninstall and namespace removal on close; concurrency per PR', async () => {
    const w = await validate(join(examples, 'pr-preview.yml'));
    expect(w.on.pull_request).toEqual({ types: ['opened', 'synchronize', 'reopened', 'closed'] });
    expect(w.concurrency!.group).toContain('${{ github.event.pull_request.number }}');
    expect(w.permissions).toMatchObject({ 'pull-requests': 'write' });
    const deploy = w.jobs.deploy!;
    expect(deploy.if).toContain("github.event.action != 'closed'");
    expect(deploy.steps.find(isAction)!.with).toMatchObject({
      command: 'upgrade',
      namespace: 'pr-${{ github.event.pull_request.number }}',
      'create-namespace': true,
      'pr-comment': true,
      'github-token': '${{ github.token }}',
    });
    const cleanup = w.jobs.cleanup!;
    expect(cleanup.if).toContain("github.event.action == 'closed'");
    expect(cleanup.steps.find(isAction)!.with).toMatchObject({
      command: 'uninstall',
      namespace: 'pr-${{ github.event.pull_request.number }}',
    });
    const removal = cleanup.steps.find((s) => s.run?.includes('delete namespace'));
    expect(removal?.run).toContain(
      'kubectl --kubeconfig "$RUNNER_TEMP/kubeconfig" delete namespace "$NAMESPACE"',
    );
  });

  it('scheduled-upgrade: a cron schedule with recover-pending', async () => {
    const w = await validate(join(examples, 'scheduled-upgrade.yml'));
    expect(w.on.schedule).toEqual([{ cron: '30 3 * * 1-5' }]);
    expect(actionSteps(w)[0]!.with).toMatchObject({
      command: 'upgrade',
      'recover-pending': true,
      'reuse-values': true,
    });
  });
});

describe('.github/workflows/ci.yml', () => {
  it('lints, tests, then runs `uses: ./` through install, test, upgrade, rollback, uninstall on kind', async () => {
    const w = await validate(join(root, '.github', 'workflows', 'ci.yml'));
    const runs = w.jobs.check!.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(expect.arrayContaining(['npm run lint', 'npm test']));
    const kind = w.jobs['action-on-kind']!;
    expect(kind.steps.some((s) => s.uses?.startsWith('helm/kind-action@'))).toBe(true);
    const commands = kind.steps
      .filter((s) => s.uses === './')
      .map((s) => `${String(s.with!.command)}${s.with!['dry-run'] ? ' (dry run)' : ''}`);
    expect(commands).toEqual([
      'install',
      'test',
      'upgrade (dry run)',
      'upgrade',
      'rollback',
      'template',
      'uninstall',
    ]);
  });
});

describe('.env.example (npx @github/local-action run . src/main.ts .env)', () => {
  it('sets only inputs action.yml declares, named as @actions/core reads them', () => {
    const text = readFileSync(join(root, '.env.example'), 'utf8');
    const inputs = [...text.matchAll(/^INPUT_([A-Z-]+)=/gm)].map((m) => m[1]!.toLowerCase());
    expect(inputs).toEqual(expect.arrayContaining(['release', 'kubeconfig', 'create-namespace']));
    for (const name of inputs) expect(INPUT_NAMES).toContain(name);
  });
});
