/**
 * A cluster connection from the action's kubeconfig input: the client, release storage in the
 * release namespace (ST-2) and the Configuration the verbs take (same building blocks as
 * src/cli/cluster.ts, without its flags and signal handlers).
 */
import type { KubeClient } from '../kube/client.js';
import { createNodeClient } from '../kube/node-client.js';
import { diskOpenApiCache } from '../kube/openapi-cache.js';
import { onceEach } from '../kube/warning-header.js';
import { withRetries } from '../kube/retry.js';
import { secretsApi } from '../kube/secrets-api.js';
import type { Configuration } from '../lifecycle/config.js';
import { SecretsDriver } from '../storage/secrets.js';
import { Storage } from '../storage/storage.js';
import type { Clock } from '../gotime/clock.js';
import type { Logger } from './logger.js';
import { recordWrites, type WrittenObjects } from './written.js';
import { KUBE_CLIENT_LATCH, latchWrites } from '../runtime/side-effects.js';

export interface ActionCluster {
  cfg: Configuration;
  kube: KubeClient;
  namespace: string;
  /** The writes the API server accepted during the run (src/action/written.ts). */
  written: WrittenObjects;
}

export interface ClusterOptions {
  kubeconfig: string;
  context: string;
  /** Empty: the context's namespace, else `default`. */
  namespace: string;
  clock: Clock;
  log: Logger;
  /** The command's timeout: it bounds every call's retries (kube/retry.ts). */
  timeoutMs?: number;
  /** Where servers' OpenAPI documents are kept between runs (kube/openapi-cache.ts). */
  cacheDir?: string;
}

export function connectCluster(opts: ClusterOptions): ActionCluster {
  const recorded = recordWrites(
    withRetries(
      createNodeClient({
        kubeconfig: opts.kubeconfig,
        ...(opts.context ? { context: opts.context } : {}),
        source: { description: 'the action input "kubeconfig"' },
        ...(opts.cacheDir ? { openApiCache: diskOpenApiCache(opts.cacheDir) } : {}),
        onWarning: onceEach((text) => opts.log.warning(`The API server warns: ${text}`)),
      }),
      {
        ...(opts.timeoutMs !== undefined ? { budgetMs: opts.timeoutMs } : {}),
        log: (m) => opts.log.debug(m),
      },
    ),
    (pending) => opts.log.info(`still waiting for ${pending.join('; ')}`),
  );
  // Every Kubernetes write closes the side-effect latch first (src/runtime/side-effects.ts).
  const kube = latchWrites(recorded.kube, KUBE_CLIENT_LATCH);
  const namespace = opts.namespace || kube.defaultNamespace || 'default';
  // The annotation already reads "Warning": Helm's own `warning: ` prefix is not repeated.
  const log = {
    info: (m: string) => opts.log.debug(m),
    warn: (m: string) => opts.log.warning(m.replace(/^warning: /i, '')),
  };
  const storage = new Storage(new SecretsDriver(secretsApi(kube, namespace)), { log: log.info });
  return {
    cfg: { kube, storage, clock: opts.clock, log },
    kube,
    namespace,
    written: recorded.written,
  };
}
