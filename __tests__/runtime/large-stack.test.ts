// Issue 10: commands run on the main thread, and on the large-stack worker only when rendering
// overflows the main thread's stack before anything was written (src/runtime/large-stack.ts,
// src/runtime/side-effects.ts). The children are the real bundle (scripts/build.mjs into a
// temporary directory); a preload module records each worker the process starts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withChartDir } from '../../__fixtures__/chart-dir.js';
import { buildBundle, root } from '../helpers/bundle.js';

let dir = '';
let bundle = '';
let preload = '';

beforeAll(() => {
  ({ dir, bundle } = buildBundle('hookline-large-stack-'));
  preload = join(dir, 'count-workers.cjs');
  writeFileSync(
    preload,
    `const wt = require('node:worker_threads');
const fs = require('node:fs');
const Base = wt.Worker;
wt.Worker = class extends Base {
  constructor(...args) {
    fs.appendFileSync(process.env.HOOKLINE_TEST_WORKER_LOG, 'worker\\n');
    super(...args);
  }
};
// What a process the worker spawns would inherit of the mark that tells the worker it is one.
if (!wt.isMainThread)
  process.on('exit', () =>
    fs.appendFileSync(process.env.HOOKLINE_TEST_WORKER_LOG, 'mark:' + (process.env.HOOKLINE_LARGE_STACK_WORKER ?? 'none') + '\\n'),
  );
`,
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A chart whose ConfigMap value is `n` nested includes of one template (Helm allows 1,000). */
function deepChart(n: number): Record<string, string> {
  return {
    'Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
    'templates/cm.yaml':
      `{{define "r"}}{{if lt (int .) ${n}}}{{include "r" (add1 .)}}{{else}}done{{end}}{{end}}` +
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: {{include "r" 0}}\n',
  };
}

/**
 * `n` nested includes through 20 templates (500 each at n = 10,000, within Helm's 1,000 per
 * name): far more than any main-thread stack holds, whatever a frame costs, so such a render
 * always moves to the worker.
 */
function chainChart(n: number): Record<string, string> {
  const defs = Array.from(
    { length: 20 },
    (_, k) =>
      `{{define "r${k}"}}{{if lt (int .) ${n}}}{{include "r${(k + 1) % 20}" (add1 .)}}{{else}}done{{end}}{{end}}`,
  ).join('');
  return {
    'Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
    'templates/cm.yaml': `${defs}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: {{include "r0" 0}}\n`,
  };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** How many large-stack workers the process started. */
  workers: number;
  /** Each worker's HOOKLINE_LARGE_STACK_WORKER when it ended ('none': unset). */
  marks: string[];
}

function run(entry: 'cli.js' | 'index.js', args: string[], env: Record<string, string> = {}): Run {
  const log = join(dir, `workers-${Math.random().toString(36).slice(2)}.log`);
  const r = spawnSync(process.execPath, ['--require', preload, join(bundle, entry), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, HOOKLINE_TEST_WORKER_LOG: log },
    timeout: 60_000,
  });
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  const workers = lines.filter((l) => l === 'worker').length;
  const marks = lines.filter((l) => l.startsWith('mark:')).map((l) => l.slice(5));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, workers, marks };
}

const HELM_NESTED_ERROR =
  'error calling include: rendering template has a nested reference name: r: unable to execute template';

describe('the CLI on the main thread, the worker after an overflow (issue 10)', () => {
  it('renders a shallow chart without starting a worker', () =>
    withChartDir(deepChart(5), (chart) => {
      const r = run('cli.js', ['template', 'x', chart]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('  x: done\n');
      expect(r.workers).toBe(0);
    }));

  it('renders 500 nested includes, as Helm does', () =>
    withChartDir(deepChart(500), (chart) => {
      const r = run('cli.js', ['template', 'x', chart]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(
        '---\n# Source: deep/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: done\n',
      );
    }));

  it("stops 1,200 nested includes with Helm's error at Helm's depth, printed once", () =>
    withChartDir(deepChart(1200), (chart) => {
      const r = run('cli.js', ['template', 'x', chart]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n');
      expect(lines[0]!.startsWith('Error: template: deep/templates/cm.yaml:')).toBe(true);
      expect(lines[0]!.endsWith(HELM_NESTED_ERROR)).toBe(true);
      // Helm 3.15.4 prints 1,002 (the outer include, the 1,001 that were allowed).
      expect(lines[0]!.split('error calling include').length - 1).toBe(1002);
      expect(lines.slice(1)).toEqual(['', 'Use --debug flag to render out invalid YAML', '']);
    }));

  it("renders 10,000 nested includes on the worker, the main thread's try dropped", () =>
    withChartDir(chainChart(10_000), (chart) => {
      const r = run('cli.js', ['template', 'x', chart]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(
        '---\n# Source: deep/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: done\n',
      );
      expect(r.workers).toBe(1);
      // The worker knew itself by its mark and took it out of its environment.
      expect(r.marks).toEqual(['none']);
    }));

  it('installs a chart of 10,000 nested includes: the render overflows before any write', () =>
    withChartDir(chainChart(10_000), (chart) => {
      const r = run('cli.js', ['install', 'deep', chart, '--simulate']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('STATUS: deployed');
      expect(r.stdout.match(/^NAME: deep$/gm)).toHaveLength(1);
      expect(r.workers).toBe(1);
    }));
});

describe('the action on the main thread, the worker after an overflow (issue 10)', () => {
  function action(chart: string) {
    const out = join(dir, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(out, '');
    const r = run('index.js', [], {
      INPUT_COMMAND: 'template',
      INPUT_RELEASE: 'deep',
      INPUT_CHART: chart,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: '',
      RUNNER_TEMP: dir,
    });
    return { ...r, outputs: readFileSync(out, 'utf8') };
  }

  it('renders a shallow chart without starting a worker', () =>
    withChartDir(deepChart(5), (chart) => {
      const r = action(chart);
      expect(r.status).toBe(0);
      expect(readFileSync(join(dir, 'hookline-deep.yaml'), 'utf8')).toContain('  x: done\n');
      expect(r.workers).toBe(0);
    }));

  it('renders 500 nested includes', () =>
    withChartDir(deepChart(500), (chart) => {
      const r = action(chart);
      expect(r.status).toBe(0);
      expect(r.outputs).toMatch(/^status<<(\S+)\nrendered\n\1$/m);
      expect(readFileSync(join(dir, 'hookline-deep.yaml'), 'utf8')).toContain('  x: done\n');
    }));

  it("fails 1,200 nested includes with Helm's error, each output and annotation once", () =>
    withChartDir(deepChart(1200), (chart) => {
      const r = action(chart);
      expect(r.status).toBe(1);
      const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.endsWith(HELM_NESTED_ERROR)).toBe(true);
      expect(r.outputs.match(/^status<</gm)).toHaveLength(1);
    }));

  it('renders 10,000 nested includes on the worker, each output once', () =>
    withChartDir(chainChart(10_000), (chart) => {
      const r = action(chart);
      expect(r.status).toBe(0);
      expect(r.outputs.match(/^status<<(\S+)\nrendered\n\1$/gm)).toHaveLength(1);
      expect(readFileSync(join(dir, 'hookline-deep.yaml'), 'utf8')).toContain('  x: done\n');
      expect(r.workers).toBe(1);
    }));
});

describe('a reader that goes away (`hookline … | head`)', () => {
  /** The bin with its stdout's reader gone from the start: its exit code and stderr. */
  async function closedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [join(bundle, 'cli.js'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    try {
      const code = await new Promise<number | null>((done) => child.on('close', done));
      return { code, stderr };
    } finally {
      clearTimeout(timer);
      child.kill();
    }
  }

  /** A chart of `n` ConfigMaps: far more output than a pipe buffers. */
  const manyConfigMaps = (n: number): Record<string, string> => ({
    'Chart.yaml': 'apiVersion: v2\nname: many\nversion: 0.1.0\n',
    'templates/cms.yaml': `{{- range $i := until ${n} }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{{ $i }}\ndata:\n  v: {{ repeat 200 "x" | quote }}\n{{- end }}\n`,
  });

  it('template: the rest of the output is dropped, no stack trace, exit code 0', () =>
    withChartDir(manyConfigMaps(2000), async (chart) => {
      expect(await closedStdout(['template', 'x', chart])).toEqual({ code: 0, stderr: '' });
    }));

  it('install: the command goes on to its end, no stack trace, exit code 0', () =>
    withChartDir(manyConfigMaps(5), async (chart) => {
      expect(await closedStdout(['install', 'x', chart, '--simulate'])).toEqual({
        code: 0,
        stderr: '',
      });
    }));

  it('--help, answered by the bin itself: no stack trace, exit code 0', async () => {
    expect(await closedStdout(['--help'])).toEqual({ code: 0, stderr: '' });
  });

  it('on the worker: its output reaches a closed pipe on the main thread, no stack trace', () =>
    withChartDir(chainChart(10_000), async (chart) => {
      expect(await closedStdout(['template', 'x', chart])).toEqual({ code: 0, stderr: '' });
    }));
});
