/**
 * The dry-run plan (docs/design.md section 1, `dry-run`): the per-object changes between the
 * deployed release's manifest and the rendered one, and the hooks the command's events would
 * run, in execution order (ORD-5) with weights and delete policies (HK-9 default). Pure.
 */
import { BEFORE_HOOK_CREATION, selectHooks } from '../lifecycle/hook-order.js';
import type { Hook, HookEvent } from '../release/hook.js';
import { manifestChanges, type ObjectChange } from './changes.js';
import type { Command } from './input-names.js';

export interface PlannedHook {
  event: HookEvent;
  kind: string;
  name: string;
  weight: number;
  deletePolicies: string[];
}

export interface Plan {
  /** The revision the plan compares against; 0 when nothing is deployed. */
  deployedRevision: number;
  changes: ObjectChange[];
  hooks: PlannedHook[];
}

/** The hook events a command runs (an upgrade of a missing release installs). */
export function commandEvents(command: Command, installs: boolean): HookEvent[] {
  if (command === 'install' || (command === 'upgrade' && installs))
    return ['pre-install', 'post-install'];
  if (command === 'upgrade') return ['pre-upgrade', 'post-upgrade'];
  if (command === 'rollback') return ['pre-rollback', 'post-rollback'];
  if (command === 'uninstall') return ['pre-delete', 'post-delete'];
  if (command === 'test') return ['test'];
  return [];
}

export function hookPlan(hooks: readonly Hook[], events: readonly HookEvent[]): PlannedHook[] {
  return events.flatMap((event) =>
    selectHooks(hooks, event).map((h) => ({
      event,
      kind: h.kind,
      name: h.name,
      weight: h.weight,
      deletePolicies: h.delete_policies.length ? [...h.delete_policies] : [BEFORE_HOOK_CREATION],
    })),
  );
}

export interface PlanInput {
  command: Command;
  /** The deployed manifest and revision, when a release is deployed. */
  deployed?: { manifest: string; revision: number };
  /** The manifest the command would apply (`''` for uninstall). */
  manifest: string;
  hooks: readonly Hook[];
  noHooks: boolean;
}

export function makePlan(input: PlanInput): Plan {
  const installs = input.deployed === undefined;
  return {
    deployedRevision: input.deployed?.revision ?? 0,
    changes: manifestChanges(input.deployed?.manifest ?? '', input.manifest),
    hooks: input.noHooks ? [] : hookPlan(input.hooks, commandEvents(input.command, installs)),
  };
}
