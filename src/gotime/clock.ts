/**
 * The injectable wall clock (docs/style.md section 6, habit 5). Helm reads `time.Now()` in
 * several places (`action.Timestamper` for release times, the storage drivers for the
 * `createdAt`/`modifiedAt` labels); hookline reads every one of them through a Clock so tests
 * can pin time.
 */
import { GoTime } from './time.js';
import { localLocation, type GoLocation } from './zone.js';

/** A source of the current instant. */
export interface Clock {
  /** The current time in the process's Local zone (Go's `time.Now()`). */
  now(): GoTime;
}

/** The real clock. */
export const systemClock: Clock = { now: () => GoTime.now() };

/** Nanoseconds per second, for building instants from parts. */
const NS_PER_SECOND = 1e9;

/**
 * A clock stuck at `unixSeconds` (+ `nanos`) in `loc` (Local by default): every call returns
 * the same instant.
 */
export function fixedClock(unixSeconds: number, nanos = 0, loc?: GoLocation): Clock {
  return { now: () => new GoTime(unixSeconds, nanos, loc ?? localLocation()) };
}

/** A clock tests advance by hand: `advance(ms)` moves it forward. */
export interface ManualClock extends Clock {
  advance(milliseconds: number): void;
}

/** A manual clock starting at `unixSeconds` in `loc` (Local by default). */
export function manualClock(unixSeconds: number, loc?: GoLocation): ManualClock {
  let totalNanos = BigInt(unixSeconds) * BigInt(NS_PER_SECOND);
  return {
    now() {
      const sec = totalNanos / BigInt(NS_PER_SECOND);
      const nsec = Number(totalNanos - sec * BigInt(NS_PER_SECOND));
      return new GoTime(Number(sec), nsec, loc ?? localLocation());
    },
    advance(milliseconds: number) {
      totalNanos += BigInt(Math.round(milliseconds * 1e6));
    },
  };
}
