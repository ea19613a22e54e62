/**
 * Numeric constants of templates: golang/go:src/text/template/parse/node.go `newNumber` and
 * `simplifyComplex`. A constant is stored under every Go type that can represent it exactly,
 * which simulates Go's ideal constants.
 */
import type { NumberNode, Pos } from './ast.js';
import { scanComplex } from './parse-complex.js';
import { unquoteChar } from './parse-strconv.js';
import { parseFloat64, parseInt64, parseOrUndefined, parseUint, quote } from './strconv.js';

export type NumberKind = 'charConstant' | 'complex' | 'number';

interface Mutable {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex128?: { re: number; im: number };
}

const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

/** Go's `float64(int64(f)) == f` on amd64: integral and inside int64's range. */
function fitsInt64(f: number): boolean {
  return Number.isInteger(f) && f >= -TWO_63 && f < TWO_63;
}

/** Go's `float64(uint64(f)) == f` on amd64 (negative values never round-trip, -0 does). */
function fitsUint64(f: number): boolean {
  return Number.isInteger(f) && f >= 0 && f < TWO_64;
}

/** A decimal integer without sign, leading zero or underscore, exact as a float64. */
const SMALL_DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

/** Build a NumberNode from a lexed constant, or return Go's error message. */
export function newNumber(
  pos: Pos,
  text: string,
  kind: NumberKind,
): NumberNode | { error: string } {
  if (kind === 'number' && SMALL_DECIMAL.test(text)) {
    // The usual `4`, `63`, `0`: int, uint and float at once (what the general path finds).
    const value = Number(text);
    const big = BigInt(value);
    return {
      type: 'number',
      pos,
      text,
      isChar: false,
      isInt: true,
      isUint: true,
      isFloat: true,
      isComplex: false,
      int64: big,
      uint64: big,
      float64: value,
    };
  }
  return newNumberGeneral(pos, text, kind);
}

/** newNumber without the shortcut for small decimal integers. */
export function newNumberGeneral(
  pos: Pos,
  text: string,
  kind: NumberKind,
): NumberNode | { error: string } {
  const n: Mutable = {
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
  };
  const done = (): NumberNode => ({
    type: 'number',
    pos,
    text,
    isChar: kind === 'charConstant',
    ...n,
  });
  if (kind === 'charConstant') {
    const ch = unquoteChar(text.slice(1), text[0] as string);
    if (ch === undefined) return { error: 'invalid syntax' };
    if (ch.tail !== "'") return { error: `malformed character constant: ${text}` };
    Object.assign(n, { isInt: true, isUint: true, isFloat: true });
    n.int64 = BigInt(ch.value);
    n.uint64 = BigInt(ch.value);
    n.float64 = ch.value; // odd but those are the rules.
    return done();
  }
  if (kind === 'complex') {
    const c = scanComplex(text);
    if ('error' in c) return { error: c.error };
    setComplex(n, c.re, c.im);
    return done();
  }
  // Imaginary constants can only be complex unless they are zero.
  if (text.endsWith('i')) {
    const f = parseOrUndefined(() => parseFloat64(text.slice(0, -1)));
    if (f !== undefined) {
      setComplex(n, 0, f);
      return done();
    }
  }
  const error = setIntegerOrFloat(n, text);
  return error === undefined ? done() : { error };
}

function setComplex(n: Mutable, re: number, im: number): void {
  n.isComplex = true;
  n.complex128 = { re, im };
  n.isFloat = im === 0;
  if (n.isFloat) {
    n.float64 = re;
    n.isInt = fitsInt64(re);
    if (n.isInt) n.int64 = BigInt(re);
    n.isUint = fitsUint64(re);
    if (n.isUint) n.uint64 = BigInt(re);
  }
}

function setIntegerOrFloat(n: Mutable, text: string): string | undefined {
  // Integers first, so that 0x123 and friends are exact.
  const u = parseOrUndefined(() => parseUint(text, 0, 64)); // fails for -0; fixed below.
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseOrUndefined(() => parseInt64(text, 0, 64));
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true; // in case of -0.
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseOrUndefined(() => parseFloat64(text));
    if (f !== undefined) {
      // It parsed as a float but looks like an integer: a huge number that fits no int.
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${quote(text)}`;
      n.isFloat = true;
      n.float64 = f;
      if (fitsInt64(f)) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (fitsUint64(f)) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${quote(text)}`;
  return undefined;
}
