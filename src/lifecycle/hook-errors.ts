/**
 * Typed errors of hook execution. Messages are the texts helm/helm pkg/action/hooks.go
 * (v3.21.4) returns from execHook; wrapping them for the command (`failed pre-install: ...`,
 * EX-10) is the caller's job.
 */
import type { Hook, HookEvent } from '../release/hook.js';

/** Base of every hook error: the event and the hook it concerns (if any). */
export class HookError extends Error {
  constructor(
    message: string,
    readonly event: HookEvent,
    readonly hook: Hook | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The hook ran and did not succeed (EX-6/EX-7): Helm returns the watch error itself, e.g.
 * `job x failed: BackoffLimitExceeded` or `timed out waiting for the condition`.
 */
export class HookFailedError extends HookError {
  constructor(event: HookEvent, hook: Hook, cause: Error) {
    super(cause.message, event, hook, { cause });
  }
}

/**
 * The caller's AbortSignal fired (design decision 11): `context canceled`, as Go's context
 * error reads. `hook` is the hook that was running, if any.
 */
export class HookCanceledError extends HookError {
  constructor(event: HookEvent, hook: Hook | undefined) {
    super('context canceled', event, hook);
  }
}

/** Create failed (step 6): `warning: Hook <event> <path> failed: <k8s error>`. */
export class HookCreateError extends HookError {
  constructor(event: HookEvent, hook: Hook, cause: Error) {
    super(`warning: Hook ${event} ${hook.path} failed: ${cause.message}`, event, hook, { cause });
  }
}

/**
 * The manifest could not be turned into an object (step 3):
 * `unable to build kubernetes object for <event> hook <path>: <err>`, or, when building for
 * a deletion, `unable to build kubernetes object for deleting hook <path>: <err>`.
 */
export class HookBuildError extends HookError {
  constructor(event: HookEvent, hook: Hook, cause: Error, opts: { forDeletion: boolean }) {
    const what = opts.forDeletion ? 'deleting hook' : `${event} hook`;
    super(
      `unable to build kubernetes object for ${what} ${hook.path}: ${cause.message}`,
      event,
      hook,
      {
        cause,
      },
    );
  }
}

/**
 * A delete policy's deletion or its wait failed (deleteHookByPolicy): Helm returns the
 * error's own text. `policy` is the policy that was being applied.
 */
export class HookDeleteError extends HookError {
  constructor(
    event: HookEvent,
    hook: Hook,
    readonly policy: string,
    cause: Error,
  ) {
    super(cause.message, event, hook, { cause });
  }
}
