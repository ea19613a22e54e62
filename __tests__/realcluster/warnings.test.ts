/**
 * The API server's warnings on the real API server (Kubernetes 1.20.2) against real Helm 3.15.4:
 * Helm shows each through client-go's default handler (klog: `W1207 19:57:07.412876 20338
 * warnings.go:70] <text>`, every time one comes), hookline as `Warning: <text>` on stderr, once
 * per text and command (as kubectl does). The texts must be the same.
 *
 * Excluded from plain `npm test` (jest.config.js); run by scripts/ci-realcluster.sh.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNamespace, deleteNamespace, run, type Tool } from './tools.js';

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), 'hookline-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'templates'));
writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: warned\nversion: 0.1.0\n');
// extensions/v1beta1 Ingress is served by 1.20 with a deprecation warning.
writeFileSync(
  join(dir, 'templates', 'ingress.yaml'),
  `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: {{ .Release.Name }}
spec:
  backend:
    serviceName: svc
    servicePort: 80
`,
);

const KLOG = /^W\d{4} [\d:.]+\s+\d+ warnings\.go:\d+\] (.*)$/;
const OURS = /^Warning: (.*)$/;

/** The warning texts each command showed, in order. */
async function warnings(tool: Tool): Promise<string[][]> {
  const ns = `w-${tool}`;
  await createNamespace(ns);
  try {
    const perCommand: string[][] = [];
    for (const args of [
      ['install', 'rel', dir],
      ['upgrade', 'rel', dir],
      ['uninstall', 'rel'],
    ]) {
      const r = await run(tool, [...args, '-n', ns]);
      expect(r.code).toBe(0);
      const texts: string[] = [];
      for (const line of r.out.split('\n')) {
        const m = (tool === 'helm' ? KLOG : OURS).exec(line);
        if (m) texts.push(m[1]!);
      }
      perCommand.push(texts);
    }
    return perCommand;
  } finally {
    await deleteNamespace(ns);
  }
}

describe("the API server's warnings", () => {
  it('are shown as Helm shows them, once per text', async () => {
    const [helm, hookline] = await Promise.all([warnings('helm'), warnings('hookline')]);
    expect(helm.flat().length).toBeGreaterThan(0);
    expect(hookline).toEqual(helm.map((texts) => [...new Set(texts)]));
  });
});
