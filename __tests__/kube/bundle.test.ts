/**
 * The Kubernetes client as the bundle ships it (issue 10; scripts/build.mjs, the client-node
 * plugins): client-node's models, ObjectSerializer and typed APIs are left out, and of its
 * undici only fetch, Agent and ProxyAgent are bundled, into dist/vendor/undici.cjs. The bundled CLI still talks to a cluster, directly
 * and through a kubeconfig's `proxy-url` (ProxyAgent, which the undici shim loads on first use),
 * with the same output either way.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { withChartDir } from '../../__fixtures__/chart-dir.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { buildBundle, root } from '../helpers/bundle.js';

let dir = '';
let bundle = '';
let sim: Simulator | undefined;
let proxy: Server | undefined;
let proxied = 0;

beforeAll(async () => {
  ({ dir, bundle } = buildBundle('hookline-kube-bundle-'));
  sim = await startSimulator({ speed: 50 });
  // A forward proxy for plain-HTTP targets (absolute-URI requests).
  proxy = createServer((req, res) => {
    proxied++;
    const url = new URL(req.url ?? '');
    const upstream = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) upstream.setHeader(k, v);
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy?.listen(0, '127.0.0.1', r));
}, 120_000);

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(bundle, 'cli.js'), ...args], { cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

describe('the bundled Kubernetes client', () => {
  it("holds none of client-node's generated code, and of its undici only the parts it takes, in dist/vendor", () => {
    const read = (f: string): string => readFileSync(join(bundle, f), 'utf8');
    // Each program holds one copy of the client (keepNames writes every class's name as a
    // string); the entries none.
    for (const program of ['program.cjs', 'action.cjs']) {
      const text = read(program);
      expect(text.split('kubernetes-client-javascript')).toHaveLength(2);
      for (const name of ['KubeConfig', 'Watch']) expect(text).toContain(`"${name}"`);
      for (const name of ['ObjectSerializer', 'CoreV1Api', 'KubernetesObjectApi', 'V1Pod'])
        expect(text).not.toContain(`"${name}"`);
      // undici is required from dist/vendor on first use: never for a cluster with TLS.
      for (const name of ['Agent', 'ProxyAgent']) expect(text).not.toContain(`"${name}"`);
      expect(text).toContain('./vendor/undici.cjs');
    }
    for (const entry of ['cli.js', 'index.js'])
      expect(read(entry)).not.toContain('kubernetes-client-javascript');
    const undici = read('vendor/undici.cjs');
    for (const name of ['MockAgent', 'CacheStorage', 'SnapshotAgent'])
      expect(undici).not.toContain(`"${name}"`);
    for (const name of ['Agent', 'ProxyAgent']) expect(undici).toContain(`"${name}"`);
  });

  it('installs and reads a release directly and through a proxy-url, with the same output', async () => {
    const direct = join(dir, 'direct.yaml');
    const viaProxy = join(dir, 'proxy.yaml');
    const kubeconfig = sim?.kubeconfig ?? '';
    writeFileSync(direct, kubeconfig);
    const { port } = proxy?.address() as AddressInfo;
    const withProxy = kubeconfig.replace(
      /^(\s*)(server: .*)$/m,
      `$1$2\n$1proxy-url: http://127.0.0.1:${port}`,
    );
    expect(withProxy).not.toBe(kubeconfig);
    writeFileSync(viaProxy, withProxy);
    const chart = {
      'Chart.yaml': 'apiVersion: v2\nname: bundled\nversion: 0.1.0\n',
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  a: b\n',
    };
    await withChartDir(chart, async (chartDir) => {
      const installed = await runCli(['install', 'bundled', chartDir, '--kubeconfig', direct]);
      expect(installed).toMatchObject({ code: 0 });
      const before = proxied;
      const plain = await runCli(['history', 'bundled', '--kubeconfig', direct]);
      expect(proxied).toBe(before);
      const proxiedRun = await runCli(['history', 'bundled', '--kubeconfig', viaProxy]);
      expect(proxied).toBeGreaterThan(before);
      expect(plain.code).toBe(0);
      expect(plain.out).toContain('Install complete');
      expect(proxiedRun).toEqual(plain);
    });
  });
});
