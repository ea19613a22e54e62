/**
 * Go's fmt printer over the hookline value model (golang/go:src/fmt/print.go: printArg,
 * printValue, handleMethods, badVerb, fmtPointer).
 *
 * Value kinds map to Go's reflect kinds: null is a nil interface, number float64, GoInt the
 * integer types, Uint8Array []byte, arrays slices, plain objects maps (keys sorted like
 * internal/fmtsort), GoStruct structs or pointers to structs (goType.kind 'ptr'), GoFuncValue
 * funcs. Stringers: GoStruct values implementing GoStringer (`goString()`), and the GoInt types
 * time.Duration/Month/Weekday. Booleans, numbers and strings print through fmt-scalars.ts.
 */
import { LDIGITS, UDIGITS } from './fmt-format.js';
import { ScalarPrinter } from './fmt-scalars.js';
import { goIntString } from './fmt-stringers.js';
import type { GoValue } from './values.js';
import {
  GoFuncValue,
  GoInt,
  GoStruct,
  isNilMap,
  isNilSlice,
  isStringer,
  sortedKeys,
  typeName,
} from './values.js';

const NIL_ANGLE = '<nil>';

/** Stable stand-ins for pointer values (Go prints real addresses, which vary per run). */
const addresses = new WeakMap<object, bigint>();
let nextAddress = 0xc000010000n;

export function fakeAddress(v: object): bigint {
  let a = addresses.get(v);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x40n;
    addresses.set(v, a);
  }
  return a;
}

export class Printer extends ScalarPrinter {
  private erroring = false;

  /** printArg: top-level operand. */
  printArg(arg: GoValue, verb: string): void {
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.fmt.pad(NIL_ANGLE);
      else this.badVerb(arg, verb);
      return;
    }
    if (verb === 'T') {
      this.fmt.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, 'p');
      return;
    }
    if (typeof arg === 'boolean') this.fmtBool(arg, verb);
    else if (typeof arg === 'number') this.fmtFloat(arg, verb);
    else if (typeof arg === 'string') this.fmtString(arg, arg, verb);
    else if (arg instanceof Uint8Array) this.fmtBytes(arg, verb, '[]byte');
    else if (arg instanceof GoInt && goIntString(arg) === undefined) this.fmtInteger(arg, verb);
    else if (!this.handleMethods(arg, verb)) this.printValue(arg, verb, 0);
  }

  /** printValue: nested values (depth > 0) consult Stringers first. */
  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0 && v !== null && this.handleMethods(v, verb)) return;
    if (v === null) {
      this.write(this.fmt.f.sharpV ? 'interface {}(nil)' : NIL_ANGLE);
    } else if (typeof v === 'boolean') {
      this.fmtBool(v, verb);
    } else if (typeof v === 'number') {
      this.fmtFloat(v, verb);
    } else if (typeof v === 'string') {
      this.fmtString(v, v, verb);
    } else if (v instanceof GoInt) {
      this.fmtInteger(v, verb);
    } else if (v instanceof Uint8Array) {
      this.printByteSlice(v, verb, depth);
    } else if (Array.isArray(v)) {
      this.printSlice(v, typeName(v), verb, depth);
    } else if (v instanceof GoStruct) {
      this.printStruct(v, verb, depth);
    } else if (v instanceof GoFuncValue) {
      this.fmtPointer(v, verb);
    } else {
      this.printMap(v, verb, depth);
    }
  }

  private handleMethods(v: GoValue, verb: string): boolean {
    if (this.erroring || this.fmt.f.sharpV) return false;
    if (!['v', 's', 'x', 'X', 'q'].includes(verb)) return false;
    let s: string | undefined;
    if (v instanceof GoInt) s = goIntString(v);
    else if (v instanceof GoStruct && isStringer(v)) s = v.goString();
    if (s === undefined) return false;
    this.fmtString(s, v, verb);
    return true;
  }

  override badVerb(arg: GoValue, verb: string): void {
    this.erroring = true;
    this.write('%!' + verb + '(');
    if (arg === null) {
      this.write(NIL_ANGLE);
    } else {
      this.write(typeName(arg) + '=');
      this.printArg(arg, 'v');
    }
    this.write(')');
    this.erroring = false;
  }

  /** fmtBytes: []byte at top level (`[]byte{…}` for %#v). */
  private fmtBytes(v: Uint8Array, verb: string, typeString: string): void {
    const f = this.fmt;
    switch (verb) {
      case 'v':
      case 'd':
        if (f.f.sharpV) {
          this.write(typeString + '{');
          v.forEach((c, i) => {
            if (i > 0) this.write(', ');
            this.fmt0x64(BigInt(c), true);
          });
          this.write('}');
        } else {
          this.write('[');
          v.forEach((c, i) => {
            if (i > 0) this.write(' ');
            f.fmtInteger(BigInt(c), 10, false, verb, LDIGITS);
          });
          this.write(']');
        }
        return;
      case 's':
        return f.fmtBs(v);
      case 'x':
        return f.fmtSbx(v, LDIGITS);
      case 'X':
        return f.fmtSbx(v, UDIGITS);
      case 'q':
        return f.fmtQ(v);
      default:
        this.printByteSlice(v, verb, 0);
    }
  }

  /** A []uint8 reached through reflection (nested, or an unusual verb). */
  private printByteSlice(v: Uint8Array, verb: string, depth: number): void {
    if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') {
      this.fmtBytes(v, verb, '[]uint8');
      return;
    }
    this.printSlice(
      Array.from(v, (c) => new GoInt(c, 'uint8')),
      '[]uint8',
      verb,
      depth,
    );
  }

  private printSlice(items: readonly GoValue[], type: string, verb: string, depth: number): void {
    const sharpV = this.fmt.f.sharpV;
    if (sharpV && isNilSlice(items as GoValue)) {
      this.write(`${type}(nil)`);
      return;
    }
    this.write(sharpV ? type + '{' : '[');
    items.forEach((item, i) => {
      if (i > 0) this.write(sharpV ? ', ' : ' ');
      this.printValue(item, verb, depth + 1);
    });
    this.write(sharpV ? '}' : ']');
  }

  private printMap(m: Record<string, GoValue>, verb: string, depth: number): void {
    const sharpV = this.fmt.f.sharpV;
    if (sharpV && isNilMap(m)) {
      this.write(`${typeName(m)}(nil)`);
      return;
    }
    this.write(sharpV ? typeName(m) + '{' : 'map[');
    sortedKeys(m).forEach((k, i) => {
      if (i > 0) this.write(sharpV ? ', ' : ' ');
      this.printValue(k, verb, depth + 1);
      this.write(':');
      this.printValue(m[k] ?? null, verb, depth + 1);
    });
    this.write(sharpV ? '}' : ']');
  }

  private printStruct(s: GoStruct, verb: string, depth: number): void {
    const isPtr = s.goType.kind === 'ptr';
    if (isPtr) {
      // Pointers to structs print as &{…} at the top level only (avoids loops), else as addresses.
      if (depth > 0) {
        this.fmtPointer(s, verb);
        return;
      }
      this.write('&');
    }
    const sharpV = this.fmt.f.sharpV;
    if (sharpV) this.write(isPtr ? s.goType.name.replace(/^\*/, '') : s.goType.name);
    this.write('{');
    s.fieldNames.forEach((name, i) => {
      if (i > 0) this.write(sharpV ? ', ' : ' ');
      if (this.fmt.f.plusV || sharpV) this.write(name + ':');
      this.printValue(s.field(name), verb, depth + 1);
    });
    this.write('}');
  }

  /** fmtPointer: funcs, maps, slices and struct pointers print a (stable, fake) address. */
  fmtPointer(v: GoValue, verb: string): void {
    const pointerLike =
      v instanceof GoFuncValue ||
      (v instanceof GoStruct && v.goType.kind === 'ptr') ||
      Array.isArray(v) ||
      v instanceof Uint8Array ||
      (v !== null && typeof v === 'object' && !(v instanceof GoInt) && !(v instanceof GoStruct));
    if (!pointerLike || v === null) {
      this.badVerb(v, verb);
      return;
    }
    const u = fakeAddress(v);
    switch (verb) {
      case 'v':
        if (this.fmt.f.sharpV) {
          this.write('(' + typeName(v) + ')(');
          this.fmt0x64(u, true);
          this.write(')');
        } else {
          this.fmt0x64(u, !this.fmt.f.sharp);
        }
        return;
      case 'p':
        this.fmt0x64(u, !this.fmt.f.sharp);
        return;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        this.fmtIntegerBits(u, false, verb, v);
        return;
      default:
        this.badVerb(v, verb);
    }
  }
}
