/**
 * Run an entry point on a worker thread with a large stack when the main thread's is too small.
 * Go grows goroutine stacks to 1 GB, so Helm reaches its own limits (1,000 nested `include`s,
 * 100,000 nested templates) long before a JavaScript stack of the default ~1 MB overflows; a
 * worker with a bigger stack lets hookline report Helm's errors at Helm's depths. (`node
 * --stack-size` is no substitute: a GitHub Action cannot pass Node flags, and a main-thread
 * stack beyond the OS thread's ~8 MB segfaults.)
 *
 * A worker costs ~50 ms and ~10 MB before the program even loads (issue 10), and almost no
 * chart needs it, so the commands that render run on the main thread first ({@link runProgram}
 * with `mainThread`); one that overflows there before it has written anything (the latch of
 * src/runtime/side-effects.ts) runs again, from the start, on the worker. The other commands
 * (and every run of an entry that asks for it) go to the worker at once, as before.
 *
 * The entry module stays tiny (this file, side-effects.ts and Node built-ins only): the main
 * thread evaluates it and either imports the program itself or spawns the worker on the same
 * file; the worker evaluates it again and then `import()`s the program.
 *
 * A shared state word decides what the first SIGINT or SIGTERM does (issue 9: no signal falls
 * into a gap), the same on the main thread and on the worker:
 * - while no command has asked for {@link cancellationSignal} (nothing can have been written:
 *   `template`, `--help`, start-up), the process exits with 128 + the signal's number, as an
 *   unhandled signal would (on the worker's side: the main thread stops the worker first);
 * - once a command has asked (cluster commands do before their first request), the signal
 *   cancels it (on the worker: relayed through the worker's message port, which this module
 *   listens on from the worker's first instruction), and it ends as cancelled (decision 11).
 * The claim and the stop are one compare-and-swap each, so a command that asks at the same
 * moment gets an already aborted signal and writes nothing. A second signal terminates as usual.
 */
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { RestartOnLargeStack, endProbe, startProbe } from './side-effects.js';
import { tolerateClosedPipe } from './closed-pipe.js';

export { traced } from './startup.js';

export const STACK_SIZE_MB = 256;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const CANCEL_MESSAGE = 'hookline:cancel';

const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGINT: 2, SIGTERM: 15 };

/** The shared state word: who handles a signal. */
const enum State {
  /** No command listens yet: a signal stops the worker. */
  Idle = 0,
  /** A command listens: a signal is relayed to it. */
  Claimed = 1,
  /** A signal came while idle: the worker is being stopped. */
  Stopped = 2,
}

interface LargeStackData {
  readonly hooklineCancel?: SharedArrayBuffer;
}

/**
 * Set in the environment of the workers this module starts (a worker's process.env is its own
 * copy), so that a thread without it knows it is not one of them without loading
 * node:worker_threads (~2 ms of every start-up; issue 10). The worker takes it out of its
 * environment at once: the processes it spawns do not inherit it. A worker thread this module
 * did not start runs as a main thread does.
 */
const WORKER_MARK = 'HOOKLINE_LARGE_STACK_WORKER';

const threads = (): typeof WorkerThreads => process.getBuiltinModule('node:worker_threads');

/** This thread's side of the large-stack worker, or undefined on the main thread. */
const onWorkerThread = ((): typeof WorkerThreads | undefined => {
  if (process.env[WORKER_MARK] === undefined) return undefined;
  const t = threads();
  if (t.isMainThread) return undefined;
  delete process.env[WORKER_MARK];
  return t;
})();
const isMainThread = onWorkerThread === undefined;

/** The process-wide cancellation of this thread, created when this module is evaluated. */
const controller = new AbortController();
const shared = ((): Int32Array | undefined => {
  const buffer = (onWorkerThread?.workerData as LargeStackData | null)?.hooklineCancel;
  return buffer instanceof SharedArrayBuffer ? new Int32Array(buffer) : undefined;
})();

const parentPort = onWorkerThread?.parentPort;
if (shared && parentPort) {
  // First instruction of the worker: hear the main thread's relay from now on.
  parentPort.on('message', (m: unknown) => {
    if (m === CANCEL_MESSAGE) controller.abort();
  });
  // Listening must not keep the worker alive once its work is done.
  parentPort.unref();
}

/** A main-thread run's signal state (see {@link runProgram}); undefined when none is active. */
let mainRun: { readonly state: Int32Array; readonly controller: AbortController } | undefined;

/**
 * The entry points' runner. On the large-stack worker: run `main`. On the main thread, with
 * `mainThread` false: run `entry` (the calling module's URL) on the worker and resolve to its
 * exit code (as before issue 10). With `mainThread` true: run `main` here, with the signal
 * semantics above (before a claim a signal exits with 128 + its number; after, it cancels; a
 * second one terminates) and the side-effect latch of src/runtime/side-effects.ts; when the run
 * throws {@link RestartOnLargeStack} (it overflowed the stack, or is about to make writes the
 * latch cannot see, before writing anything), run `entry` on the worker from the start, handing
 * it the signal state: a command that had claimed the signals stays claimed (a signal that came
 * meanwhile cancels the worker's run at once).
 */
export async function runProgram(
  entry: string | URL,
  opts: { readonly mainThread: boolean },
  main: () => Promise<number>,
): Promise<number> {
  if (!isMainThread) return main();
  const buffer = new SharedArrayBuffer(4);
  if (!opts.mainThread) return onWorker(entry, buffer, []);
  const state = new Int32Array(buffer);
  const controller = new AbortController();
  const received: (typeof SIGNALS)[number][] = [];
  const relay = (signal: (typeof SIGNALS)[number]) => {
    received.push(signal);
    if (Atomics.compareExchange(state, 0, State.Idle, State.Stopped) === State.Idle) {
      // Nothing claimed the signals, so nothing was written: stop as the signal would.
      endProbe(true);
      process.exit(128 + SIGNAL_NUMBERS[signal]);
    }
    controller.abort();
  };
  for (const s of SIGNALS) process.once(s, relay);
  mainRun = { state, controller };
  startProbe();
  try {
    const code = await main();
    endProbe(true);
    return code;
  } catch (err) {
    if (!(err instanceof RestartOnLargeStack)) {
      endProbe(true);
      throw err;
    }
    // Nothing was written: drop the held output; the worker's run prints it again.
    endProbe(false);
  } finally {
    mainRun = undefined;
    for (const s of SIGNALS) process.off(s, relay);
  }
  if (controller.signal.aborted) Atomics.store(state, 0, State.Stopped);
  return onWorker(entry, buffer, received);
}

/** Run `entry` on a large-stack worker sharing the signal state `buffer`; its exit code. */
async function onWorker(
  entry: string | URL,
  buffer: SharedArrayBuffer,
  received: readonly (typeof SIGNALS)[number][],
): Promise<number> {
  const state = new Int32Array(buffer);
  const data: LargeStackData = { hooklineCancel: buffer };
  let worker: Worker | undefined;
  let stoppedBy: (typeof SIGNALS)[number] | undefined;
  // Installed before the worker exists (and the worker is created synchronously after), so a
  // signal from now on is never lost. A signal already received on the main thread is not
  // listened to again: its second arrival terminates, as a second signal does.
  const relay = (signal: (typeof SIGNALS)[number]) => {
    if (Atomics.compareExchange(state, 0, State.Idle, State.Stopped) === State.Idle) {
      stoppedBy = signal;
      void worker?.terminate();
    } else worker?.postMessage(CANCEL_MESSAGE);
  };
  const listened = SIGNALS.filter((s) => !received.includes(s));
  for (const s of listened) process.once(s, relay);
  // The worker's output reaches the process's streams here, on the main thread.
  tolerateClosedPipe(process.stdout);
  tolerateClosedPipe(process.stderr);
  try {
    worker = new (threads().Worker)(entry, {
      argv: process.argv.slice(2),
      env: { ...process.env, [WORKER_MARK]: '1' },
      workerData: data,
      // A small young generation keeps peak memory of large charts low (measured: the largest
      // real chart peaks at ~195 MB instead of ~315 MB) and is no slower: rendering allocates
      // mostly short-lived strings and YAML nodes.
      resourceLimits: { stackSizeMb: STACK_SIZE_MB, maxYoungGenerationSizeMb: 4 },
    });
    const w = worker;
    const code = await new Promise<number>((resolve, reject) => {
      w.once('error', reject);
      w.once('exit', resolve);
    });
    return stoppedBy ? 128 + SIGNAL_NUMBERS[stoppedBy] : code;
  } finally {
    for (const s of listened) process.off(s, relay);
  }
}

/** True when this thread is a worker started by {@link withLargeStack}. */
export const onLargeStackWorker = (): boolean => shared !== undefined;

/**
 * An AbortSignal fired by SIGINT or SIGTERM: relayed by {@link withLargeStack} on its worker
 * from the first call on (the call claims the signals: before it, a signal stops the worker;
 * a call racing a signal gets an already aborted signal), else from the process's own signals.
 * `dispose` stops listening (the worker's relay is process-wide and stays).
 */
export function cancellationSignal(): { signal: AbortSignal; dispose(): void } {
  if (shared) {
    if (Atomics.compareExchange(shared, 0, State.Idle, State.Claimed) === State.Stopped)
      controller.abort();
    return { signal: controller.signal, dispose: () => undefined };
  }
  if (mainRun) {
    const run = mainRun;
    // Single-threaded here: a signal before this call has already exited the process.
    Atomics.compareExchange(run.state, 0, State.Idle, State.Claimed);
    return { signal: run.controller.signal, dispose: () => undefined };
  }
  const local = new AbortController();
  const abort = () => local.abort();
  for (const s of SIGNALS) process.once(s, abort);
  return {
    signal: local.signal,
    dispose: () => SIGNALS.forEach((s) => process.off(s, abort)),
  };
}

/** Run `main` on the large-stack worker always (the conformance runners): see {@link runProgram}. */
export function withLargeStack(entry: string | URL, main: () => Promise<number>): Promise<number> {
  return runProgram(entry, { mainThread: false }, main);
}
