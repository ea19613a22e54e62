/**
 * The data object the summary is rendered from, the built-in layout and a `summary-template`
 * (Handlebars) alike. Fields (all strings from the cluster are raw here; the renderers escape):
 *
 * - `release`, `namespace`, `chart` (`name-version`), `command`, `dryRun` (boolean)
 * - `outcome`: succeeded, failed, timed-out, cancelled, rolled-back, uninstalled, planned, rendered
 * - `status`, `revision` (0: none), `description`: the stored release's at the end of the run
 * - `recovery`: the atomic rollback or uninstall that followed a failure (or null)
 * - `manifestDigest` (`sha256:<hex>` or `''`), `notes` (shown on success only), `error`
 * - `run`: the workflow run (url, id, commit, time) or null; `timeline`: TimelineSpan[]
 * - `template`: the `template` command's manifest file (path, documents, bytes, preview) or null
 * - `allHookLogs`: `hook-logs: all` (every hook's log, collapsed)
 * - `hooks`: HookOutcome[] (src/lifecycle/hook-outcome.ts: event, kind, name, weight, phase,
 *   durationMs, deletePolicyApplied, reason, logTail, containers, events)
 * - `failedHooks`: the hooks with a `reason`
 * - `notReady`: the error's lines naming resources that were not ready (failed wait)
 * - `changes`: ObjectChange[] (action, object, diff)
 * - `plan`: the dry-run plan (src/action/plan.ts) or null
 */
import { WaitAbortedError, WaitTimeoutError } from '../kube/wait.js';
import type { HookOutcome } from '../lifecycle/hook-outcome.js';
import type { ObjectChange } from './changes.js';
import type { Plan } from './plan.js';
import type { TimelineSpan } from './timeline.js';

export type Outcome =
  | 'succeeded'
  | 'failed'
  | 'timed-out'
  | 'cancelled'
  | 'rolled-back'
  | 'uninstalled'
  | 'planned'
  | 'rendered';

/** An atomic recovery after a failure, as the stored releases show it. */
export interface Recovery {
  action: 'rollback' | 'uninstall';
  /** The failure that caused it. */
  reason: string;
  /** The revision that failed (0 when none was stored). */
  failedRevision: number;
  /** Rollback: the revision rolled back to, and the new revision that records it. */
  toRevision?: number;
  revision?: number;
}

export interface RunInfo {
  /** `<server>/<repo>/actions/runs/<id>` ('' outside Actions). */
  url: string;
  runId: string;
  commit: string;
  /** ISO 8601, UTC. */
  time: string;
}

export interface TemplateOutput {
  path: string;
  documents: number;
  bytes: number;
  /** The start of the manifest (all of it when small). */
  preview: string;
  truncated: boolean;
}

export interface SummaryData {
  release: string;
  namespace: string;
  chart: string;
  command: string;
  outcome: Outcome;
  status: string;
  revision: number;
  description: string;
  recovery: Recovery | null;
  dryRun: boolean;
  manifestDigest: string;
  notes: string;
  error: string;
  hooks: HookOutcome[];
  failedHooks: HookOutcome[];
  notReady: string[];
  changes: ObjectChange[];
  plan: Plan | null;
  run: RunInfo | null;
  timeline: TimelineSpan[];
  template: TemplateOutput | null;
  allHookLogs: boolean;
}

/** The resources a failed wait named as not ready (WaitTimeoutError/WaitAbortedError culprits). */
export function notReadyOf(err: unknown): string[] {
  for (let e = err, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    if (e instanceof WaitTimeoutError || e instanceof WaitAbortedError) return [...e.culprits];
  }
  return [];
}
