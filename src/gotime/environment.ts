/**
 * What Go's time package reads from the process, injected (docs/style.md: a pure core reads no
 * process state): the `TZ` variable behind time.Local, the wall clock and the monotonic clock
 * behind time.Now. The edges (the CLI, the action, the conformance runner, the tests) install
 * the Node process's with {@link setTimeEnvironment}; until then the runtime's own zone (Intl,
 * which Node derives from `TZ` as well) is used and reading a clock throws.
 */

export interface TimeEnvironment {
  /** The `TZ` variable; undefined when unset (time.Local is then the system zone). */
  tz(): string | undefined;
  /**
   * The system zone's IANA name when the edge can read it cheaply (the target of the
   * `/etc/localtime` link, as Go's time.Local reads that file); undefined when it cannot, and the
   * runtime's zone (Intl) is used. Optional: Intl's first default formatter costs ~60 ms of ICU
   * locale loading, which every release record's timestamp (time.Local) would otherwise pay.
   */
  systemZone?(): string | undefined;
  /** Wall clock: milliseconds since the Unix epoch. */
  nowMillis(): number;
  /** A monotonic reading in nanoseconds (any origin). */
  monotonicNanos(): bigint;
}

/** Reading time before an edge installed the process's environment: a programming error. */
export class TimeEnvironmentMissingError extends Error {
  constructor() {
    super('no time environment installed: the entry point must call installNodeEnvironment()');
    this.name = 'TimeEnvironmentMissingError';
  }
}

const missing = (): never => {
  throw new TimeEnvironmentMissingError();
};

/** Until an edge installs one: no `TZ` (the runtime's own zone), and no clocks to read. */
const NONE: TimeEnvironment = { tz: () => undefined, nowMillis: missing, monotonicNanos: missing };

let current: TimeEnvironment = NONE;
let start = 0n;

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
