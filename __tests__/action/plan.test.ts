/**
 * The dry-run hook plan: the command's events in Helm's order, each event's hooks in ORD-5
 * order (weight, then name), the default delete policy of HK-9 shown when none is set.
 */
import { describe, expect, it } from '@jest/globals';
import { commandEvents, hookPlan, makePlan } from '../../src/action/plan.js';
import type { Hook } from '../../src/release/hook.js';

const hook = (name: string, events: Hook['events'], weight = 0, policies: string[] = []): Hook => ({
  name,
  kind: 'Job',
  path: `c/templates/${name}.yaml`,
  manifest: '',
  events,
  last_run: { started_at: '', completed_at: '', phase: '' },
  weight,
  delete_policies: policies,
  output_log_policies: [],
});

describe('commandEvents', () => {
  it.each([
    ['install', false, ['pre-install', 'post-install']],
    ['upgrade', true, ['pre-install', 'post-install']],
    ['upgrade', false, ['pre-upgrade', 'post-upgrade']],
    ['rollback', false, ['pre-rollback', 'post-rollback']],
    ['uninstall', false, ['pre-delete', 'post-delete']],
    ['test', false, ['test']],
    ['template', false, []],
  ] as const)('%s (installs: %s)', (command, installs, want) => {
    expect(commandEvents(command, installs)).toEqual(want);
  });
});

describe('hookPlan', () => {
  it('orders by event, then weight, then name, with the default delete policy', () => {
    const hooks = [
      hook('b', ['pre-upgrade']),
      hook('a', ['pre-upgrade']),
      hook('z', ['pre-upgrade'], -1, ['hook-succeeded']),
      hook('p', ['post-upgrade', 'pre-install']),
    ];
    expect(hookPlan(hooks, ['pre-upgrade', 'post-upgrade'])).toEqual([
      {
        event: 'pre-upgrade',
        kind: 'Job',
        name: 'z',
        weight: -1,
        deletePolicies: ['hook-succeeded'],
      },
      {
        event: 'pre-upgrade',
        kind: 'Job',
        name: 'a',
        weight: 0,
        deletePolicies: ['before-hook-creation'],
      },
      {
        event: 'pre-upgrade',
        kind: 'Job',
        name: 'b',
        weight: 0,
        deletePolicies: ['before-hook-creation'],
      },
      {
        event: 'post-upgrade',
        kind: 'Job',
        name: 'p',
        weight: 0,
        deletePolicies: ['before-hook-creation'],
      },
    ]);
  });
});

describe('makePlan', () => {
  const manifest = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  it('plans an install when nothing is deployed', () => {
    const plan = makePlan({
      command: 'upgrade',
      manifest,
      hooks: [hook('i', ['pre-install'])],
      noHooks: false,
    });
    expect(plan).toEqual({
      deployedRevision: 0,
      changes: [{ action: 'created', object: 'ConfigMap/c' }],
      hooks: [
        {
          event: 'pre-install',
          kind: 'Job',
          name: 'i',
          weight: 0,
          deletePolicies: ['before-hook-creation'],
        },
      ],
    });
  });

  it('plans nothing to run with no-hooks, and no change for an identical manifest', () => {
    const plan = makePlan({
      command: 'upgrade',
      deployed: { manifest, revision: 2 },
      manifest,
      hooks: [hook('u', ['pre-upgrade'])],
      noHooks: true,
    });
    expect(plan).toEqual({ deployedRevision: 2, changes: [], hooks: [] });
  });

  it('plans every object deleted for uninstall', () => {
    const plan = makePlan({
      command: 'uninstall',
      deployed: { manifest, revision: 1 },
      manifest: '',
      hooks: [],
      noHooks: false,
    });
    expect(plan.changes).toEqual([{ action: 'deleted', object: 'ConfigMap/c' }]);
  });
});
