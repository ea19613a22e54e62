/**
 * Real components for the remote tests: Debian's docker-registry (the CNCF distribution
 * registry) on a random loopback port, with htpasswd auth and TLS when asked, and a plain Node
 * HTTP(S) server for chart repositories. Every process is stopped by the returned `stop()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { loadDirFiles } from '../../src/chart/directory.js';
import { writeChartArchive } from '../../src/chart/tar-write.js';
import { runCli } from '../../src/cli/main.js';

export const REGISTRY_BIN = '/usr/bin/docker-registry';
export const HAVE_REGISTRY = existsSync(REGISTRY_BIN);
export const HAVE_OPENSSL = spawnSync('openssl', ['version']).status === 0;

export function tmp(prefix = 'hookline-remote-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Certs {
  readonly cert: string;
  readonly key: string;
}

/**
 * A self-signed certificate for 127.0.0.1/localhost (it is its own CA); `name` 'client' makes
 * one for client authentication instead.
 */
export function makeCerts(dir: string, name: 'server' | 'client' = 'server'): Certs {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  const r = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    name === 'server' ? '/CN=localhost' : '/CN=hookline-client',
    '-addext',
    name === 'server' ? 'subjectAltName=IP:127.0.0.1,DNS:localhost' : 'extendedKeyUsage=clientAuth',
  ]);
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr.toString()}`);
  return { cert, key };
}

export interface Registry {
  readonly host: string;
  readonly stop: () => Promise<void>;
}

async function waitReady(
  url: string,
  ca: string | undefined,
  child: ChildProcess,
  log: () => string,
  client?: Certs,
): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const mod = url.startsWith('https') ? https : http;
      const tls = {
        ...(ca ? { ca: readFileSync(ca) } : {}),
        ...(client ? { cert: readFileSync(client.cert), key: readFileSync(client.key) } : {}),
      };
      const req = mod.get(url, tls, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`docker-registry did not start: ${log()}`);
}

/**
 * Start docker-registry; `auth` adds htpasswd basic auth, `certs` serves TLS, `client`
 * requires that client certificate (distribution's `http.tls.clientcas`).
 */
export async function startRegistry(
  opts: {
    auth?: { user: string; pass: string };
    certs?: Certs;
    /** A client certificate the registry requires (its own CA). */
    client?: Certs;
    token?: TokenServer;
  } = {},
): Promise<Registry> {
  const dir = tmp('hookline-registry-');
  const port = await freePort();
  let config = `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n  secret: test-secret\n`;
  if (opts.certs)
    config += `  tls:\n    certificate: ${opts.certs.cert}\n    key: ${opts.certs.key}\n`;
  if (opts.certs && opts.client) config += `    clientcas:\n      - ${opts.client.cert}\n`;
  if (opts.auth) {
    const htpasswd = join(dir, 'htpasswd');
    writeFileSync(htpasswd, `${opts.auth.user}:${bcrypt.hashSync(opts.auth.pass, 5)}\n`);
    config += `auth:\n  htpasswd:\n    realm: hookline-test\n    path: ${htpasswd}\n`;
  }
  if (opts.token) {
    config += `auth:\n  token:\n    realm: ${opts.token.realm}\n    service: ${opts.token.service}\n    issuer: ${opts.token.issuer}\n    rootcertbundle: ${opts.token.certs.cert}\n`;
  }
  const configFile = join(dir, 'config.yml');
  writeFileSync(configFile, config);
  const child = spawn(REGISTRY_BIN, ['serve', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  try {
    await waitReady(
      `${opts.certs ? 'https' : 'http'}://127.0.0.1:${port}/v2/`,
      opts.certs?.cert,
      child,
      () => output,
      opts.client,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { host: `127.0.0.1:${port}`, stop };
}

export interface FileServer {
  readonly url: string;
  /** Paths requested, in order. */
  readonly requests: string[];
  readonly stop: () => Promise<void>;
}

/** A static HTTP(S) server over `files` (path → bytes), with optional basic auth. */
export async function startFileServer(
  files: Map<string, Uint8Array | string>,
  opts: { certs?: Certs; auth?: { user: string; pass: string } } = {},
): Promise<FileServer> {
  const requests: string[] = [];
  const handler: http.RequestListener = (req, res) => {
    requests.push(req.url ?? '');
    if (opts.auth) {
      const want = `Basic ${Buffer.from(`${opts.auth.user}:${opts.auth.pass}`).toString('base64')}`;
      if (req.headers.authorization !== want) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="charts"' }).end();
        return;
      }
    }
    const body = files.get((req.url ?? '').split('?')[0]!);
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200).end(typeof body === 'string' ? body : Buffer.from(body));
  };
  const server = opts.certs
    ? https.createServer(
        { cert: readFileSync(opts.certs.cert), key: readFileSync(opts.certs.key) },
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${opts.certs ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Write a small chart directory; returns its path. */
export function writeChart(
  parent: string,
  name: string,
  version: string,
  opts: { deps?: string; template?: string; extra?: string } = {},
): string {
  const dir = join(parent, name);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(
    join(dir, 'Chart.yaml'),
    `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: test chart ${name}\n${opts.extra ?? ''}${opts.deps ? `dependencies:\n${opts.deps}` : ''}`,
  );
  writeFileSync(join(dir, 'values.yaml'), `greeting: hello from ${name}\n`);
  writeFileSync(
    join(dir, 'templates', 'cm.yaml'),
    opts.template ??
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${name}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n  version: {{ .Chart.Version | quote }}\n`,
  );
  return dir;
}

/** Package a chart directory to `NAME-VERSION.tgz` in `outDir`. */
export function packageChart(dir: string, outDir: string, name: string, version: string): string {
  const file = join(outDir, `${name}-${version}.tgz`);
  writeFileSync(file, writeChartArchive(name, loadDirFiles(dir), new Date('2024-01-02T03:04:05Z')));
  return file;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI in-process with an isolated HOME/XDG/cache environment. */
export async function cli(
  argv: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    log: (s) => (stderr += s),
    env,
  });
  return { code, stdout, stderr };
}

/** An environment whose config and caches live under `root`. */
export function isolatedEnv(
  root: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_DATA_HOME: join(root, 'data'),
    DOCKER_CONFIG: join(root, 'docker'),
    HOOKLINE_CACHE_DIR: join(root, 'hookline-cache'),
    HELM_REGISTRY_CONFIG: join(root, 'config', 'helm', 'registry', 'config.json'),
    HELM_REPOSITORY_CONFIG: join(root, 'config', 'helm', 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: join(root, 'cache', 'helm', 'repository'),
    RUNNER_TOOL_CACHE: join(root, 'toolcache'),
    ...extra,
  };
}

export interface TokenServer {
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  readonly certs: Certs;
  /** Scopes asked for, in order (`repository:x/y:pull,push`). */
  readonly scopes: string[];
  readonly stop: () => Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * A token server for the distribution registry's token auth (docs/spec/auth/token.md): basic
 * credentials in, an RS256 JWT out whose `x5c` certificate is the registry's root bundle.
 * Anonymous requests are refused with 401, so a client must send credentials.
 */
export async function startTokenServer(
  user: string,
  pass: string,
  certs: Certs,
  refreshToken = 'refresh-me',
): Promise<TokenServer> {
  const { createPrivateKey, sign, randomBytes } = await import('node:crypto');
  const key = createPrivateKey(readFileSync(certs.key));
  const der = Buffer.from(
    readFileSync(certs.cert, 'utf8')
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s+/g, ''),
    'base64',
  );
  const scopes: string[] = [];
  const service = 'hookline-registry';
  const issuer = 'hookline-test-issuer';
  const issue = (params: URLSearchParams, res: http.ServerResponse) => {
    const access = params.getAll('scope').map((scope) => {
      scopes.push(scope);
      const [type, name, actions] = scope.split(':');
      return { type, name, actions: (actions ?? '').split(',') };
    });
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [der.toString('base64')] };
    const claims = {
      iss: issuer,
      sub: user,
      aud: params.get('service'),
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const token = `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token, expires_in: 300 }));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST') {
      // OAuth2 refresh-token grant (an `identitytoken` in config.json)
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        if (
          form.get('grant_type') !== 'refresh_token' ||
          form.get('refresh_token') !== refreshToken
        ) {
          res.writeHead(401).end('{"details":"bad refresh token"}');
          return;
        }
        issue(form, res);
      });
      return;
    }
    const want = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    if (req.headers.authorization !== want) {
      res.writeHead(401).end('{"details":"bad credentials"}');
      return;
    }
    issue(url.searchParams, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certs,
    scopes,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
