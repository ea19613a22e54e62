/**
 * ProcessDependenciesWithMerge, mirroring helm pkg/chartutil/dependencies.go (v3.21): match
 * Chart.yaml dependencies to loaded subcharts by name and version range, apply aliases (VAL-9),
 * enable/disable by tags then conditions (VAL-10), drop disabled subcharts recursively, then
 * import child values into parents (VAL-11). Mutates the chart tree in place, as Helm does.
 */
import { isMap, newMap, type GoMap, type GoValue } from '../gotemplate/values.js';
import { coalesceValues, mergeTables, mergeValues, type Printf } from './coalesce.js';
import { deepCopyMap } from './copy.js';
import { goTypeOf } from './strvals-scanner.js';
import { NoValueError, parsePath, pathValue, table } from './table.js';
import { isCompatibleRange } from '../chart/semver.js';
import { isNilCollection } from '../chart/metadata.js';
import { setDependencies, type Chart, type Dependency, type Metadata } from '../chart/types.js';

export interface DependencyOptions {
  /** Helm's log.Printf warnings. */
  printf?: Printf;
}

const noop: Printf = () => undefined;

/** ProcessDependencies(WithMerge): `values` are the user-supplied values. */
export function processDependencies(c: Chart, values: GoMap, opts: DependencyOptions = {}): void {
  const printf = opts.printf ?? noop;
  processDependencyEnabled(c, values, '', printf);
  processDependencyImportValues(c, printf);
}

function copyMetadata(md: Metadata): Metadata {
  return { ...md, dependencies: md.dependencies.map((d) => ({ ...d })) };
}

/** getAliasDependency: a renamed copy of the first subchart matching `dep`. */
function getAliasDependency(charts: Chart[], dep: Dependency): Chart | null {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version)) continue;
    const out: Chart = { ...c, metadata: copyMetadata(c.metadata) };
    setDependencies(
      out,
      c.dependencies.map((d) => ({ ...d })),
    );
    if (dep.alias !== '') out.metadata.name = dep.alias;
    return out;
  }
  return null;
}

function processDependencyTags(reqs: Dependency[], cvals: GoMap, printf: Printf): void {
  let vt: GoMap;
  try {
    vt = table(cvals, 'tags');
  } catch {
    return;
  }
  for (const r of reqs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags) {
      if (!Object.prototype.hasOwnProperty.call(vt, k)) continue;
      const b = vt[k] as GoValue;
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        printf(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

function processDependencyConditions(
  reqs: Dependency[],
  cvals: GoMap,
  cpath: string,
  printf: Printf,
): void {
  for (const r of reqs) {
    for (const cond of r.condition.trim().split(',')) {
      if (cond.length === 0) continue;
      let vv: GoValue;
      try {
        vv = pathValue(cvals, cpath + cond);
      } catch (e) {
        if (!(e instanceof NoValueError))
          printf(`Warning: PathValue returned error ${(e as Error).message}`);
        continue;
      }
      if (typeof vv === 'boolean') {
        r.enabled = vv;
        break;
      }
      printf(`Warning: Condition path '${cond}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function matchesRequirement(existing: Chart, reqs: Dependency[]): boolean {
  return reqs.some(
    (req) =>
      existing.metadata.name === req.name &&
      isCompatibleRange(req.version, existing.metadata.version),
  );
}

/** processDependencyEnabled: resolve aliases, flag and remove disabled subcharts, recurse. */
function processDependencyEnabled(c: Chart, v: GoMap, path: string, printf: Printf): void {
  const reqs = c.metadata.dependencies;
  // Go returns early on a nil Metadata.Dependencies (no `dependencies:` in Chart.yaml): the
  // subcharts are kept untouched and not recursed into. An explicit `[]` is processed.
  if (isNilCollection(reqs)) return;
  const chartDependencies = c.dependencies.filter(
    (existing) => !matchesRequirement(existing, reqs),
  );
  for (const req of reqs) {
    const dep = getAliasDependency(c.dependencies, req);
    if (dep) chartDependencies.push(dep);
    if (req.alias !== '') req.name = req.alias;
  }
  setDependencies(c, chartDependencies);
  for (const r of reqs) r.enabled = true;
  const cvals = coalesceValues(c, v, { printf });
  processDependencyTags(reqs, cvals, printf);
  processDependencyConditions(reqs, cvals, path, printf);
  const rm = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name));
  const cd = c.dependencies.filter((n) => !rm.has(n.metadata.name));
  const cdMetadata = reqs.filter((n) => !rm.has(n.name));
  for (const t of cd) processDependencyEnabled(t, cvals, `${path}${t.metadata.name}.`, printf);
  c.metadata.dependencies = cdMetadata;
  setDependencies(c, cd);
}

/** pathToMap: nest `data` under a dotted path (`.` = the root). */
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  let cur = data;
  const parts = parsePath(path);
  for (let i = parts.length - 1; i >= 0; i--) cur = newMap([[parts[i] as string, cur]]);
  return cur;
}

function importEntry(
  r: Dependency,
  riv: GoValue,
  cvals: GoMap,
  printf: Printf,
): { child: string; parent: string; data: GoMap | null } | null {
  if (isMap(riv)) {
    const child = riv['child'];
    const parent = riv['parent'];
    if (typeof child !== 'string' || typeof parent !== 'string') {
      const bad = typeof child !== 'string' ? child : parent;
      throw new Error(`interface conversion: interface {} is ${goTypeOf(bad)}, not string`);
    }
    try {
      return { child, parent, data: table(cvals, `${r.name}.${child}`) };
    } catch (e) {
      printf(`Warning: ImportValues missing table from chart ${r.name}: ${(e as Error).message}`);
      return { child, parent, data: null };
    }
  }
  if (typeof riv === 'string') {
    const child = `exports.${riv}`;
    try {
      return { child, parent: '.', data: table(cvals, `${r.name}.${child}`) };
    } catch (e) {
      printf(`Warning: ImportValues missing table: ${(e as Error).message}`);
      return { child, parent: '.', data: null };
    }
  }
  return null;
}

/** processImportValues (merge mode): children's tables under the parent's own values. */
function processImportValues(c: Chart, printf: Printf): void {
  if (isNilCollection(c.metadata.dependencies)) return;
  const cvals = mergeValues(c, null, { printf });
  let b: GoMap = newMap();
  for (const r of c.metadata.dependencies) {
    const outiv: GoValue[] = [];
    for (const riv of r.importValues) {
      const entry = importEntry(r, riv, cvals, printf);
      if (!entry) continue;
      outiv.push(
        newMap([
          ['child', entry.child],
          ['parent', entry.parent],
        ]),
      );
      if (entry.data)
        b = mergeTables(b, pathToMap(entry.parent, deepCopyMap(entry.data)), { printf }) ?? b;
    }
    r.importValues = outiv;
  }
  c.values = mergeTables(deepCopyMap(cvals), b, { printf }) ?? newMap();
}

function processDependencyImportValues(c: Chart, printf: Printf): void {
  for (const d of c.dependencies) processDependencyImportValues(d, printf);
  processImportValues(c, printf);
}
