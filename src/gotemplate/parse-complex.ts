/**
 * The complex scanning of fmt.Sscan (golang/go:src/fmt/scan.go `complexTokens`, `floatToken`,
 * `convertFloat`), which text/template uses for constants like `1+2i`; the floats inside are
 * read with strconv.ts.
 */
import { NumError, atoi, parseFloat64 } from './strconv.js';

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
  try {
    const p = str.indexOf('p');
    if (p < 0) return parseFloat64(str);
    const f = parseFloat64(str.slice(0, p));
    return f * 2 ** Number(atoi(str.slice(p + 1)));
  } catch (e) {
    // Put the full string into the error, as convertFloat does.
    if (e instanceof NumError) return new NumError(e.func, str, e.reason).message;
    throw e;
  }
}
