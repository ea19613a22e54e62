/**
 * The simulator's clock. Durations the cluster would take (a `sleep 5`, a back-off, a grace
 * period) are divided by `speed`; timestamps stay wall-clock so objects look like a real cluster's.
 */
export interface Clock {
  /** Wall-clock milliseconds, for timestamps. */
  now(): number;
  /** Runs `fn` after `simMs` of simulated time. */
  after(simMs: number, fn: () => void): () => void;
  readonly speed: number;
  /** Cancels every pending timer (on shutdown). */
  cancelAll(): void;
}

export function systemClock(speed = 1): Clock {
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  const timers = new Set<NodeJS.Timeout>();
  return {
    speed,
    now: () => Date.now(),
    after(simMs, fn) {
      const t = setTimeout(
        () => {
          timers.delete(t);
          fn();
        },
        Math.max(0, simMs / speed),
      );
      timers.add(t);
      return () => {
        clearTimeout(t);
        timers.delete(t);
      };
    },
    cancelAll() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
