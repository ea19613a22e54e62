/**
 * Pure parts of hook execution: selection and order (helm/helm pkg/action/hooks.go v3.21.4
 * execHook + hookByWeight; ORD-5..ORD-7), the default delete policy (HK-9), policy matching
 * (HK-8, HK-10, HK-11) and hookline's warnings (design decision 9).
 */
import { describe, expect, it } from '@jest/globals';
import {
  applyDefaultDeletePolicy,
  deletesBy,
  outputsLogsBy,
  policyWarnings,
  selectHooks,
} from '../../src/lifecycle/hook-order.js';
import { hook } from './hooks-fixtures.js';

const names = (hs: Array<{ name: string }>): string[] => hs.map((h) => h.name);

describe('selectHooks (ORD-5..ORD-7)', () => {
  it('ORD-7: {b: w0, a: w0, c: w-1} run c, a, b', () => {
    const hooks = [
      hook({ kind: 'Job', name: 'b' }),
      hook({ kind: 'Job', name: 'a' }),
      hook({ kind: 'Job', name: 'c', weight: -1 }),
    ];
    expect(names(selectHooks(hooks, 'pre-install'))).toEqual(['c', 'a', 'b']);
  });

  it('ORD-7: Job `job` runs before ServiceAccount `zz-sa` at equal weight (name, not kind)', () => {
    // release.hooks is in InstallOrder: ServiceAccount before Job.
    const hooks = [
      hook({ kind: 'ServiceAccount', name: 'zz-sa' }),
      hook({ kind: 'Job', name: 'job' }),
    ];
    expect(names(selectHooks(hooks, 'pre-install'))).toEqual(['job', 'zz-sa']);
  });

  it('ORD-5: names compare byte-wise (upper case before lower case, `a-b` before `a.b`)', () => {
    const hooks = ['b', 'a.b', 'B', 'a-b'].map((n) => hook({ kind: 'ConfigMap', name: n }));
    expect(names(selectHooks(hooks, 'pre-install'))).toEqual(['B', 'a-b', 'a.b', 'b']);
  });

  it('ORD-5: identical weight and name keep the stored (kind, path) order: the sort is stable', () => {
    const hooks = [
      hook({ kind: 'ServiceAccount', name: 'x', path: 'c/templates/z.yaml' }),
      hook({ kind: 'Job', name: 'x', path: 'c/templates/a.yaml' }),
    ];
    expect(selectHooks(hooks, 'pre-install').map((h) => h.kind)).toEqual(['ServiceAccount', 'Job']);
  });

  it('selects only the event, weight ascending across negative numbers', () => {
    const hooks = [
      hook({ kind: 'Job', name: 'up', events: ['pre-upgrade'] }),
      hook({ kind: 'Job', name: 'w5', weight: 5, events: ['pre-install', 'pre-upgrade'] }),
      hook({ kind: 'Job', name: 'w-10', weight: -10 }),
    ];
    expect(names(selectHooks(hooks, 'pre-install'))).toEqual(['w-10', 'w5']);
    expect(names(selectHooks(hooks, 'pre-upgrade'))).toEqual(['up', 'w5']);
    expect(selectHooks(hooks, 'test')).toEqual([]);
  });

  it('HK-4: an event listed twice runs the hook twice (Helm appends once per entry)', () => {
    const twice = hook({ kind: 'Job', name: 'j', events: ['pre-install', 'pre-install'] });
    expect(names(selectHooks([twice], 'pre-install'))).toEqual(['j', 'j']);
  });
});

describe('applyDefaultDeletePolicy (HK-9)', () => {
  it.each([
    { given: [], expected: ['before-hook-creation'] },
    { given: ['hook-succeeded'], expected: ['hook-succeeded'] },
    // An unknown word or an empty item disables the default: never deleted.
    { given: ['never'], expected: ['never'] },
    { given: [''], expected: [''] },
  ])('$given → $expected', ({ given, expected }) => {
    const h = hook({ kind: 'Job', name: 'j', deletePolicies: given });
    applyDefaultDeletePolicy(h);
    expect(h.delete_policies).toEqual(expected);
  });
});

describe('policy matching (HK-8, HK-10, HK-11)', () => {
  it.each([
    { kind: 'Job', policies: ['hook-succeeded'], policy: 'hook-succeeded', deletes: true },
    { kind: 'Job', policies: ['Hook-Succeeded'], policy: 'hook-succeeded', deletes: false },
    { kind: 'Job', policies: ['hook-failed'], policy: 'hook-succeeded', deletes: false },
    {
      kind: 'CustomResourceDefinition',
      policies: ['hook-succeeded'],
      policy: 'hook-succeeded',
      deletes: false,
    },
    {
      kind: 'CustomResourceDefinition',
      policies: ['before-hook-creation'],
      policy: 'before-hook-creation',
      deletes: false,
    },
  ])('$kind $policies by $policy: $deletes', ({ kind, policies, policy, deletes }) => {
    expect(deletesBy(hook({ kind, name: 'x', deletePolicies: policies }), policy)).toBe(deletes);
  });

  it.each([
    { kind: 'Job', logs: true },
    { kind: 'Pod', logs: true },
    { kind: 'Deployment', logs: false },
    { kind: 'ConfigMap', logs: false },
  ])('output-log policy only for Job and Pod: $kind → $logs', ({ kind, logs }) => {
    const h = hook({ kind, name: 'x', outputLogPolicies: ['hook-failed'] });
    expect(outputsLogsBy(h, 'hook-failed')).toBe(logs);
    expect(outputsLogsBy(h, 'hook-succeeded')).toBe(false);
  });
});

describe('policyWarnings (design decision 9)', () => {
  it('names unknown delete and output-log policy words', () => {
    const h = hook({
      kind: 'Job',
      name: 'j',
      deletePolicies: ['before-hook-creation', 'never'],
      outputLogPolicies: ['on-failure'],
    });
    const w = policyWarnings(h);
    expect(w).toHaveLength(2);
    expect(w[0]).toContain('unknown helm.sh/hook-delete-policy "never"');
    expect(w[1]).toContain('unknown helm.sh/hook-output-log-policy "on-failure"');
  });

  it('warns when before-hook-creation is missing (EX-8), except for CRDs (HK-10)', () => {
    const job = hook({ kind: 'Job', name: 'j', deletePolicies: ['hook-failed'] });
    expect(policyWarnings(job)).toEqual([expect.stringContaining('no before-hook-creation')]);
    const crd = hook({
      kind: 'CustomResourceDefinition',
      name: 'c',
      deletePolicies: ['hook-succeeded'],
    });
    expect(policyWarnings(crd)).toEqual([]);
  });

  it('is silent for hook-succeeded, which deletes every hook that worked (issue 8 item 10)', () => {
    expect(
      policyWarnings(hook({ kind: 'Job', name: 'j', deletePolicies: ['hook-succeeded'] })),
    ).toEqual([]);
  });

  it('is silent for the default policy', () => {
    const h = hook({ kind: 'Job', name: 'j' });
    applyDefaultDeletePolicy(h);
    expect(policyWarnings(h)).toEqual([]);
  });
});
