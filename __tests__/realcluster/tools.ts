/**
 * The two tools the differential suite drives against the cluster named by
 * HOOKLINE_TEST_KUBECONFIG: real Helm (HOOKLINE_TEST_HELM) and hookline (its bundled CLI), both
 * child processes, plus what is read back after each step: the release records (Helm's
 * Secrets driver, decoded by hookline's storage) and the live objects.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NotFoundError, type KubeClient, type KubeObject } from '../../src/kube/client.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { secretsApi } from '../../src/kube/secrets-api.js';
import { buildObject } from '../../src/lifecycle/objects.js';
import { objectDocuments } from '../../src/manifest/documents.js';
import type { Release } from '../../src/release/types.js';
import { ReleaseNotFoundError } from '../../src/storage/driver.js';
import { SecretsDriver } from '../../src/storage/secrets.js';
import { Storage } from '../../src/storage/storage.js';

export const KUBECONFIG = process.env.HOOKLINE_TEST_KUBECONFIG ?? '';
export const HELM = process.env.HOOKLINE_TEST_HELM ?? '';
export const ROOT = resolve(import.meta.dirname, '..', '..');

export type Tool = 'helm' | 'hookline';

export interface ToolRun {
  code: number;
  out: string;
}

/** A command as a child process (killed in `finally` if it outlives its timeout). */
async function child(command: string, args: string[], timeoutMs: number): Promise<ToolRun> {
  const proc = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  try {
    const code = await new Promise<number>((res, rej) => {
      proc.on('error', rej);
      proc.on('close', (c) => res(c ?? 1));
    });
    return { code, out };
  } finally {
    clearTimeout(timer);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

/** Real Helm, as `helm ARGS --kubeconfig KUBECONFIG`. */
export function helm(args: string[], timeoutMs = 300_000): Promise<ToolRun> {
  return child(HELM, [...args, '--kubeconfig', KUBECONFIG], timeoutMs);
}

/**
 * hookline as users run it: the bundled CLI (`npm run build` first; .ci/run builds before the
 * suites), as `node dist/cli.js ARGS --kubeconfig KUBECONFIG`. A child process, not runCli in
 * the test's process: the CLI imports each command lazily, and Jest refuses dynamic imports
 * between its concurrent tests.
 */
export function hookline(args: string[], timeoutMs = 300_000): Promise<ToolRun> {
  const cli = resolve(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first`);
  return child(process.execPath, [cli, ...args, '--kubeconfig', KUBECONFIG], timeoutMs);
}

export function run(tool: Tool, args: string[]): Promise<ToolRun> {
  return tool === 'helm' ? helm(args) : hookline(args);
}

let client: KubeClient | undefined;
export function kube(): KubeClient {
  client ??= createNodeClient({ kubeconfig: readFileSync(KUBECONFIG, 'utf8') });
  return client;
}

/** Every record of `name` in `namespace`, oldest first ([] when none). */
export async function releaseRecords(namespace: string, name: string): Promise<Release[]> {
  const storage = new Storage(new SecretsDriver(secretsApi(kube(), namespace)));
  try {
    return (await storage.history(name)).sort((a, b) => a.version - b.version);
  } catch (err) {
    if (err instanceof ReleaseNotFoundError) return [];
    throw err;
  }
}

/** The objects a release manifest (or hook manifest) names, with the namespace filled in. */
export function objectsOf(manifest: string, namespace: string): KubeObject[] {
  return objectDocuments(manifest).map((d) => buildObject(d.text, namespace));
}

export async function live(obj: KubeObject): Promise<KubeObject | undefined> {
  try {
    return await kube().get({
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    });
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

export async function createNamespace(name: string): Promise<void> {
  await kube().ensureNamespace(name);
}

/** Deletes the namespace and waits until it is gone (its finalizer empties it first). */
export async function deleteNamespace(name: string, timeoutMs = 180_000): Promise<void> {
  const ref = { apiVersion: 'v1', kind: 'Namespace', name };
  await kube()
    .delete(ref)
    .catch(() => false);
  const deadline = Date.now() + timeoutMs;
  while (await live({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })) {
    if (Date.now() > deadline)
      throw new Error(`namespace ${name} still there after ${timeoutMs} ms`);
    await sleep(500);
  }
}
