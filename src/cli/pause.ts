/**
 * `HOOKLINE_PAUSE_AT` (testing only): makes a cluster command stop at a named point and wait for
 * SIGINT/SIGTERM, so tests can signal at exact moments instead of racing a timer (issue 9).
 * Points: `connected` (after connecting, before any request) and `request:N` (before the
 * command's Nth Kubernetes API call, counting from 1; release storage goes through the same
 * client). At the point it prints `hookline: paused at <point>` to stderr, waits until the
 * cancellation signal fires, then carries on exactly as without the pause.
 */
import type { CoreObjects, KubeClient } from '../kube/client.js';
import { sideEffect } from '../runtime/side-effects.js';

export const PAUSE_ENV = 'HOOKLINE_PAUSE_AT';

export interface PauseOptions {
  /** The value of HOOKLINE_PAUSE_AT, if any. */
  readonly at: string | undefined;
  readonly signal: AbortSignal;
  /** Where the `paused at` line goes (stderr). */
  log(text: string): void;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    // Keeps the process alive while paused; cleared by the signal.
    const keepAlive = setInterval(() => undefined, 60_000);
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(keepAlive);
        resolve();
      },
      { once: true },
    );
  });
}

/** Pause at `name` when it is the configured point. */
export async function pausePoint(opts: PauseOptions, name: string): Promise<void> {
  if (opts.at !== name) return;
  sideEffect(); // the line must reach the test at once (held output is released)
  opts.log(`hookline: paused at ${name}\n`);
  await untilAborted(opts.signal);
}

const CLIENT_CALLS = [
  'create',
  'get',
  'apply',
  'delete',
  'list',
  'watch',
  'podLogs',
  'eventsFor',
  'ensureNamespace',
  'isReachable',
] as const;
const STORE_CALLS = ['create', 'get', 'update', 'delete', 'list'] as const;

/** `kube` with a pause before its Nth call when HOOKLINE_PAUSE_AT is `request:N`. */
export function pausingClient(kube: KubeClient, opts: PauseOptions): KubeClient {
  const match = /^request:(\d+)$/.exec(opts.at ?? '');
  if (!match) return kube;
  const target = Number(match[1]);
  let count = 0;
  const before = async (): Promise<void> => {
    count += 1;
    if (count === target) await pausePoint(opts, opts.at!);
  };
  const wrap = <F extends (...a: never[]) => Promise<unknown>>(f: F): F =>
    (async (...a: never[]) => {
      await before();
      return f(...a);
    }) as F;
  const store = <T>(s: CoreObjects<T>): CoreObjects<T> => {
    const out = { ...s };
    for (const m of STORE_CALLS) Object.assign(out, { [m]: wrap(s[m].bind(s)) });
    return out;
  };
  const client: KubeClient = Object.create(kube) as KubeClient;
  for (const m of CLIENT_CALLS) Object.assign(client, { [m]: wrap(kube[m].bind(kube)) });
  Object.assign(client, {
    secrets: (ns: string) => store(kube.secrets(ns)),
    configMaps: (ns: string) => store(kube.configMaps(ns)),
  });
  return client;
}
