/**
 * Template functions as data (Go's FuncMap), with the parameter types Go's reflection would see.
 *
 * The executor converts every argument to the declared parameter type the way text/template's
 * `evalArg`/`validateType` do (golang/go:src/text/template/exec.go), so a sprig function written
 * here receives exactly what its Go counterpart receives:
 *
 * | ParamType   | Go type                  | accepts (after conversion)                                       |
 * | ----------- | ------------------------ | ---------------------------------------------------------------- |
 * | `any`       | interface{}              | anything, nil included                                           |
 * | `string`    | string                   | JS string; a constant must be a string constant                  |
 * | `bool`      | bool                     | boolean                                                          |
 * | `int`       | int                      | GoInt of type int; integer constants                             |
 * | `int64`     | int64                    | GoInt of type int64; integer constants                           |
 * | `uint32`    | uint32                   | GoInt of type uint32; integer constants                          |
 * | `float64`   | float64                  | number; numeric constants                                        |
 * | `map`       | map[string]interface{}   | untagged maps and maps whose tag has `elem` `interface {}`; nil  |
 * | `slice`     | []interface{}            | untagged slices; nil                                             |
 * | `strings`   | []string                 | []string slices; nil                                             |
 * | `time`      | time.Time                | GoTime structs                                                   |
 * | `value`     | a named struct type      | a GoStruct whose goType.name equals `structType`                 |
 *
 * A value whose type does not fit fails with Go's message
 * `wrong type for value; expected string; got int`; nil for a non-nillable type fails with
 * `invalid value; expected string`.
 */
import type { GoValue } from './values.js';
import { GoFuncValue } from './values.js';

import type { FuncSignature } from './func-types.js';

export type { FuncSignature, ParamType } from './func-types.js';

/** An error returned (or a panic raised) by a template function. */
export class FuncError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FuncError';
  }
}

/** A function map: name → function value. */
export type FuncMap = Map<string, GoFuncValue>;

/** Declare a function. Parameters are typed loosely: the executor guarantees the declared types. */
export function fn(
  name: string,
  signature: FuncSignature,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  impl: (...args: any[]) => GoValue,
): GoFuncValue {
  return new GoFuncValue(name, signature, impl as (...args: GoValue[]) => GoValue);
}

/** Build a FuncMap from function values (names come from the values). */
export function funcMap(...fns: GoFuncValue[]): FuncMap {
  return new Map(fns.map((f) => [f.name, f]));
}

/** Register one implementation under several names (sprig has many aliases). */
export function alias(f: GoFuncValue, name: string): GoFuncValue {
  return new GoFuncValue(name, f.signature, f.impl);
}
