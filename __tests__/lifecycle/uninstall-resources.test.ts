/**
 * Splitting a stored manifest for uninstall: UninstallOrder, filterManifestsToKeep (HK-15,
 * HK-16) and the cascade flag (helm/helm pkg/action/uninstall.go deleteRelease,
 * parseCascadingFlag, resource_policy.go; v3.21.4).
 */
import { describe, expect, it } from '@jest/globals';
import { planUninstall, propagationOf } from '../../src/lifecycle/uninstall-resources.js';

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
