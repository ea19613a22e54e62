/**
 * Retries as client-go makes them (k8s.io/client-go rest/request.go `retryFn`, `checkWait`,
 * `IsRetryableErr`), as a layer over any KubeClient:
 *
 * - 429 and 5xx answers are retried; a `Retry-After` is honoured (its seconds, else backoff).
 * - Connection resets and request timeouts are retried; a refused connection, DNS and TLS
 *   failures are not (they will not heal by themselves and are reported at once).
 * - Only idempotent calls are simply repeated (GET, LIST, PUT, DELETE, server-side apply).
 *   A create (POST) is repeated too, but when an earlier attempt may have reached the server
 *   (a reset, a timeout, a 5xx without `Retry-After`), the AlreadyExists of a later attempt is
 *   checked: the stored object is ours when its labels and annotations (and, for Secrets and
 *   ConfigMaps, its data) are what we sent. A DELETE's NotFound after such an attempt means
 *   it was deleted.
 * - Every call's retries are bounded (at most `maxRetries`, and `budgetMs` in all: the
 *   command's `--timeout`); the last error is then thrown, naming how often it was tried.
 *
 * 401/403 errors are reworded to name the verb and the resource (`create secrets "x" in
 * namespace "y"`). Watches are passed through: their callers re-list and re-watch.
 */
import {
  AlreadyExistsError,
  ForbiddenError,
  KubeError,
  NotFoundError,
  UnreachableError,
  type CoreObjects,
  type KubeClient,
  type KubeMeta,
  type KubeObject,
  type ResourceRef,
} from './client.js';
import { asError } from '../util/errors.js';

export interface RetryOptions {
  /** Retries per call after the first attempt (client-go: 10). */
  maxRetries?: number;
  /** Total milliseconds per call, retries included (the command's `--timeout`; 5 min). */
  budgetMs?: number;
  /** First backoff delay; doubled per retry up to `maxDelayMs` (default 200 / 5000). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Scales `Retry-After` seconds into milliseconds (default 1000; tests use less). */
  retryAfterUnitMs?: number;
  /** Told about every retry (debug output). */
  log?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** How a failure is retried; undefined when it is not. */
interface Verdict {
  /** The server may have carried the request out (its answer was lost or a 5xx). */
  maybeDone: boolean;
  /** `Retry-After` in seconds, when sent. */
  retryAfter?: number;
}

/** Whether (and how) a failed attempt is retried. */
export function retryVerdict(err: unknown): Verdict | undefined {
  if (err instanceof UnreachableError) {
    if (err.reason === 'reset' || err.reason === 'timeout') return { maybeDone: true };
    return undefined;
  }
  if (!(err instanceof KubeError) || err.code === undefined) return undefined;
  const retryAfter = err.retryAfterSeconds;
  if (err.code === 429)
    return { maybeDone: false, ...(retryAfter !== undefined && { retryAfter }) };
  if (err.code >= 500 && err.code <= 599) {
    // A Retry-After means the server did not carry the request out (it is shutting down or
    // overloaded); without one a 500 may come after the write.
    return retryAfter !== undefined ? { maybeDone: false, retryAfter } : { maybeDone: true };
  }
  return undefined;
}

type Verb = 'get' | 'list' | 'create' | 'update' | 'patch' | 'delete' | 'watch';

interface Op {
  verb: Verb;
  /** `secrets "x" in namespace "y"`, `Deployment "web"`. */
  what: string;
}

function describe(resource: string, name?: string, namespace?: string): string {
  const n = name ? ` ${JSON.stringify(name)}` : '';
  const ns = namespace ? ` in namespace ${JSON.stringify(namespace)}` : '';
  return `${resource}${n}${ns}`;
}

function refWhat(ref: { kind: string; name?: string; namespace?: string }): string {
  return describe(ref.kind, ref.name, ref.namespace);
}

/** 401/403 reworded to name the verb and resource (the server's 403 text already does). */
function named(err: unknown, op: Op): unknown {
  if (!(err instanceof ForbiddenError)) return err;
  const action = `${op.verb} ${op.what}`;
  if (err.code === 401)
    return new ForbiddenError(`Unauthorized (${action}): ${err.message}`, err.status, {
      code: 401,
      cause: err,
    });
  if (err.status?.message) return err;
  return new ForbiddenError(`forbidden: not allowed to ${action}`, err.status, {
    code: err.code ?? 403,
    cause: err,
  });
}

/** A string map compared regardless of key order (servers sort map keys). */
function sameMap(a: unknown, b: unknown): boolean {
  const x = (a ?? {}) as Record<string, unknown>;
  const y = (b ?? {}) as Record<string, unknown>;
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
}

function sameMeta(a: KubeMeta | undefined, b: KubeMeta | undefined): boolean {
  return sameMap(a?.labels, b?.labels) && sameMap(a?.annotations, b?.annotations);
}

function sameData(a: { data?: unknown }, b: { data?: unknown }): boolean {
  return sameMap(a.data, b.data);
}

class Retrier {
  readonly maxRetries: number;
  readonly budgetMs: number;
  private readonly base: number;
  private readonly maxDelay: number;
  private readonly unit: number;
  private readonly log: (m: string) => void;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(opts: RetryOptions) {
    this.maxRetries = opts.maxRetries ?? 10;
    this.budgetMs = opts.budgetMs ?? 5 * 60 * 1000;
    this.base = opts.baseDelayMs ?? 200;
    this.maxDelay = opts.maxDelayMs ?? 5000;
    this.unit = opts.retryAfterUnitMs ?? 1000;
    this.log = opts.log ?? (() => {});
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = opts.now ?? Date.now;
  }

  /**
   * Runs `attempt` until it succeeds, fails for good, or the retries or budget run out.
   * `settle` decides a failure that follows an attempt which may have been carried out
   * (AlreadyExists on create, NotFound on delete): `{ value }` ends the call with it.
   */
  async run<T>(
    op: Op,
    attempt: () => Promise<T>,
    settle?: (err: unknown) => Promise<{ value: T } | undefined>,
  ): Promise<T> {
    const start = this.now();
    let maybeDone = false;
    for (let retry = 0; ; retry++) {
      let err: unknown;
      try {
        return await attempt();
      } catch (e) {
        err = e;
      }
      if (maybeDone && settle) {
        const settled = await settle(err);
        if (settled !== undefined) return settled.value;
      }
      const verdict = retryVerdict(err);
      if (!verdict) throw named(err, op);
      maybeDone ||= verdict.maybeDone;
      const backoff = Math.min(this.maxDelay, this.base * 2 ** retry);
      const delay = verdict.retryAfter !== undefined ? verdict.retryAfter * this.unit : backoff;
      const elapsed = this.now() - start;
      if (retry >= this.maxRetries || elapsed + delay > this.budgetMs) {
        throw exhausted(err, retry + 1);
      }
      this.log(
        `retrying ${op.verb} ${op.what} in ${delay}ms (attempt ${retry + 2}): ${(err as Error).message}`,
      );
      await this.sleep(delay);
    }
  }
}

/** Carries an error past the retry loop untouched. */
class NotRetried extends Error {
  constructor(readonly error: unknown) {
    super('not retried');
  }
}

/** The last error, its message saying how many attempts were made. */
function exhausted(err: unknown, attempts: number): unknown {
  if (!(err instanceof KubeError) || attempts <= 1) return err;
  const message = `${err.message} (after ${attempts} attempts)`;
  if (err instanceof UnreachableError)
    return new UnreachableError(message, err.reason, { cause: err });
  const Ctor = err.constructor as new (m: string, s: KubeError['status'], d: object) => KubeError;
  return new Ctor(message, err.status, {
    code: err.code,
    retryAfterSeconds: err.retryAfterSeconds,
    cause: err,
  });
}

/** A KubeClient whose calls are retried as described in the module comment. */
export function withRetries(inner: KubeClient, opts: RetryOptions = {}): KubeClient {
  const r = new Retrier(opts);
  const core = <T extends { metadata: KubeMeta; data?: unknown }>(
    api: CoreObjects<T>,
    resource: string,
    namespace: string,
  ): CoreObjects<T> => ({
    create: (obj) =>
      r.run(
        { verb: 'create', what: describe(resource, obj.metadata.name, namespace) },
        () => api.create(obj),
        async (err) => {
          if (!(err instanceof AlreadyExistsError)) return undefined;
          const what = describe(resource, obj.metadata.name, namespace);
          const found = await r
            .run({ verb: 'get', what }, () => api.get(obj.metadata.name))
            .catch(() => undefined);
          return found && sameMeta(found.metadata, obj.metadata) && sameData(found, obj)
            ? { value: found }
            : undefined;
        },
      ),
    get: (name) =>
      r.run({ verb: 'get', what: describe(resource, name, namespace) }, () => api.get(name)),
    update: (obj) =>
      r.run({ verb: 'update', what: describe(resource, obj.metadata.name, namespace) }, () =>
        api.update(obj),
      ),
    delete: (name) =>
      r.run(
        { verb: 'delete', what: describe(resource, name, namespace) },
        () => api.delete(name),
        async (err) => (err instanceof NotFoundError ? { value: undefined } : undefined),
      ),
    list: (selector) =>
      r.run({ verb: 'list', what: describe(resource, undefined, namespace) }, () =>
        api.list(selector),
      ),
  });
  const client: KubeClient = {
    get defaultNamespace() {
      return inner.defaultNamespace;
    },
    create: (obj: KubeObject) =>
      r.run(
        { verb: 'create', what: refWhat({ ...obj.metadata, kind: obj.kind }) },
        () => inner.create(obj),
        async (err) => {
          if (!(err instanceof AlreadyExistsError)) return undefined;
          const ref = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name };
          const ns = obj.metadata.namespace;
          const full = ns === undefined ? ref : { ...ref, namespace: ns };
          const found = await r
            .run({ verb: 'get', what: refWhat(full) }, () => inner.get(full))
            .catch(() => undefined);
          return found && sameMeta(found.metadata, obj.metadata) ? { value: found } : undefined;
        },
      ),
    get: (ref: ResourceRef) => r.run({ verb: 'get', what: refWhat(ref) }, () => inner.get(ref)),
    apply: (obj, o) =>
      r.run({ verb: 'patch', what: refWhat({ ...obj.metadata, kind: obj.kind }) }, () =>
        inner.apply(obj, o),
      ),
    // A strategic or JSON merge patch applied twice gives the same object, so it is retried;
    // a JSON patch (`json`) may not be idempotent and is sent once.
    patch: (ref, patch, type) =>
      type === 'json'
        ? inner.patch(ref, patch, type)
        : r.run({ verb: 'patch', what: refWhat(ref) }, () => inner.patch(ref, patch, type)),
    // A PUT without a resourceVersion precondition replaces with the same body each time.
    replace: (obj) =>
      r.run({ verb: 'update', what: refWhat({ ...obj.metadata, kind: obj.kind }) }, () =>
        inner.replace(obj),
      ),
    discover: () => r.run({ verb: 'get', what: 'discovery' }, () => inner.discover()),
    serverVersion: () => r.run({ verb: 'get', what: 'version' }, () => inner.serverVersion()),
    openApiV2: () => r.run({ verb: 'get', what: 'openapi/v2' }, () => inner.openApiV2()),
    delete: (ref, o) =>
      r.run(
        { verb: 'delete', what: refWhat(ref) },
        () => inner.delete(ref, o),
        async (err) => (err instanceof NotFoundError ? { value: true } : undefined),
      ),
    list: (q) =>
      r.run({ verb: 'list', what: describe(q.kind, undefined, q.namespace) }, () => inner.list(q)),
    // A watch that fails before delivering anything is retried like a GET (client-go's
    // reflector re-establishes it); once events flowed, the caller decides (it re-lists).
    watch: (q, onEvent, signal) => {
      let delivered = false;
      const relay: typeof onEvent = (type, obj) => {
        delivered = true;
        onEvent(type, obj);
      };
      return r
        .run({ verb: 'watch', what: describe(q.kind, undefined, q.namespace) }, () =>
          inner.watch(q, relay, signal).catch((err: unknown) => {
            if (delivered || signal?.aborted) throw new NotRetried(err);
            throw err;
          }),
        )
        .catch((err: unknown) => {
          throw err instanceof NotRetried ? err.error : err;
        });
    },
    podLogs: (ns, pod, o) =>
      r.run({ verb: 'get', what: describe('pods/log', pod, ns) }, () => inner.podLogs(ns, pod, o)),
    eventsFor: (ref) =>
      r.run({ verb: 'list', what: describe('events', undefined, ref.namespace) }, () =>
        inner.eventsFor(ref),
      ),
    ensureNamespace: (name) =>
      r.run({ verb: 'create', what: describe('namespaces', name) }, () =>
        inner.ensureNamespace(name),
      ),
    isReachable: async () => (await client.unreachableCause!()) === undefined,
    unreachableCause: async () => {
      const cause = inner.unreachableCause
        ? inner.unreachableCause.bind(inner)
        : async () => ((await inner.isReachable()) ? undefined : new Error('no answer'));
      // Only transient failures are retried: a refused connection is reported at once.
      return r
        .run({ verb: 'get', what: 'version' }, async () => {
          const e = await cause();
          if (e && retryVerdict(e)) throw e;
          return e;
        })
        .catch((e: unknown) => asError(e));
    },
    secrets: (ns) => core(inner.secrets(ns), 'secrets', ns),
    configMaps: (ns) => core(inner.configMaps(ns), 'configmaps', ns),
  };
  // Optional methods (waitProgress, ...) pass through unchanged.
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop in target) return Reflect.get(target, prop, receiver);
      const v = Reflect.get(inner, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(inner) : v;
    },
  });
}
