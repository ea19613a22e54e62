/**
 * Whether a failure may stand for a JavaScript stack overflow, which on the main thread's small
 * stack comes long before Helm's own limits (src/runtime/large-stack.ts). V8 reports an overflow
 * as a RangeError; the template engine turns one into Go's depth errors (gotemplate exec.ts
 * `isStackOverflow`: `exceeded maximum template depth`; parser.ts: `max expression depth
 * exceeded`). Either anywhere in the cause chain counts. Erring towards true only costs a run on
 * the worker, which reports Helm's own result at Helm's depths.
 */
import { TemplateError, TemplateExecError, TemplateParseError } from '../gotemplate/errors.js';
import { GO_MAX_EXEC_DEPTH } from '../gotemplate/exec-state.js';
import { RestartOnLargeStack, restartable } from './side-effects.js';
import { causeOfType } from '../util/errors.js';

/**
 * The engine's depth errors carry no class or code of their own: their `detail` field (the
 * message without its location, a typed field of the error) is compared whole, never searched.
 */
const DEPTH_DETAILS = new Set([
  `exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`,
  'max expression depth exceeded',
]);

/** True when `thrown` or an error in its cause chain is a stack overflow or a depth error. */
export function mayBeStackOverflow(thrown: unknown): boolean {
  for (let e = thrown; e instanceof Error; e = e.cause) {
    if (e instanceof RangeError) return true;
    if (
      (e instanceof TemplateError ||
        e instanceof TemplateExecError ||
        e instanceof TemplateParseError) &&
      DEPTH_DETAILS.has(e.detail)
    )
      return true;
  }
  return false;
}

/**
 * Call first in a `catch` that prints or wraps: rethrows a restart request (itself or one in the
 * cause chain), and turns a possible
 * stack overflow of a main-thread run that has written nothing into one (the run starts again
 * on the large-stack worker).
 */
export function restartOnOverflow(thrown: unknown): void {
  const restart = causeOfType(thrown, RestartOnLargeStack);
  if (restart) throw restart;
  if (restartable() && mayBeStackOverflow(thrown))
    throw new RestartOnLargeStack('stack overflow', { cause: thrown });
}
