/**
 * helm-template/coalesce-cases.json: Helm's values coalescing tests
 * (pkg/chartutil/coalesce_test.go) as data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyMetadata, setDependencies, type Chart } from '../../src/chart/types.js';
import { TemplateSet } from '../../src/gotemplate/template.js';
import type { GoMap, GoValue } from '../../src/gotemplate/values.js';
import { isMap, mapGet, mapHas, newMap } from '../../src/gotemplate/values.js';
import { helmFuncMap } from '../../src/engine/helm-funcs.js';
import { coalesceTables, coalesceValues, mergeValues } from '../../src/values/coalesce.js';
import { jsonToGo } from '../../src/values/strvals-json.js';
import { parseValuesYaml } from '../../src/yaml/index.js';
import type { CaseResult, Suite } from '../types.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface ChartJson {
  name: string;
  values?: Record<string, Json>;
  dependencies?: ChartJson[];
}

interface PathCheck {
  path: string[];
  equals?: Json;
  absent?: boolean;
  present?: boolean;
}

interface CoalesceCase {
  id: string;
  kind: 'coalesce-values' | 'coalesce-tables' | 'coalesce-warnings';
  function: string;
  chart?: ChartJson;
  user_values_yaml?: string;
  user_values?: Record<string, Json>;
  template_checks?: Array<{ template: string; expected: string }>;
  absent_paths?: string[][];
  checks?: PathCheck[];
  dst?: Record<string, Json>;
  src?: Record<string, Json> | null;
  expected_warnings_contain?: string[];
}

function buildChart(j: ChartJson): Chart {
  const chart: Chart = {
    raw: [],
    metadata: { ...emptyMetadata(), name: j.name, apiVersion: 'v2' },
    lock: null,
    templates: [],
    values: (j.values ? jsonToGo(j.values) : newMap()) as GoMap,
    schema: null,
    files: [],
    parent: null,
    dependencies: [],
  };
  setDependencies(chart, (j.dependencies ?? []).map(buildChart));
  return chart;
}

/** The value at `path`, or `undefined` when some key on the way is missing. */
function lookupPath(root: GoValue, path: readonly string[]): GoValue | undefined {
  let cur: GoValue | undefined = root;
  for (const key of path) {
    if (!isMap(cur) || !mapHas(cur, key)) return undefined;
    cur = mapGet(cur, key);
  }
  return cur;
}

function checkPath(result: GoMap, c: PathCheck): string | undefined {
  const v = lookupPath(result, c.path);
  const where = c.path.join('.');
  if (c.absent) return v === undefined ? undefined : `${where} should be absent`;
  if (c.present && v === undefined) return `${where} should be present`;
  if ('equals' in c && JSON.stringify(v ?? null) !== JSON.stringify(c.equals)) {
    return `${where}: expected ${JSON.stringify(c.equals)}, got ${JSON.stringify(v)}`;
  }
  return undefined;
}

function userValues(c: CoalesceCase): GoMap {
  if (c.user_values_yaml !== undefined) return parseValuesYaml(c.user_values_yaml);
  return jsonToGo((c.user_values ?? {}) as Json) as GoMap;
}

function runCase(c: CoalesceCase): CaseResult {
  const id = `coalesce/${c.id}`;
  const problems: string[] = [];
  let result: GoMap;
  if (c.kind === 'coalesce-tables') {
    result = jsonToGo((c.dst ?? {}) as Json) as GoMap;
    coalesceTables(result, c.src ? (jsonToGo(c.src) as GoMap) : null);
  } else {
    const warnings: string[] = [];
    const chart = buildChart(c.chart!);
    const fn = c.function === 'MergeValues' ? mergeValues : coalesceValues;
    result = fn(chart, userValues(c), { printf: (m) => warnings.push(m) });
    for (const w of c.expected_warnings_contain ?? []) {
      if (!warnings.some((got) => got.includes(w)))
        problems.push(`missing warning ${JSON.stringify(w)} (got ${JSON.stringify(warnings)})`);
    }
  }
  for (const t of c.template_checks ?? []) {
    const set = new TemplateSet({ funcs: helmFuncMap(), missingKey: 'default' });
    set.parse('check', t.template);
    const got = set.execute('check', result);
    if (got !== t.expected)
      problems.push(
        `${t.template}: expected ${JSON.stringify(t.expected)}, got ${JSON.stringify(got)}`,
      );
  }
  for (const p of c.absent_paths ?? []) {
    const problem = checkPath(result, { path: p, absent: true });
    if (problem) problems.push(problem);
  }
  for (const check of c.checks ?? []) {
    const problem = checkPath(result, check);
    if (problem) problems.push(problem);
  }
  return problems.length ? { id, ok: false, detail: problems.join('; ') } : { id, ok: true };
}

export function coalesceSuite(root: string): Suite {
  return {
    name: 'coalesce',
    async run() {
      const cases = JSON.parse(
        readFileSync(join(root, 'helm-template', 'coalesce-cases.json'), 'utf8'),
      ) as CoalesceCase[];
      return cases.map((c) => {
        try {
          return runCase(c);
        } catch (err) {
          return {
            id: `coalesce/${c.id}`,
            ok: false,
            detail: `crashed: ${(err as Error).stack ?? String(err)}`,
          };
        }
      });
    },
  };
}
