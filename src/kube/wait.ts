/**
 * Waiting, bounded by a deadline and an AbortSignal (design decisions 11 and 12). Hooks are
 * waited on the way Helm 3 does (pkg/kube/client.go watchUntilReady; helm-semantics.md 3.2):
 * list + watch with `fieldSelector=metadata.name=<name>` (a hook's watch starts at its create
 * response's resourceVersion instead of a list: the same events, one round trip less),
 * reconnecting when a watch ends (client-node ends each one after ~30 s idle) and re-listing on
 * 410 Gone. `--wait` readiness checks like Helm's legacy waiter (pkg/kube/wait.go, every 2 s)
 * and also at once whenever a watched object changes (issue 10: watches, not polls). A timeout
 * names each object still not done with its reason (`Deployment web: 0/2 ready; pod web-x:
 * ImagePullBackOff`).
 */
import type { KubeClient, KubeObject, ResourceRef } from './client.js';
import { describeRef, GoneError, NotFoundError } from './client.js';
import type { HookState, Readiness } from './readiness.js';
import { hookState, podProblem, podReady, readiness } from './readiness.js';

/** Time as the waiters see it (injectable; src/gotime/clock.ts has no timers). */
export interface WaitTimer {
  /** Resolves after `ms`, or early (without error) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realTimer: WaitTimer = {
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

/** Pause before reopening a watch that ended without any event. */
const RECONNECT_PAUSE_MS = 1000;

export interface WaitOptions {
  /** Milliseconds; 0 means no timeout (EX-6). */
  timeoutMs: number;
  signal?: AbortSignal;
  timer?: WaitTimer;
  /** Told what is still not done every `progressEveryMs` (default: the client's waitProgress). */
  progress?: (pending: readonly string[]) => void;
  /** Default 10 s. */
  progressEveryMs?: number;
}

export const PROGRESS_EVERY_MS = 10_000;

/** Calls `report(culprits())` every `everyMs` until `signal` fires. */
async function reportProgress(
  timer: WaitTimer,
  everyMs: number,
  signal: AbortSignal,
  report: () => void,
): Promise<void> {
  while (!signal.aborted) {
    await timer.sleep(everyMs, signal);
    if (!signal.aborted) report();
  }
}

/** The deadline passed; Helm's text (EX-7) followed by each culprit. */
export class WaitTimeoutError extends Error {
  constructor(readonly culprits: string[]) {
    const base = 'timed out waiting for the condition';
    super(culprits.length ? `${base}: ${culprits.join('; ')}` : base);
    this.name = 'WaitTimeoutError';
  }
}

/** The caller's AbortSignal fired. */
export class WaitAbortedError extends Error {
  constructor(readonly culprits: string[]) {
    super(culprits.length ? `wait aborted: ${culprits.join('; ')}` : 'wait aborted');
    this.name = 'WaitAbortedError';
  }
}

/** The object reached a state that cannot succeed (`job x failed: BackoffLimitExceeded`). */
export class WaitFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaitFailedError';
  }
}

/**
 * Runs `body` with a signal that fires at the deadline or on the caller's abort, and turns
 * those into WaitTimeoutError / WaitAbortedError naming `culprits()` at that moment.
 */
async function bounded<T>(
  opts: WaitOptions,
  culprits: () => string[],
  body: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const inner = new AbortController();
  const timer = opts.timer ?? realTimer;
  let why: 'timeout' | 'abort' | undefined;
  const stop = (reason: 'timeout' | 'abort'): void => {
    why ??= reason;
    inner.abort();
  };
  const onAbort = (): void => stop('abort');
  if (opts.signal?.aborted) stop('abort');
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.timeoutMs > 0)
    void timer.sleep(opts.timeoutMs, inner.signal).then(() => stop('timeout'));
  const progress = opts.progress;
  if (progress)
    void reportProgress(timer, opts.progressEveryMs ?? PROGRESS_EVERY_MS, inner.signal, () =>
      progress(culprits()),
    );
  // Race the body against the stop so a request the server never answers cannot hold us.
  const stopped = new Promise<never>((_, reject) => {
    if (inner.signal.aborted) reject(new Error('stopped'));
    inner.signal.addEventListener('abort', () => reject(new Error('stopped')), { once: true });
  });
  const running = body(inner.signal);
  running.catch(() => undefined); // a late failure after a stop changes nothing
  try {
    const result = await Promise.race([running, stopped]);
    if (why === undefined) return result;
  } catch (err) {
    if (why === undefined) throw err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    inner.abort();
  }
  throw why === 'timeout' ? new WaitTimeoutError(culprits()) : new WaitAbortedError(culprits());
}

/**
 * Watches one object until `check` says done (resolves) or failed (WaitFailedError); a DELETED
 * event is passed to `check` as `undefined`.
 */
export async function waitFor(
  client: KubeClient,
  ref: ResourceRef,
  check: (obj: KubeObject | undefined) => HookState,
  opts: WaitOptions & { absentIsDeleted?: boolean; initial?: KubeObject },
): Promise<void> {
  const timer = opts.timer ?? realTimer;
  let last = 'not found yet';
  const culprits = (): string[] => [`${describeRef(ref)}: ${last}`];
  const progress = opts.progress ?? client.waitProgress;
  await bounded({ ...opts, progress }, culprits, async (signal) => {
    const query = {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      namespace: ref.namespace ?? client.defaultNamespace,
      fieldSelector: `metadata.name=${ref.name}`,
    };
    let resourceVersion: string | undefined;
    let outcome: HookState | undefined;
    const judge = (obj: KubeObject | undefined): void => {
      const state = check(obj);
      if (state.state === 'waiting') last = state.reason;
      else outcome ??= state;
    };
    // The object as the server just answered (a create's response): judged as the list's item
    // would be, and the watch starts at its resourceVersion, without a list (issue 10).
    const initial = opts.initial;
    if (initial?.metadata.resourceVersion) {
      resourceVersion = initial.metadata.resourceVersion;
      judge(initial);
    }
    while (!signal.aborted) {
      if (resourceVersion === undefined) {
        const listed = await client.list(query);
        resourceVersion = listed.resourceVersion;
        if (listed.items[0] !== undefined) judge(listed.items[0]);
        else if (opts.absentIsDeleted) judge(undefined);
      }
      // Stopped during the list: open no stream that nothing would close.
      if (outcome || signal.aborted) break;
      let seen = 0;
      const stream = new AbortController();
      const stopStream = (): void => stream.abort();
      signal.addEventListener('abort', stopStream, { once: true });
      try {
        await client.watch(
          { ...query, resourceVersion },
          (type, obj) => {
            seen++;
            if (obj.metadata?.resourceVersion) resourceVersion = obj.metadata.resourceVersion;
            if (type === 'BOOKMARK') return;
            judge(type === 'DELETED' ? undefined : obj);
            if (outcome) stream.abort();
          },
          stream.signal,
        );
      } catch (err) {
        if (!(err instanceof GoneError)) throw err;
        resourceVersion = undefined;
      } finally {
        signal.removeEventListener('abort', stopStream);
      }
      if (outcome) break;
      // A stream that ended with nothing in it: pace the reconnects (informers back off too).
      if (seen === 0 && resourceVersion !== undefined && !signal.aborted)
        await timer.sleep(RECONNECT_PAUSE_MS, signal);
    }
    if (outcome?.state === 'failed') throw new WaitFailedError(outcome.message);
  });
}

/**
 * EX-5/EX-6: waits for a hook Job or Pod; every other kind is done at once. `created` (the
 * create's response) saves the first list: the watch starts from its resourceVersion.
 */
export async function waitForHook(
  client: KubeClient,
  ref: ResourceRef,
  opts: WaitOptions & { created?: KubeObject },
): Promise<void> {
  if (ref.kind !== 'Job' && ref.kind !== 'Pod') return;
  const { created, ...rest } = opts;
  const initial = created && created.metadata?.name === ref.name ? created : undefined;
  await waitFor(client, ref, hookState, initial ? { ...rest, initial } : rest);
}

/**
 * Waits until the object is gone: one list (`metadata.name=`), then a watch until its DELETED
 * event, instead of Helm's GET every 2 s (waitForDeletedResources) — the same answer, as soon
 * as the server knows it.
 */
export async function waitUntilGone(
  client: KubeClient,
  ref: ResourceRef,
  opts: WaitOptions,
): Promise<void> {
  const gone = (obj: KubeObject | undefined): HookState =>
    obj === undefined ? { state: 'done' } : { state: 'waiting', reason: 'still present' };
  await waitFor(client, ref, gone, { ...opts, absentIsDeleted: true });
}

export interface ReadyOptions extends WaitOptions {
  /** Poll interval in milliseconds (Helm: 2000). */
  intervalMs?: number;
  waitForJobs?: boolean;
}

/**
 * Polls until every object is ready (section 4.6). Rejects with WaitTimeoutError naming each
 * object not ready, or WaitFailedError for a Job past its backoffLimit (with waitForJobs).
 */
export async function waitUntilReady(
  client: KubeClient,
  refs: ResourceRef[],
  opts: ReadyOptions,
): Promise<void> {
  const timer = opts.timer ?? realTimer;
  let pending: string[] = refs.map((r) => `${describeRef(r)}: not checked`);
  await bounded(
    { ...opts, progress: opts.progress ?? client.waitProgress },
    () => pending,
    async (signal) => {
      let changes: Changes | undefined;
      try {
        while (!signal.aborted) {
          const notReady: Checked[] = [];
          const reasons: string[] = [];
          for (const ref of refs) {
            const r = await checkOne(client, ref, opts.waitForJobs ?? false);
            if (r.failed) throw new WaitFailedError(r.reason);
            if (!r.ready) {
              notReady.push({ ref, resourceVersion: r.resourceVersion });
              reasons.push(`${describeRef(ref)}: ${r.reason}`);
            }
          }
          pending = reasons;
          if (notReady.length === 0) return;
          // Watch what is not ready yet: a change re-checks at once, the interval still bounds it.
          changes ??= watchChanges(client, notReady.slice(0, MAX_READY_WATCHES), signal);
          await changes.next(timer, opts.intervalMs ?? 2000);
        }
      } finally {
        changes?.close();
      }
    },
  );
}

/** At most this many watches per readiness wait; the polls cover the rest. */
const MAX_READY_WATCHES = 16;

/** An object as its last check read it (the resourceVersion of that GET, when it exists). */
export interface Checked {
  ref: ResourceRef;
  resourceVersion?: string | undefined;
}

export interface Changes {
  /** Resolves at the next change seen since the last call, or after `ms`. */
  next(timer: WaitTimer, ms: number): Promise<void>;
  close(): void;
}

/**
 * One watch per object (`metadata.name=`), kept open for the wait (issue 10: watches instead of
 * polls; Helm 3.15's waiter polls every 2 s). Each watch starts at the resourceVersion the check
 * read, so a change between that GET and the watch's start wakes the waiter too (without one it
 * opens with the object as it is, taken as already checked). Each event wakes the waiter; a
 * stream that ends or fails (410 Gone) is not reopened, the interval's checks carry on alone.
 */
export function watchChanges(
  client: KubeClient,
  checked: readonly Checked[],
  outer: AbortSignal,
): Changes {
  const streams = new AbortController();
  const stop = (): void => streams.abort();
  outer.addEventListener('abort', stop, { once: true });
  let dirty = false;
  let wake: (() => void) | undefined;
  const pulse = (): void => {
    if (wake) wake();
    else dirty = true;
  };
  for (const { ref, resourceVersion } of checked) {
    const query = {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      namespace: ref.namespace ?? client.defaultNamespace,
      fieldSelector: `metadata.name=${ref.name}`,
      ...(resourceVersion ? { resourceVersion } : {}),
    };
    let first = resourceVersion === undefined;
    client
      .watch(
        query,
        (type) => {
          // Opened without a resourceVersion, the stream starts with the object as it is
          // (already checked): not a change.
          if (first && type === 'ADDED') return void (first = false);
          first = false;
          if (type !== 'BOOKMARK') pulse();
        },
        streams.signal,
      )
      .catch(() => undefined);
  }
  return {
    async next(timer, ms) {
      if (dirty) {
        dirty = false;
        return;
      }
      const interval = new AbortController();
      const waited = new Promise<void>((resolve) => (wake = resolve));
      await Promise.race([waited, timer.sleep(ms, AbortSignal.any([outer, interval.signal]))]);
      wake = undefined;
      dirty = false;
      interval.abort();
    },
    close() {
      outer.removeEventListener('abort', stop);
      streams.abort();
    },
  };
}

/**
 * Fetches one object and what its rule needs, then applies the rule; adds pod culprits. The
 * object's resourceVersion comes back with the verdict (where the change watch starts).
 */
async function checkOne(
  client: KubeClient,
  ref: ResourceRef,
  waitForJobs: boolean,
): Promise<Readiness & { resourceVersion?: string }> {
  let obj: KubeObject;
  try {
    obj = await client.get(ref);
  } catch (err) {
    if (err instanceof NotFoundError) return { ready: false, reason: 'not found' };
    throw err;
  }
  const verdict = await judgeOne(client, obj, waitForJobs);
  const resourceVersion = obj.metadata.resourceVersion;
  return resourceVersion ? { ...verdict, resourceVersion } : verdict;
}

/** The rule for a fetched object, with what it needs fetched; adds pod culprits. */
async function judgeOne(
  client: KubeClient,
  obj: KubeObject,
  waitForJobs: boolean,
): Promise<Readiness> {
  const namespace = obj.metadata.namespace ?? client.defaultNamespace;
  const selector = matchLabels(obj);
  const replicaSets =
    obj.kind === 'Deployment' && selector
      ? (
          await client.list({
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            namespace,
            labelSelector: selector,
          })
        ).items
      : undefined;
  const needsPods = ['ReplicaSet', 'ReplicationController'].includes(obj.kind);
  let pods = needsPods && selector ? await listPods(client, namespace, selector) : undefined;
  if (pods && obj.kind !== 'ReplicationController') pods = pods.filter((p) => ownedBy(p, obj));
  const result = readiness(obj, { replicaSets, pods, waitForJobs });
  if (
    result.ready ||
    needsPods ||
    !selector ||
    !['Deployment', 'StatefulSet', 'DaemonSet'].includes(obj.kind)
  ) {
    return result;
  }
  const stuck = (await listPods(client, namespace, selector)).filter((p) => !podReady(p).ready);
  const details = stuck.map((p) => `pod ${p.metadata.name}: ${podProblem(p)}`);
  return { ...result, reason: [result.reason, ...details].join('; ') };
}

async function listPods(
  client: KubeClient,
  namespace: string,
  labelSelector: string,
): Promise<KubeObject[]> {
  return (await client.list({ apiVersion: 'v1', kind: 'Pod', namespace, labelSelector })).items;
}

function ownedBy(child: KubeObject, owner: KubeObject): boolean {
  return (child.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid);
}

/** `spec.selector.matchLabels` (or a ReplicationController's map selector) as `k=v,…`. */
function matchLabels(obj: KubeObject): string | undefined {
  const selector = (obj.spec as { selector?: Record<string, unknown> } | undefined)?.selector;
  if (!selector) return undefined;
  const labels = (obj.kind === 'ReplicationController' ? selector : selector.matchLabels) as
    Record<string, string> | undefined;
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? pairs.join(',') : undefined;
}
