/**
 * Pure parts of hook execution: which hooks run for an event and in what order (ORD-5..7),
 * the default delete policy (HK-9), policy matching (HK-8, HK-10, HK-11) and hookline's
 * policy warnings (design decision 9: Helm stays silent). Mirrors helm/helm
 * pkg/action/hooks.go (v3.21.4) `execHook`, `hookByWeight`, `hookHasDeletePolicy`.
 */
import { compareGoStrings } from '../gotemplate/values.js';
import type { Hook, HookEvent } from '../release/hook.js';

export const BEFORE_HOOK_CREATION = 'before-hook-creation';
export const HOOK_SUCCEEDED = 'hook-succeeded';
export const HOOK_FAILED = 'hook-failed';

const DELETE_POLICIES: readonly string[] = [BEFORE_HOOK_CREATION, HOOK_SUCCEEDED, HOOK_FAILED];
const OUTPUT_LOG_POLICIES: readonly string[] = [HOOK_SUCCEEDED, HOOK_FAILED];

/** The kind Helm never deletes by any policy (HK-10). */
export const CRD_KIND = 'CustomResourceDefinition';

/**
 * The hooks of `event` in execution order (ORD-5): selected from `hooks` (already in
 * InstallOrder kind order), then stable-sorted by weight, then name compared byte-wise.
 * Helm appends a hook once per matching entry of its `events`, so an event listed twice
 * runs the hook twice (HK-4 keeps duplicates); this does the same.
 */
export function selectHooks(hooks: readonly Hook[], event: HookEvent): Hook[] {
  const selected: Hook[] = [];
  for (const h of hooks) for (const e of h.events) if (e === event) selected.push(h);
  // Array.prototype.sort is stable, as Go's sort.SliceStable.
  return selected.sort((a, b) => a.weight - b.weight || compareGoStrings(a.name, b.name));
}

/**
 * HK-9: an empty delete-policy list becomes `[before-hook-creation]` on the record itself,
 * so the next save persists it. A list holding only unknown words (or `""`) is left alone.
 */
export function applyDefaultDeletePolicy(h: Hook): void {
  if (h.delete_policies.length === 0) h.delete_policies = [BEFORE_HOOK_CREATION];
}

/** hookHasDeletePolicy: exact match on the stored words (HK-8). */
export function hasDeletePolicy(h: Hook, policy: string): boolean {
  return h.delete_policies.includes(policy);
}

/** Whether a delete policy would act: never for CRDs (HK-10). */
export function deletesBy(h: Hook, policy: string): boolean {
  return h.kind !== CRD_KIND && hasDeletePolicy(h, policy);
}

/** hookHasOutputLogPolicy (HK-11); only Job and Pod hooks have logs (HK-12). */
export function outputsLogsBy(h: Hook, policy: string): boolean {
  return (h.kind === 'Job' || h.kind === 'Pod') && h.output_log_policies.includes(policy);
}

/**
 * hookline's warnings for one hook (Helm accepts all of these silently): unknown delete or
 * output-log policy words (HK-8, HK-11) and a hook that Helm will not delete before its
 * next creation (EX-8: the next run fails with `already exists`). Call after the default.
 */
export function policyWarnings(h: Hook): string[] {
  const where = `hook ${h.kind} ${h.name} (${h.path})`;
  const out: string[] = [];
  for (const p of h.delete_policies) {
    if (!DELETE_POLICIES.includes(p))
      out.push(`${where}: unknown helm.sh/hook-delete-policy ${JSON.stringify(p)} is ignored`);
  }
  for (const p of h.output_log_policies) {
    if (!OUTPUT_LOG_POLICIES.includes(p))
      out.push(`${where}: unknown helm.sh/hook-output-log-policy ${JSON.stringify(p)} is ignored`);
  }
  // hook-succeeded deletes a hook that worked; only one that is never deleted on success
  // blocks the next run every time (a failed one is reported with its failure).
  if (
    h.kind !== CRD_KIND &&
    !hasDeletePolicy(h, BEFORE_HOOK_CREATION) &&
    !hasDeletePolicy(h, 'hook-succeeded')
  ) {
    out.push(
      `${where}: no before-hook-creation delete policy; if the object is left behind the next run fails with "already exists"`,
    );
  }
  return out;
}
