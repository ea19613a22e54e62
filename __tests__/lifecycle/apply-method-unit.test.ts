/**
 * The pure parts of design decision 8: Helm 4's getUpgradeServerSideValue with hookline's
 * pre-1.22 rule, the flag combinations Helm 4's Update refuses, and GetVersionSet over a
 * discovery result (helm-semantics `.Capabilities`: group/version/Kind entries, defaults when
 * discovery is empty, partial failures).
 */
import { describe, expect, it } from '@jest/globals';
import type { ServerDiscovery } from '../../src/kube/client.js';
import {
  ApplyMethodError,
  applyMode,
  chooseApplyMethod,
  parseServerSide,
} from '../../src/lifecycle/apply-method.js';
import {
  capabilitiesOf,
  groupDiscoveryMessage,
  serverSideApplyGA,
  versionSetOf,
} from '../../src/lifecycle/cluster-capabilities.js';
import { DEFAULT_API_VERSIONS } from '../../src/values/api-versions.js';

function discovery(minor: string, extra: Partial<ServerDiscovery> = {}): ServerDiscovery {
  return {
    version: { gitVersion: `v1.${minor.replace('+', '')}.3`, major: '1', minor },
    groupVersions: ['v1', 'apps/v1'],
    resources: [
      { groupVersion: 'v1', kinds: ['Pod', 'Pod', 'Service'] },
      { groupVersion: 'apps/v1', kinds: ['Deployment', 'Scale', 'Deployment'] },
    ],
    failed: [],
    ...extra,
  };
}

describe('chooseApplyMethod (Helm 4 getUpgradeServerSideValue; decision 8)', () => {
  const ga = discovery('22');
  const old = discovery('20');
  it.each([
    ['auto', null, ga, 'ssa'],
    ['auto', 'ssa', ga, 'ssa'],
    ['auto', 'csa', ga, 'csa'],
    ['auto', '', ga, 'csa'],
    ['auto', null, old, 'csa'],
    ['auto', 'ssa', old, 'csa'],
    ['true', 'csa', old, 'ssa'],
    ['false', 'ssa', ga, 'csa'],
  ] as const)('%s with previous %p on %s', (option, previous, d, want) => {
    expect(chooseApplyMethod(option, previous, d)).toBe(want);
  });

  it('reads minor versions with a provider suffix (21+ is before GA, 22+ is GA)', () => {
    expect(serverSideApplyGA(discovery('21+'))).toBe(false);
    expect(serverSideApplyGA(discovery('22+'))).toBe(true);
  });

  it('parses --server-side and refuses other values with Helm 4 text', () => {
    expect(parseServerSide(undefined)).toBe('auto');
    expect(parseServerSide(true)).toBe('true');
    expect(parseServerSide('false')).toBe('false');
    expect(() => parseServerSide('on')).toThrow(
      new ApplyMethodError('invalid/unknown release server-side apply method: on'),
    );
  });

  it('refuses the combinations Helm 4 Update refuses', () => {
    expect(applyMode('ssa', { forceConflicts: true })).toEqual({
      serverSide: true,
      forceConflicts: true,
      forceReplace: false,
    });
    expect(applyMode('csa', { force: true }).forceReplace).toBe(true);
    expect(() => applyMode('csa', { forceConflicts: true })).toThrow(ApplyMethodError);
    expect(() => applyMode('ssa', { force: true })).toThrow(
      'invalid operation: cannot use server-side apply and force replace together',
    );
  });
});

describe('GetVersionSet and getCapabilities over discovery', () => {
  it('lists group/versions, then each group/version/Kind once', () => {
    expect(versionSetOf(discovery('20'))).toEqual([
      'v1',
      'apps/v1',
      'v1/Pod',
      'v1/Service',
      'apps/v1/Deployment',
      'apps/v1/Scale',
    ]);
  });

  it('falls back to the default list when discovery returned nothing', () => {
    const empty = discovery('20', { groupVersions: [], resources: [] });
    expect(versionSetOf(empty)).toEqual(DEFAULT_API_VERSIONS);
  });

  it('keeps a failed group/version (from the group list) without its kinds', () => {
    const partial = discovery('20', {
      groupVersions: ['v1', 'apps/v1', 'metrics.k8s.io/v1beta1'],
      failed: [{ groupVersion: 'metrics.k8s.io/v1beta1', message: 'service unavailable' }],
    });
    expect(versionSetOf(partial)).toContain('metrics.k8s.io/v1beta1');
    expect(groupDiscoveryMessage(partial.failed)).toBe(
      'unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: service unavailable',
    );
  });

  it('takes KubeVersion from /version as sent', () => {
    const caps = capabilitiesOf(discovery('21+'));
    expect(caps.kubeVersion.version).toBe('v1.21.3');
    expect(caps.kubeVersion.minor).toBe('21+');
    expect(caps.has('apps/v1/Deployment')).toBe(true);
  });
});
