/**
 * Splitting a stored manifest for uninstall: UninstallOrder, filterManifestsToKeep (HK-15,
 * HK-16) and the cascade flag (helm/helm pkg/action/uninstall.go deleteRelease,
 * parseCascadingFlag, resource_policy.go; v3.21.4).
 */
import { describe, expect, it } from '@jest/globals';
import { NotFoundError, type KubeClient, type ResourceRef } from '../../src/kube/client.js';
import {
  planUninstall,
  propagationOf,
  waitForDeleted,
} from '../../src/lifecycle/uninstall-resources.js';

const doc = (kind: string, name: string, policy?: string): string =>
  [
    '---',
    `# Source: c/templates/${name}.yaml`,
    `apiVersion: ${kind === 'Deployment' ? 'apps/v1' : 'v1'}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    ...(policy === undefined
      ? []
      : ['  annotations:', `    helm.sh/resource-policy: ${JSON.stringify(policy)}`]),
    '',
  ].join('\n');

describe('planUninstall', () => {
  it('orders by UninstallOrder and splits kept documents', () => {
    const manifest =
      doc('ConfigMap', 'cm') +
      doc('Deployment', 'dep') +
      doc('Service', 'svc') +
      doc('Secret', 'kept', 'KEEP') +
      doc('ConfigMap', 'odd', 'delete');
    const plan = planUninstall(manifest, 'ns');
    expect(
      plan.toDelete.map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.namespace}`),
    ).toEqual(['Service/svc/ns', 'Deployment/dep/ns', 'ConfigMap/cm/ns']);
    expect(plan.kept).toBe('[Secret] kept\n');
  });

  it('reports a corrupted record', () => {
    expect(() => planUninstall('---\nkind: [', 'ns')).toThrow(
      /^corrupted release record\. You must manually delete the resources: /,
    );
  });
});

describe('parseCascadingFlag', () => {
  it.each([
    ['background', 'Background'],
    ['orphan', 'Orphan'],
    ['foreground', 'Foreground'],
    [undefined, 'Background'],
    ['sideways', 'Background'],
  ])('%s → %s', (flag, policy) => {
    expect(propagationOf(flag)).toBe(policy);
  });
});

describe('waitForDeleted (uninstall --wait)', () => {
  it('tells the step log what is still present while it waits (issue 8: progress lines)', async () => {
    const heard: string[][] = [];
    // The object goes away only once a progress line named it: no timing involved.
    const kube = {
      get: async (ref: ResourceRef) => {
        if (heard.length > 0) throw new NotFoundError(`${ref.kind} ${ref.name} not found`);
        return { apiVersion: 'v1', kind: ref.kind, metadata: { name: ref.name } };
      },
      waitProgress: (pending: readonly string[]) => heard.push([...pending]),
    } as unknown as KubeClient;
    const ref: ResourceRef = { apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', namespace: 'ns' };
    await waitForDeleted(kube, [ref], {
      timeoutMs: 60_000,
      signal: new AbortController().signal,
      pollMs: 1,
      progressEveryMs: 0,
    });
    expect(heard).toEqual([['ConfigMap cm: still present']]);
  });
});
