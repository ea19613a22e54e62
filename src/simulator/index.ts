/**
 * The simulated cluster: `const sim = await startSimulator({ speed })`, then talk to
 * `sim.kubeconfig` with any Kubernetes client; `await sim.close()` stops everything.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { systemClock, type Clock } from './clock.js';
import { CrdController } from './controllers/crds.js';
import { EventRecorder } from './controllers/events.js';
import { JobController } from './controllers/job.js';
import { Kubelet } from './controllers/kubelet.js';
import { TtlController } from './controllers/ttl.js';
import { VolumeController } from './controllers/volumes.js';
import { DeploymentController } from './controllers/deployment.js';
import { PodSetController } from './controllers/replicas.js';
import { Catalogue, KUBE_VERSION } from './discovery.js';
import type { JsonObject } from './json.js';
import { GarbageCollector } from './gc.js';
import { buildKubeconfig } from './kubeconfig.js';
import { NamespaceController } from './namespaces.js';
import { Registry } from './registry.js';
import { createApiServer } from './server.js';
import { Store } from './store.js';
import { FaultInjector, type FaultOptions } from './faults.js';

export interface SimulatorOptions {
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** TCP port on 127.0.0.1 (default 0: ephemeral). */
  port?: number;
  /** Watch events kept for resuming watches (default 10000). */
  historyLimit?: number;
  /** Real milliseconds between watch bookmarks (default 10000). */
  bookmarkEveryMs?: number;
  clock?: Clock;
  /** Injected API faults (simulator/faults.ts); none by default. */
  faults?: FaultOptions;
  /** A connection with no request in flight is closed after this many ms (default 15000). */
  idleConnectionMs?: number;
  /** What GET /version tells (default v1.32.0). */
  kubeVersion?: { major: string; minor: string; gitVersion: string };
  /** The document GET /openapi/v2 serves (404 without one; the simulator publishes none). */
  openApiV2?: JsonObject;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** A kubeconfig (YAML) whose current context points at the simulator, namespace `default`. */
  readonly kubeconfig: string;
  readonly registry: Registry;
  /** The fault injector (counts of injected faults); undefined without `faults`. */
  readonly faults: FaultInjector | undefined;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const clock = opts.clock ?? systemClock(opts.speed ?? 1);
  const catalogue = new Catalogue();
  const store = new Store(opts.historyLimit ?? 10000);
  const registry = new Registry(store, catalogue, clock);
  const events = new EventRecorder(registry);
  const controllers = [
    new CrdController(registry, catalogue),
    new NamespaceController(registry),
    new GarbageCollector(registry),
    new JobController(registry, events),
    new TtlController(registry),
    new VolumeController(registry),
    new DeploymentController(registry, events),
    new PodSetController(registry, events),
  ];
  const kubelet = new Kubelet(registry, events);
  const faults = opts.faults ? new FaultInjector(opts.faults) : undefined;
  const server = createApiServer({
    registry,
    catalogue,
    kubelet,
    bookmarkEveryMs: opts.bookmarkEveryMs ?? 10000,
    ...(faults ? { faults } : {}),
    ...(opts.idleConnectionMs !== undefined ? { idleConnectionMs: opts.idleConnectionMs } : {}),
    kubeVersion: opts.kubeVersion ?? KUBE_VERSION,
    ...(opts.openApiV2 ? { openApiV2: opts.openApiV2 } : {}),
  });
  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    kubeconfig: buildKubeconfig({ server: url }),
    registry,
    faults,
    async close() {
      for (const c of controllers) c.stop();
      kubelet.stop();
      clock.cancelAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
