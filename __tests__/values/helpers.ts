// Small builders for charts in memory, shared by chart/ and values/ tests.
import { newMap, type GoMap, type GoValue } from '../../src/gotemplate/values.js';
import { jsonToGo } from '../../src/values/strvals-json.js';
import {
  addDependency,
  emptyMetadata,
  type Chart,
  type Dependency,
} from '../../src/chart/types.js';

export interface ChartSpec {
  name: string;
  version?: string;
  values?: unknown;
  dependencies?: ChartSpec[];
  requirements?: Partial<Dependency>[];
}

export function goMap(v: unknown): GoMap {
  return (v === null || v === undefined ? newMap() : jsonToGo(v as never)) as GoMap;
}

export function dependency(d: Partial<Dependency>): Dependency {
  return {
    name: '',
    version: '',
    repository: '',
    condition: '',
    tags: [],
    enabled: false,
    importValues: [],
    alias: '',
    ...d,
  };
}

export function buildChart(spec: ChartSpec): Chart {
  const metadata = {
    ...emptyMetadata(),
    name: spec.name,
    version: spec.version ?? '0.1.0',
    apiVersion: 'v2',
  };
  metadata.dependencies = (spec.requirements ?? []).map(dependency);
  const c: Chart = {
    raw: [],
    metadata,
    lock: null,
    templates: [],
    values: goMap(spec.values),
    schema: null,
    files: [],
    parent: null,
    dependencies: [],
  };
  for (const d of spec.dependencies ?? []) addDependency(c, buildChart(d));
  return c;
}

/** Follow a key path through nested maps; undefined when absent. */
export function at(m: GoValue, path: string[]): GoValue | undefined {
  let cur: GoValue | undefined = m;
  for (const k of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || Array.isArray(cur))
      return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as GoMap)[k];
  }
  return cur;
}
