// The pure core's boundaries (docs/style.md section 5, docs/architecture.md) are enforced by
// `npm run lint`: ESLint fails a core module that reaches for the file system, the network, the
// Kubernetes client, the process, timers or the clock; dependency-cruiser fails a file cycle,
// an import against the layer table (an upward import, a folder loop) and an unlisted folder.
import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message.split(' import')[0]}`);
}

describe('import boundaries', () => {
  it.each([
    ['src/engine/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['src/gotemplate/probe.ts', "import http from 'node:http';"],
    ['src/values/probe.ts', "import * as core from '@actions/core';"],
    ['src/manifest/probe.ts', "import { KubeConfig } from '@kubernetes/client-node';"],
    ['src/sprig/probe.ts', "import { Simulator } from '../simulator/index.js';"],
  ])('%s may not: %s', async (file, line) => {
    const ids = await ruleIds(file, `${line}\nexport const probe = 1;\n`);
    expect(ids.some((id) => id.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('only kube/node-client.ts may import @kubernetes/client-node outside the core', async () => {
    const code =
      "import { KubeConfig } from '@kubernetes/client-node';\nexport const k = KubeConfig;\n";
    expect(
      (await ruleIds('src/cli/probe.ts', code)).some((id) =>
        id.startsWith('no-restricted-imports'),
      ),
    ).toBe(true);
    expect(await ruleIds('src/kube/node-client.ts', code)).toEqual([]);
  });

  it('the edges may do I/O', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
    expect(await ruleIds('src/chart/directory.ts', code)).toEqual([]);
    expect(await ruleIds('src/cli/probe.ts', code)).toEqual([]);
  });
});

describe('the pure core reads no process, timers or clock', () => {
  it.each([
    ['src/gotime/probe.ts', 'export const tz = process.env.TZ;'],
    ['src/yaml/probe.ts', 'export const t = Date.now();'],
    ['src/semver/probe.ts', 'export const t = setTimeout(() => undefined, 1);'],
    ['src/release/probe.ts', 'export const t = new Date();'],
    ['src/toml/probe.ts', 'export const t = performance.now();'],
    [
      'src/util/probe.ts',
      "import { Worker } from 'node:worker_threads';\nexport const w = Worker;",
    ],
    [
      'src/gojson/probe.ts',
      "import { setTimeout as wait } from 'node:timers/promises';\nexport const w = wait;",
    ],
  ])('%s may not: %s', async (file, code) => {
    const ids = await ruleIds(file, `${code}\n`);
    expect(ids.some((id) => /^no-restricted-(globals|properties|syntax|imports)/.test(id))).toBe(
      true,
    );
  });

  it('the edges may', async () => {
    const code = 'export const t = Date.now() + Number(process.env.N);\n';
    expect(await ruleIds('src/lifecycle/probe.ts', code)).toEqual([]);
    expect(await ruleIds('src/chart/directory.ts', code)).toEqual([]);
    expect(await ruleIds('src/gotime/probe.ts', 'export const t = new Date(0);\n')).toEqual([]);
  });
});

describe('typed errors: no branching on message text, one asError', () => {
  it.each([
    ['src/lifecycle/probe.ts', "export const f = (e: Error) => e.message.includes('not found');"],
    ['src/storage/probe.ts', "export const f = (e: Error) => e.message.startsWith('no revision');"],
    ['src/chart/probe.ts', 'export const f = (e: Error) => /tar/.test(e.message);'],
    [
      'src/action/probe.ts',
      'export const f = (e: unknown) => (e instanceof Error ? e.message : String(e));',
    ],
    [
      'src/kube/probe.ts',
      'export const f = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));',
    ],
  ])('%s may not: %s', async (file, code) => {
    const ids = await ruleIds(file, `${code}\n`);
    expect(ids.some((id) => id.startsWith('no-restricted-syntax'))).toBe(true);
  });

  it('a class check or a code check passes, and util/errors.ts is the one helper', async () => {
    const code =
      "export const f = (e: unknown) => e instanceof RangeError || (e as { code?: string }).code === 'X';\n";
    expect(await ruleIds('src/lifecycle/probe.ts', code)).toEqual([]);
    const helper =
      'export const t = (e: unknown) => (e instanceof Error ? e.message : String(e));\n';
    expect(await ruleIds('src/util/errors.ts', helper)).toEqual([]);
  });
});

const require = createRequire(import.meta.url);
interface KnownViolation {
  kind: string;
  file: string;
  with?: string[];
}
const { layers, assertAcyclic, knownViolations } = require('../scripts/layers.cjs') as {
  layers: Record<string, string[]>;
  assertAcyclic(table: Record<string, string[]>): void;
  knownViolations: KnownViolation[];
};
/**
 * A two-file cycle tolerated by a knownViolations entry: a listed one while any is left, else a
 * probe pair listed only in the probe tree's own copy of scripts/layers.cjs.
 */
function knownPair(): { pair: [string, string]; extra: KnownViolation[] } {
  const cycles = knownViolations.filter((v) => v.kind === 'cycle');
  const pair = cycles.find(
    (v) =>
      v.with?.length === 1 &&
      cycles.some((w) => w.file === v.with![0] && (w.with ?? []).includes(v.file)),
  );
  if (pair) return { pair: [pair.file, pair.with![0]!], extra: [] };
  const [a, b] = ['src/lifecycle/probe-a.ts', 'src/lifecycle/probe-b.ts'];
  return {
    pair: [a, b],
    extra: [
      { kind: 'cycle', file: a, with: [b] },
      { kind: 'cycle', file: b, with: [a] },
    ],
  };
}
const depcruise = resolve(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/**
 * Runs `npm run lint`'s dependency-cruiser step over a tree of probe files; with `extra`, over
 * a copy of the configuration whose scripts/layers.cjs lists those known violations too.
 */
function cruise(
  files: Record<string, string>,
  extra: readonly KnownViolation[] = [],
): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-depcruise-'));
  try {
    let config = resolve(root, '.dependency-cruiser.cjs');
    if (extra.length > 0) {
      config = join(dir, '.dependency-cruiser.cjs');
      copyFileSync(resolve(root, '.dependency-cruiser.cjs'), config);
      mkdirSync(join(dir, 'scripts'));
      writeFileSync(
        join(dir, 'scripts/layers.cjs'),
        `${readFileSync(resolve(root, 'scripts/layers.cjs'), 'utf8')}\nmodule.exports.knownViolations.push(...${JSON.stringify(extra)});\n`,
      );
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
    );
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(
      process.execPath,
      [depcruise, 'src', '--config', config, '--output-type', 'err'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependencies point one way (dependency-cruiser)', () => {
  it('the project as it stands passes', () => {
    const run = spawnSync(
      process.execPath,
      [depcruise, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(`${run.stdout}${run.stderr}`).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  });

  it('a clean probe tree passes (the failures below are the probes, not the setup)', () => {
    const run = cruise({
      'src/chart/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'src/chart/b.ts': "import { u } from '../util/u.js';\nexport const b = u;\n",
      'src/util/u.ts': 'export const u = 1;\n',
    });
    expect(run.out).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  });

  it('fails on a new runtime file cycle', () => {
    const run = cruise({
      'src/chart/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/chart/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(run.out).toMatch(/error no-circular: src\/chart\/(a|b)\.ts/);
    expect(run.status).not.toBe(0);
  });

  it('fails on a type-only file cycle', () => {
    const run = cruise({
      'src/release/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
      'src/release/b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
    });
    expect(run.out).toMatch(/error no-circular: src\/release\/(a|b)\.ts/);
    expect(run.status).not.toBe(0);
  });

  it('fails on an upward import (the core reaching for lifecycle)', () => {
    const run = cruise({
      'src/chart/a.ts':
        "import { install } from '../lifecycle/install.js';\nexport const a = install;\n",
      'src/lifecycle/install.ts': 'export const install = 1;\n',
    });
    expect(run.out).toContain('error layer-chart: src/chart/a.ts → src/lifecycle/install.ts');
    expect(run.status).not.toBe(0);
  });

  it('fails on a folder loop made of two files that are no file cycle (chart <-> values)', () => {
    const run = cruise({
      'src/values/v.ts': "import { c } from '../chart/c.js';\nexport const v = c;\n",
      'src/chart/c.ts': 'export const c = 1;\n',
      'src/chart/d.ts': "import { v } from '../values/v.js';\nexport const d = v;\n",
    });
    expect(run.out).toContain('error layer-chart: src/chart/d.ts → src/values/v.ts');
    expect(run.out).not.toContain('no-circular');
    expect(run.status).not.toBe(0);
  });

  it('fails on a folder missing from the layer table', () => {
    const run = cruise({
      'src/newthing/a.ts': "import { u } from '../util/u.js';\nexport const a = u;\n",
      'src/util/u.ts': 'export const u = 1;\n',
    });
    expect(run.out).toContain('error folder-in-layer-table: src/newthing/a.ts');
    expect(run.status).not.toBe(0);
  });

  it('a known cycle (scripts/layers.cjs) is tolerated only with its listed partner', () => {
    const { pair, extra } = knownPair();
    const [a, b] = pair;
    const name = (f: string) => `./${f.split('/').pop()!.replace(/\.ts$/, '.js')}`;
    const third = `${a.slice(0, a.lastIndexOf('/'))}/probe-third.ts`;
    const first = `import { b } from '${name(b)}';\nexport const a = () => b;\n`;
    const known = cruise(
      {
        [a]: first,
        [b]: `import { a } from '${name(a)}';\nexport const b = () => a;\n`,
      },
      extra,
    );
    expect(known.status).toBe(0);
    const fresh = cruise(
      {
        [a]: `${first}import { p } from '${name(third)}';\nexport const q = p;\n`,
        [b]: 'export const b = 1;\n',
        [third]: `import { a } from '${name(a)}';\nexport const p = () => a;\n`,
      },
      extra,
    );
    expect(fresh.out).toMatch(/error no-circular/);
    expect(fresh.status).not.toBe(0);
  });

  it('the layer table itself allows no folder loop', () => {
    expect(() => assertAcyclic(layers)).not.toThrow();
    expect(() => assertAcyclic({ ...layers, util: ['chart'] })).toThrow(/folder loop: .*util/);
  });
});
