/**
 * chartutil.Values lookups (helm pkg/chartutil/values.go, v3.21): Table, PathValue and their
 * errors, used by dependency conditions, import-values and the `.Values` methods.
 */
import { isMap, mapHas, type GoMap, type GoValue } from '../gotemplate/values.js';

/** ErrNoTable: `"<key>" is not a table`. */
export class NoTableError extends Error {
  constructor(readonly key: string) {
    super(`${JSON.stringify(key)} is not a table`);
    this.name = 'NoTableError';
  }
}

/** ErrNoValue: `"<key>" is not a value`. */
export class NoValueError extends Error {
  constructor(readonly key: string) {
    super(`${JSON.stringify(key)} is not a value`);
    this.name = 'NoValueError';
  }
}

export function parsePath(key: string): string[] {
  return key.split('.');
}

/** Values.Table: walk dotted names through nested maps. */
export function table(v: GoMap, name: string): GoMap {
  let t = v;
  for (const n of parsePath(name)) {
    if (!mapHas(t, n)) throw new NoTableError(n);
    const next = t[n] as GoValue;
    if (!isMap(next)) throw new NoTableError(n);
    t = next;
  }
  return t;
}

/** Values.PathValue: a non-table value at a dotted path. */
export function pathValue(v: GoMap, path: string): GoValue {
  if (path === '') throw new Error('YAML path cannot be empty');
  const parts = parsePath(path);
  const key = parts[parts.length - 1] as string;
  let t: GoMap = v;
  if (parts.length > 1) {
    try {
      t = table(v, parts.slice(0, -1).join('.'));
    } catch {
      throw new NoValueError(key);
    }
  }
  if (mapHas(t, key) && !isMap(t[key] as GoValue)) return t[key] as GoValue;
  throw new NoValueError(key);
}
