/**
 * What a `catch` receives is `unknown`: JavaScript may throw anything. These two helpers are the
 * one place hookline turns it into an Error or into the text Go's `err.Error()` would print.
 */

/** The thrown value as an Error: itself when it is one, else an Error carrying its text. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/**
 * Go's `errors.As`: the first error of class `type` in `thrown`'s cause chain (itself, its
 * `cause`, that one's `cause`, ...), or undefined.
 */
export function causeOfType<T extends Error>(
  thrown: unknown,
  type: abstract new (...args: never[]) => T,
): T | undefined {
  for (let e = thrown; e instanceof Error; e = e.cause) if (e instanceof type) return e;
  return undefined;
}

/** The thrown value's message (`err.Error()`): an Error's message, anything else as a string. */
export function errorText(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
