/**
 * Run an entry point on a worker thread with a large stack. Go grows goroutine stacks to 1 GB,
 * so Helm reaches its own limits (1,000 nested `include`s, 100,000 nested templates) long before
 * a JavaScript stack of the default ~1 MB overflows; a worker with a bigger stack lets hookline
 * report Helm's errors at Helm's depths.
 *
 * Signals reach only the main thread, so it relays SIGINT/SIGTERM to the worker, where
 * {@link cancellationSignal} turns them into an AbortSignal (design decision 11: a cancelled run
 * still records its outcome). A second signal terminates as usual.
 */
import { BroadcastChannel, Worker, isMainThread } from 'node:worker_threads';

export const STACK_SIZE_MB = 256;

const CANCEL_CHANNEL = 'hookline:cancel';
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * On the main thread: re-run `entry` (the calling module's URL) on a worker with a large stack
 * and resolve to its exit code. On that worker: run `main` and resolve to its result.
 */
export async function withLargeStack(
  entry: string | URL,
  main: () => Promise<number>,
): Promise<number> {
  if (!isMainThread) return main();
  const worker = new Worker(entry, {
    argv: process.argv.slice(2),
    // A small young generation keeps peak memory of large charts low (measured: the largest
    // real chart peaks at ~195 MB instead of ~315 MB) and is no slower: rendering allocates
    // mostly short-lived strings and YAML nodes.
    resourceLimits: { stackSizeMb: STACK_SIZE_MB, maxYoungGenerationSizeMb: 4 },
  });
  const channel = new BroadcastChannel(CANCEL_CHANNEL);
  const relay = () => channel.postMessage('cancel');
  for (const s of SIGNALS) process.once(s, relay);
  try {
    return await new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', resolve);
    });
  } finally {
    for (const s of SIGNALS) process.off(s, relay);
    channel.close();
  }
}

/**
 * An AbortSignal fired by SIGINT or SIGTERM: directly on the main thread, relayed by
 * {@link withLargeStack} on its worker. `dispose` stops listening.
 */
export function cancellationSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (isMainThread) {
    for (const s of SIGNALS) process.once(s, abort);
    return {
      signal: controller.signal,
      dispose: () => SIGNALS.forEach((s) => process.off(s, abort)),
    };
  }
  const channel = new BroadcastChannel(CANCEL_CHANNEL);
  channel.unref();
  channel.onmessage = abort;
  return { signal: controller.signal, dispose: () => channel.close() };
}
