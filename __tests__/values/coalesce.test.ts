// Coalescing: every case of conformance/helm-template/coalesce-cases.json (from helm
// pkg/chartutil/coalesce_test.go v3.21.4). VAL-3 (user wins, maps merge), VAL-4 (null deletes),
// VAL-5 (type-clash warnings), VAL-6 (parent overrides subchart), VAL-7 (globals flow down).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { TemplateSet } from '../../src/gotemplate/template.js';
import { parseValuesYaml } from '../../src/yaml/index.js';
import {
  coalesceTables,
  coalesceValues,
  mergeValues,
  mergeTables,
  CoalesceError,
} from '../../src/values/coalesce.js';
import type { GoMap } from '../../src/gotemplate/values.js';
import { at, buildChart, goMap, type ChartSpec } from './helpers.js';

const CASES = '/work/shared/conformance/helm-template/coalesce-cases.json';

interface Check {
  path: string[];
  equals?: unknown;
  absent?: boolean;
  present?: boolean;
}
interface Case {
  id: string;
  kind: string;
  function: string;
  chart?: ChartSpec;
  user_values_yaml?: string;
  user_values?: unknown;
  template_checks?: { template: string; expected: string }[];
  absent_paths?: string[][];
  present_paths?: string[][];
  present_null_paths?: string[][];
  checks?: Check[];
  dst?: unknown;
  src?: unknown;
  expected_warnings_contain?: string[];
}

const cases = JSON.parse(readFileSync(CASES, 'utf8')) as Case[];

function userValues(c: Case): GoMap {
  return c.user_values_yaml !== undefined
    ? parseValuesYaml(c.user_values_yaml)
    : goMap(c.user_values);
}

function run(c: Case, printf?: (m: string) => void): GoMap {
  const chart = buildChart(c.chart as ChartSpec);
  const fn = c.function === 'MergeValues' ? mergeValues : coalesceValues;
  return fn(chart, userValues(c), { printf });
}

function expectChecks(m: GoMap, checks: Check[]): void {
  for (const check of checks) {
    const v = at(m, check.path);
    if (check.absent) expect({ path: check.path, v }).toEqual({ path: check.path, v: undefined });
    if (check.present) expect(v).not.toBeUndefined();
    if ('equals' in check) expect(v).toEqual(check.equals);
  }
}

describe('coalesce-cases.json', () => {
  const valueCases = cases.filter((c) => c.kind === 'coalesce-values');
  it.each(valueCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const input = userValues(c);
    const before = JSON.stringify(input);
    const result = run(c);
    const set = new TemplateSet({ funcs: new Map() });
    for (const [i, t] of (c.template_checks ?? []).entries()) {
      set.parse(`t${i}`, t.template);
      expect([t.template, set.execute(`t${i}`, result)]).toEqual([t.template, t.expected]);
    }
    for (const p of c.absent_paths ?? []) expect([p, at(result, p)]).toEqual([p, undefined]);
    for (const p of c.present_paths ?? []) expect(at(result, p)).not.toBeUndefined();
    for (const p of c.present_null_paths ?? []) expect([p, at(result, p)]).toEqual([p, null]);
    expectChecks(result, c.checks ?? []);
    if (c.chart) {
      // must_not_mutate_input: the user's map is copied first.
      expect(JSON.stringify(input)).toBe(before);
    }
  });

  const tableCases = cases.filter((c) => c.kind === 'coalesce-tables');
  it.each(tableCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const dst = goMap(c.dst);
    const out = coalesceTables(dst, c.src === null ? null : goMap(c.src));
    expect(out).toBe(dst);
    expectChecks(dst, c.checks ?? []);
  });

  const warningCases = cases.filter((c) => c.kind === 'coalesce-warnings');
  it.each(warningCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const warnings: string[] = [];
    run(c, (m) => warnings.push(m));
    for (const w of c.expected_warnings_contain ?? []) expect(warnings).toContain(w);
  });
});

describe('coalesceValues edge cases (coalesce.go)', () => {
  it('VAL-6: a non-table under a subchart key is a type mismatch', () => {
    const chart = buildChart({ name: 'top', dependencies: [{ name: 'sub' }] });
    expect(() => coalesceValues(chart, goMap({ sub: 'x' }))).toThrow(
      new CoalesceError('type mismatch on sub: %!t(string=x)'),
    );
  });

  it('VAL-7: subchart-only global keys survive and nothing flows upward', () => {
    const chart = buildChart({
      name: 'top',
      values: { global: { a: 'top' } },
      dependencies: [{ name: 'sub', values: { global: { a: 'sub', b: 'sub' } } }],
    });
    const out = coalesceValues(chart, null);
    expect(at(out, ['sub', 'global'])).toEqual(goMap({ a: 'top', b: 'sub' }));
    expect(at(out, ['global'])).toEqual(goMap({ a: 'top' }));
  });

  it('VAL-4: a null for a key absent from the defaults stays present', () => {
    const chart = buildChart({ name: 'c', values: { a: 1 } });
    const out = coalesceValues(chart, goMap({ b: null }));
    expect(at(out, ['b'])).toBeNull();
  });

  it('MergeTables keeps nulls that CoalesceTables deletes', () => {
    expect(mergeTables(goMap({ a: null }), goMap({ a: 1 }))).toEqual(goMap({ a: null }));
    expect(coalesceTables(goMap({ a: null }), goMap({ a: 1 }))).toEqual(goMap({}));
  });

  it('VAL-5: warns with the chart-prefixed key when a table meets a scalar default', () => {
    const warnings: string[] = [];
    const chart = buildChart({ name: 'c', values: { a: 'scalar', t: { x: 1 } } });
    coalesceValues(chart, goMap({ a: { b: 1 }, t: { x: { y: 1 } } }), {
      printf: (m) => warnings.push(m),
    });
    expect(warnings.sort()).toEqual([
      'warning: destination for c.t.x is a table. Ignoring non-table value (1)',
      'warning: skipped value for c.a: Not a table.',
    ]);
  });
});
