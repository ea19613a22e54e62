// `template` as the bundled bin runs it (issue 10): src/cli.ts hands `template` to
// src/cli-template.ts, bundled whole into dist/template.cjs and loaded with a code cache of the
// functions a run compiled (src/runtime/code-cache.ts), with its rarely used large dependencies
// in dist/vendor/*.cjs, required on first use (scripts/build.mjs). Same output, errors and exit
// codes as the whole CLI's `template` (src/cli/main.ts, run in-process here), with and without
// the code cache; a plain chart loads no vendor file and none of the split program's modules.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { runCli } from '../../src/cli/main.js';
import { startSimulator } from '../../src/simulator/index.js';
import { signProvenance } from '../../src/provenance/provenance.js';
import { withChartDir } from '../../__fixtures__/chart-dir.js';
import { isolatedEnv, packageChart, startFileServer, writeChart } from '../remote/support.js';
import {
  buildBundle,
  root,
  runRecorded,
  writeLoadRecorder,
  type RecordedRun,
} from '../helpers/bundle.js';

let dir = '';
let bundle = '';
let recorder = '';

beforeAll(() => {
  ({ dir, bundle } = buildBundle('hookline-template-program-'));
  recorder = writeLoadRecorder(dir);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The bundled bin as a child process, its loads recorded (see runRecorded). */
function bin(args: string[], env: Record<string, string> = {}): Promise<RecordedRun> {
  return runRecorded({
    bundle,
    recorder,
    entry: 'cli.js',
    args,
    env: { NODE_COMPILE_CACHE: join(dir, 'compile-cache'), ...env },
  });
}

/** The whole CLI's `template`, in-process from the sources. */
async function inProcess(args: string[], env?: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: root,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...(env ? { env } : {}),
  });
  return { code, stdout, stderr };
}

const CHART = 'apiVersion: v2\nname: demo\nversion: 0.1.0\n';

describe('`template` as the bundled bin runs it (issue 10)', () => {
  it('renders a plain chart from one module, loading no vendor file and no command chunk', () =>
    withChartDir(
      {
        'Chart.yaml': CHART,
        'values.yaml': 'name: web\nreplicas: 2\n',
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n  namespace: {{ .Release.Namespace }}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n',
      },
      async (chart) => {
        const args = ['template', 'x', chart, '--namespace', 'bench'];
        const r = await bin(args);
        expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(await inProcess(args));
        expect(r.stdout).toContain('name: web');
        expect(r.loaded.filter((f) => f.startsWith('vendor/'))).toEqual([]);
        // cli.js alone: dist/template.cjs is read and compiled by src/runtime/code-cache.ts
        // itself.
        expect(r.loaded).toEqual(['cli.js']);
        expect(r.loaded.filter((f) => /cli-program|main-|template-/.test(f))).toEqual([]);
        // Nor the built-ins only some runs need: the large-stack worker's, crypto. (node:v8
        // is loaded: src/runtime/startup.ts keepYoungGenerationSmall.)
        expect(r.builtins).toEqual(expect.arrayContaining(['fs', 'v8']));
        expect(r.builtins.filter((m) => ['worker_threads', 'crypto'].includes(m))).toEqual([]);
        // Traced (source-mapped) runs require the bundle as usual: same output.
        const traced = await bin(args, { HOOKLINE_TRACE: '1' });
        expect(traced.stdout).toBe(r.stdout);
        expect(traced.code).toBe(0);
      },
    ));

  it("runs `template --validate` in the whole program, with the cluster's capabilities", async () => {
    const sim = await startSimulator();
    try {
      const kubeconfig = join(dir, 'sim-kubeconfig');
      writeFileSync(kubeconfig, sim.kubeconfig);
      await withChartDir(
        {
          'Chart.yaml': CHART,
          'templates/cm.yaml':
            'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caps\ndata:\n  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n',
        },
        async (chart) => {
          const args = ['template', 'x', chart, '--validate', '--kubeconfig', kubeconfig];
          const r = await bin(args);
          expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(
            await inProcess(args),
          );
          // The simulator's version, not the built-in default (v1.36.0) template.cjs renders.
          expect(r.stdout).toContain('kube: "v1.32.0"');
        },
      );
      await withChartDir(
        {
          'Chart.yaml': CHART,
          'templates/foo.yaml': 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f\n',
        },
        async (chart) => {
          const r = await bin(['template', 'x', chart, '--validate', '--kubeconfig', kubeconfig]);
          expect(r.code).toBe(1);
          expect(r.stderr).toBe(
            'Error: unable to build kubernetes objects from release manifest: resource mapping not found for name: "f" namespace: "" from "": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n',
          );
        },
      );
    } finally {
      await sim.close();
    }
  });

  it('loads ajv, re2js, the yaml package and bcryptjs from dist/vendor when a chart uses them, with the same output', () =>
    withChartDir(
      {
        'Chart.yaml': CHART,
        'values.yaml': 'port: 80\n',
        'values.schema.json': JSON.stringify({
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: { port: { type: 'integer', minimum: 1 } },
        }),
        'templates/cm.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          '  name: demo',
          'data:',
          '  match: {{ regexMatch "^[a-z]+[0-9]$" "abc1" | quote }}',
          '  replaced: {{ regexReplaceAll "(a+)b" "xaabyab" "<$1>" | quote }}',
          `  alias: {{ (fromYaml "a: &x 7\\nb: *x").b | quote }}`,
          '  hashed: {{ hasPrefix "$2a$" (htpasswd "u" "p" | trimPrefix "u:") | quote }}',
          '',
        ].join('\n'),
      },
      async (chart) => {
        const args = ['template', 'x', chart];
        const r = await bin(args);
        expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(await inProcess(args));
        expect(r.stdout).toContain('match: "true"');
        expect(r.stdout).toContain('replaced: "x<aa>y<a>"');
        expect(r.stdout).toContain('alias: "7"');
        expect(r.stdout).toContain('hashed: "true"');
        const vendor = r.loaded.filter((f) => f.startsWith('vendor/')).sort();
        expect(vendor).toEqual([
          'vendor/ajv.cjs',
          'vendor/bcryptjs.cjs',
          'vendor/re2js.cjs',
          'vendor/yaml.cjs',
        ]);
      },
    ));

  it("fails a values.schema.json check with the whole CLI's message and exit code", () =>
    withChartDir(
      {
        'Chart.yaml': CHART,
        'values.yaml': 'port: 0\n',
        'values.schema.json': JSON.stringify({
          type: 'object',
          properties: { port: { type: 'integer', minimum: 1 } },
        }),
        'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n',
      },
      async (chart) => {
        const args = ['template', 'x', chart];
        const r = await bin(args);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('port');
        expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(await inProcess(args));
      },
    ));

  it('answers `template --help`, a bad flag and a missing chart as the whole CLI does', async () => {
    for (const args of [
      ['template', '--help'],
      ['template', 'x', 'no-such-chart-dir'],
      ['template', 'x', 'examples/database-app', '--no-such-flag'],
      ['template', 'x', 'examples/database-app', '--kube-version', 'not-a-version'],
    ]) {
      const r = await bin(args);
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
        args,
        ...(await inProcess(args)),
      });
    }
  });

  it('verifies a signed archive (`--verify`) with openpgp from dist/vendor, as the whole CLI does', async () => {
    const src = writeChart(join(dir, 'src'), 'signed', '1.0.0');
    const tgz = packageChart(src, dir, 'signed', '1.0.0');
    const key = await openpgp.generateKey({
      userIDs: [{ name: 'Chart Signer', email: 'sign@example.com' }],
      type: 'ecc',
      format: 'object',
    });
    const keyring = join(dir, 'pubring.gpg');
    writeFileSync(keyring, key.publicKey.write());
    const prov = await signProvenance({
      chartYaml: readFileSync(join(src, 'Chart.yaml'), 'utf8'),
      fileName: 'signed-1.0.0.tgz',
      archive: new Uint8Array(readFileSync(tgz)),
      privateKey: key.privateKey,
    });
    writeFileSync(`${tgz}.prov`, prov);
    const args = ['template', 'r', tgz, '--verify', '--keyring', keyring];
    const r = await bin(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(await inProcess(args));
    expect(r.loaded).toContain('vendor/openpgp.cjs');
  });

  it('templates a chart from a repository (`--repo`) on the large-stack worker, as the whole CLI does', async () => {
    const src = writeChart(join(dir, 'repo-src'), 'remote', '2.0.0');
    const tgz = packageChart(src, dir, 'remote', '2.0.0');
    const srv = await startFileServer(
      new Map<string, Uint8Array | string>([
        [
          '/index.yaml',
          'apiVersion: v1\nentries:\n  remote:\n  - apiVersion: v2\n    name: remote\n    version: 2.0.0\n    urls:\n    - remote-2.0.0.tgz\n',
        ],
        ['/remote-2.0.0.tgz', new Uint8Array(readFileSync(tgz))],
      ]),
    );
    try {
      const args = ['template', 'r', 'remote', '--repo', srv.url];
      const r = await bin(args, isolatedEnv(join(dir, 'bin-env')));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(
        await inProcess(args, isolatedEnv(join(dir, 'in-process-env'))),
      );
      expect(r.stdout).toContain('name: r-remote');
    } finally {
      await srv.stop();
    }
  });

  it('writes a code cache after a run without one, reads it in the next, and replaces a rejected one', () =>
    withChartDir(
      {
        'Chart.yaml': CHART,
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  upper: {{ upper "abc" | quote }}\n',
      },
      async (chart) => {
        const cacheRoot = join(dir, 'code-cache-test');
        const env = { NODE_COMPILE_CACHE: cacheRoot };
        const caches = () =>
          (existsSync(cacheRoot)
            ? readdirSync(cacheRoot, { recursive: true, encoding: 'utf8' })
            : []
          ).filter((f) => /(^|\/)hookline-[^/]*$/.test(f));
        const args = ['template', 'x', chart];
        const expected = await inProcess(args);
        // A run that fails before rendering compiled little: it writes no cache.
        const failed = await bin(['template', 'x', join(chart, 'no-such-dir')], env);
        expect(failed.code).toBe(1);
        expect(caches()).toEqual([]);
        const first = await bin(args, env);
        expect({ code: first.code, stdout: first.stdout, stderr: first.stderr }).toEqual(expected);
        expect(caches()).toHaveLength(1);
        const cacheFile = join(cacheRoot, caches()[0]!);
        const written = readFileSync(cacheFile);
        // Far more than the top-level code alone: the functions the run compiled.
        expect(written.length).toBeGreaterThan(100_000);
        const second = await bin(args, env);
        expect({ code: second.code, stdout: second.stdout, stderr: second.stderr }).toEqual(
          expected,
        );
        expect(readFileSync(cacheFile).equals(written)).toBe(true);
        writeFileSync(cacheFile, 'not a code cache');
        const third = await bin(args, env);
        expect({ code: third.code, stdout: third.stdout, stderr: third.stderr }).toEqual(expected);
        expect(readFileSync(cacheFile).length).toBeGreaterThan(100_000);
        expect(caches()).toHaveLength(1);
        const disabled = await bin(args, { ...env, NODE_DISABLE_COMPILE_CACHE: '1' });
        expect({ code: disabled.code, stdout: disabled.stdout, stderr: disabled.stderr }).toEqual(
          expected,
        );
      },
    ));
});
