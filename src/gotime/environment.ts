/**
 * What Go's time package reads from the process, injected (docs/style.md: a pure core reads no
 * process state): the `TZ` variable behind time.Local, the wall clock and the monotonic clock
 * behind time.Now. The edges (the CLI, the action, the conformance runner, the tests) install
 * the Node process's with {@link setTimeEnvironment}; until then the runtime's own zone (Intl,
 * which Node derives from `TZ` as well) and clocks are used.
 */

export interface TimeEnvironment {
  /** The `TZ` variable; undefined when unset (time.Local is then the system zone). */
  tz(): string | undefined;
  /** Wall clock: milliseconds since the Unix epoch. */
  nowMillis(): number;
  /** A monotonic reading in nanoseconds (any origin). */
  monotonicNanos(): bigint;
}

const RUNTIME: TimeEnvironment = {
  tz: () => undefined,
  nowMillis: () => Date.now(),
  monotonicNanos: () => BigInt(Math.round(performance.now() * 1e6)),
};

let current: TimeEnvironment = RUNTIME;
let start = RUNTIME.monotonicNanos();

/** The environment in use. */
export function timeEnvironment(): TimeEnvironment {
  return current;
}

/** A monotonic `reading` as nanoseconds since the environment was installed (Go's `m=+…`). */
export function sinceStart(reading: bigint): bigint {
  return reading - start;
}

/** Install `env` (the edge does, once); returns a function restoring the previous one. */
export function setTimeEnvironment(env: TimeEnvironment): () => void {
  const previous = { env: current, start };
  current = env;
  start = env.monotonicNanos();
  return () => {
    current = previous.env;
    start = previous.start;
  };
}
