/**
 * The scalar half of Go's fmt printer (golang/go:src/fmt/print.go: fmtBool, fmt0x64,
 * fmtInteger, fmtFloat, fmtString): which Formatter call each verb makes for a bool, an
 * integer, a float64 or a string. A verb the kind has no meaning for goes to `badVerb`, which
 * the full Printer (fmt-printer.ts) implements.
 */
import { Formatter, LDIGITS, UDIGITS } from './fmt-format.js';
import { utf8Bytes } from './go-utf8.js';
import type { GoInt, GoValue } from './values.js';

export abstract class ScalarPrinter {
  readonly fmt = new Formatter();

  get output(): string {
    return this.fmt.buf;
  }

  write(s: string): void {
    this.fmt.buf += s;
  }

  /** badVerb: `%!verb(type=value)`. */
  abstract badVerb(arg: GoValue, verb: string): void;

  protected fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmt.fmtBoolean(v);
    else this.badVerb(v, verb);
  }

  protected fmt0x64(u: bigint, leading0x: boolean): void {
    const sharp = this.fmt.f.sharp;
    this.fmt.f.sharp = leading0x;
    this.fmt.fmtInteger(u, 16, false, 'v', LDIGITS);
    this.fmt.f.sharp = sharp;
  }

  protected fmtInteger(v: GoInt, verb: string): void {
    this.fmtIntegerBits(BigInt.asUintN(64, v.value), !v.isUnsigned(), verb, v);
  }

  protected fmtIntegerBits(u: bigint, isSigned: boolean, verb: string, arg: GoValue): void {
    const f = this.fmt;
    switch (verb) {
      case 'v':
        if (f.f.sharpV && !isSigned) this.fmt0x64(u, true);
        else f.fmtInteger(u, 10, isSigned, verb, LDIGITS);
        return;
      case 'd':
        return f.fmtInteger(u, 10, isSigned, verb, LDIGITS);
      case 'b':
        return f.fmtInteger(u, 2, isSigned, verb, LDIGITS);
      case 'o':
      case 'O':
        return f.fmtInteger(u, 8, isSigned, verb, LDIGITS);
      case 'x':
        return f.fmtInteger(u, 16, isSigned, verb, LDIGITS);
      case 'X':
        return f.fmtInteger(u, 16, isSigned, verb, UDIGITS);
      case 'c':
        return f.fmtC(u);
      case 'q':
        return f.fmtQc(u);
      case 'U':
        return f.fmtUnicode(u);
      default:
        this.badVerb(arg, verb);
    }
  }

  protected fmtFloat(v: number, verb: string): void {
    const f = this.fmt;
    switch (verb) {
      case 'v':
        return f.fmtFloat(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return f.fmtFloat(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return f.fmtFloat(v, verb, 6);
      case 'F':
        return f.fmtFloat(v, 'f', 6);
      default:
        this.badVerb(v, verb);
    }
  }

  /** fmtString: `arg` is what badVerb reports (the Stringer itself when s came from String()). */
  protected fmtString(s: string, arg: GoValue, verb: string): void {
    const f = this.fmt;
    switch (verb) {
      case 'v':
        if (f.f.sharpV) f.fmtQ(utf8Bytes(s));
        else f.fmtS(s);
        return;
      case 's':
        return f.fmtS(s);
      case 'x':
        return f.fmtSx(s, LDIGITS);
      case 'X':
        return f.fmtSx(s, UDIGITS);
      case 'q':
        return f.fmtQ(utf8Bytes(s));
      default:
        this.badVerb(arg, verb);
    }
  }
}
