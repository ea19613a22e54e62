/**
 * Hostile and missing inputs on the command line (issue 9): Helm's messages for missing chart
 * and values paths (never Node's ENOENT), `-f` files checked like values.yaml (UTF-8, size),
 * a kubeconfig that is not YAML reported by file and line without its content, and
 * `recover-pending` clearing a release left pending.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import { markPendingInstall } from '../../src/release/records.js';
import { install } from '../../src/lifecycle/install.js';
import { loadChart } from '../../src/chart/directory.js';
import { systemClock } from '../../src/gotime/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookline-inputs-'));
  mkdirSync(join(dir, 'c', 'templates'), { recursive: true });
  writeFileSync(join(dir, 'c', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'c', 'values.yaml'), 'a: ok\n');
  writeFileSync(
    join(dir, 'c', 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: {{ .Values.a | quote }}}\n',
  );
  writeFileSync(join(dir, 'bad-utf8.yaml'), Buffer.from('a: "\xff\xfe"\n', 'latin1'));
  writeFileSync(join(dir, 'big.yaml'), `a: "${'x'.repeat(5 * 1024 * 1024)}"\n`);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function hookline(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    cwd: dir,
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  return { code, out, err };
}

describe('missing paths: Helm messages, never ENOENT', () => {
  it('a chart path that does not exist', async () => {
    const r = await hookline('template', 'x', './nope');
    expect(r).toMatchObject({ code: 1, err: 'Error: path "./nope" not found\n' });
  });

  it('a values file that does not exist', async () => {
    const r = await hookline('template', 'x', './c', '-f', 'nope.yaml');
    expect(r).toMatchObject({ code: 1, err: 'Error: open nope.yaml: no such file or directory\n' });
  });
});

describe('-f files are checked like values.yaml', () => {
  it('invalid UTF-8 is refused as in values.yaml', async () => {
    const r = await hookline('template', 'x', './c', '-f', 'bad-utf8.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Error: failed to parse bad-utf8.yaml: error converting YAML to JSON: yaml: invalid leading UTF-8 octet\n',
    );
  });

  it('a file over the size limit is refused before it is read', async () => {
    const r = await hookline('template', 'x', './c', '-f', 'big.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Error: values file "big.yaml" is larger than the maximum file size 5242880\n',
    );
  });
});

describe('kubeconfig errors on the CLI', () => {
  it('names the file and line, never the content', async () => {
    const file = join(dir, 'kubeconfig');
    writeFileSync(
      file,
      'apiVersion: v1\nusers:\n- name: u\n  user:\n    token: sup3r-s3cret\n  - oops: [\n',
    );
    const r = await hookline('status', 'x', '--kubeconfig', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `^Error: error loading config file "${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": yaml: line 6: `,
      ),
    );
    expect(r.err).not.toContain('sup3r-s3cret');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('recover-pending', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({});
    writeFileSync(join(dir, 'sim.kubeconfig'), sim.kubeconfig);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('marks a release left pending-install as failed', async () => {
    const client = createNodeClient({ kubeconfig: sim.kubeconfig });
    const storage = new Storage(new SecretsDriver(secretsApi(client, 'default')));
    const cfg = { kube: client, storage, clock: systemClock, log: { info() {}, warn() {} } };
    const { release } = await install(cfg, loadChart(join(dir, 'c')), { releaseName: 'stuck' });
    await storage.update(markPendingInstall(release));
    const r = await hookline('recover-pending', 'stuck', '--kubeconfig', 'sim.kubeconfig');
    expect(r).toMatchObject({ code: 0, out: 'release stuck revision 1 marked failed\n' });
    expect((await storage.last('stuck')).info.status).toBe('failed');
    const again = await hookline('recover-pending', 'stuck', '--kubeconfig', 'sim.kubeconfig');
    expect(again.out).toBe('release stuck has no pending revision to recover\n');
  });
});
