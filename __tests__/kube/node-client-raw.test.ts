/**
 * Issue 10: every request is raw JSON through one function on client-node's request layer, with
 * our own resource-path discovery (ResourcePaths), so the bundle leaves out client-node's
 * generated models, ObjectSerializer and typed API classes. Checked here against the general
 * path they replaced, client-node's own KubernetesObjectApi.specUriPath and typed CoreV1Api
 * calls (tests still import the whole client): the same paths, the same wire shapes for
 * Secrets, ConfigMaps, events and logs, over the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CoreV1Api, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFoundError, type KubeClient } from '../../src/kube/client.js';
import {
  ResourcePaths,
  discoverServer,
  type ResourceAction,
} from '../../src/kube/node-client-discovery.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { waitForHook } from '../../src/kube/wait.js';
import { buildKubeconfig } from '../../src/simulator/kubeconfig.js';
import { job, startCluster, uniqueName, type TestCluster } from './cluster.js';

const CORE_V1 = {
  resources: [
    { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
    { name: 'pods', kind: 'Pod', namespaced: true },
    { name: 'pods/status', kind: 'Pod', namespaced: true },
  ],
};

function fakeGet(lists: Record<string, unknown>): {
  get: (path: string) => Promise<unknown>;
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    get: (path) => {
      calls.push(path);
      const list = lists[path];
      return list === undefined
        ? Promise.reject(new NotFoundError(`${path} not found`))
        : Promise.resolve(list);
    },
  };
}

describe('ResourcePaths', () => {
  it('builds object and collection paths as KubernetesObjectApi.specUriPath did', async () => {
    const { get } = fakeGet({ '/api/v1': CORE_V1 });
    const paths = new ResourcePaths({ get, defaultNamespace: 'team' });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', name: 'app' };
    expect(await paths.pathOf({ ...cm, namespace: 'ns1' }, 'read')).toBe(
      '/api/v1/namespaces/ns1/configmaps/app',
    );
    expect(await paths.pathOf(cm, 'delete')).toBe('/api/v1/namespaces/team/configmaps/app');
    expect(await paths.pathOf(cm, 'create')).toBe('/api/v1/namespaces/team/configmaps');
    // A list without a namespace spans all namespaces.
    expect(await paths.pathOf({ apiVersion: 'v1', kind: 'ConfigMap' }, 'list')).toBe(
      '/api/v1/configmaps',
    );
    const ns = { apiVersion: 'v1', kind: 'Namespace', name: 'x', namespace: 'ignored' };
    expect(await paths.pathOf(ns, 'patch')).toBe('/api/v1/namespaces/x');
    // The first resource of the kind, not its subresource.
    expect(await paths.pathOf({ apiVersion: 'v1', kind: 'Pod', name: 'p' }, 'read')).toBe(
      '/api/v1/namespaces/team/pods/p',
    );
    await expect(paths.pathOf({ apiVersion: 'v1', kind: 'Pod' }, 'read')).rejects.toThrow(
      'Required spec property name is not set',
    );
  });

  it('asks once per apiVersion, and again when a kind is missing (a CRD established since)', async () => {
    const lists: Record<string, unknown> = {
      '/api/v1': CORE_V1,
      '/apis/example.com/v1': { resources: [] },
    };
    const { get, calls } = fakeGet(lists);
    const paths = new ResourcePaths({ get, defaultNamespace: 'default' });
    await paths.pathOf({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' }, 'read');
    await paths.pathOf({ apiVersion: 'v1', kind: 'Pod', name: 'b' }, 'read');
    expect(calls).toEqual(['/api/v1']);
    const gadget = { apiVersion: 'example.com/v1', kind: 'Gadget', name: 'g' };
    const missing = await paths.pathOf(gadget, 'read').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe(
      'no matches for kind "Gadget" in version "example.com/v1"',
    );
    lists['/apis/example.com/v1'] = {
      resources: [{ name: 'gadgets', kind: 'Gadget', namespaced: false }],
    };
    expect(await paths.pathOf(gadget, 'read')).toBe('/apis/example.com/v1/gadgets/g');
    expect(calls).toEqual(['/api/v1', '/apis/example.com/v1', '/apis/example.com/v1']);
  });

  it('takes the lists a server discovery read: no second GET of them (one discovery per run)', async () => {
    const { get, calls } = fakeGet({
      '/version': { gitVersion: 'v1.20.2', major: '1', minor: '20' },
      '/api': { versions: ['v1'] },
      '/apis': { groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1' }] }] },
      '/api/v1': CORE_V1,
      '/apis/apps/v1': {
        resources: [{ name: 'deployments', kind: 'Deployment', namespaced: true }],
      },
    });
    const paths = new ResourcePaths({ get, defaultNamespace: 'default' });
    const found = await discoverServer(get, {
      onResources: (gv, resources) => paths.remember(gv, resources),
    });
    expect(found.resources.map((r) => r.groupVersion)).toEqual(['v1', 'apps/v1']);
    const discovered = calls.length;
    expect(
      await paths.pathOf({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd' }, 'read'),
    ).toBe('/apis/apps/v1/namespaces/default/deployments/d');
    expect(await paths.pathOf({ apiVersion: 'v1', kind: 'Pod' }, 'list')).toBe('/api/v1/pods');
    expect(calls.length).toBe(discovered);
  });

  it("names the resource in a failed discovery's message, as client-node did", async () => {
    const { get } = fakeGet({});
    const paths = new ResourcePaths({ get, defaultNamespace: 'default' });
    const err = await paths
      .pathOf({ apiVersion: 'nope.io/v1', kind: 'Thing', name: 'x' }, 'read')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe(
      'Failed to fetch resource metadata for nope.io/v1/Thing: /apis/nope.io/v1 not found',
    );
  });
});

describe('raw requests against the general path (client-node typed calls)', () => {
  let c: TestCluster;
  let kc: KubeConfig;
  let typed: CoreV1Api;
  beforeAll(async () => {
    c = await startCluster('kube-raw');
    kc = new KubeConfig();
    kc.loadFromString(c.sim.kubeconfig);
    typed = kc.makeApiClient(CoreV1Api);
  });
  afterAll(async () => {
    await c.sim.close();
  });

  /** The wire shape as node-client.ts built it from a typed model before issue 10. */
  const second = (d: Date | undefined): string | undefined =>
    d?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  function oldMeta(m: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
    uid?: string;
    creationTimestamp?: Date;
  }): Record<string, unknown> {
    const out: Record<string, unknown> = { name: m.name ?? '' };
    for (const k of ['namespace', 'labels', 'annotations', 'resourceVersion', 'uid'] as const)
      if (m[k] !== undefined) out[k] = m[k];
    if (m.creationTimestamp !== undefined) out.creationTimestamp = second(m.creationTimestamp);
    return out;
  }

  it('gives the paths KubernetesObjectApi.specUriPath gives', async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc) as unknown as {
      specUriPath(spec: unknown, action: ResourceAction): Promise<string>;
    };
    const paths = new ResourcePaths({
      defaultNamespace: 'default',
      get: async (path) => (await fetch(`${c.sim.url}${path}`)).json(),
    });
    const refs = [
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: c.namespace },
      { apiVersion: 'v1', kind: 'Secret', name: 'b' },
      { apiVersion: 'v1', kind: 'Namespace', name: 'n' },
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', namespace: 'x' },
      { apiVersion: 'batch/v1', kind: 'Job', name: 'j' },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'r' },
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'c' },
    ];
    for (const ref of refs)
      for (const action of ['create', 'read', 'patch', 'delete', 'list', 'replace'] as const) {
        const spec = {
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: ref.name, namespace: ref.namespace },
        };
        expect(await paths.pathOf(ref, action)).toBe(await objects.specUriPath(spec, action));
      }
  });

  it('Secrets and ConfigMaps: the same wire shapes as the typed calls, data never altered', async () => {
    const secrets = c.client.secrets(c.namespace);
    const name = uniqueName('sec');
    const body = {
      metadata: { name, labels: { owner: 'helm' }, annotations: { a: 'b' } },
      type: 'helm.sh/release.v1',
      data: { release: Buffer.from('payload').toString('base64') },
    };
    const created = await secrets.create(body);
    const viaTyped = await typed.readNamespacedSecret({ name, namespace: c.namespace });
    const expected = {
      metadata: oldMeta(viaTyped.metadata ?? {}),
      type: viaTyped.type,
      data: viaTyped.data,
    };
    expect(created).toEqual(expected);
    expect(await secrets.get(name)).toEqual(expected);
    expect(created.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const listed = await secrets.list('owner=helm');
    expect(listed).toEqual([expected]);
    const updated = await secrets.update({ ...created, data: { release: 'eA==' } });
    expect(updated.data).toEqual({ release: 'eA==' });

    const maps = c.client.configMaps(c.namespace);
    await maps.create({ metadata: { name, labels: { owner: 'helm' } }, data: { k: 'v' } });
    const typedMap = await typed.readNamespacedConfigMap({ name, namespace: c.namespace });
    expect(await maps.get(name)).toEqual({
      metadata: oldMeta(typedMap.metadata ?? {}),
      data: typedMap.data,
    });
    await maps.delete(name);
    await expect(maps.get(name)).rejects.toBeInstanceOf(NotFoundError);
    await secrets.delete(name);
    await expect(secrets.delete(name)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('logs and events: the same text and events as the typed calls', async () => {
    const name = uniqueName('logs');
    await c.client.create(job(c.namespace, name, 'echo one; echo two'));
    await waitForHook(
      c.client,
      { apiVersion: 'batch/v1', kind: 'Job', name, namespace: c.namespace },
      { timeoutMs: 10_000 },
    );
    const pods = await c.client.list({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: c.namespace,
      labelSelector: `job-name=${name}`,
    });
    const pod = pods.items[0]?.metadata.name ?? '';
    for (const opts of [{}, { container: 'main', tailLines: 1 }]) {
      const viaTyped = await typed.readNamespacedPodLog({
        name: pod,
        namespace: c.namespace,
        ...opts,
      });
      expect(await c.client.podLogs(c.namespace, pod, opts)).toBe(viaTyped);
    }
    const ref = { apiVersion: 'batch/v1', kind: 'Job', name, namespace: c.namespace };
    const events = await c.client.eventsFor(ref);
    const typedEvents = await typed.listNamespacedEvent({
      namespace: c.namespace,
      fieldSelector: `involvedObject.name=${name},involvedObject.kind=Job`,
    });
    expect(events.length).toBe(typedEvents.items.length);
    expect(events.length).toBeGreaterThan(0);
    for (const e of typedEvents.items) {
      expect(events).toContainEqual(
        expect.objectContaining({
          reason: e.reason ?? '',
          message: e.message ?? '',
          count: e.count ?? 1,
          lastTimestamp: second(e.lastTimestamp ?? e.firstTimestamp),
        }),
      );
    }
  });
});

describe('the request layer: headers as client-node sends them', () => {
  it("sends client-node's User-Agent and each call's Accept header; a pod log stays text", async () => {
    const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      if (req.url?.includes('/log')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('{"not":"json"}\nline two\n');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.url === '/api/v1')
        res.end(JSON.stringify({ resources: [{ name: 'pods', kind: 'Pod', namespaced: true }] }));
      else res.end('{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p"}}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    let kube: KubeClient | undefined;
    try {
      const { port } = server.address() as AddressInfo;
      kube = createNodeClient({
        kubeconfig: buildKubeconfig({ server: `http://127.0.0.1:${port}` }),
      });
      expect(await kube.podLogs('ns', 'p', { tailLines: 5 })).toBe('{"not":"json"}\nline two\n');
      await kube.get({ apiVersion: 'v1', kind: 'Pod', name: 'p', namespace: 'ns' });
      expect(seen.map((s) => s.url)).toEqual([
        '/api/v1/namespaces/ns/pods/p/log?tailLines=5',
        '/api/v1',
        '/api/v1/namespaces/ns/pods/p',
      ]);
      for (const s of seen)
        expect(s.headers['user-agent']).toMatch(/^kubernetes-client-javascript\/\d/);
      expect(seen.map((s) => s.headers.accept)).toEqual([
        'application/json, */*;q=0.8',
        'application/json, */*;q=0.8',
        'application/json',
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
