/**
 * Go's Printf format-string interpreter (golang/go:src/fmt/print.go doPrintf): flags, width and
 * precision (incl. `*`), explicit argument indexes `%[n]d`, and the error forms
 * `%!(NOVERB)`, `%!d(MISSING)`, `%!d(BADINDEX)`, `%!(BADWIDTH)`, `%!(BADPREC)`, `%!(EXTRA …)`.
 */
import type { Printer } from './fmt-printer.js';
import type { GoValue } from './values.js';
import { GoInt, typeName } from './values.js';

const MAX_NUM = 1e6;
const tooLarge = (x: number): boolean => x > MAX_NUM || x < -MAX_NUM;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** parsenum: digits at s[start:end]; `isnum` false when there are none (or too many). */
function parseNum(
  s: string,
  start: number,
  end: number,
): { num: number; isnum: boolean; next: number } {
  if (start >= end) return { num: 0, isnum: false, next: end };
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && isDigit(s[i]); i++) {
    if (tooLarge(num)) return { num: 0, isnum: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return { num, isnum, next: i };
}

/** intFromArg: a width or precision operand must be a Go integer that fits in int. */
function intFromArg(
  a: readonly GoValue[],
  argNum: number,
): { num: number; isInt: boolean; next: number } {
  if (argNum >= a.length) return { num: 0, isInt: false, next: argNum };
  const v = a[argNum];
  let num = 0;
  let isInt = false;
  if (v instanceof GoInt && (!v.isUnsigned() || v.value <= BigInt.asUintN(63, -1n))) {
    if (v.value >= -(2n ** 53n) && v.value <= 2n ** 53n) num = Number(v.value);
    else num = v.value > 0n ? Infinity : -Infinity;
    isInt = true;
  }
  if (tooLarge(num)) return { num: 0, isInt: false, next: argNum + 1 };
  return { num, isInt, next: argNum + 1 };
}

interface PrintfState {
  argNum: number;
  i: number;
  afterIndex: boolean;
  reordered: boolean;
  goodArgNum: boolean;
}

/** argNumber: an optional `[n]` at st.i selects the next operand. */
function argNumber(st: PrintfState, format: string, numArgs: number): void {
  if (format[st.i] !== '[') {
    st.afterIndex = false;
    return;
  }
  st.reordered = true;
  const close = format.indexOf(']', st.i + 1);
  let ok = false;
  let index = 0;
  let wid = 1;
  if (format.length - st.i >= 3 && close >= 0) {
    wid = close - st.i + 1;
    const { num, isnum, next } = parseNum(format, st.i + 1, close);
    if (isnum && next === close) {
      ok = true;
      index = num - 1;
    }
  }
  st.i += wid;
  if (ok && index >= 0 && index < numArgs) {
    st.argNum = index;
    st.afterIndex = true;
    return;
  }
  st.goodArgNum = false;
  st.afterIndex = ok;
}

/** Flags, then the fast path for `%v`-style simple verbs; false when the spec is complex. */
function parseFlags(p: Printer, format: string, st: PrintfState): void {
  const f = p.fmt.f;
  for (; st.i < format.length; st.i++) {
    switch (format[st.i]) {
      case '#':
        f.sharp = true;
        break;
      case '0':
        f.zero = true;
        break;
      case '+':
        f.plus = true;
        break;
      case '-':
        f.minus = true;
        break;
      case ' ':
        f.space = true;
        break;
      default:
        return;
    }
  }
}

function parseWidthAndPrecision(
  p: Printer,
  format: string,
  st: PrintfState,
  a: readonly GoValue[],
): void {
  const fm = p.fmt;
  const end = format.length;
  argNumber(st, format, a.length);
  if (format[st.i] === '*') {
    st.i++;
    const r = intFromArg(a, st.argNum);
    fm.wid = r.num;
    fm.f.widPresent = r.isInt;
    st.argNum = r.next;
    if (!r.isInt) p.write('%!(BADWIDTH)');
    if (fm.wid < 0) {
      fm.wid = -fm.wid;
      fm.f.minus = true;
      fm.f.zero = false;
    }
    st.afterIndex = false;
  } else {
    const r = parseNum(format, st.i, end);
    fm.wid = r.num;
    fm.f.widPresent = r.isnum;
    st.i = r.next;
    if (st.afterIndex && fm.f.widPresent) st.goodArgNum = false;
  }
  if (st.i + 1 < end && format[st.i] === '.') {
    st.i++;
    if (st.afterIndex) st.goodArgNum = false;
    argNumber(st, format, a.length);
    if (format[st.i] === '*') {
      st.i++;
      const r = intFromArg(a, st.argNum);
      fm.prec = r.num;
      fm.f.precPresent = r.isInt;
      st.argNum = r.next;
      if (fm.prec < 0) {
        fm.prec = 0;
        fm.f.precPresent = false;
      }
      if (!fm.f.precPresent) p.write('%!(BADPREC)');
      st.afterIndex = false;
    } else {
      const r = parseNum(format, st.i, end);
      fm.prec = r.num;
      fm.f.precPresent = true;
      if (!r.isnum) fm.prec = 0;
      st.i = r.next;
    }
  }
  if (!st.afterIndex) argNumber(st, format, a.length);
}

function printVerb(p: Printer, verb: string, st: PrintfState, a: readonly GoValue[]): void {
  const f = p.fmt.f;
  if (verb === '%') {
    p.write('%');
  } else if (!st.goodArgNum) {
    p.write('%!' + verb + '(BADINDEX)');
  } else if (st.argNum >= a.length) {
    p.write('%!' + verb + '(MISSING)');
  } else {
    if (verb === 'v') {
      f.sharpV = f.sharp;
      f.sharp = false;
      f.plusV = f.plus;
      f.plus = false;
    }
    p.printArg(a[st.argNum] ?? null, verb);
    st.argNum++;
  }
}

/** doPrintf. */
export function doPrintf(p: Printer, format: string, a: readonly GoValue[]): void {
  const end = format.length;
  const st: PrintfState = {
    argNum: 0,
    i: 0,
    afterIndex: false,
    reordered: false,
    goodArgNum: true,
  };
  while (st.i < end) {
    st.goodArgNum = true;
    const lasti = st.i;
    while (st.i < end && format[st.i] !== '%') st.i++;
    if (st.i > lasti) p.write(format.slice(lasti, st.i));
    if (st.i >= end) break;
    st.i++;
    p.fmt.reset();
    parseFlags(p, format, st);
    const c = format[st.i];
    if (c !== undefined && c >= 'a' && c <= 'z' && st.argNum < a.length) {
      // Fast path: flags then a simple lower-case verb.
      st.i++;
      printVerb(p, c, st, a);
      continue;
    }
    parseWidthAndPrecision(p, format, st, a);
    if (st.i >= end) {
      p.write('%!(NOVERB)');
      break;
    }
    const cp = format.codePointAt(st.i) ?? 0;
    const verb = String.fromCodePoint(cp);
    st.i += verb.length;
    printVerb(p, verb, st, a);
  }
  if (!st.reordered && st.argNum < a.length) {
    p.fmt.reset();
    p.write('%!(EXTRA ');
    a.slice(st.argNum).forEach((arg, i) => {
      if (i > 0) p.write(', ');
      if (arg === null) {
        p.write('<nil>');
      } else {
        p.write(typeName(arg) + '=');
        p.printArg(arg, 'v');
      }
    });
    p.write(')');
  }
}
