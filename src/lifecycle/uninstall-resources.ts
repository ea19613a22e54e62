/**
 * The cluster side of uninstall (helm/helm pkg/action/uninstall.go deleteRelease,
 * resource_policy.go filterManifestsToKeep and pkg/kube/client.go Delete / WaitForDelete,
 * v3.21.4; helm-semantics.md section 4.4 steps 7-8, HK-15/HK-16).
 */
import type { KubeClient, KubeObject, PropagationPolicy, ResourceRef } from '../kube/client.js';
import { NotFoundError, describeRef, refOf } from '../kube/client.js';
import {
  PROGRESS_EVERY_MS,
  realTimer,
  watchChanges,
  type Changes,
  type Checked,
} from '../kube/wait.js';
import { UNINSTALL_ORDER } from '../manifest/kind-order.js';
import { sortManifests, type Manifest } from '../manifest/sort.js';
import { splitManifests } from '../manifest/split.js';
import { asError } from './config.js';
import { performGrouped } from './resources.js';
import { buildObjects } from './objects.js';

export const RESOURCE_POLICY_ANNOTATION = 'helm.sh/resource-policy';

export type Cascade = 'background' | 'orphan' | 'foreground';

/** The stored manifest split for deletion. */
export interface UninstallPlan {
  /** Objects to delete, in UninstallOrder. */
  toDelete: KubeObject[];
  /** `[<Kind>] <name>\n` per kept document (HK-15), `''` when none. */
  kept: string;
}

/** A stored manifest that no longer splits into documents. */
export class CorruptedReleaseError extends Error {
  constructor(cause: unknown) {
    super(
      `corrupted release record. You must manually delete the resources: ${asError(cause).message}`,
      { cause },
    );
    this.name = 'CorruptedReleaseError';
  }
}

/**
 * filterManifestsToKeep: `keep` (trimmed, lower-cased) is kept and reported (HK-15); any other
 * value of the annotation falls out of both lists (HK-16, Helm's quirk).
 */
export function filterManifestsToKeep(manifests: readonly Manifest[]): {
  keep: Manifest[];
  remaining: Manifest[];
} {
  const keep: Manifest[] = [];
  const remaining: Manifest[] = [];
  for (const m of manifests) {
    const policy = m.head.annotations.get(RESOURCE_POLICY_ANNOTATION);
    if (policy === undefined) remaining.push(m);
    else if (policy.trim().toLowerCase() === 'keep') keep.push(m);
  }
  return { keep, remaining };
}

/** releaseutil.SplitManifests + SortManifests(UninstallOrder) + filterManifestsToKeep. */
export function planUninstall(manifest: string, namespace: string): UninstallPlan {
  const files = new Map(splitManifests(manifest).map((doc, i) => [`manifest-${i}`, doc]));
  let manifests: Manifest[];
  try {
    manifests = sortManifests(files, UNINSTALL_ORDER).manifests;
  } catch (err) {
    throw new CorruptedReleaseError(err);
  }
  const { keep, remaining } = filterManifestsToKeep(manifests);
  let toDelete: KubeObject[];
  try {
    toDelete = buildObjects(
      remaining.map((m) => m.content),
      namespace,
    );
  } catch (err) {
    throw new Error(`unable to build kubernetes objects for delete: ${asError(err).message}`, {
      cause: err,
    });
  }
  const kept = keep.map((m) => `[${m.head.kind}] ${m.head.name}\n`).join('');
  return { toDelete, kept };
}

/** parseCascadingFlag: unknown values fall back to background. */
export function propagationOf(cascade: string | undefined): PropagationPolicy {
  if (cascade === 'orphan') return 'Orphan';
  if (cascade === 'foreground') return 'Foreground';
  return 'Background';
}

/** Client.Delete: ORD-8 groups, NotFound ignored; every error collected. */
export async function deleteAll(
  kube: KubeClient,
  objects: readonly KubeObject[],
  propagation: PropagationPolicy,
  signal: AbortSignal,
): Promise<Error[]> {
  const errors: Error[] = [];
  await performGrouped(
    objects,
    async (obj) => {
      try {
        await kube.delete(refOf(obj), { propagation, ignoreNotFound: true });
      } catch (err) {
        errors.push(asError(err));
      }
    },
    signal,
  ).catch((err: unknown) => errors.push(asError(err)));
  return errors;
}

export interface DeletionWaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** Helm polls every 2 s. */
  pollMs?: number;
  /** How often the client's waitProgress hears what is still present (default 10 s). */
  progressEveryMs?: number;
}

/** At most this many objects watched per deletion wait; the polls cover the rest. */
const MAX_DELETION_WATCHES = 16;

/**
 * waitForDeletedResources: checks until every object is gone. On the deadline Helm returns
 * `context deadline exceeded`; hookline names the objects still present (decision 12). Between
 * checks the objects still present are watched from the resourceVersion their GET read, so a
 * deletion is seen when it happens (issue 10) rather than at Helm's next 2 s poll, which stays
 * as the bound.
 */
export async function waitForDeleted(
  kube: KubeClient,
  refs: readonly ResourceRef[],
  opts: DeletionWaitOptions,
): Promise<void> {
  const deadline = opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : Infinity;
  const every = opts.progressEveryMs ?? PROGRESS_EVERY_MS;
  let nextReport = Date.now() + every;
  let changes: Changes | undefined;
  try {
    for (;;) {
      const present: Checked[] = [];
      for (const ref of refs) {
        try {
          const live = await kube.get(ref);
          present.push({ ref, resourceVersion: live.metadata?.resourceVersion });
        } catch (err) {
          if (!(err instanceof NotFoundError)) throw err;
        }
      }
      if (present.length === 0) return;
      const still = present.map((p) => describeRef(p.ref)).join(', ');
      if (opts.signal.aborted) throw new Error(`context canceled: still present: ${still}`);
      const now = Date.now();
      const left = deadline - now;
      if (left <= 0) throw new Error(`context deadline exceeded: still present: ${still}`);
      // The step log's progress line, as during readiness waits (issue 8).
      if (now >= nextReport && kube.waitProgress) {
        kube.waitProgress(present.map((p) => `${describeRef(p.ref)}: still present`));
        nextReport = now + every;
      }
      const untilReport = Math.max(nextReport - now, 0);
      const ms = Math.min(opts.pollMs ?? 2000, left, untilReport || Infinity);
      const watchable = present.filter((p) => p.resourceVersion);
      if (!changes && watchable.length > 0)
        changes = watchChanges(kube, watchable.slice(0, MAX_DELETION_WATCHES), opts.signal);
      if (changes) await changes.next(realTimer, ms);
      else await realTimer.sleep(ms, opts.signal);
    }
  } finally {
    changes?.close();
  }
}
