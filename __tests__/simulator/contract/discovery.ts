/** Discovery documents as kube-apiserver serves them (staging/src/k8s.io/apiserver/pkg/endpoints/discovery). */
import { expect } from '@jest/globals';
import { it } from './real-differences.js';
import { apiError, uniqueName, waitFor, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
}

const GROUPS = [
  'apps',
  'batch',
  'rbac.authorization.k8s.io',
  'networking.k8s.io',
  'policy',
  'autoscaling',
  'coordination.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'apiextensions.k8s.io',
];

const RESOURCES: Array<[string, string, string, boolean, string | undefined]> = [
  ['/api/v1', 'pods', 'Pod', true, 'po'],
  ['/api/v1', 'namespaces', 'Namespace', false, 'ns'],
  ['/api/v1', 'configmaps', 'ConfigMap', true, 'cm'],
  ['/api/v1', 'services', 'Service', true, 'svc'],
  ['/apis/apps/v1', 'deployments', 'Deployment', true, 'deploy'],
  ['/apis/batch/v1', 'jobs', 'Job', true, undefined],
  ['/apis/rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', false, undefined],
  [
    '/apis/apiextensions.k8s.io/v1',
    'customresourcedefinitions',
    'CustomResourceDefinition',
    false,
    'crd',
  ],
];

export function discoveryCases(ctx: Ctx): void {
  it('serves /version with major, minor and gitVersion', async () => {
    const v = (await ctx.c.raw('/version')).json();
    expect(v.major).toMatch(/^\d+$/);
    expect(String(v.minor)).toMatch(/^\d+/);
    expect(v.gitVersion).toMatch(/^v\d+\.\d+\.\d+/);
  });

  it('serves /api with the v1 core version', async () => {
    const res = await ctx.c.raw('/api');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
  });

  it.each(GROUPS)('lists group %s in /apis with a preferred version', async (group) => {
    const list = (await ctx.c.raw('/apis')).json() as {
      kind: string;
      groups: Array<{ name: string; preferredVersion: { groupVersion: string } }>;
    };
    expect(list.kind).toBe('APIGroupList');
    const g = list.groups.find((x) => x.name === group);
    expect(g?.preferredVersion.groupVersion).toMatch(
      new RegExp(`^${group.replace(/\./g, '\\.')}/v\\d`),
    );
  });

  it.each(RESOURCES)(
    '%s lists %s as kind %s, namespaced=%s, short name %s',
    async (path, name, kind, namespaced, short) => {
      const list = (await ctx.c.raw(path)).json() as { kind: string; resources: ApiResource[] };
      expect(list.kind).toBe('APIResourceList');
      const r = list.resources.find((x) => x.name === name);
      expect(r).toMatchObject({ kind, namespaced });
      expect(r?.verbs).toEqual(
        expect.arrayContaining(['create', 'get', 'list', 'watch', 'patch', 'update', 'delete']),
      );
      if (short) expect(r?.shortNames).toContain(short);
    },
  );

  it('publishes the status and log subresources of pods', async () => {
    const list = (await ctx.c.raw('/api/v1')).json() as { resources: ApiResource[] };
    const names = list.resources.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['pods/status', 'pods/log']));
  });

  it('answers an unknown API group with 404 through the client', async () => {
    const err = await apiError(
      ctx.c.objects.create({
        apiVersion: 'nothing.hookline.dev/v1',
        kind: 'Widget',
        metadata: { name: 'w', namespace: ctx.ns },
      }),
    );
    expect(err.code).toBe(404);
  });

  it('answers an unknown resource in a known group with a 404', async () => {
    const res = await ctx.c.raw(`/api/v1/namespaces/${ctx.ns}/widgets`);
    expect(res.status).toBe(404);
  });

  it('adds a CRD to discovery and serves its objects; deleting the CRD removes both', async () => {
    const group = `${uniqueName('g')}.hookline.dev`;
    const crd: Obj = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `widgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wdg'] },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        ],
      },
    };
    // Raw JSON: the typed client's model would drop x-kubernetes-preserve-unknown-fields.
    const res = await ctx.c.raw('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(crd),
    });
    expect(res.status).toBe(201);
    try {
      const resources = await waitFor('the CRD in discovery', async () => {
        const res = await ctx.c.raw(`/apis/${group}/v1`);
        return res.status === 200
          ? (res.json() as { resources: ApiResource[] }).resources
          : undefined;
      });
      expect(resources.find((r) => r.name === 'widgets')).toMatchObject({
        kind: 'Widget',
        namespaced: true,
        shortNames: ['wdg'],
      });
      const created = await waitFor('a widget', () =>
        ctx.c.objects.create({
          apiVersion: `${group}/v1`,
          kind: 'Widget',
          metadata: { name: 'w1', namespace: ctx.ns },
          size: 3,
        } as Obj),
      );
      expect((created as Obj).size).toBe(3);
    } finally {
      await ctx.c.objects.delete(crd);
    }
    await waitFor(
      'the CRD to leave discovery',
      async () => (await ctx.c.raw(`/apis/${group}/v1`)).status === 404,
    );
  });
}
