/**
 * The data object the summary is rendered from, the built-in layout and a `summary-template`
 * (Handlebars) alike. Fields (all strings from the cluster are raw here; the renderers escape):
 *
 * - `release`, `namespace`, `chart` (`name-version`), `command`, `status`, `revision` (number),
 *   `dryRun` (boolean), `manifestDigest` (`sha256:<hex>` or `''`), `notes`, `error` (`''` on success)
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

export interface SummaryData {
  release: string;
  namespace: string;
  chart: string;
  command: string;
  status: string;
  revision: number;
  dryRun: boolean;
  manifestDigest: string;
  notes: string;
  error: string;
  hooks: HookOutcome[];
  failedHooks: HookOutcome[];
  notReady: string[];
  changes: ObjectChange[];
  plan: Plan | null;
}

/** The resources a failed wait named as not ready (WaitTimeoutError/WaitAbortedError culprits). */
export function notReadyOf(err: unknown): string[] {
  for (let e = err, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    if (e instanceof WaitTimeoutError || e instanceof WaitAbortedError) return [...e.culprits];
  }
  return [];
}
