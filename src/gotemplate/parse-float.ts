/**
 * strconv.ParseFloat(s, 64) (golang/go:src/strconv/atof.go `readFloat`, `special`) and the
 * complex scanning of fmt.Sscan (src/fmt/scan.go `complexTokens`, `floatToken`,
 * `convertFloat`), which text/template uses for constants like `1+2i`.
 */
import { goQuote, underscoreOK } from './parse-strconv.js';

export type FloatResult =
  { readonly value: number } | { readonly error: 'invalid syntax' | 'value out of range' };

/** strconv.ParseFloat(s, 64): decimal and hexadecimal floats, inf/nan, Go's underscore rules. */
export function parseFloat64(s: string): FloatResult {
  const special = parseSpecial(s);
  if (special !== undefined) return { value: special };
  const syntax = readFloat(s);
  if (syntax === undefined) return { error: 'invalid syntax' };
  const value = syntax.hex ? hexValue(syntax) : Number(s.replaceAll('_', ''));
  if (!Number.isFinite(value)) return { error: 'value out of range' };
  return { value };
}

function parseSpecial(s: string): number | undefined {
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (m === null) return undefined;
  if ((m[2] as string).toLowerCase() === 'nan') return m[1] === '' ? NaN : undefined;
  return m[1] === '-' ? -Infinity : Infinity;
}

interface FloatSyntax {
  readonly neg: boolean;
  readonly hex: boolean;
  /** Mantissa digits without the dot and underscores. */
  readonly digits: string;
  /** Number of mantissa digits after the dot. */
  readonly fraction: number;
  readonly exp: number;
}

/** atof.go readFloat, requiring the whole string to be consumed (as ParseFloat does). */
function readFloat(s: string): FloatSyntax | undefined {
  let i = 0;
  let neg = false;
  if (s[i] === '+') i++;
  else if (s[i] === '-') {
    neg = true;
    i++;
  }
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    hex = true;
    i += 2;
  }
  const isDigit = hex
    ? (c: string) => /^[0-9a-fA-F]$/.test(c)
    : (c: string) => c >= '0' && c <= '9';
  let underscores = false;
  let sawDot = false;
  let digits = '';
  let fraction = 0;
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '_') underscores = true;
    else if (c === '.' && !sawDot) sawDot = true;
    else if (isDigit(c)) {
      digits += c;
      if (sawDot) fraction++;
    } else break;
  }
  if (digits.length === 0) return undefined;
  let exp = 0;
  const expChar = hex ? 'p' : 'e';
  if (i < s.length && (s[i] as string).toLowerCase() === expChar) {
    i++;
    let esign = 1;
    if (s[i] === '+') i++;
    else if (s[i] === '-') {
      i++;
      esign = -1;
    }
    if (i >= s.length || !(s[i]! >= '0' && s[i]! <= '9')) return undefined;
    for (; i < s.length && ((s[i]! >= '0' && s[i]! <= '9') || s[i] === '_'); i++) {
      if (s[i] === '_') underscores = true;
      else if (exp < 10000) exp = exp * 10 + (s.charCodeAt(i) - 0x30);
    }
    exp *= esign;
  } else if (hex) {
    return undefined; // A hexadecimal mantissa must have an exponent.
  }
  if (i !== s.length) return undefined;
  if (underscores && !underscoreOK(s)) return undefined;
  return { neg, hex, digits, fraction, exp };
}

/** Exact value of a hexadecimal float, rounded once to float64 (sticky-bit normalisation). */
function hexValue(f: FloatSyntax): number {
  let mant = BigInt(`0x${f.digits}`);
  let e2 = f.exp - 4 * f.fraction;
  if (mant === 0n) return f.neg ? -0 : 0;
  const extra = mant.toString(2).length - 64;
  if (extra > 0) {
    const lost = mant & ((1n << BigInt(extra)) - 1n);
    mant = (mant >> BigInt(extra)) | (lost === 0n ? 0n : 1n);
    e2 += extra;
  }
  let v = Number(mant);
  while (e2 > 0) {
    const step = Math.min(e2, 1000);
    v *= 2 ** step;
    e2 -= step;
  }
  while (e2 < 0) {
    const step = Math.max(e2, -1000);
    v *= 2 ** step;
    e2 -= step;
  }
  return f.neg ? -v : v;
}

export type ComplexResult =
  { readonly re: number; readonly im: number } | { readonly error: string };

const ERR_COMPLEX = 'syntax error scanning complex number';

/** fmt.Sscan(text, &c) for a complex128, with Go's error messages. */
export function scanComplex(text: string): ComplexResult {
  const sc = new ComplexScanner(text);
  const parens = sc.accept('(');
  const real = sc.floatToken();
  sc.buf = '';
  if (!sc.accept('+-')) return { error: ERR_COMPLEX };
  const imagSign = sc.buf;
  const imag = sc.floatToken();
  if (!sc.accept('i')) return { error: ERR_COMPLEX };
  if (parens && !sc.accept(')')) return { error: ERR_COMPLEX };
  const re = convertFloat(real);
  if (typeof re === 'string') return { error: re };
  const im = convertFloat(imagSign + imag);
  if (typeof im === 'string') return { error: im };
  return { re, im };
}

class ComplexScanner {
  buf = '';
  private i = 0;

  constructor(private readonly s: string) {}

  accept(chars: string): boolean {
    const c = this.s[this.i];
    if (c === undefined || !chars.includes(c)) return false;
    this.buf += c;
    this.i++;
    return true;
  }

  /** scan.go floatToken, including its habit of keeping a partial "inf"/"nan" prefix. */
  floatToken(): string {
    this.buf = '';
    if (this.accept('nN') && this.accept('aA') && this.accept('nN')) return this.buf;
    this.accept('+-');
    if (this.accept('iI') && this.accept('nN') && this.accept('fF')) return this.buf;
    let digits = '0123456789_';
    let exp = 'eEpP';
    if (this.accept('0') && this.accept('xX')) {
      digits = '0123456789aAbBcCdDeEfF_';
      exp = 'pP';
    }
    while (this.accept(digits));
    if (this.accept('.')) while (this.accept(digits));
    if (this.accept(exp)) {
      this.accept('+-');
      while (this.accept('0123456789_'));
    }
    return this.buf;
  }
}

/** scan.go convertFloat: Go's decimal-mantissa/binary-exponent mix `1.2p4` included. */
function convertFloat(str: string): number | string {
  const p = str.indexOf('p');
  if (p >= 0) {
    const f = parseFloat64(str.slice(0, p));
    if ('error' in f) return numError('ParseFloat', str, f.error);
    const m = str.slice(p + 1);
    if (!/^[+-]?\d+$/.test(m)) return numError('Atoi', str, 'invalid syntax');
    return f.value * 2 ** Number(m);
  }
  const f = parseFloat64(str);
  return 'error' in f ? numError('ParseFloat', str, f.error) : f.value;
}

/** strconv.NumError's message. */
function numError(fn: string, num: string, err: string): string {
  return `strconv.${fn}: parsing ${goQuote(num)}: ${err}`;
}
