/**
 * `--post-renderer` against real Helm 3.15.4 on the real API server: install and upgrade with
 * a post-renderer that transforms the manifest and adds an object; both tools must end with the
 * same exit codes, outputs (namespace and time aside), release manifests and hooks, and a
 * failing post-renderer must fail both the same way.
 *
 * Excluded from plain `npm test` (jest.config.js); run by scripts/ci-realcluster.sh.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNamespace, deleteNamespace, releaseRecords, run, type Tool } from './tools.js';

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), 'hookline-postrender-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const chart = join(dir, 'chart');
mkdirSync(join(chart, 'templates'), { recursive: true });
writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: post\nversion: 0.1.0\n');
writeFileSync(
  join(chart, 'templates', 'cm.yaml'),
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  rev: "{{ .Release.Revision }}"\n',
);
writeFileSync(
  join(chart, 'templates', 'hook.yaml'),
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-hook\n  annotations:\n    helm.sh/hook: pre-install\n',
);
// Labels every object (a line after each `metadata:`) and adds one ConfigMap named by its argument.
const post = join(dir, 'post.sh');
writeFileSync(
  post,
  '#!/bin/sh\nsed "s/^metadata:$/metadata:\\n  labels: {post-rendered: \\"yes\\"}/"\nprintf -- "---\\napiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: %s\\n" "$1"\n',
);
chmodSync(post, 0o755);
const failing = join(dir, 'fail.sh');
writeFileSync(failing, '#!/bin/sh\ncat >/dev/null\necho "kustomize: broken" >&2\nexit 2\n');
chmodSync(failing, 0o755);

async function outcomes(tool: Tool): Promise<unknown[]> {
  const ns = `post-${tool}`;
  await createNamespace(ns);
  try {
    const out: unknown[] = [];
    for (const args of [
      ['install', 'rel', chart, '--post-renderer', post, '--post-renderer-args', 'extra-one'],
      ['upgrade', 'rel', chart, '--post-renderer', post, '--post-renderer-args', 'extra-two'],
      ['upgrade', 'rel', chart, '--post-renderer', failing],
    ]) {
      const r = await run(tool, [...args, '-n', ns]);
      const text = r.out
        .split(ns)
        .join('NS')
        .replace(/^LAST DEPLOYED: .*$/m, 'LAST DEPLOYED: T')
        // hookline's hook summary (what Helm never prints).
        .replace(/^\nHOOKS:\n[\s\S]*?(?=^NOTES:|^Error: |(?![\s\S]))/m, '');
      const records = (await releaseRecords(ns, 'rel')).map((rec) => ({
        version: rec.version,
        status: rec.info.status,
        manifest: rec.manifest,
        hooks: rec.hooks.map((h) => h.manifest),
      }));
      out.push({ code: r.code, text, records });
    }
    return out;
  } finally {
    await deleteNamespace(ns);
  }
}

describe('--post-renderer', () => {
  it('installs and upgrades what the post-renderer returns, as Helm does', async () => {
    const [helm, hookline] = await Promise.all([outcomes('helm'), outcomes('hookline')]);
    expect(hookline).toEqual(helm);
    expect(JSON.stringify(helm)).toContain('post-rendered: \\"yes\\"');
    expect(JSON.stringify(helm)).toContain('error while running post render on files');
  });
});
