/**
 * Values coalescing, mirroring helm pkg/chartutil/coalesce.go at v3.21.4 (VAL-3..VAL-7):
 * CoalesceValues (user values over chart defaults; a user `null` deletes a default), MergeValues
 * (same, nulls kept), CoalesceTables/MergeTables (dst authoritative), globals copied down into
 * every subchart, and the warnings Helm logs (key paths prefixed with the chart chain).
 */
import { formatValue } from '../gotemplate/fmt.js';
import { mapHas, newMap, type GoMap, type GoValue } from '../gotemplate/values.js';
import type { Chart } from '../chart/types.js';
import { deepCopyMap, isTable } from './copy.js';

export const GLOBAL_KEY = 'global';

/** Where Helm's log.Printf warnings go. */
export type Printf = (message: string) => void;

/** `type mismatch on <sub>: %t` when a subchart key holds a non-table. */
export class CoalesceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoalesceError';
  }
}

const noop: Printf = () => undefined;

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** Go's %t of a non-bool prints `%!t(<type>=<value>)`. */
function formatBoolVerb(v: GoValue): string {
  if (typeof v === 'boolean') return String(v);
  const type = isTable(v)
    ? 'map[string]interface {}'
    : Array.isArray(v)
      ? '[]interface {}'
      : typeof v === 'string'
        ? 'string'
        : typeof v === 'number'
          ? 'float64'
          : 'int64';
  return `%!t(${type}=${formatValue(v)})`;
}

export interface CoalesceOptions {
  printf?: Printf;
}

/** CoalesceValues(chart, vals): a fresh map; `vals` is not modified. */
export function coalesceValues(
  chart: Chart,
  vals: GoMap | null,
  opts: CoalesceOptions = {},
): GoMap {
  const copy = vals ? deepCopyMap(vals) : newMap();
  return coalesce(opts.printf ?? noop, chart, copy, '', false);
}

/** MergeValues(chart, vals): like coalesceValues but nulls are preserved. */
export function mergeValues(chart: Chart, vals: GoMap | null, opts: CoalesceOptions = {}): GoMap {
  const copy = vals ? deepCopyMap(vals) : newMap();
  return coalesce(opts.printf ?? noop, chart, copy, '', true);
}

function coalesce(printf: Printf, ch: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceChartValues(printf, ch, dest, prefix, merge);
  return coalesceDeps(printf, ch, dest, prefix, merge);
}

function coalesceDeps(
  printf: Printf,
  ch: Chart,
  dest: GoMap,
  prefix: string,
  merge: boolean,
): GoMap {
  for (const sub of ch.dependencies) {
    const name = sub.metadata.name;
    if (!mapHas(dest, name)) dest[name] = newMap();
    const dv = dest[name] as GoValue;
    if (!isTable(dv)) throw new CoalesceError(`type mismatch on ${name}: ${formatBoolVerb(dv)}`);
    const subPrefix = concatPrefix(prefix, ch.metadata.name);
    coalesceGlobals(printf, dv, dest, subPrefix);
    dest[name] = coalesce(printf, sub, dv, subPrefix, merge);
  }
  return dest;
}

/** coalesceGlobals: copy the parent's globals into the subchart's, parent winning. */
function coalesceGlobals(printf: Printf, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!mapHas(dest, GLOBAL_KEY)) dg = newMap();
  else if (isTable(dest[GLOBAL_KEY])) dg = dest[GLOBAL_KEY] as GoMap;
  else {
    printf(`warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`);
    return;
  }
  if (!mapHas(src, GLOBAL_KEY)) sg = newMap();
  else if (isTable(src[GLOBAL_KEY])) sg = src[GLOBAL_KEY] as GoMap;
  else {
    printf(`warning: skipping globals because source ${GLOBAL_KEY} is not a table.`);
    return;
  }
  for (const key of Object.keys(sg)) {
    const val = sg[key] as GoValue;
    if (isTable(val)) {
      const vv = newMap(Object.entries(val));
      if (!mapHas(dg, key)) {
        dg[key] = vv;
      } else if (!isTable(dg[key])) {
        printf(`Conflict: cannot merge map onto non-map for ${JSON.stringify(key)}. Skipping.`);
      } else {
        // Merge top-down: the parent's table wins over the subchart's.
        coalesceTablesFullKey(printf, vv, dg[key] as GoMap, concatPrefix(prefix, key), true);
        dg[key] = vv;
      }
    } else if (mapHas(dg, key) && isTable(dg[key])) {
      printf(`key ${key} is table. Skipping`);
    } else {
      dg[key] = val;
    }
  }
  dest[GLOBAL_KEY] = dg;
}

function isSubchartKey(ch: Chart, key: string): boolean {
  return ch.dependencies.some((d) => d.metadata.name === key);
}

/** coalesceValues: chart defaults fill in what `v` lacks; `v` wins. */
function coalesceChartValues(
  printf: Printf,
  ch: Chart,
  v: GoMap,
  prefix: string,
  merge: boolean,
): void {
  const subPrefix = concatPrefix(prefix, ch.metadata.name);
  const vc = deepCopyMap(ch.values);
  for (const key of Object.keys(vc)) {
    const val = vc[key] as GoValue;
    if (!mapHas(v, key)) {
      v[key] = val;
      continue;
    }
    const value = v[key] as GoValue;
    if (value === null && !merge) {
      delete v[key];
    } else if (isTable(value)) {
      if (!isTable(val)) {
        if (val !== null) printf(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
      } else {
        // Subchart tables are merged keeping nulls: they are coalesced again one level down.
        const m = merge || isSubchartKey(ch, key);
        coalesceTablesFullKey(printf, value, val, concatPrefix(subPrefix, key), m);
      }
    }
  }
}

/** CoalesceTables(dst, src): dst authoritative; a null in dst deletes src's non-null value. */
export function coalesceTables(
  dst: GoMap | null,
  src: GoMap | null,
  opts: CoalesceOptions = {},
): GoMap | null {
  return coalesceTablesFullKey(opts.printf ?? noop, dst, src, '', false);
}

/** MergeTables(dst, src): like coalesceTables but nulls are kept. */
export function mergeTables(
  dst: GoMap | null,
  src: GoMap | null,
  opts: CoalesceOptions = {},
): GoMap | null {
  return coalesceTablesFullKey(opts.printf ?? noop, dst, src, '', true);
}

function coalesceTablesFullKey(
  printf: Printf,
  dst: GoMap | null,
  src: GoMap | null,
  prefix: string,
  merge: boolean,
): GoMap | null {
  if (src === null) return dst;
  if (dst === null) return src;
  // helm#31644: only a null over a non-null default deletes; a null over nothing stays.
  const srcNonNil = new Set(Object.keys(src).filter((k) => src[k] !== null));
  for (const key of Object.keys(dst)) if (dst[key] === null) src[key] = null;
  for (const key of Object.keys(src)) {
    const val = src[key] as GoValue;
    const fullkey = concatPrefix(prefix, key);
    const ok = mapHas(dst, key);
    const dv = dst[key] as GoValue;
    if (ok && !merge && dv === null && srcNonNil.has(key)) {
      delete dst[key];
    } else if (!ok) {
      dst[key] = val;
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(printf, dv, val, fullkey, merge);
      else
        printf(
          `warning: cannot overwrite table with non table for ${fullkey} (${formatValue(val)})`,
        );
    } else if (isTable(dv) && val !== null) {
      printf(
        `warning: destination for ${fullkey} is a table. Ignoring non-table value (${formatValue(val)})`,
      );
    }
  }
  return dst;
}
