/**
 * sprig's math (Masterminds/sprig v3.2.3 functions.go and numeric.go). Integer math converts every
 * operand with cast.ToInt64 and wraps like Go's int64; division by zero panics with Go's runtime
 * message. The float forms addf/subf/mulf/divf/add1f go through shopspring/decimal v1.2.0:
 * operands become exact decimals of their shortest float64 text (NewFromFloat), Div rounds to 16
 * decimal places half away from zero, and the result is the nearest float64.
 */
import type { GoFuncValue, GoValue } from '../gotemplate/values.js';
import { FuncError, fn } from '../gotemplate/functions.js';
import { GoInt, INT_SLICE, tagType } from '../gotemplate/values.js';
import { toFloat64, toInt64 } from './conversion.js';
import { runtimeError } from './unicode.js';

const wrap64 = (v: bigint): GoInt => new GoInt(BigInt.asIntN(64, v), 'int64');

function divide(a: GoValue, b: GoValue, op: 'div' | 'mod'): GoInt {
  const x = toInt64(a);
  const y = toInt64(b);
  if (y === 0n) throw runtimeError('integer divide by zero');
  return wrap64(op === 'div' ? x / y : x % y);
}

/** An exact decimal: coef × 10^exp. */
interface Decimal {
  coef: bigint;
  exp: number;
}

/** decimal.NewFromFloat: the shortest decimal that reads back as the same float64. */
function fromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) {
    const text = Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
    throw new FuncError(`Cannot create a Decimal from ${text}`);
  }
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f)) as RegExpExecArray;
  const frac = m[3] ?? '';
  const coef = BigInt((m[1] as string) + (m[2] as string) + frac);
  return { coef, exp: Number(m[4] ?? 0) - frac.length };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * pow10(a.exp - exp), b.coef * pow10(b.exp - exp), exp];
}

const DIVISION_PRECISION = 16;

/** decimal.Div = DivRound(d2, 16): truncated quotient, then half away from zero. */
function div(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new FuncError('decimal division by 0');
  const e = a.exp - b.exp + DIVISION_PRECISION;
  const num = e >= 0 ? a.coef * pow10(e) : a.coef;
  const den = e >= 0 ? b.coef : b.coef * pow10(-e);
  let q = num / den;
  const r = num - q * den;
  const abs = (v: bigint) => (v < 0n ? -v : v);
  if (2n * abs(r) >= abs(den)) q += num < 0n !== den < 0n ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

type DecimalOp = (a: Decimal, b: Decimal) => Decimal;

const OPS: Record<'add' | 'sub' | 'mul' | 'div', DecimalOp> = {
  add: (a, b) => {
    const [x, y, exp] = align(a, b);
    return { coef: x + y, exp };
  },
  sub: (a, b) => {
    const [x, y, exp] = align(a, b);
    return { coef: x - y, exp };
  },
  mul: (a, b) => ({ coef: a.coef * b.coef, exp: a.exp + b.exp }),
  div,
};

/** sprig's execDecimalOp: fold the operands with `op`, then read the decimal as a float64. */
function decimalOp(first: GoValue, rest: readonly GoValue[], op: DecimalOp): number {
  let acc = fromFloat(toFloat64(first));
  for (const x of rest) acc = op(acc, fromFloat(toFloat64(x)));
  return Number(`${acc.coef}e${acc.exp}`);
}

/** sprig's untilStep: [start, stop) by step; a step of the wrong sign gives an empty list. */
export function untilStep(start: number, stop: number, step: number): number[] {
  const out: number[] = [];
  if (stop < start) {
    if (step >= 0) return out;
    for (let i = start; i > stop; i += step) out.push(i);
    return out;
  }
  if (step <= 0) return out;
  for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

const intList = (xs: number[]): GoValue[] =>
  tagType(
    xs.map((x) => new GoInt(x, 'int')),
    INT_SLICE,
  );

/** sprig's seq: like the Unix command, 1..n, start..end, or start..end by step, space separated. */
function seq(...ps: GoInt[]): string {
  const p = ps.map((x) => Number(x.value));
  let list: number[] = [];
  if (p.length === 1) {
    const end = p[0] as number;
    const inc = end < 1 ? -1 : 1;
    list = untilStep(1, end + inc, inc);
  } else if (p.length === 2) {
    const [start, end] = p as [number, number];
    const step = end < start ? -1 : 1;
    list = untilStep(start, end + step, step);
  } else if (p.length === 3) {
    const [start, step, end] = p as [number, number, number];
    if (end < start && step > 0) return '';
    list = untilStep(start, end + (end < start ? -1 : 1), step);
  }
  return list.join(' ');
}

/** sprig's round: rounds up when the fraction of value×10^places is ≥ roundOn (default .5). */
function round(a: GoValue, p: GoInt, ...rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? (rOpt[0] as number) : 0.5;
  const pow = Math.pow(10, Number(p.value));
  const digit = pow * toFloat64(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

function extreme(pick: (a: bigint, b: bigint) => boolean) {
  return (a: GoValue, ...rest: GoValue[]): GoInt => {
    let acc = toInt64(a);
    for (const x of rest) {
      const v = toInt64(x);
      if (pick(v, acc)) acc = v;
    }
    return new GoInt(acc, 'int64');
  };
}

const max = extreme((v, acc) => v > acc);
const anyVariadic = { params: ['any'], variadic: 'any' } as const;
const num = (i: GoInt): number => Number(i.value);

export const mathFuncs: GoFuncValue[] = [
  fn('add1', { params: ['any'] }, (i: GoValue) => wrap64(toInt64(i) + 1n)),
  fn('add', { params: [], variadic: 'any' }, (...xs: GoValue[]) =>
    wrap64(xs.reduce<bigint>((s, x) => BigInt.asIntN(64, s + toInt64(x)), 0n)),
  ),
  fn('sub', { params: ['any', 'any'] }, (a: GoValue, b: GoValue) =>
    wrap64(toInt64(a) - toInt64(b)),
  ),
  fn('div', { params: ['any', 'any'] }, (a: GoValue, b: GoValue) => divide(a, b, 'div')),
  fn('mod', { params: ['any', 'any'] }, (a: GoValue, b: GoValue) => divide(a, b, 'mod')),
  fn('mul', anyVariadic, (a: GoValue, ...xs: GoValue[]) =>
    wrap64(xs.reduce<bigint>((p, x) => BigInt.asIntN(64, p * toInt64(x)), toInt64(a))),
  ),
  fn('add1f', { params: ['any'] }, (i: GoValue) => decimalOp(i, [new GoInt(1, 'int')], OPS.add)),
  fn('addf', { params: [], variadic: 'any' }, (...xs: GoValue[]) => decimalOp(0, xs, OPS.add)),
  fn('subf', anyVariadic, (a: GoValue, ...xs: GoValue[]) => decimalOp(a, xs, OPS.sub)),
  fn('divf', anyVariadic, (a: GoValue, ...xs: GoValue[]) => decimalOp(a, xs, OPS.div)),
  fn('mulf', anyVariadic, (a: GoValue, ...xs: GoValue[]) => decimalOp(a, xs, OPS.mul)),
  fn('biggest', anyVariadic, max),
  fn('max', anyVariadic, max),
  fn(
    'min',
    anyVariadic,
    extreme((v, acc) => v < acc),
  ),
  fn('maxf', anyVariadic, (a: GoValue, ...xs: GoValue[]) =>
    xs.reduce<number>((m, x) => Math.max(m, toFloat64(x)), toFloat64(a)),
  ),
  fn('minf', anyVariadic, (a: GoValue, ...xs: GoValue[]) =>
    xs.reduce<number>((m, x) => Math.min(m, toFloat64(x)), toFloat64(a)),
  ),
  fn('ceil', { params: ['any'] }, (a: GoValue) => Math.ceil(toFloat64(a))),
  fn('floor', { params: ['any'] }, (a: GoValue) => Math.floor(toFloat64(a))),
  fn('round', { params: ['any', 'int'], variadic: 'float64' }, round),
  fn('until', { params: ['int'] }, (n: GoInt) =>
    intList(untilStep(0, num(n), num(n) < 0 ? -1 : 1)),
  ),
  fn('untilStep', { params: ['int', 'int', 'int'] }, (a: GoInt, b: GoInt, c: GoInt) =>
    intList(untilStep(num(a), num(b), num(c))),
  ),
  fn('seq', { params: [], variadic: 'int' }, seq),
];
