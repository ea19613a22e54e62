/**
 * Run an entry point on a worker thread with a large stack. Go grows goroutine stacks to 1 GB,
 * so Helm reaches its own limits (1,000 nested `include`s, 100,000 nested templates) long before
 * a JavaScript stack of the default ~1 MB overflows; a worker with a bigger stack lets hookline
 * report Helm's errors at Helm's depths. (`node --stack-size` is no substitute: a GitHub Action
 * cannot pass Node flags, and a main-thread stack beyond the OS thread's ~8 MB segfaults.)
 *
 * The entry module stays tiny (this file and Node built-ins only): the main thread evaluates it,
 * spawns the worker on the same file, and waits; the worker evaluates it again and then
 * `import()`s the real program, so the bundle proper is evaluated once, on the worker.
 *
 * Signals reach only the main thread. It relays SIGINT/SIGTERM to the worker through the
 * worker's message port (messages are queued until the worker reads them) and a shared flag
 * (readable at once). This module listens on the worker as soon as it is evaluated, before any
 * other code of the worker runs, so no signal can fall into a gap (issue 9): the process-wide
 * {@link cancellationSignal} is already aborted when a command asks for it after a signal.
 * A second signal terminates as usual.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export const STACK_SIZE_MB = 256;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const CANCEL_MESSAGE = 'hookline:cancel';

interface LargeStackData {
  readonly hooklineCancel?: SharedArrayBuffer;
}

/** The process-wide cancellation of this thread, created when this module is evaluated. */
const controller = new AbortController();
const cancelFlag = ((): Int32Array | undefined => {
  if (isMainThread) return undefined;
  const shared = (workerData as LargeStackData | null)?.hooklineCancel;
  return shared instanceof SharedArrayBuffer ? new Int32Array(shared) : undefined;
})();

if (!isMainThread && cancelFlag && parentPort) {
  // First instruction of the worker: hear the main thread's relay from now on.
  if (Atomics.load(cancelFlag, 0) !== 0) controller.abort();
  parentPort.on('message', (m: unknown) => {
    if (m === CANCEL_MESSAGE) controller.abort();
  });
  // Listening must not keep the worker alive once its work is done.
  parentPort.unref();
}

/**
 * On the main thread: re-run `entry` (the calling module's URL) on a worker with a large stack
 * and resolve to its exit code. On that worker: run `main` and resolve to its result.
 */
export async function withLargeStack(
  entry: string | URL,
  main: () => Promise<number>,
): Promise<number> {
  if (!isMainThread) return main();
  const shared = new SharedArrayBuffer(4);
  const flag = new Int32Array(shared);
  const data: LargeStackData = { hooklineCancel: shared };
  // The relay is installed before the worker exists: a signal from now on is never lost.
  let worker: Worker | undefined;
  const relay = () => {
    Atomics.store(flag, 0, 1);
    worker?.postMessage(CANCEL_MESSAGE);
  };
  for (const s of SIGNALS) process.once(s, relay);
  try {
    worker = new Worker(entry, {
      argv: process.argv.slice(2),
      workerData: data,
      // A small young generation keeps peak memory of large charts low (measured: the largest
      // real chart peaks at ~195 MB instead of ~315 MB) and is no slower: rendering allocates
      // mostly short-lived strings and YAML nodes.
      resourceLimits: { stackSizeMb: STACK_SIZE_MB, maxYoungGenerationSizeMb: 4 },
    });
    const w = worker;
    return await new Promise<number>((resolve, reject) => {
      w.once('error', reject);
      w.once('exit', resolve);
    });
  } finally {
    for (const s of SIGNALS) process.off(s, relay);
  }
}

/**
 * Whether stack traces should be source-mapped: HOOKLINE_TRACE (the CLI then prints them),
 * NODE_OPTIONS with --enable-source-maps, or a GitHub debug run (RUNNER_DEBUG / ACTIONS_STEP_DEBUG).
 */
export function traced(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    env.HOOKLINE_TRACE ||
    env.RUNNER_DEBUG === '1' ||
    env.ACTIONS_STEP_DEBUG === 'true' ||
    env.NODE_OPTIONS?.includes('--enable-source-maps'),
  );
}

/** True when this thread is a worker started by {@link withLargeStack}. */
export const onLargeStackWorker = (): boolean => cancelFlag !== undefined;

/**
 * An AbortSignal fired by SIGINT or SIGTERM: relayed by {@link withLargeStack} on its worker
 * (already aborted if the signal came before the call), else from the process's own signals
 * from the first call on. `dispose` stops listening (the worker's relay is process-wide and
 * stays).
 */
export function cancellationSignal(): { signal: AbortSignal; dispose(): void } {
  if (cancelFlag) return { signal: controller.signal, dispose: () => undefined };
  const local = new AbortController();
  const abort = () => local.abort();
  for (const s of SIGNALS) process.once(s, abort);
  return {
    signal: local.signal,
    dispose: () => SIGNALS.forEach((s) => process.off(s, abort)),
  };
}
