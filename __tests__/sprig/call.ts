/** Test helper: call a sprig function by name with already converted arguments. */
import type { GoFuncValue, GoValue } from '../../src/gotemplate/values.js';
import { GoInt } from '../../src/gotemplate/values.js';

export function caller(funcs: readonly GoFuncValue[]) {
  const byName = new Map(funcs.map((f) => [f.name, f]));
  return (name: string, ...args: GoValue[]): GoValue => {
    const f = byName.get(name);
    if (!f) throw new Error(`no function ${name}`);
    return f.impl(...args);
  };
}

/** Go int and int64 values. */
export const i = (v: number | bigint): GoInt => new GoInt(v, 'int');
export const i64 = (v: number | bigint): GoInt => new GoInt(v, 'int64');

/** A plain view of a result for toEqual: GoInts as `int:3`, maps as plain objects. */
export function plain(v: GoValue): unknown {
  if (v instanceof GoInt) return `${v.type}:${v.value}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Uint8Array) return Array.from(v);
  if (v !== null && typeof v === 'object' && v.constructor === undefined) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x as GoValue)]));
  }
  return v;
}

/** The error a call throws (fails the test when it does not throw). */
export function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to throw');
}
