/**
 * Chart repositories served by a Node HTTP(S) server started here: `repo add`, REPO/CHART,
 * `--repo URL`, direct URLs, Helm's version selection, the index digest check, the cache, basic
 * auth, TLS, and `dependency update|build|list` with https, file:// and @alias repositories.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  HAVE_OPENSSL,
  cli,
  isolatedEnv,
  makeCerts,
  packageChart,
  startFileServer,
  tmp,
  writeChart,
  type FileServer,
} from './support.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function indexFor(
  charts: Array<{ name: string; version: string; data: Uint8Array; digest?: string }>,
): string {
  let s = 'apiVersion: v1\nentries:\n';
  const names = [...new Set(charts.map((c) => c.name))];
  for (const n of names) {
    s += `  ${n}:\n`;
    for (const c of charts.filter((x) => x.name === n)) {
      s += `  - apiVersion: v2\n    name: ${n}\n    version: ${c.version}\n    digest: ${c.digest ?? sha(c.data)}\n    urls:\n    - charts/${n}-${c.version}.tgz\n`;
    }
  }
  return s;
}

describe('chart repositories (index.yaml, REPO/CHART, --repo)', () => {
  let srv: FileServer;
  let root: string;
  let env: Record<string, string>;
  const files = new Map<string, Uint8Array | string>();
  beforeAll(async () => {
    root = tmp();
    env = isolatedEnv(root);
    const charts = [];
    for (const v of ['1.0.0', '1.2.0', '2.0.0-beta.1', '0.9.0']) {
      const tgz = packageChart(
        writeChart(join(root, `s${v}`), 'wordpress', v),
        root,
        'wordpress',
        v,
      );
      const data = new Uint8Array(readFileSync(tgz));
      files.set(`/charts/wordpress-${v}.tgz`, data);
      charts.push({ name: 'wordpress', version: v, data });
    }
    const bad = new Uint8Array(readFileSync(join(root, 'wordpress-0.9.0.tgz')));
    charts.push({ name: 'tampered', version: '1.0.0', data: bad, digest: 'a'.repeat(64) });
    files.set('/charts/tampered-1.0.0.tgz', bad);
    files.set('/index.yaml', indexFor(charts));
    srv = await startFileServer(files);
  });
  afterAll(async () => {
    await srv?.stop();
  });

  test('repo add writes repositories.yaml as Helm keeps it and caches the index', async () => {
    const r = await cli(['repo', 'add', 'bitnami', srv.url], root, env);
    expect(r.stdout).toBe('"bitnami" has been added to your repositories\n');
    const yaml = readFileSync(env.HELM_REPOSITORY_CONFIG!, 'utf8');
    expect(yaml).toContain(
      `- caFile: ""\n  certFile: ""\n  insecure_skip_tls_verify: false\n  keyFile: ""\n  name: bitnami\n  pass_credentials_all: false\n  password: ""\n  url: ${srv.url}\n  username: ""\n`,
    );
    expect(existsSync(join(env.HELM_REPOSITORY_CACHE!, 'bitnami-index.yaml'))).toBe(true);
    const again = await cli(['repo', 'add', 'bitnami', srv.url], root, env);
    expect(again.stdout).toBe('"bitnami" already exists with the same configuration, skipping\n');
    const list = await cli(['repo', 'list'], root, env);
    expect(list.stdout).toContain(`bitnami\t${srv.url}`);
  });

  test('REPO/CHART without --version takes the newest release (not the prerelease)', async () => {
    const r = await cli(['template', 'wp', 'bitnami/wordpress'], root, env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('version: "1.2.0"');
    const devel = await cli(['template', 'wp', 'bitnami/wordpress', '--devel'], root, env);
    expect(devel.stdout).toContain('version: "2.0.0-beta.1"');
  });

  test('REPO/CHART with a range; an unknown version lists the versions that exist', async () => {
    const r = await cli(['template', 'wp', 'bitnami/wordpress', '--version', '~1.0'], root, env);
    expect(r.stdout).toContain('version: "1.0.0"');
    const bad = await cli(['template', 'wp', 'bitnami/wordpress', '--version', '5.x'], root, env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('chart "wordpress" version "5.x" not found');
    expect(bad.stderr).toContain('available: 2.0.0-beta.1, 1.2.0, 1.0.0, 0.9.0');
    const missing = await cli(['template', 'wp', 'bitnami/nope'], root, env);
    expect(missing.stderr).toContain('chart "nope" not found');
    const norepo = await cli(['template', 'wp', 'other/wordpress'], root, env);
    expect(norepo.stderr).toContain('repo other not found');
  });

  test('install and upgrade --install take REPO/CHART (simulated cluster)', async () => {
    await cli(['repo', 'add', 'bitnami', srv.url], root, env);
    const i = await cli(
      ['install', 'wp', 'bitnami/wordpress', '--version', '1.0.0', '--simulate'],
      root,
      env,
    );
    expect(i.stderr).toBe('');
    expect(i.stdout).toContain('STATUS: deployed');
    const u = await cli(
      ['upgrade', '-i', 'wp2', 'wordpress', '--repo', srv.url, '--simulate'],
      root,
      env,
    );
    expect(u.stderr).toBe('');
    expect(u.stdout).toContain('STATUS: deployed');
  });

  test('--repo URL CHART and a direct URL to a .tgz', async () => {
    const r = await cli(
      ['template', 'wp', 'wordpress', '--repo', srv.url, '--version', '0.9.0'],
      root,
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('version: "0.9.0"');
    const u = await cli(['template', 'wp', `${srv.url}/charts/wordpress-1.0.0.tgz`], root, env);
    expect(u.stdout).toContain('version: "1.0.0"');
  });

  test('an archive whose sha256 is not the index digest is refused', async () => {
    const r = await cli(['template', 'wp', 'tampered', '--repo', srv.url], root, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `digest mismatch for ${srv.url}/charts/tampered-1.0.0.tgz: expected sha256:${'a'.repeat(64)}`,
    );
  });

  test('the second fetch of a digest-named archive comes from the cache', async () => {
    const before = srv.requests.filter((p) => p === '/charts/wordpress-1.2.0.tgz').length;
    await cli(
      ['pull', 'bitnami/wordpress', '--version', '1.2.0', '-d', join(root, 'p1')],
      root,
      env,
    );
    await cli(
      ['pull', 'bitnami/wordpress', '--version', '1.2.0', '-d', join(root, 'p2')],
      root,
      env,
    );
    const after = srv.requests.filter((p) => p === '/charts/wordpress-1.2.0.tgz').length;
    expect(after - before).toBeLessThanOrEqual(1);
    expect(
      readFileSync(join(root, 'p2', 'wordpress-1.2.0.tgz')).equals(
        readFileSync(join(root, 'wordpress-1.2.0.tgz')),
      ),
    ).toBe(true);
  });

  test('dependency update/build/list with https, file:// and @alias repositories', async () => {
    const apps = join(root, 'apps');
    writeChart(apps, 'common', '0.5.0');
    const app = writeChart(apps, 'site', '1.0.0', {
      deps:
        `- name: wordpress\n  version: "^1.0.0"\n  repository: "@bitnami"\n` +
        `- name: common\n  version: 0.5.x\n  repository: file://../common\n` +
        `- name: wordpress\n  alias: legacy\n  version: 0.9.0\n  repository: ${srv.url}\n`,
    });
    const listBefore = await cli(['dependency', 'list', app], root, env);
    expect(listBefore.stdout).toMatch(/wordpress\s+\^1\.0\.0\s+@bitnami\s+missing/);
    const up = await cli(['dependency', 'update', app], root, env);
    expect(up.stderr).toBe('');
    expect(up.stdout).toContain('Saving 3 charts\n');
    const lock = readFileSync(join(app, 'Chart.lock'), 'utf8');
    expect(lock).toContain(`- name: wordpress\n  repository: ${srv.url}\n  version: 1.2.0\n`);
    expect(lock).toContain('- name: common\n  repository: file://../common\n  version: 0.5.0\n');
    expect(existsSync(join(app, 'charts', 'wordpress-1.2.0.tgz'))).toBe(true);
    expect(existsSync(join(app, 'charts', 'common-0.5.0.tgz'))).toBe(true);
    // Remove the vendored charts: build restores them from Chart.lock.
    rmSync(join(app, 'charts'), { recursive: true });
    const build = await cli(['dependency', 'build', app], root, env);
    expect(build.code).toBe(0);
    const t = await cli(['template', 'r', app], root, env);
    expect(t.stderr).toBe('');
    expect(t.stdout).toContain('name: r-common');
    // A Chart.yaml edited after locking makes build refuse, as Helm does.
    writeFileSync(
      join(app, 'Chart.yaml'),
      readFileSync(join(app, 'Chart.yaml'), 'utf8').replace('0.5.x', '0.5.0'),
    );
    const stale = await cli(['dependency', 'build', app], root, env);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      'the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml)',
    );
  });

  test("template --dependency-update vendors a chart directory's dependencies first", async () => {
    await cli(['repo', 'add', 'bitnami', srv.url], root, env);
    const app = writeChart(join(root, 'apps3'), 'du', '1.0.0', {
      deps: `- name: wordpress\n  version: "1.0.0"\n  repository: "@bitnami"\n`,
    });
    const without = await cli(['template', 'r', app], root, env);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('wordpress');
    const r = await cli(['template', 'r', app, '--dependency-update'], root, env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name: r-wordpress');
    expect(existsSync(join(app, 'Chart.lock'))).toBe(true);
  });

  test('repo update refreshes the cached index; repo remove drops the entry and its cache', async () => {
    const env2 = isolatedEnv(tmp());
    expect((await cli(['repo', 'add', 'r1', srv.url], root, env2)).code).toBe(0);
    const cache = join(env2.HELM_REPOSITORY_CACHE!, 'r1-index.yaml');
    writeFileSync(cache, 'apiVersion: v1\nentries: {}\n');
    const stale = await cli(['template', 'x', 'r1/wordpress'], root, env2);
    expect(stale.stderr).toContain('chart "wordpress" not found');
    const up = await cli(['repo', 'update'], root, env2);
    expect(up.stdout).toBe(
      'Hang tight while we grab the latest from your chart repositories...\n...Successfully got an update from the "r1" chart repository\nUpdate Complete. ⎈Happy Helming!⎈\n',
    );
    expect((await cli(['template', 'x', 'r1/wordpress'], root, env2)).code).toBe(0);
    const rm = await cli(['repo', 'remove', 'r1'], root, env2);
    expect(rm.stdout).toBe('"r1" has been removed from your repositories\n');
    expect(existsSync(cache)).toBe(false);
    expect((await cli(['repo', 'list'], root, env2)).stderr).toContain('no repositories to show');
  });

  test('pull --untar unpacks the chart into its own directory', async () => {
    const dest = join(root, 'untar');
    const r = await cli(['pull', 'wordpress', '--repo', srv.url, '--untar', '-d', dest], root, env);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dest, 'wordpress', 'Chart.yaml'), 'utf8')).toContain('version: 1.2.0');
    expect(existsSync(join(dest, 'wordpress', 'templates', 'cm.yaml'))).toBe(true);
  });

  test('an unknown repository name in a dependency asks for repo add', async () => {
    const app = writeChart(join(root, 'apps2'), 'x', '1.0.0', {
      deps: `- name: wordpress\n  version: "1"\n  repository: "@nowhere"\n`,
    });
    const r = await cli(['dependency', 'update', app], root, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no repository definition for @nowhere');
  });
});

describe('repositories with basic auth and TLS', () => {
  test('credentials from repo add are sent; without them the server refuses; --ca-file trusts the server', async () => {
    if (!HAVE_OPENSSL) {
      console.warn('skipped: openssl is not installed');
      return;
    }
    const root = tmp();
    const env = isolatedEnv(root);
    const certs = makeCerts(root);
    const tgz = packageChart(
      writeChart(join(root, 's'), 'private', '3.1.4'),
      root,
      'private',
      '3.1.4',
    );
    const data = new Uint8Array(readFileSync(tgz));
    const files = new Map<string, Uint8Array | string>([
      ['/index.yaml', indexFor([{ name: 'private', version: '3.1.4', data }])],
      ['/charts/private-3.1.4.tgz', data],
    ]);
    const srv = await startFileServer(files, { certs, auth: { user: 'u', pass: 'pw-123' } });
    try {
      const tlsFail = await cli(
        ['repo', 'add', 'priv', srv.url, '--username', 'u', '--password', 'pw-123'],
        root,
        env,
      );
      expect(tlsFail.code).toBe(1);
      expect(tlsFail.stderr).toContain('TLS error');
      const denied = await cli(
        ['repo', 'add', 'priv', srv.url, '--ca-file', certs.cert],
        root,
        env,
      );
      expect(denied.code).toBe(1);
      expect(denied.stderr).toContain('401');
      const ok = await cli(
        [
          'repo',
          'add',
          'priv',
          srv.url,
          '--ca-file',
          certs.cert,
          '--username',
          'u',
          '--password',
          'pw-123',
        ],
        root,
        env,
      );
      expect(ok.stderr).toBe('');
      const t = await cli(['template', 'r', 'priv/private'], root, env);
      expect(t.stderr).toBe('');
      expect(t.stdout).toContain('version: "3.1.4"');
    } finally {
      await srv.stop();
    }
  });
});
