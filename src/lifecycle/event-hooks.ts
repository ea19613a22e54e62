/**
 * A verb's hooks for one event through its Configuration (helm/helm pkg/action/hooks.go
 * `execHook` as the verbs call it): nothing when `noHooks`, the outcomes appended to the verb's
 * list, and execHook's raw error returned for the verb to wrap as Helm does
 * (`failed pre-install: ...`, `pre-upgrade hooks failed: ...`, or unwrapped, EX-10).
 */
import type { HookEvent } from '../release/hook.js';
import type { Release } from '../release/types.js';
import type { Configuration } from './config.js';
import type { HookError } from './hook-errors.js';
import { runHooks, type HookLogsMode, type HookOutcome } from './hooks.js';
import { validationSchema } from './openapi-validation.js';
import { recordRelease } from './record.js';

export interface EventHookOptions {
  readonly noHooks?: boolean;
  readonly timeout: number;
  readonly signal: AbortSignal;
  readonly hookLogs?: HookLogsMode;
}

export async function runEventHooks(
  cfg: Configuration,
  rel: Release,
  event: HookEvent,
  opts: EventHookOptions,
  outcomes: HookOutcome[],
): Promise<HookError | undefined> {
  if (opts.noHooks) return undefined;
  const result = await runHooks(
    rel,
    event,
    {
      kube: cfg.kube,
      clock: cfg.clock,
      log: cfg.log,
      // Helm's recordRelease, through the one home of record writes (retried, then logged).
      persist: (r) => recordRelease(cfg, r),
      validation: () => validationSchema(cfg),
    },
    { timeout: opts.timeout, signal: opts.signal, hookLogs: opts.hookLogs ?? 'failed' },
  );
  outcomes.push(...result.outcomes);
  return result.error;
}
