/**
 * Go's fmt package as templates use it (print, printf, println, and %v printing of values).
 * Placeholder signatures: the implementation follows golang/go:src/fmt/print.go and format.go.
 */
import type { GoValue } from './values.js';

/** fmt.Sprint: operands joined, with a space between operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  void args;
  throw new Error('fmt.sprint: not implemented yet');
}

/** fmt.Sprintln: operands joined by spaces, plus a newline. */
export function sprintln(args: readonly GoValue[]): string {
  void args;
  throw new Error('fmt.sprintln: not implemented yet');
}

/** fmt.Sprintf with Go's verbs, flags, width, precision and error forms (`%!d(string=x)`). */
export function sprintf(format: string, args: readonly GoValue[]): string {
  void format;
  void args;
  throw new Error('fmt.sprintf: not implemented yet');
}

/** fmt.Sprint of one value, i.e. `%v` (nil prints `<nil>`). */
export function formatValue(v: GoValue): string {
  return sprint([v]);
}
