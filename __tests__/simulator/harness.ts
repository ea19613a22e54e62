/**
 * Contract-test harness: the simulator by default, or any cluster named by
 * HOOKLINE_TEST_KUBECONFIG. Tests talk through the real @kubernetes/client-node and raw fetch
 * (for bodies the client cannot send), and never assert simulator-only details.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  Watch,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

export const REAL = Boolean(process.env.HOOKLINE_TEST_KUBECONFIG);
/** Simulated seconds per real second when running against the simulator. */
export const SPEED = 50;
/** Generous waits on a real cluster (image pulls), short ones on the simulator. */
export const WAIT_MS = REAL ? 180_000 : 15_000;
export const TEST_TIMEOUT_MS = REAL ? 300_000 : 30_000;
export const IMAGE = 'busybox:1.36';

export interface RawInit {
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Record<string, unknown>;
}

export interface Cluster {
  kc: KubeConfig;
  objects: KubernetesObjectApi;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  watch: Watch;
  server: string;
  /** Raw HTTP with the kubeconfig's credentials. */
  raw(path: string, init?: RawInit): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function connect(): Promise<Cluster> {
  let sim: Simulator | undefined;
  const kc = new KubeConfig();
  if (REAL) kc.loadFromString(readFileSync(process.env.HOOKLINE_TEST_KUBECONFIG as string, 'utf8'));
  else {
    sim = await startSimulator({ speed: SPEED, bookmarkEveryMs: 200 });
    kc.loadFromString(sim.kubeconfig);
  }
  const server = kc.getCurrentCluster()?.server ?? '';
  const tls: RequestOptions = {};
  if (server.startsWith('https:')) await kc.applyToHTTPSOptions(tls as never);
  const token = kc.getCurrentUser()?.token;
  return {
    kc,
    objects: KubernetesObjectApi.makeApiClient(kc),
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    batch: kc.makeApiClient(BatchV1Api),
    watch: new Watch(kc),
    server,
    raw: (path, init = {}) => rawRequest(server, path, init, tls, token),
    async close() {
      await sim?.close();
    },
  };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, REAL ? 500 : 25));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Resolves to the ApiException's code and body when `p` rejects; fails when it resolves. */
export async function apiError(
  p: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: number; body?: unknown };
    if (typeof e.code !== 'number') throw err;
    const body =
      typeof e.body === 'string'
        ? (JSON.parse(e.body) as Record<string, unknown>)
        : ((e.body ?? {}) as Record<string, unknown>);
    return { code: e.code, body };
  }
  throw new Error('expected the request to fail');
}

export async function createNamespace(c: Cluster, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await c.core.createNamespace({ body: { metadata: { name } } });
  return name;
}

export async function deleteNamespace(c: Cluster, name: string): Promise<void> {
  try {
    await c.core.deleteNamespace({ name });
  } catch {
    // already gone
  }
}

export type Obj = KubernetesObject & Record<string, unknown>;

export function configMap(ns: string, name: string, extra: Record<string, unknown> = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ns, ...((extra.metadata as object) ?? {}) },
    data: (extra.data as Record<string, string>) ?? { a: '1' },
  };
}

export function podSpec(
  command: string,
  restartPolicy = 'Never',
  image = IMAGE,
): Record<string, unknown> {
  return {
    restartPolicy,
    terminationGracePeriodSeconds: 1,
    containers: [{ name: 'main', image, command: ['sh', '-c', command] }],
  };
}

export function pod(
  ns: string,
  name: string,
  command: string,
  restartPolicy = 'Never',
  image = IMAGE,
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns },
    spec: podSpec(command, restartPolicy, image),
  };
}

export function job(
  ns: string,
  name: string,
  command: string,
  spec: Record<string, unknown> = {},
): Obj {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: ns },
    spec: { backoffLimit: 0, ...spec, template: { spec: podSpec(command) } },
  };
}

/** Collects watch events until `until` returns true or the timeout passes. */
export async function collectWatch(
  c: Cluster,
  path: string,
  query: Record<string, string | number | boolean>,
  action: () => Promise<void>,
  until: (events: Array<{ type: string; object: Obj }>) => boolean,
): Promise<Array<{ type: string; object: Obj }>> {
  const events: Array<{ type: string; object: Obj }> = [];
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolveDone = r));
  const ctl = await c.watch.watch(
    path,
    query,
    (type, object) => {
      events.push({ type, object: object as Obj });
      if (until(events)) resolveDone();
    },
    () => resolveDone(),
  );
  await action();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((r) => (timer = setTimeout(r, WAIT_MS)))]);
  clearTimeout(timer);
  ctl.abort();
  return events;
}

function rawRequest(
  server: string,
  path: string,
  init: RawInit,
  tls: RequestOptions,
  token: string | undefined,
): Promise<RawResponse> {
  const url = new URL(path, server);
  const fromConfig = (tls.headers ?? {}) as Record<string, string>;
  const headers: Record<string, string> = {
    ...fromConfig,
    Accept: 'application/json',
    ...(init.headers ?? {}),
  };
  if (token && !headers.Authorization) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { ...tls, method: init.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: () => JSON.parse(text) as Record<string, unknown>,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
