/**
 * Interop with the real Helm (../shared/realcluster/bin/helm.xz, unpacked to /tmp/remote-helm by
 * scripts/ci-remote-interop.sh): `helm pull` of what `hookline push`ed and the reverse give
 * byte-identical archives and the same manifest digest; `helm dependency update` writes the
 * Chart.lock digest hookline computes and `hookline dependency build` accepts it.
 * Not part of `npm test` (the file name does not match `*.test.ts`).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HAVE_REGISTRY,
  cli,
  isolatedEnv,
  packageChart,
  startFileServer,
  startRegistry,
  tmp,
  writeChart,
  type Registry,
} from '../remote/support.js';

const HELM = process.env.HOOKLINE_HELM_BIN ?? '/tmp/remote-helm';
const HAVE_HELM = existsSync(HELM);
const d = HAVE_HELM && HAVE_REGISTRY ? describe : describe.skip;
if (!HAVE_HELM)
  console.warn(
    `skipped: no helm binary at ${HELM} (xz -dc /work/shared/realcluster/bin/helm.xz > ${HELM})`,
  );
if (!HAVE_REGISTRY) console.warn('skipped: /usr/bin/docker-registry is not installed');

/** Run helm asynchronously (the repository server lives in this process). */
function helm(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(HELM, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

d('hookline and the real helm share registries and repositories', () => {
  let reg: Registry;
  let root: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    reg = await startRegistry();
    root = tmp();
    env = isolatedEnv(root, { TZ: 'UTC' });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  test('hookline push → helm pull: byte-identical archive', async () => {
    const tgz = packageChart(
      writeChart(join(root, 'a'), 'fromhook', '1.2.3'),
      root,
      'fromhook',
      '1.2.3',
    );
    const push = await cli(['push', tgz, `oci://${reg.host}/x`, '--plain-http'], root, env);
    expect(push.code).toBe(0);
    mkdirSync(join(root, 'hp'));
    const r = await helm(
      [
        'pull',
        `oci://${reg.host}/x/fromhook`,
        '--version',
        '1.2.3',
        '--plain-http',
        '-d',
        join(root, 'hp'),
      ],
      root,
      env,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'hp', 'fromhook-1.2.3.tgz')).equals(readFileSync(tgz))).toBe(
      true,
    );
    // helm reports the same manifest digest hookline pushed
    expect(r.stderr).toContain(/Digest: (sha256:[0-9a-f]{64})/.exec(push.stderr)![1]!);
  });

  test('helm push → hookline pull: byte-identical archive; hookline builds the very manifest helm pushed', async () => {
    const dir = writeChart(join(root, 'b'), 'fromhelm', '0.3.0+meta', {
      extra:
        'home: https://example.com/<x>&y\nsources: [https://src.example.com]\nmaintainers:\n- name: Ann\n  email: ann@example.com\n- name: Bob\nannotations:\n  org.opencontainers.image.title: ignored\n  custom/key: v\n',
    });
    const tgz = packageChart(dir, root, 'fromhelm', '0.3.0+meta');
    const hp = await helm(['push', tgz, `oci://${reg.host}/y`, '--plain-http'], root, env);
    expect(hp.code).toBe(0);
    const helmDigest = /Digest: (sha256:[0-9a-f]{64})/.exec(hp.stderr)![1]!;
    const pull = await cli(
      [
        'pull',
        `oci://${reg.host}/y/fromhelm`,
        '--version',
        '0.3.0+meta',
        '--plain-http',
        '-d',
        join(root, 'kp'),
      ],
      root,
      env,
    );
    expect(pull.code).toBe(0);
    expect(
      readFileSync(join(root, 'kp', 'fromhelm-0.3.0+meta.tgz')).equals(readFileSync(tgz)),
    ).toBe(true);
    expect(pull.stderr).toContain(`Digest: ${helmDigest}`);
    // Helm 3.15 stamps the push time; with that time, hookline's manifest is byte-identical.
    const res = await fetch(`http://${reg.host}/v2/y/fromhelm/manifests/${helmDigest}`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    const helmManifest = new Uint8Array(await res.arrayBuffer());
    const created = (
      JSON.parse(new TextDecoder().decode(helmManifest)) as { annotations: Record<string, string> }
    ).annotations['org.opencontainers.image.created']!;
    const { buildChartArtifact } = await import('../../src/registry/manifest.js');
    const { loadArchive } = await import('../../src/chart/directory.js');
    const archive = new Uint8Array(readFileSync(tgz));
    const ours = buildChartArtifact({
      chart: archive,
      metadata: loadArchive(archive).metadata,
      creationTime: created,
    });
    expect(new TextDecoder().decode(ours.manifest)).toBe(new TextDecoder().decode(helmManifest));
  });

  test('helm dependency update writes the Chart.lock digest hookline computes; hookline build accepts it', async () => {
    const files = new Map<string, Uint8Array | string>();
    const libTgz = packageChart(writeChart(join(root, 'c'), 'lib', '1.4.0'), root, 'lib', '1.4.0');
    files.set('/lib-1.4.0.tgz', readFileSync(libTgz));
    files.set(
      '/index.yaml',
      `apiVersion: v1\nentries:\n  lib:\n  - apiVersion: v2\n    name: lib\n    version: 1.4.0\n    urls:\n    - lib-1.4.0.tgz\n`,
    );
    const srv = await startFileServer(files);
    try {
      const app = writeChart(join(root, 'apps'), 'app', '1.0.0', {
        deps: `- name: lib\n  version: "~1.4"\n  repository: ${srv.url}\n  condition: lib.enabled\n  tags: [x, "<y>"]\n- name: local\n  version: 0.1.0\n  repository: file://../local\n  alias: loc\n  import-values:\n  - child: a\n    parent: b\n`,
      });
      writeChart(join(root, 'apps'), 'local', '0.1.0');
      const h = await helm(['repo', 'add', 'libs', srv.url], root, env);
      expect(h.code).toBe(0);
      const up = await helm(['dependency', 'update', app], root, env);
      expect(up.stderr).toBe('');
      expect(up.code).toBe(0);
      const lockText = readFileSync(join(app, 'Chart.lock'), 'utf8');
      const { hashReq } = await import('../../src/downloader/lock.js');
      const { loadChart } = await import('../../src/chart/directory.js');
      const c = loadChart(app);
      expect(hashReq(c.metadata.dependencies, c.lock!.dependencies)).toBe(c.lock!.digest);
      const build = await cli(['dependency', 'build', app], root, env);
      expect(build.stderr).toBe('');
      expect(build.code).toBe(0);
      expect(readFileSync(join(app, 'Chart.lock'), 'utf8')).toBe(lockText);
      // hookline's own update produces the same lock (except the time)
      const ours = await cli(['dependency', 'update', app, '--skip-refresh'], root, env);
      expect(ours.code).toBe(0);
      const strip = (s: string) => s.replace(/generated: .*\n/, '');
      expect(strip(readFileSync(join(app, 'Chart.lock'), 'utf8'))).toBe(strip(lockText));
    } finally {
      await srv.stop();
    }
  });

  test('helm package --sign → hookline --verify, and helm verify accepts hookline-signed provenance', async () => {
    const openpgp = await import('openpgp');
    const { signProvenance } = await import('../../src/provenance/provenance.js');
    const key = await openpgp.generateKey({
      userIDs: [{ name: 'Interop Signer', email: 'i@example.com' }],
      type: 'rsa',
      rsaBits: 2048,
      format: 'object',
    });
    const secring = join(root, 'secring.gpg');
    const pubring = join(root, 'pubring.gpg');
    writeFileSync(secring, key.privateKey.write());
    writeFileSync(pubring, key.publicKey.write());
    const dir = writeChart(join(root, 'sig'), 'sig', '0.0.1');
    const out = join(root, 'sigout');
    mkdirSync(out);
    const pkg = await helm(
      ['package', dir, '--sign', '--key', 'Interop Signer', '--keyring', secring, '-d', out],
      root,
      env,
    );
    expect(pkg.stderr).toBe('');
    expect(pkg.code).toBe(0);
    const tgz = join(out, 'sig-0.0.1.tgz');
    const v = await cli(['template', 'r', tgz, '--verify', '--keyring', pubring], root, env);
    expect(v.stderr).toBe('');
    expect(v.stdout).toContain('name: r-sig');
    // the reverse: hookline's .prov for hookline's archive, checked by helm verify
    const ours = packageChart(
      writeChart(join(root, 'sig2'), 'sig2', '0.0.2'),
      root,
      'sig2',
      '0.0.2',
    );
    writeFileSync(
      `${ours}.prov`,
      await signProvenance({
        chartYaml: readFileSync(join(root, 'sig2', 'sig2', 'Chart.yaml'), 'utf8'),
        fileName: 'sig2-0.0.2.tgz',
        archive: new Uint8Array(readFileSync(ours)),
        privateKey: key.privateKey,
      }),
    );
    const hv = await helm(['verify', ours, '--keyring', pubring], root, env);
    expect(hv.stderr).toBe('');
    expect(hv.code).toBe(0);
    expect(hv.stdout).toContain('Signed by: Interop Signer <i@example.com>');
  });
});
