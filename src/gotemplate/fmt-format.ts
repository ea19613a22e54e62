/**
 * The raw formatter of Go's fmt (golang/go:src/fmt/format.go): padding, integers, floats,
 * strings, byte slices, runes. One instance per Sprint/Sprintf call; the printer resets the
 * flags before every verb.
 */
import {
  bytesToString,
  decodeRune,
  MAX_RUNE,
  RUNE_ERROR,
  runeCount,
  runeToString,
  utf8Bytes,
} from './go-utf8.js';
import { canBackquote, isPrint, quoteBytes, quoteRune, quoteRuneToASCII } from './strconv-quote.js';
import type { FloatFormat } from './strconv-float.js';
import { formatFloat } from './strconv-float.js';

export const LDIGITS = '0123456789abcdefx';
export const UDIGITS = '0123456789ABCDEFX';

export interface FmtFlags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** %+v: print struct field names (plus moved here). */
  plusV: boolean;
  /** %#v: Go syntax (sharp moved here). */
  sharpV: boolean;
}

export function clearFlags(): FmtFlags {
  return {
    widPresent: false,
    precPresent: false,
    minus: false,
    plus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
  };
}

export class Formatter {
  buf = '';
  f: FmtFlags = clearFlags();
  wid = 0;
  prec = 0;

  reset(): void {
    this.f = clearFlags();
    this.wid = 0;
    this.prec = 0;
  }

  write(s: string): void {
    this.buf += s;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  /** pad/padString: s padded to the width (counted in runes) on the left or right. */
  pad(s: string): void {
    if (!this.f.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** %U: "U+0078", with # also " 'x'". */
  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.f.precPresent && this.prec > 4) prec = this.prec;
    let s = 'U+' + u.toString(16).toUpperCase().padStart(prec, '0');
    if (this.f.sharp && u <= BigInt(MAX_RUNE) && isPrint(Number(u))) {
      s += " '" + String.fromCodePoint(Number(u)) + "'";
    }
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  /** fmtInteger: `u` holds the 64 bits of the value; `isSigned` says how to read them. */
  fmtInteger(u: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    let v = BigInt.asUintN(64, u);
    const negative = isSigned && BigInt.asIntN(64, v) < 0n;
    if (negative) v = -BigInt.asIntN(64, v);
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.prec;
      if (prec === 0 && v === 0n) {
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.writePadding(this.wid);
        this.f.zero = oldZero;
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let s = v.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (this.f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s[0] !== '0') s = '0' + s;
      else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.f.plus) s = '+' + s;
    else if (this.f.space) s = ' ' + s;
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  /** Truncate raw bytes to the precision, counted in runes. */
  truncateBytes(b: Uint8Array): Uint8Array {
    if (!this.f.precPresent) return b;
    let n = this.prec;
    for (let i = 0; i < b.length;) {
      if (--n < 0) return b.subarray(0, i);
      i += decodeRune(b, i).size;
    }
    return b;
  }

  truncateString(s: string): string {
    if (!this.f.precPresent) return s;
    let n = this.prec;
    let i = 0;
    for (const ch of s) {
      if (--n < 0) return s.slice(0, i);
      i += ch.length;
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  fmtBs(b: Uint8Array): void {
    this.pad(bytesToString(this.truncateBytes(b)));
  }

  /** %x / %X of a string's or byte slice's bytes. */
  fmtSbx(b: Uint8Array, digits: string): void {
    let length = b.length;
    if (this.f.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) {
        width += 2;
      }
    } else {
      if (this.f.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.f.widPresent && this.wid > width && !this.f.minus) this.writePadding(this.wid - width);
    let s = this.f.sharp ? '0' + digits[16] : '';
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        s += ' ';
        if (this.f.sharp) s += '0' + digits[16];
      }
      const c = b[i] ?? 0;
      s += (digits[c >> 4] ?? '') + (digits[c & 15] ?? '');
    }
    this.buf += s;
    if (this.f.widPresent && this.wid > width && this.f.minus) this.writePadding(this.wid - width);
  }

  fmtSx(s: string, digits: string): void {
    this.fmtSbx(utf8Bytes(s), digits);
  }

  /** %q of raw bytes (a string is passed as its UTF-8 bytes). */
  fmtQ(raw: Uint8Array): void {
    const b = this.truncateBytes(raw);
    if (this.f.sharp && canBackquote(b)) {
      this.pad('`' + bytesToString(b) + '`');
      return;
    }
    this.pad(quoteBytes(b, { quote: '"', asciiOnly: this.f.plus }));
  }

  /** %c: the rune; out of range values print U+FFFD. */
  fmtC(c: bigint): void {
    const r = c > BigInt(MAX_RUNE) ? RUNE_ERROR : Number(c);
    this.pad(runeToString(r));
  }

  /** %q of an integer: a quoted rune literal. */
  fmtQc(c: bigint): void {
    const r = c > BigInt(MAX_RUNE) ? RUNE_ERROR : Number(c);
    this.pad(this.f.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  /** fmtFloat: sign handling, Inf/NaN padding, and the # flag's trailing zeros. */
  fmtFloat(v: number, verb: FloatFormat, defPrec: number): void {
    const prec = this.f.precPresent ? this.prec : defPrec;
    let num = formatFloat(v, verb, prec);
    if (num[0] === '-' || num[0] === '+') {
      // keep the sign
    } else {
      num = '+' + num;
    }
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = oldZero;
      return;
    }
    if (this.f.sharp && verb !== 'b') num = this.sharpFloat(num, verb, prec);
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** The # flag: force a decimal point and keep trailing zeros for %g. */
  private sharpFloat(signed: string, verb: FloatFormat, prec: number): string {
    let digits = 0;
    if (verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
    let num = signed;
    let tail = '';
    let hasDot = false;
    let sawNonzero = false;
    for (let i = 1; i < num.length; i++) {
      const c = num[i] ?? '';
      if (c === '.') {
        hasDot = true;
      } else if (
        c === 'p' ||
        c === 'P' ||
        ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')
      ) {
        tail = num.slice(i);
        num = num.slice(0, i);
        break;
      } else {
        if (c !== '0') sawNonzero = true;
        if (sawNonzero) digits--;
      }
    }
    if (!hasDot) {
      if (num.length === 2 && num[1] === '0') digits--;
      num += '.';
    }
    if (digits > 0) num += '0'.repeat(digits);
    return num + tail;
  }
}
