/**
 * Go's fmt package as templates use it (print, printf, println, and %v printing of values),
 * following golang/go:src/fmt/print.go and format.go. The pieces: fmt-printf.ts (format
 * strings), fmt-printer.ts (printing each value kind; bools, numbers and strings in
 * fmt-scalars.ts), fmt-format.ts (padding, numbers, strings), fmt-stringers.ts (String() of
 * time.Duration/Month/Weekday).
 */
import { doPrintf } from './fmt-printf.js';
import { Printer } from './fmt-printer.js';
import type { GoValue } from './values.js';

/** fmt.Sprint: operands joined, with a space between operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.write(' ');
    p.fmt.reset();
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.output;
}

/** fmt.Sprintln: operands joined by spaces, plus a newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.write(' ');
    p.fmt.reset();
    p.printArg(arg, 'v');
  });
  p.write('\n');
  return p.output;
}

/** fmt.Sprintf with Go's verbs, flags, width, precision and error forms (`%!d(string=x)`). */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  doPrintf(p, format, args);
  return p.output;
}

/** fmt.Sprint of one value, i.e. `%v` (nil prints `<nil>`). */
export function formatValue(v: GoValue): string {
  return sprint([v]);
}
