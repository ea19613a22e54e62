/**
 * The cluster side shared by upgrade and rollback (helm/helm pkg/kube/client.go `Update`,
 * v3.15-v3.21 and v4; helm-semantics.md section 4.2 step 13, ORD-9, HK-17) with design
 * decision 8: target objects are sent one at a time in target order with the release's apply
 * method (apply-method.ts): server-side apply (field manager `helm`, conflicts forced only with
 * `--force-conflicts`), or Helm 3's create plus three-way merge patch (patch-resources.ts), or
 * `--force`'s replace; objects of the current manifest missing from the target are then deleted
 * in UninstallOrder, unless the live object carries `helm.sh/resource-policy: keep`.
 */
import type { KubeClient, KubeObject, ResourceRef } from '../kube/client.js';
import { NotFoundError, refOf } from '../kube/client.js';
import type { ApplyMode } from './apply-method.js';
import { patchResource, replaceResource } from './patch-resources.js';
import { upgradeClientSideFieldManager } from './csa-upgrade.js';
import { WaitAbortedError, waitUntilReady } from '../kube/wait.js';
import { UNINSTALL_ORDER, sortByKind } from '../manifest/kind-order.js';
import { CONTEXT_CANCELED, asError } from './config.js';
import type { HookLog } from './hooks.js';
import { RESOURCE_POLICY_ANNOTATION, deleteAll } from './uninstall-resources.js';

/** What Update did: created objects (for --cleanup-on-fail), deletions requested, kept. */
export interface UpdateResult {
  created: KubeObject[];
  deleted: ResourceRef[];
  kept: ResourceRef[];
}

/** Update failed; `created` lists what it had created before (Helm's `Result.Created`). */
export class UpdateError extends Error {
  constructor(
    message: string,
    readonly created: readonly KubeObject[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpdateError';
  }
}

/** isMatchingInfo: the same group/version, kind, namespace and name. */
export function objectKey(obj: KubeObject): string {
  const m = obj.metadata;
  return [obj.apiVersion, obj.kind, m.namespace ?? '', m.name].join('/');
}

/** ResourceList.Difference: the objects of `a` with no match in `b`. */
export function difference(a: readonly KubeObject[], b: readonly KubeObject[]): KubeObject[] {
  const keys = new Set(b.map(objectKey));
  return a.filter((o) => !keys.has(objectKey(o)));
}

export interface UpdateOptions {
  signal: AbortSignal;
  log: HookLog;
  /** How objects are sent; default server-side apply without forcing conflicts. */
  mode?: ApplyMode;
  /**
   * Before server-side applying an existing object, fold the `helm` client-side field manager
   * into its apply entry (Helm 4's ClientUpdateOptionUpgradeClientSideFieldManager).
   */
  upgradeClientSideFieldManager?: boolean;
}

const DEFAULT_MODE: ApplyMode = { serverSide: true, forceConflicts: false, forceReplace: false };

/** Creating an object that does not exist: create (client-side) or apply (server-side). */
export async function createObject(
  kube: KubeClient,
  obj: KubeObject,
  mode: ApplyMode,
): Promise<void> {
  if (mode.serverSide) await kube.apply(obj, { force: mode.forceConflicts });
  else await kube.create(obj);
}

/**
 * Client.Update: each target object in order; absent → created (recorded before the call, as
 * Helm appends it even when the create fails; a create error stops the walk), present but not
 * in `current` → `no <Kind> with the name "<n>" found`, present → applied (errors collected and
 * joined with ` && `). Then the removed objects are deleted (background propagation), errors
 * only logged (Helm 3).
 */
export async function updateResources(
  kube: KubeClient,
  current: readonly KubeObject[],
  target: readonly KubeObject[],
  opts: UpdateOptions,
): Promise<UpdateResult> {
  const result: UpdateResult = { created: [], deleted: [], kept: [] };
  const mode = opts.mode ?? DEFAULT_MODE;
  const originals = new Map(current.map((o) => [objectKey(o), o]));
  const updateErrors: string[] = [];
  for (const obj of target) {
    if (opts.signal.aborted) throw new UpdateError(CONTEXT_CANCELED, result.created);
    const live = await liveObject(kube, obj, result.created);
    if (!live) {
      result.created.push(obj);
      try {
        await createObject(kube, obj, mode);
      } catch (err) {
        throw new UpdateError(
          `failed to create resource: ${asError(err).message}`,
          result.created,
          {
            cause: err,
          },
        );
      }
      opts.log.info(`Created a new ${obj.kind} called "${obj.metadata.name}"`);
      continue;
    }
    const original = originals.get(objectKey(obj));
    if (!original) {
      throw new UpdateError(
        `no ${obj.kind} with the name ${JSON.stringify(obj.metadata.name)} found`,
        result.created,
      );
    }
    try {
      if (mode.forceReplace) await replaceResource(kube, obj);
      else if (mode.serverSide) {
        if (opts.upgradeClientSideFieldManager) await upgradeClientSideFieldManager(kube, obj);
        await kube.apply(obj, { force: mode.forceConflicts });
      } else await patchResource(kube, original, obj, live, opts.log);
    } catch (err) {
      opts.log.info(`error updating the resource "${obj.metadata.name}": ${asError(err).message}`);
      updateErrors.push(asError(err).message);
    }
  }
  if (updateErrors.length > 0) throw new UpdateError(updateErrors.join(' && '), result.created);
  await deleteRemoved(kube, difference(current, target), result, opts);
  return result;
}

/** The live object, or undefined when it does not exist. */
async function liveObject(
  kube: KubeClient,
  obj: KubeObject,
  created: readonly KubeObject[],
): Promise<KubeObject | undefined> {
  try {
    return await kube.get(refOf(obj));
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw new UpdateError(
      `could not get information about the resource: ${asError(err).message}`,
      created,
      { cause: err },
    );
  }
}

/**
 * The deletions of Update, in UninstallOrder (design decision 8): the LIVE object's annotation
 * must equal exactly `keep` to be kept (HK-17, no trim or case folding); get and delete
 * errors are only logged.
 */
async function deleteRemoved(
  kube: KubeClient,
  removed: readonly KubeObject[],
  result: UpdateResult,
  opts: UpdateOptions,
): Promise<void> {
  for (const obj of sortByKind(removed, (o) => o.kind, UNINSTALL_ORDER)) {
    const ref = refOf(obj);
    let live: KubeObject;
    try {
      live = await kube.get(ref);
    } catch (err) {
      opts.log.info(`Unable to get obj "${ref.name}", err: ${asError(err).message}`);
      continue;
    }
    if (live.metadata.annotations?.[RESOURCE_POLICY_ANNOTATION] === 'keep') {
      opts.log.info(
        `Skipping delete of "${ref.name}" due to annotation [${RESOURCE_POLICY_ANNOTATION}=keep]`,
      );
      result.kept.push(ref);
      continue;
    }
    try {
      await kube.delete(ref, { propagation: 'Background', ignoreNotFound: true });
      result.deleted.push(ref);
    } catch (err) {
      opts.log.info(`Failed to delete "${ref.name}", err: ${asError(err).message}`);
    }
  }
}

/**
 * --cleanup-on-fail: delete what the failed operation created; on errors
 * `an error occurred while cleaning up resources. original <verb> error: <err>: unable to
 * cleanup resources: <e1>, <e2>`, otherwise undefined.
 */
export async function cleanupCreated(
  kube: KubeClient,
  created: readonly KubeObject[],
  verb: 'upgrade' | 'rollback',
  err: Error,
): Promise<Error | undefined> {
  if (created.length === 0) return undefined;
  const errs = await deleteAll(kube, created, 'Background', new AbortController().signal);
  if (errs.length === 0) return undefined;
  return new Error(
    `an error occurred while cleaning up resources. original ${verb} error: ${err.message}: ` +
      `unable to cleanup resources: ${errs.map((e) => e.message).join(', ')}`,
    { cause: err },
  );
}

/** A verb's resolved options as --wait reads them: every verb passes its own, unchanged. */
export interface ReadyWaitOptions {
  readonly timeout: number;
  readonly signal: AbortSignal;
  readonly waitForJobs?: boolean;
}

/**
 * --wait on the target objects (section 4.6), the one wait of install, upgrade and rollback; a
 * cancellation reads `context canceled`.
 */
export async function waitForObjects(
  kube: KubeClient,
  objects: readonly KubeObject[],
  opts: ReadyWaitOptions,
): Promise<void> {
  try {
    await waitUntilReady(kube, objects.map(refOf), {
      timeoutMs: opts.timeout,
      signal: opts.signal,
      waitForJobs: opts.waitForJobs ?? false,
    });
  } catch (err) {
    if (err instanceof WaitAbortedError) throw new Error(CONTEXT_CANCELED, { cause: err });
    throw err;
  }
}
