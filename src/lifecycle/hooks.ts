/**
 * Hook execution for one event, exactly as Helm 3 does it (helm/helm pkg/action/hooks.go
 * execHook, v3.21.4; helm-semantics.md section 3.1, EX-1..EX-9), plus hookline's diagnostics
 * (design decision 9) and cancellation (decision 11). Hook records are updated in place, as
 * Helm does: the default delete policy (HK-9) and each `last_run` reach storage through
 * `persist` here (Running, before create) and through the caller's save afterwards (EX-4).
 */
import type { KubeClient, KubeObject, ResourceRef } from '../kube/client.js';
import type { ValidationSchema } from '../kube/schema-validation.js';
import { WaitAbortedError, WaitTimeoutError, waitForHook } from '../kube/wait.js';
import type { GoTime } from '../gotime/time.js';
import type { Hook, HookEvent } from '../release/hook.js';
import { helmTime } from '../release/records.js';
import type { Release } from '../release/types.js';
import type { Clock } from '../gotime/clock.js';
import {
  HookBuildError,
  HookCanceledError,
  HookCreateError,
  HookDeleteError,
  HookFailedError,
  type HookError,
} from './hook-errors.js';
import {
  DeleteAbortedError,
  buildHookObject,
  deleteAndWait,
  hookRef,
  outputHookLogs,
} from './hook-kube.js';
import {
  BEFORE_HOOK_CREATION,
  HOOK_FAILED,
  HOOK_SUCCEEDED,
  applyDefaultDeletePolicy,
  deletesBy,
  outputsLogsBy,
  policyWarnings,
  selectHooks,
} from './hook-order.js';
import {
  collectDiagnostics,
  outcomeOf,
  type Diagnostics,
  type HookOutcome,
} from './hook-outcome.js';
import { asError } from '../util/errors.js';

export * from './hook-errors.js';
export type { ContainerReport, HookOutcome, ObjectEvent } from './hook-outcome.js';

export interface HookLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface HookDeps {
  kube: KubeClient;
  clock: Clock;
  /** Storage update of the release; a rejection is only logged (Helm's recordRelease). */
  persist(release: Release): Promise<void>;
  log: HookLog;
  /**
   * The schema hooks are validated against before they are created (Helm builds every hook
   * with validation on); absent, hooks are built without it.
   */
  validation?: () => Promise<ValidationSchema>;
}

export type HookLogsMode = 'failed' | 'all' | 'none';

export interface RunHooksOptions {
  /** Milliseconds per hook and per deletion wait (EX-1); 0 = no timeout. */
  timeout: number;
  signal: AbortSignal;
  /** Whose pod logs are collected: failed hooks (default), all Job/Pod hooks, or none. */
  hookLogs: HookLogsMode;
  /** Log lines kept per container (default 20). */
  tailLines?: number;
  /** Events kept per hook (default 10). */
  maxEvents?: number;
  /** Deletion-wait poll interval (Helm: 2000 ms). */
  deletePollMs?: number;
}

export interface HookRunResult {
  /** One entry per hook run, in the order they ran. */
  outcomes: HookOutcome[];
  /** Undefined when every hook succeeded and its cleanup worked. */
  error?: HookError;
}

/** How long diagnostics may take after a cancellation (decision 11: done within 5 s). */
const CANCEL_DIAGNOSTICS_MS = 2000;

/** Runs the hooks of `event` for `release` (section 3.1). Never rejects for hook failures. */
export async function runHooks(
  release: Release,
  event: HookEvent,
  deps: HookDeps,
  options: RunHooksOptions,
): Promise<HookRunResult> {
  const runner = new HookRunner(release, event, deps, options);
  const error = await runner.run();
  return error ? { outcomes: runner.outcomes, error } : { outcomes: runner.outcomes };
}

interface Ran {
  hook: Hook;
  ref: ResourceRef;
  outcome: HookOutcome;
}

class HookRunner {
  readonly outcomes: HookOutcome[] = [];
  private readonly ran: Ran[] = [];
  private readonly warned = new Set<Hook>();
  private schema: Promise<ValidationSchema> | undefined;

  constructor(
    private readonly release: Release,
    private readonly event: HookEvent,
    private readonly deps: HookDeps,
    private readonly opts: RunHooksOptions,
  ) {}

  async run(): Promise<HookError | undefined> {
    if (this.opts.signal.aborted) return new HookCanceledError(this.event, undefined);
    const hooks = selectHooks(this.release.hooks, this.event);
    // Read while the first hook's predecessor is deleted (its Build is the first to need it).
    if (hooks.length > 0) this.schema = this.deps.validation?.();
    for (const h of hooks) {
      const err = await this.runOne(h);
      if (err) return err;
    }
    // Step 3: all succeeded; clean up in reverse order, the first error aborts.
    for (const r of [...this.ran].reverse()) {
      await this.outputLogs(r, HOOK_SUCCEEDED);
      const err = await this.deleteByPolicy(r, HOOK_SUCCEEDED);
      if (err) return err;
    }
    return undefined;
  }

  /** Steps 2.1 to 2.9 for one hook; returns the error that ends the event, if any. */
  private async runOne(h: Hook): Promise<HookError | undefined> {
    applyDefaultDeletePolicy(h);
    this.warnOnce(h);
    const before = await this.deleteByPolicy({ hook: h }, BEFORE_HOOK_CREATION);
    if (before) return before;
    let obj: KubeObject;
    try {
      const validation = await this.schema;
      obj = buildHookObject(h, this.release.namespace, validation);
    } catch (err) {
      const error = new HookBuildError(this.event, h, asError(err), { forDeletion: false });
      // Never created (its record keeps no run, as in Helm), but reported as the hook that failed.
      this.outcomes.push({
        ...outcomeOf(h, this.event, this.release.namespace, 0),
        phase: 'Failed',
        reason: error.message,
      });
      return error;
    }
    const started = this.deps.clock.now();
    h.last_run = { started_at: helmTime(started), completed_at: '', phase: 'Running' };
    await this.persist();
    h.last_run.phase = 'Unknown';
    const ref = hookRef(obj);
    let created: KubeObject;
    try {
      created = await this.deps.kube.create(obj);
    } catch (err) {
      const ran = this.finish(h, ref, started, 'Failed');
      const error = new HookCreateError(this.event, h, asError(err));
      ran.outcome.reason = error.message;
      return error;
    }
    const waitErr = await waitForHook(this.deps.kube, ref, {
      timeoutMs: this.opts.timeout,
      signal: this.opts.signal,
      created,
    }).then(
      () => undefined,
      (e: unknown) => asError(e),
    );
    if (waitErr) return this.failed(this.finish(h, ref, started, 'Failed'), waitErr);
    const ran = this.finish(h, ref, started, 'Succeeded');
    if (this.opts.hookLogs === 'all') await this.diagnose(ran, { logs: true });
    return undefined;
  }

  /** Step 2.8: diagnostics, output logs, hook-failed deletion, earlier hooks' cleanup. */
  private async failed(ran: Ran, waitErr: Error): Promise<HookError> {
    const canceled = waitErr instanceof WaitAbortedError;
    ran.outcome.reason = canceled ? 'context canceled' : waitErr.message;
    const logs = this.opts.hookLogs !== 'none';
    if (canceled) {
      // Decision 11: return promptly; no delete policy runs (it would wait for deletion).
      const late = { logs, open: true };
      await Promise.race([this.diagnose(ran, late), delay(CANCEL_DIAGNOSTICS_MS)]);
      late.open = false;
      return new HookCanceledError(this.event, ran.hook);
    }
    await this.diagnose(ran, { logs });
    await this.outputLogs(ran, HOOK_FAILED);
    const own = await this.deleteByPolicy(ran, HOOK_FAILED);
    if (own) this.deps.log.warn(`error deleting the hook resource on hook failure: ${own.message}`);
    for (const earlier of this.ran.slice(0, -1)) {
      const err = await this.deleteByPolicy(earlier, HOOK_SUCCEEDED);
      if (err) return err;
    }
    // EX-7: Helm's text; the culprit stays in the outcome's reason.
    const cause =
      waitErr instanceof WaitTimeoutError
        ? new Error('timed out waiting for the condition', { cause: waitErr })
        : waitErr;
    return new HookFailedError(this.event, ran.hook, cause);
  }

  /** Records completion (step 2.7) and the hook's outcome. */
  private finish(h: Hook, ref: ResourceRef, started: GoTime, phase: 'Failed' | 'Succeeded'): Ran {
    const completed = this.deps.clock.now();
    h.last_run.completed_at = helmTime(completed);
    h.last_run.phase = phase;
    const ms = Number(completed.sub(started) / 1_000_000n);
    const outcome = outcomeOf(h, this.event, ref.namespace ?? this.deps.kube.defaultNamespace, ms);
    const ran = { hook: h, ref, outcome };
    this.outcomes.push(outcome);
    this.ran.push(ran);
    return ran;
  }

  /**
   * deleteHookByPolicy: builds the object again, deletes it and waits until it is gone. CRDs
   * are never deleted (HK-10). `ran.ref`/`outcome` are absent for before-hook-creation.
   */
  private async deleteByPolicy(
    ran: { hook: Hook; ref?: ResourceRef; outcome?: HookOutcome },
    policy: string,
  ): Promise<HookError | undefined> {
    const h = ran.hook;
    if (!deletesBy(h, policy)) return undefined;
    let ref = ran.ref;
    try {
      ref ??= hookRef(buildHookObject(h, this.release.namespace));
    } catch (err) {
      return new HookBuildError(this.event, h, asError(err), { forDeletion: true });
    }
    try {
      await deleteAndWait(this.deps.kube, ref, {
        timeoutMs: this.opts.timeout,
        signal: this.opts.signal,
        pollMs: this.opts.deletePollMs ?? 2000,
      });
    } catch (err) {
      if (err instanceof DeleteAbortedError) return new HookCanceledError(this.event, h);
      return new HookDeleteError(this.event, h, policy, asError(err));
    }
    if (ran.outcome) ran.outcome.deletePolicyApplied = policy;
    return undefined;
  }

  /** outputLogsByPolicy (HK-12/HK-13): errors are only logged. */
  private async outputLogs(ran: Ran, policy: string): Promise<void> {
    if (!outputsLogsBy(ran.hook, policy)) return;
    try {
      await outputHookLogs(this.deps.kube, ran.ref, (text) => this.deps.log.info(text));
    } catch (err) {
      this.deps.log.warn(
        `error outputting logs for hook ${ran.hook.path}: ${asError(err).message}`,
      );
    }
  }

  /** hookline's diagnostics for Job and Pod hooks, before any deletion (decision 9). */
  private async diagnose(ran: Ran, opts: { logs: boolean; open?: boolean }): Promise<void> {
    if (ran.hook.kind !== 'Job' && ran.hook.kind !== 'Pod') return;
    const found: Diagnostics = await collectDiagnostics(
      this.deps.kube,
      ran.ref,
      {
        logs: opts.logs,
        tailLines: this.opts.tailLines ?? 20,
        maxEvents: this.opts.maxEvents ?? 10,
      },
      (m) => this.deps.log.warn(m),
    );
    // A collection that lost its race with the grace delay (after a cancel) no longer touches
    // the outcome: the caller closed it (no clock read; the race decides).
    if (opts.open !== false) Object.assign(ran.outcome, found);
  }

  private async persist(): Promise<void> {
    try {
      await this.deps.persist(this.release);
    } catch (err) {
      this.deps.log.warn(
        `warning: Failed to update release ${this.release.name}: ${asError(err).message}`,
      );
    }
  }

  private warnOnce(h: Hook): void {
    if (this.warned.has(h)) return;
    this.warned.add(h);
    for (const w of policyWarnings(h)) this.deps.log.warn(w);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
