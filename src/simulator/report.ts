/**
 * The simulator keeps serving when a controller step fails: API errors from races (404, 409,
 * refused creates) are expected and dropped; anything else is reported on stderr, never thrown
 * out of a timer where it would end the process.
 */
import { ApiError } from './errors.js';

export function guarded(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return;
    process.stderr.write(
      `hookline simulator: ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
}
