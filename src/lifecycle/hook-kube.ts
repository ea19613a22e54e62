/**
 * The cluster side of one hook: its object built from the stored manifest (EX-3), deletion by
 * policy with the wait until it is gone (helm/helm pkg/action/hooks.go deleteHookByPolicy,
 * pkg/kube/wait.go waitForDeletedResources, v3.21.4) and the output-log policy
 * (outputLogsByPolicy, HK-12/HK-13).
 */
import type { KubeClient, KubeObject, ResourceRef } from '../kube/client.js';
import type { ValidationSchema } from '../kube/schema-validation.js';
import { WaitAbortedError, WaitTimeoutError, waitUntilGone } from '../kube/wait.js';
import type { Hook } from '../release/hook.js';
import { buildObject } from './objects.js';

/**
 * The hook's object built from its stored manifest, in the release namespace if it names none,
 * validated against `validation` when given.
 */
export function buildHookObject(
  h: Hook,
  releaseNamespace: string,
  validation?: ValidationSchema,
): KubeObject {
  return buildObject(h.manifest, releaseNamespace, validation ? { validation } : {});
}

/** The hook's namespace: its manifest's, else the release's (EX-3, deriveNamespace). */
export function hookRef(obj: KubeObject): ResourceRef {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
  };
}

/** A wait for deletion that passed its deadline: client-go's context error text. */
export class DeleteTimeoutError extends Error {
  constructor() {
    super('context deadline exceeded');
    this.name = 'DeleteTimeoutError';
  }
}

/** The caller's signal fired during a deletion wait. */
export class DeleteAbortedError extends Error {
  constructor() {
    super('context canceled');
    this.name = 'DeleteAbortedError';
  }
}

export interface DeleteWaitOptions {
  /** Milliseconds; 0 means no deadline. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Unused: the deletion is watched, not polled (Helm polls every 2 s). */
  pollMs?: number;
}

/**
 * Client.Delete (background propagation, NotFound ignored) then waitForDeletedResources, with
 * a list + watch until the object is gone instead of Helm's 2 s GET polls (issue 10: no fixed
 * sleeps), and no wait at all when the DELETE found nothing; any other error ends the wait
 * with that error.
 */
export async function deleteAndWait(
  kube: KubeClient,
  ref: ResourceRef,
  opts: DeleteWaitOptions,
): Promise<void> {
  const requested = await kube.delete(ref, { propagation: 'Background', ignoreNotFound: true });
  // The DELETE found nothing (404): the object is gone, which is all the wait's first check
  // (Helm's immediate GET, here a list) would learn; no round trip for it (issue 10).
  if (!requested) return;
  try {
    await waitUntilGone(kube, ref, { timeoutMs: opts.timeoutMs, signal: opts.signal });
  } catch (err) {
    if (err instanceof WaitAbortedError) throw new DeleteAbortedError();
    if (err instanceof WaitTimeoutError) throw new DeleteTimeoutError();
    throw err;
  }
}

/** Pods of a Job hook (`job-name=<name>`) or the Pod hook itself (HK-12). */
export async function hookPods(kube: KubeClient, ref: ResourceRef): Promise<KubeObject[]> {
  const base = { apiVersion: 'v1', kind: 'Pod', namespace: ref.namespace };
  if (ref.kind === 'Job')
    return (await kube.list({ ...base, labelSelector: `job-name=${ref.name}` })).items;
  if (ref.kind === 'Pod')
    return (await kube.list({ ...base, fieldSelector: `metadata.name=${ref.name}` })).items;
  return [];
}

/** Names of a pod's regular (non-init) containers. */
export function containerNames(pod: KubeObject): string[] {
  const spec = pod.spec as { containers?: Array<{ name?: unknown }> } | undefined;
  return (spec?.containers ?? []).map((c) => (typeof c.name === 'string' ? c.name : ''));
}

/**
 * outputLogsByPolicy: every regular container's full log of the hook's pods, written to
 * `write` (Helm's CLI writes them to its log). Errors are the caller's to log (HK-13).
 */
export async function outputHookLogs(
  kube: KubeClient,
  ref: ResourceRef,
  write: (text: string) => void,
): Promise<void> {
  const namespace = ref.namespace ?? kube.defaultNamespace;
  for (const pod of await hookPods(kube, ref)) {
    for (const container of containerNames(pod)) {
      write(await kube.podLogs(namespace, pod.metadata.name, { container }));
    }
  }
}
