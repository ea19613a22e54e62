/**
 * Helm's rendering engine (helm/helm pkg/engine/engine.go, v3.21): every template of the chart
 * tree is parsed into ONE template set (RD-1), every non-partial executed with its chart's
 * scoped values, and `<no value>` stripped from the output (RD-3).
 */
import { chartFullPath, isRoot, type Chart } from '../chart/types.js';
import { TemplateSet } from '../gotemplate/template.js';
import type { Clock } from '../gotime/clock.js';
import type { GoMap, GoValue } from '../gotemplate/values.js';
import { compareGoStrings, isMap, mapGet, newMap } from '../gotemplate/values.js';
import { goStringFromBytes } from '../util/go-bytes.js';
import { ChartInfoStruct } from '../chart/metadata-struct.js';
import { cleanupExecError, cleanupParseError } from './errors.js';
import { newFiles } from './files.js';
import { helmFuncMap } from './helm-funcs.js';
import { bindLateFuncs, type LookupFunc } from './late-funcs.js';
import { pathBase } from '../util/go-path.js';

export interface EngineOptions {
  /** missingkey=error instead of zero (helm lint --strict). */
  readonly strict?: boolean;
  /** `required` and `fail` do not abort (helm lint). */
  readonly lintMode?: boolean;
  /** Live `lookup`; without it lookup returns an empty map, as offline Helm does. */
  readonly lookup?: LookupFunc;
  /** The clock template functions read (certificates' validity); the real one by default. */
  readonly clock?: Clock;
}

/** One file to render: its source and the scoped top-level context it runs with. */
export interface Renderable {
  readonly tpl: string;
  readonly vals: GoMap;
  readonly basePath: string;
}

const NO_VALUE = /<no value>/g;

/**
 * Render every template of `chart` with `values` (the map built by toRenderValues: Values,
 * Release, Capabilities, ...). Returns template path → rendered text, partials excluded.
 * Throws RenderError (parse or execution) with Helm's message.
 */
export function render(
  chart: Chart,
  values: GoMap,
  options: EngineOptions = {},
): Map<string, string> {
  const templates = new Map<string, Renderable>();
  collectTemplates(chart, templates, values);
  return renderTemplates(templates, options);
}

/** Parse and execute order (RD-1): deeper paths first, then reverse byte-wise order. */
export function sortTemplates(names: Iterable<string>): string[] {
  // Each name's depth counted once, not at every comparison.
  const keyed = [...names].map((name) => ({ name, depth: slashes(name) }));
  keyed.sort((a, b) => b.depth - a.depth || compareGoStrings(b.name, a.name));
  return keyed.map((k) => k.name);
}

function slashes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) n++;
  return n;
}

/**
 * Helm's `render`: parse every template into one set in sortTemplates order, then execute each
 * non-partial with its own context (which gains `.Template`), stripping `<no value>`.
 */
export function renderTemplates(
  templates: ReadonlyMap<string, Renderable>,
  options: EngineOptions = {},
): Map<string, string> {
  const set = new TemplateSet({
    name: 'gotpl',
    funcs: helmFuncMap(options.clock ? { clock: options.clock } : {}),
    missingKey: options.strict ? 'error' : 'zero',
  });
  bindLateFuncs(set, { lintMode: options.lintMode ?? false, lookup: options.lookup });
  const keys = sortTemplates(templates.keys());
  for (const name of keys) {
    try {
      set.parse(name, templates.get(name)!.tpl);
    } catch (err) {
      throw cleanupParseError(name, err);
    }
  }
  const rendered = new Map<string, string>();
  for (const name of keys) {
    if (pathBase(name).startsWith('_')) continue;
    const r = templates.get(name)!;
    // Helm mutates the chart's shared context, so `.Template` inside an include names this file.
    r.vals['Template'] = newMap([
      ['Name', name],
      ['BasePath', r.basePath],
    ]);
    let out: string;
    try {
      out = set.execute(name, r.vals);
    } catch (err) {
      throw cleanupExecError(name, err);
    }
    rendered.set(name, out.replace(NO_VALUE, ''));
  }
  return rendered;
}

/** A library chart contributes only its partials (VAL-12). */
function isTemplateValid(chart: Chart, name: string): boolean {
  if (chart.metadata.type === 'library') return pathBase(name).startsWith('_');
  return true;
}

/** Helm's recAllTpls: scope values per chart and collect every template of the tree. */
function collectTemplates(chart: Chart, out: Map<string, Renderable>, parent: GoMap): GoMap {
  const subcharts = newMap();
  const next = newMap([
    ['Chart', new ChartInfoStruct(chart.metadata, isRoot(chart))],
    ['Files', newFiles(chart.files)],
    ['Release', mapGet(parent, 'Release') ?? null],
    ['Capabilities', mapGet(parent, 'Capabilities') ?? null],
    ['Values', scopedValues(chart, parent)],
    ['Subcharts', subcharts],
  ]);
  for (const child of chart.dependencies) {
    subcharts[child.metadata.name] = collectTemplates(child, out, next);
  }
  const fullPath = chartFullPath(chart);
  for (const t of chart.templates) {
    if (!isTemplateValid(chart, t.name)) continue;
    out.set(`${fullPath}/${t.name}`, {
      tpl: goStringFromBytes(t.data),
      vals: next,
      basePath: `${fullPath}/templates`,
    });
  }
  return next;
}

/** The root sees all values; a subchart sees `.Values.<name>` when it is a table, else {}. */
function scopedValues(chart: Chart, parent: GoMap): GoValue {
  const values = mapGet(parent, 'Values') ?? null;
  if (isRoot(chart)) return values;
  if (!isMap(values)) return newMap();
  const sub = mapGet(values, chart.metadata.name);
  return isMap(sub) ? sub : newMap();
}
