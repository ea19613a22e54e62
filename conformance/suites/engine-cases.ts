/**
 * helm-template/engine-cases.json: Helm's engine tests (pkg/engine/*_test.go) transcribed as
 * data; its README explains each kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyMetadata, setDependencies, type Chart } from '../../src/chart/types.js';
import { render, renderTemplates, sortTemplates } from '../../src/engine/engine.js';
import { newFiles } from '../../src/engine/files.js';
import { helmFuncMap } from '../../src/engine/helm-funcs.js';
import { LATE_FUNC_NAMES } from '../../src/engine/late-funcs.js';
import { TemplateSet } from '../../src/gotemplate/template.js';
import type { GoMap, GoValue } from '../../src/gotemplate/values.js';
import { isMap, mapGet, newMap } from '../../src/gotemplate/values.js';
import { coalesceValues } from '../../src/values/coalesce.js';
import { jsonToGo } from '../../src/values/strvals-json.js';
import { firstDifference, type CaseResult, type Suite } from '../types.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface ChartJson {
  name: string;
  version?: string;
  templates: Record<string, string>;
  files?: Record<string, string>;
  values?: Record<string, Json>;
  dependencies?: ChartJson[];
}

interface EngineCase {
  id: string;
  kind: string;
  [key: string]: unknown;
}

const encoder = new TextEncoder();
const toBytes = (s: string) => encoder.encode(s);

function buildChart(j: ChartJson): Chart {
  const metadata = { ...emptyMetadata(), name: j.name, version: j.version ?? '', apiVersion: 'v2' };
  const chart: Chart = {
    raw: [],
    metadata,
    lock: null,
    templates: Object.entries(j.templates).map(([name, src]) => ({ name, data: toBytes(src) })),
    values: (j.values ? jsonToGo(j.values) : newMap()) as GoMap,
    schema: null,
    files: Object.entries(j.files ?? {}).map(([name, src]) => ({ name, data: toBytes(src) })),
    parent: null,
    dependencies: [],
  };
  setDependencies(chart, (j.dependencies ?? []).map(buildChart));
  return chart;
}

function topValues(c: EngineCase, chart: Chart): GoMap {
  const top = jsonToGo((c.top_values ?? {}) as Json) as GoMap;
  if (c.values_mode === 'coalesce-into-Values') {
    top['Values'] = coalesceValues(chart, jsonToGo((c.user_values ?? {}) as Json) as GoMap);
  }
  return top;
}

interface ExpectedError {
  match: 'exact' | 'contains' | 'suffix' | 'any';
  text: string;
}

function checkError(id: string, expected: ExpectedError, err: unknown): CaseResult {
  const msg = err instanceof Error ? err.message : String(err);
  const ok =
    expected.match === 'any' ||
    (expected.match === 'exact' && msg === expected.text) ||
    (expected.match === 'contains' && msg.includes(expected.text)) ||
    (expected.match === 'suffix' && msg.endsWith(expected.text));
  return ok
    ? { id, ok }
    : {
        id,
        ok,
        detail: `error ${JSON.stringify(msg)} does not match ${expected.match} ${JSON.stringify(expected.text)}`,
      };
}

function checkOutputs(id: string, c: EngineCase, out: Map<string, string>): CaseResult {
  const expected = (c.expected ?? {}) as Record<string, string>;
  for (const [name, text] of Object.entries(expected)) {
    const got = out.get(name);
    if (got === undefined) return { id, ok: false, detail: `no output for ${name}` };
    if (got !== text) return { id, ok: false, detail: `${name}: ${firstDifference(text, got)}` };
  }
  if (typeof c.expected_count === 'number' && out.size !== c.expected_count) {
    return { id, ok: false, detail: `expected ${c.expected_count} outputs, got ${out.size}` };
  }
  return { id, ok: true };
}

function engineOptions(c: EngineCase) {
  const o = (c.options ?? {}) as { lint_mode?: boolean; strict?: boolean };
  return { lintMode: o.lint_mode ?? false, strict: o.strict ?? false };
}

function runRender(id: string, c: EngineCase, produce: () => Map<string, string>): CaseResult {
  try {
    const out = produce();
    if (c.expected_error)
      return { id, ok: false, detail: 'expected an error, rendering succeeded' };
    return checkOutputs(id, c, out);
  } catch (err) {
    if (c.expected_error) return checkError(id, c.expected_error as ExpectedError, err);
    return { id, ok: false, detail: `unexpected error: ${(err as Error).message}` };
  }
}

function plainSet(): TemplateSet {
  return new TemplateSet({ funcs: helmFuncMap(), missingKey: 'default' });
}

interface FilesCheck {
  source: string;
  call: Array<[string, ...string[]]>;
  expected?: string;
  expected_len?: number;
  expected_items?: Record<string, string>;
}

/** A method chain such as `[["Glob","x/**"],["Get","y"]]` as template source. */
function chainSource(call: FilesCheck['call']): string {
  let expr = '.Files';
  for (const [method, ...args] of call) {
    const argText = args.map((a) => JSON.stringify(a)).join(' ');
    expr = `(${expr}).${method}${argText ? ` ${argText}` : ''}`;
  }
  return expr;
}

function runFiles(id: string, c: EngineCase): CaseResult {
  const fileMap = c.files as Record<string, string>;
  const files = newFiles(Object.entries(fileMap).map(([name, s]) => ({ name, data: toBytes(s) })));
  const exec = (src: string) => {
    const set = plainSet();
    set.parse('t', src);
    return set.execute('t', newMap([['Files', files]]));
  };
  for (const check of c.checks as FilesCheck[]) {
    const expectations: Array<[string, string]> = [];
    if (check.expected === "<that file's content>") {
      for (const [name, content] of Object.entries(fileMap)) {
        expectations.push([`{{ .Files.Get ${JSON.stringify(name)} }}`, content]);
        expectations.push([`{{ .Files.GetBytes ${JSON.stringify(name)} | printf "%s" }}`, content]);
      }
    } else {
      const chain = chainSource(check.call);
      if (check.expected !== undefined) expectations.push([`{{ ${chain} }}`, check.expected]);
      if (check.expected_len !== undefined)
        expectations.push([`{{ len (${chain}) }}`, String(check.expected_len)]);
      for (const [i, item] of Object.entries(check.expected_items ?? {})) {
        expectations.push([`{{ index (${chain}) ${i} }}`, item]);
      }
    }
    for (const [src, want] of expectations) {
      const got = exec(src);
      if (got !== want)
        return { id, ok: false, detail: `${check.source} ${src}: ${firstDifference(want, got)}` };
    }
  }
  return { id, ok: true };
}

function runCase(c: EngineCase): CaseResult {
  const id = `engine/${c.id}`;
  switch (c.kind) {
    case 'sort-templates': {
      const got = sortTemplates(c.input as string[]);
      const ok = JSON.stringify(got) === JSON.stringify(c.expected);
      return ok ? { id, ok } : { id, ok, detail: `got ${JSON.stringify(got)}` };
    }
    case 'funcmap-names': {
      const names = new Set([...helmFuncMap().keys(), ...LATE_FUNC_NAMES]);
      const missing = (c.must_exist as string[]).filter((n) => !names.has(n));
      const extra = (c.must_not_exist as string[]).filter((n) => names.has(n));
      const ok = missing.length === 0 && extra.length === 0;
      return ok
        ? { id, ok }
        : { id, ok, detail: `missing ${missing.join(',')} present ${extra.join(',')}` };
    }
    case 'chart-render': {
      const chart = buildChart(c.chart as ChartJson);
      return runRender(id, c, () => render(chart, topValues(c, chart), engineOptions(c)));
    }
    case 'internal-render': {
      const tpls = c.templates as Record<string, { tpl: string; vals: Json }>;
      const renderables = new Map(
        Object.entries(tpls).map(([name, t]) => [
          name,
          { tpl: t.tpl, vals: jsonToGo(t.vals) as GoMap, basePath: '' },
        ]),
      );
      return runRender(id, c, () => renderTemplates(renderables, engineOptions(c)));
    }
    case 'funcmap':
    case 'funcmap-data': {
      const set = plainSet();
      const data = jsonToGo((c.data ?? null) as Json);
      set.parse('test', c.template as string);
      const got = set.execute('test', data);
      if (c.kind === 'funcmap') {
        return got === c.expected
          ? { id, ok: true }
          : { id, ok: false, detail: firstDifference(String(c.expected), got) };
      }
      const at = isMap(data) ? mapGet(data, c.expected_data_at as string) : undefined;
      return deepEqualJson(at ?? null, c.expected_data as Json)
        ? { id, ok: true }
        : { id, ok: false, detail: `data at ${String(c.expected_data_at)} differs` };
    }
    case 'files':
      return runFiles(id, c);
    default:
      return { id, ok: false, detail: `unknown case kind ${c.kind}` };
  }
}

function deepEqualJson(v: GoValue, j: Json): boolean {
  return JSON.stringify(toPlain(v)) === JSON.stringify(sortJson(j));
}

function toPlain(v: GoValue): Json {
  if (Array.isArray(v)) return v.map(toPlain);
  if (isMap(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, toPlain(v[k] ?? null)]),
    );
  if (v !== null && typeof v === 'object' && 'value' in v)
    return Number((v as { value: bigint }).value);
  return v as Json;
}

function sortJson(j: Json): Json {
  if (Array.isArray(j)) return j.map(sortJson);
  if (j !== null && typeof j === 'object')
    return Object.fromEntries(
      Object.keys(j)
        .sort()
        .map((k) => [k, sortJson(j[k]!)]),
    );
  return j;
}

export function engineSuite(root: string): Suite {
  return {
    name: 'engine',
    async run() {
      const cases = JSON.parse(
        readFileSync(join(root, 'helm-template', 'engine-cases.json'), 'utf8'),
      ) as EngineCase[];
      return cases.map((c) => {
        try {
          return runCase(c);
        } catch (err) {
          return {
            id: `engine/${c.id}`,
            ok: false,
            detail: `crashed: ${(err as Error).stack ?? String(err)}`,
          };
        }
      });
    },
  };
}
