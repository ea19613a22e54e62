/**
 * The side-effect latch of a command run on the main thread (issue 10). A command runs on the
 * main thread first; when it overflows the default stack (Helm's 1,000 nested includes need more)
 * it is run again, from the start, on the large-stack worker (src/runtime/large-stack.ts). That is
 * only sound while the first run has done nothing a second run would do again, so every write a
 * command can make reports here first, and the latch closes at the first one:
 * - the command's stdout (src/cli/main.ts) and every file it writes (CliIo.writeFile; the
 *   action's outputs, job summary and manifest file; PR comments);
 * - every Kubernetes call that is not a read ({@link latchWrites} around the client: anything
 *   not listed as a read counts as a write, so a new write method is latched by default);
 * - writes the latch cannot see (the chart downloader's cache, `--dependency-update`), and the
 *   action's writes before it renders (create-namespace, recover-pending), call
 *   {@link beforeUntrackedWrites} first, which moves a still clean run to the worker at once.
 * Until the latch closes, the process's stdout and stderr (log lines, warnings, the action's
 * `::add-mask::` and other workflow commands) are held back in order, and released when it
 * closes or the command ends; a restart drops them, so the worker's run prints them once.
 * Outside such a run (the worker, tests, the library) all of this is a no-op.
 */

/** Thrown on the main thread to run the command again on the large-stack worker. */
export class RestartOnLargeStack extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`restart on the large-stack worker: ${reason}`, options);
    this.name = 'RestartOnLargeStack';
  }
}

type Stream = NodeJS.WriteStream;

interface Held {
  readonly stream: Stream;
  readonly chunk: string | Uint8Array;
  readonly encoding: BufferEncoding | undefined;
}

interface Probe {
  /** The latch: something was written (or released). */
  written: boolean;
  readonly held: Held[];
  readonly restore: (() => void)[];
}

let probe: Probe | undefined;

/** Hold back `stream`'s writes in `held`; returns the function that restores the stream. */
function hold(stream: Stream, held: Held[]): () => void {
  const own = Object.getOwnPropertyDescriptor(stream, 'write');
  const write = (
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((err?: Error | null) => void),
    cb?: (err?: Error | null) => void,
  ): boolean => {
    const done = typeof encoding === 'function' ? encoding : cb;
    held.push({ stream, chunk, encoding: typeof encoding === 'string' ? encoding : undefined });
    if (done) process.nextTick(done);
    return true;
  };
  Object.defineProperty(stream, 'write', { value: write, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(stream, 'write', own);
    else delete (stream as { write?: unknown }).write;
  };
}

/** Start a main-thread run: the latch open, stdout and stderr held back. */
export function startProbe(): void {
  const held: Held[] = [];
  const p: Probe = { written: false, held, restore: [] };
  probe = p;
  // Should the process end mid-run (an exit from a library, a crash), what was held is
  // written before it goes, as it would have been without holding.
  const atExit = () => stopHolding(p, true);
  process.once('exit', atExit);
  p.restore.push(
    () => void process.off('exit', atExit),
    hold(process.stdout, held),
    hold(process.stderr, held),
  );
}

/** Stop holding output; `release` writes what was held, else it is dropped. */
function stopHolding(p: Probe, release: boolean): void {
  for (const r of p.restore.splice(0)) r();
  const held = p.held.splice(0);
  if (!release) return;
  for (const h of held) {
    if (h.encoding) h.stream.write(h.chunk, h.encoding);
    else h.stream.write(h.chunk);
  }
}

/** End the main-thread run: held output is released (`keep`) or dropped (a restart). */
export function endProbe(keep: boolean): void {
  const p = probe;
  probe = undefined;
  if (p) stopHolding(p, keep);
}

/**
 * A command is about to write (stdout, a file, a Kubernetes write): the latch closes, and the
 * output held so far is released first, so the order of everything printed stays as written.
 */
export function sideEffect(): void {
  const p = probe;
  if (!p || p.written) return;
  p.written = true;
  stopHolding(p, true);
}

/** True while a main-thread run has written nothing: it can still restart on the worker. */
export function restartable(): boolean {
  return probe !== undefined && !probe.written;
}

/**
 * Before writes the latch cannot see, or writes a command makes before it renders (`what` names
 * them): a run that is still clean restarts on the worker now, so those writes happen once and
 * a later overflow still gets Helm's result; else the latch closes.
 */
export function beforeUntrackedWrites(what: string): void {
  if (restartable()) throw new RestartOnLargeStack(what);
  sideEffect();
}

/** Methods of a Kubernetes-like client: those that only read, and those returning stores. */
export interface WriteLatchSpec {
  /** Calls that never write; every other method closes the latch before it runs. */
  readonly reads: readonly string[];
  /** Methods returning a store whose own calls are latched by `storeReads`. */
  readonly stores: readonly string[];
  readonly storeReads: readonly string[];
}

/**
 * `client` with every call that is not a read closing the latch first (a no-op outside a
 * main-thread run). Fail-safe: a method not listed as a read counts as a write.
 */
export function latchWrites<T extends object>(client: T, spec: WriteLatchSpec): T {
  const wrap = <U extends object>(target: U, reads: readonly string[], stores: readonly string[]) =>
    new Proxy(target, {
      get(t, prop) {
        // The target as `this`: a getter or method may use the client's private fields.
        const value = Reflect.get(t, prop) as unknown;
        if (typeof value !== 'function') return value;
        const name = String(prop);
        const f = value as (...a: unknown[]) => unknown;
        if (stores.includes(name))
          return (...a: unknown[]) => wrap(f.apply(t, a) as object, spec.storeReads, []);
        if (reads.includes(name)) return f.bind(t);
        return (...a: unknown[]) => {
          sideEffect();
          return f.apply(t, a);
        };
      },
    });
  return wrap(client, spec.reads, spec.stores);
}

/**
 * src/kube/client.ts `KubeClient`'s reads (the runtime imports nothing of hookline's; a test
 * checks these names against the interface). Everything else on it writes.
 */
export const KUBE_CLIENT_LATCH: WriteLatchSpec = {
  reads: [
    'get',
    'list',
    'watch',
    'podLogs',
    'eventsFor',
    'discover',
    'serverVersion',
    'openApiV2',
    'isReachable',
    'unreachableCause',
  ],
  stores: ['secrets', 'configMaps'],
  storeReads: ['get', 'list'],
};
