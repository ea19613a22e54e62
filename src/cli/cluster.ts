/**
 * Connecting a CLI command to a cluster: a kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else
 * ~/.kube/config) and context, or `--simulate` (the built-in simulated cluster, in process, for
 * the command's lifetime); release storage in the release namespace (ST-2); an AbortSignal
 * fired by SIGINT/SIGTERM so a cancelled run still records its outcome (design decision 11).
 */
import type { KubeClient } from '../kube/client.js';
import { createNodeClient } from '../kube/node-client.js';
import { cacheHome, diskOpenApiCache } from '../kube/openapi-cache.js';
import { onceEach } from '../kube/warning-header.js';
import { withRetries } from '../kube/retry.js';
import { secretsApi } from '../kube/secrets-api.js';
import type { Configuration } from '../lifecycle/config.js';
import { startSimulator, type Simulator } from '../simulator/index.js';
import { SecretsDriver } from '../storage/secrets.js';
import { Storage } from '../storage/storage.js';
import { systemClock } from '../gotime/clock.js';
import { cancellationSignal } from '../runtime/large-stack.js';
import { KUBE_CLIENT_LATCH, latchWrites } from '../runtime/side-effects.js';
import type { FlagSpec, ParsedArgs } from './args.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';
import { readKubeconfig } from './kubeconfig-file.js';
import { PAUSE_ENV, pausePoint, pausingClient } from './pause.js';
import { MILLISECOND, parseDuration } from '../gotime/duration.js';

/** Flags every cluster command takes (Helm's global flags). */
export const CLUSTER_FLAGS: FlagSpec[] = [
  { name: 'kubeconfig', kind: 'string' },
  { name: 'kube-context', kind: 'string' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'simulate', kind: 'bool' },
  { name: 'simulate-speed', kind: 'string' },
  { name: 'debug', kind: 'bool' },
];

export interface Cluster {
  readonly cfg: Configuration;
  readonly kube: KubeClient;
  readonly namespace: string;
  /** Fired by SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
  close(): Promise<void>;
}

function kubeconfigText(args: ParsedArgs, io: CliIo): { text: string; path: string } {
  const { path, text } = readKubeconfig(args, io);
  if (text === undefined) {
    throw new UsageError(
      `Kubernetes cluster unreachable: no kubeconfig at ${path} (use --kubeconfig, KUBECONFIG, or --simulate)`,
    );
  }
  return { text, path };
}

/** The command's `--timeout` when it takes one (it bounds every call's retries). */
function retryBudget(args: ParsedArgs): number | undefined {
  const raw = args.strings.get('timeout');
  if (raw === undefined) return undefined;
  try {
    return Number(parseDuration(raw) / MILLISECOND);
  } catch {
    return undefined; // reported by the command's own parsing of the flag
  }
}

/** Connect for one command; `close()` stops the simulator and the signal handlers. */
export async function connect(args: ParsedArgs, io: CliIo): Promise<Cluster> {
  let sim: Simulator | undefined;
  let kubeconfig: string;
  let path: string | undefined;
  if (args.bools.get('simulate')) {
    const speed = Number(args.strings.get('simulate-speed') ?? '20');
    sim = await startSimulator({ speed: Number.isFinite(speed) && speed > 0 ? speed : 20 });
    kubeconfig = sim.kubeconfig;
  } else {
    ({ text: kubeconfig, path } = kubeconfigText(args, io));
  }
  const context = args.strings.get('kube-context');
  const cache = cacheHome((name) => io.env(name));
  let raw: KubeClient;
  try {
    raw = createNodeClient({
      kubeconfig,
      ...(context ? { context } : {}),
      ...(path !== undefined ? { source: { path } } : {}),
      ...(cache ? { openApiCache: diskOpenApiCache(cache) } : {}),
      onWarning: onceEach((text) => io.stderr(`Warning: ${text}\n`)),
    });
  } catch (err) {
    await sim?.close();
    throw err;
  }
  const budgetMs = retryBudget(args);
  const retrying = withRetries(raw, {
    ...(budgetMs !== undefined ? { budgetMs } : {}),
    log: (m) => {
      if (args.bools.get('debug')) io.log(`${m}\n`);
    },
  });
  const cancel = cancellationSignal();
  const pause = { at: io.env(PAUSE_ENV), signal: cancel.signal, log: (t: string) => io.stderr(t) };
  // Every Kubernetes write closes the side-effect latch first (src/runtime/side-effects.ts).
  const kube = latchWrites(pausingClient(retrying, pause), KUBE_CLIENT_LATCH);
  const namespace = args.strings.get('namespace') || kube.defaultNamespace || 'default';
  await pausePoint(pause, 'connected');
  if (cancel.signal.aborted) {
    // Cancelled before anything was written: stop without writing (issue 9).
    cancel.dispose();
    await sim?.close();
    throw new Error('context canceled');
  }
  // Helm's cfg.Log and the storage log are debug output (`--debug`); warnings always show.
  const debug = args.bools.get('debug') ?? false;
  const info = (m: string) => {
    if (debug) io.log(`${m}\n`);
  };
  const log = { info, warn: (m: string) => io.log(`warning: ${m}\n`) };
  const storage = new Storage(new SecretsDriver(secretsApi(kube, namespace)), { log: info });
  return {
    cfg: { kube, storage, clock: systemClock, log },
    kube,
    namespace,
    signal: cancel.signal,
    async close() {
      cancel.dispose();
      await sim?.close();
    },
  };
}
