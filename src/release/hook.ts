/**
 * Hook records as Helm 3 stores them (helm/helm pkg/release/hook.go). Field names follow the
 * release JSON (docs/helm-semantics.md section 5.3) so a record round-trips unchanged.
 */

/** The hook events Helm 3 knows (HK-2). */
export const HOOK_EVENTS = [
  'pre-install',
  'post-install',
  'pre-delete',
  'post-delete',
  'pre-upgrade',
  'post-upgrade',
  'pre-rollback',
  'post-rollback',
  'test',
] as const;

export type HookEvent = (typeof HOOK_EVENTS)[number];

/** Delete policies are stored as written (HK-8): unknown values are kept and never match. */
export type HookDeletePolicy = 'before-hook-creation' | 'hook-succeeded' | 'hook-failed' | string;

/** Output-log policies (HK-11), stored as written. */
export type HookOutputLogPolicy = 'hook-succeeded' | 'hook-failed' | string;

export type HookPhase = '' | 'Unknown' | 'Running' | 'Succeeded' | 'Failed';

/** The outcome of a hook's last run (`last_run`, ST-11). Empty strings mean "zero time". */
export interface HookExecution {
  started_at: string;
  completed_at: string;
  phase: HookPhase;
}

export interface Hook {
  name: string;
  kind: string;
  /** Template path, e.g. `mychart/templates/job.yaml`. */
  path: string;
  /** The single YAML document, trimmed, without a `# Source:` line. */
  manifest: string;
  events: HookEvent[];
  last_run: HookExecution;
  /** Omitted from JSON when 0 (HK-7). */
  weight: number;
  delete_policies: HookDeletePolicy[];
  output_log_policies: HookOutputLogPolicy[];
}

export const HOOK_ANNOTATION = 'helm.sh/hook';
export const HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';
export const HOOK_DELETE_ANNOTATION = 'helm.sh/hook-delete-policy';
export const HOOK_OUTPUT_LOG_ANNOTATION = 'helm.sh/hook-output-log-policy';

/** Parse an event name as Helm does (HK-2): trimmed, lower-cased; `test-success` is `test`. */
export function parseHookEvent(raw: string): HookEvent | undefined {
  const name = raw.trim().toLowerCase();
  if (name === 'test-success') return 'test';
  return (HOOK_EVENTS as readonly string[]).includes(name) ? (name as HookEvent) : undefined;
}

/** A hook that runs on `helm test` (template's `--skip-tests` drops these). */
export function isTestHook(h: Hook): boolean {
  return h.events.includes('test');
}
