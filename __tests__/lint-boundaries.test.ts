// The pure core's import boundaries (docs/style.md section 5, design.md section 2) are enforced
// by ESLint: a core module that reaches for the file system, the network or the Kubernetes
// client must fail lint.
import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

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
