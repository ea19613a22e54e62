/**
 * Fault injection for the simulated API server (`hookline simulator --faults ...`, or
 * `startSimulator({ faults })`): per request, with seeded randomness so a run can be replayed,
 * a 500 InternalError, a 429 TooManyRequests with `Retry-After`, a connection reset, added
 * latency; per watch, a stream dropped early. A 500 or a reset falls either before the request
 * is carried out or after it (the write is stored, its answer lost), as on a real cluster
 * where etcd commits and the answer never arrives.
 */

import { seededRandom } from '../util/seeded-random.js';

export interface FaultOptions {
  /** Probability (0-1) per request of a 500 InternalError. */
  error500?: number;
  /** Probability per request of a 429 TooManyRequests with `Retry-After`. */
  tooMany?: number;
  /** The `Retry-After` seconds of injected 429s (default 1). */
  retryAfterSeconds?: number;
  /** Probability per request of the connection being destroyed without an answer. */
  reset?: number;
  /** Latency added to each request: uniformly 0..latencyMs milliseconds. */
  latencyMs?: number;
  /** Probability per watch of the stream being ended early (after 0..dropAfterMs ms). */
  dropWatch?: number;
  /** Longest time before a dropped watch ends (default 2000 ms). */
  dropAfterMs?: number;
  /** Seed of the random sequence (default 1). */
  seed?: number;
}

/** What happens to one request. */
export type RequestFault =
  | { kind: 'none'; delayMs: number }
  | {
      kind: 'error500' | 'reset';
      delayMs: number;
      /** carried out before failing */ after: boolean;
    }
  | { kind: 'tooMany'; delayMs: number; retryAfterSeconds: number };

/** FNV-1a, 32 bits: a stable seed from a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class FaultInjector {
  private readonly random: () => number;
  /** Counts of injected faults by kind, for reports and tests. */
  readonly injected = { error500: 0, tooMany: 0, reset: 0, dropWatch: 0 };

  constructor(readonly opts: FaultOptions) {
    this.random = seededRandom(opts.seed ?? 1);
  }

  /** While true no fault is injected (and no random number drawn): for checking state. */
  paused = false;

  /** Whether any fault is configured and injection is not paused. */
  get active(): boolean {
    const o = this.opts;
    return (
      !this.paused && Boolean(o.error500 || o.tooMany || o.reset || o.latencyMs || o.dropWatch)
    );
  }

  private readonly counts = new Map<string, number>();

  /**
   * The random sequence for one draw: the global one, or with `key` (method and path) one
   * derived from the seed, the key and how often the key was drawn, so the fate of a request
   * does not depend on how many timing-dependent requests (polls, re-watches) came before it.
   */
  private stream(key: string | undefined): () => number {
    if (key === undefined) return this.random;
    const n = this.counts.get(key) ?? 0;
    this.counts.set(key, n + 1);
    return seededRandom(fnv1a(`${this.opts.seed ?? 1}|${key}|${n}`));
  }

  /** Draws the fate of one request (`key`: its method and path, see `stream`). */
  next(key?: string): RequestFault {
    const o = this.opts;
    const random = this.stream(key);
    const delayMs = o.latencyMs ? Math.floor(random() * o.latencyMs) : 0;
    const roll = random();
    const after = random() < 0.5;
    let edge = o.error500 ?? 0;
    if (roll < edge) {
      this.injected.error500++;
      return { kind: 'error500', delayMs, after };
    }
    edge += o.tooMany ?? 0;
    if (roll < edge) {
      this.injected.tooMany++;
      return { kind: 'tooMany', delayMs, retryAfterSeconds: o.retryAfterSeconds ?? 1 };
    }
    edge += o.reset ?? 0;
    if (roll < edge) {
      this.injected.reset++;
      return { kind: 'reset', delayMs, after };
    }
    return { kind: 'none', delayMs };
  }

  /** Milliseconds after which a new watch is dropped, or undefined to keep it. */
  watchDrop(key?: string): number | undefined {
    if (this.paused) return undefined;
    const random = this.stream(key === undefined ? undefined : `watch ${key}`);
    if (!(random() < (this.opts.dropWatch ?? 0))) return undefined;
    this.injected.dropWatch++;
    return Math.floor(random() * (this.opts.dropAfterMs ?? 2000));
  }
}

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

const RATE_KEYS: Record<string, keyof FaultOptions> = {
  '500': 'error500',
  '429': 'tooMany',
  reset: 'reset',
  'drop-watch': 'dropWatch',
};

/**
 * `--faults 500=0.05,429=0.05,reset=0.03,latency=50,drop-watch=0.1,retry-after=1,seed=7`:
 * rates are probabilities from 0 to 1, latency and drop-after milliseconds.
 */
export function parseFaults(spec: string): FaultOptions {
  const out: FaultOptions = {};
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new FaultSpecError(`invalid fault ${JSON.stringify(part)}: want key=value`);
    const key = part.slice(0, eq).trim();
    const text = part.slice(eq + 1).trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n) || n < 0)
      throw new FaultSpecError(`invalid value ${JSON.stringify(text)} for fault ${key}`);
    const rate = RATE_KEYS[key];
    if (rate !== undefined) {
      if (n > 1) throw new FaultSpecError(`fault ${key} is a probability from 0 to 1, not ${text}`);
      (out as Record<string, number>)[rate] = n;
    } else if (key === 'latency') out.latencyMs = n;
    else if (key === 'drop-after') out.dropAfterMs = n;
    else if (key === 'retry-after') out.retryAfterSeconds = Math.floor(n);
    else if (key === 'seed') out.seed = Math.floor(n);
    else
      throw new FaultSpecError(
        `unknown fault ${JSON.stringify(key)} (known: 500, 429, reset, latency, drop-watch, drop-after, retry-after, seed)`,
      );
  }
  return out;
}
