/**
 * Engine benchmarks (issue: Go templates): parse and execute a 2,000-line template with nested
 * ranges, includes and pipelines; 10,000 `include` calls; a generated 500-template chart.
 */
import { render } from '../src/engine/engine.js';
import { emptyMetadata, type Chart } from '../src/chart/types.js';
import { helmFuncMap } from '../src/engine/helm-funcs.js';
import { bindLateFuncs } from '../src/engine/late-funcs.js';
import { TemplateSet } from '../src/gotemplate/template.js';
import { newMap, type GoMap } from '../src/gotemplate/values.js';
import type { BenchRow } from './table.js';

const HELPERS = `{{- define "b.labels" -}}
app: {{ .name | quote }}
tier: {{ .tier | default "web" | upper | quote }}
{{- end -}}
{{- define "b.item" -}}{{ printf "%s-%d" .name (len .name) | trunc 20 }}{{- end -}}`;

/** A template of about `lines` lines mixing ranges, includes and pipelines. */
function bigTemplate(lines: number): string {
  const block = `{{- range $i, $svc := .Values.services }}
- name: {{ $svc.name | lower | quote }}
  index: {{ $i }}
  labels:
    {{- include "b.labels" $svc | nindent 4 }}
  ports:
  {{- range $svc.ports }}
    - {{ . | toString | quote }}
  {{- end }}
  item: {{ include "b.item" $svc }}
  {{- if and $svc.enabled (gt (len $svc.ports) 1) }}
  multi: true
  {{- else }}
  multi: false
  {{- end }}
{{- end }}
`;
  const blockLines = block.split('\n').length;
  return Array.from({ length: Math.ceil(lines / (blockLines - 1)) }, () => block).join('');
}

function values(): GoMap {
  const services = Array.from({ length: 20 }, (_, i) =>
    newMap([
      ['name', `Service-${i}`],
      ['tier', i % 2 ? 'db' : ''],
      ['enabled', i % 3 !== 0],
      ['ports', [80, 443, 8080].slice(0, 1 + (i % 3))],
    ]),
  );
  return newMap([['Values', newMap([['services', services]])]]);
}

/** A template set with Helm's functions, include and tpl bound to it, as the engine builds it. */
function helmSet(): TemplateSet {
  const set = new TemplateSet({ name: 'gotpl', funcs: helmFuncMap() });
  bindLateFuncs(set, { lintMode: false });
  return set;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export function benchEngine(): BenchRow[] {
  const rows: BenchRow[] = [];
  const text = bigTemplate(2000);
  const before = heapMb();
  const set = helmSet();
  set.parse('helpers', HELPERS);
  const parse = time(() => set.parse('big', text));
  const exec = time(() => set.execute('big', values()));
  const after = process.memoryUsage().heapUsed / 1024 / 1024;
  rows.push({
    name: 'parse 2,000-line template',
    value: parse.ms,
    unit: 'ms',
    note: `${text.split('\n').length} lines`,
  });
  rows.push({
    name: 'execute 2,000-line template',
    value: exec.ms,
    unit: 'ms',
    note: `${(exec.result.length / 1024).toFixed(0)} KiB out, heap +${(after - before).toFixed(1)} MB`,
  });
  const again = time(() => set.execute('big', values()));
  rows.push({ name: 'execute it again (parsed once)', value: again.ms, unit: 'ms' });

  const includes = helmSet();
  includes.parse('h', '{{define "one"}}{{ .n }}{{end}}');
  includes.parse('many', '{{ range $i := until 10000 }}{{ include "one" (dict "n" $i) }}{{ end }}');
  rows.push({
    name: '10,000 include calls',
    value: time(() => includes.execute('many', null)).ms,
    unit: 'ms',
  });

  rows.push(benchGeneratedChart(500));
  return rows;
}

const enc = new TextEncoder();

/** A generated chart of `n` templates, each including helpers and ranging over values. */
function benchGeneratedChart(n: number): BenchRow {
  const templates = [{ name: 'templates/_helpers.tpl', data: enc.encode(HELPERS) }];
  for (let i = 0; i < n; i++) {
    templates.push({
      name: `templates/t${i}.yaml`,
      data: enc.encode(
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  labels:\n    {{- include "b.labels" (dict "name" "x${i}") | nindent 4 }}\ndata:\n{{- range $k, $v := .Values.data }}\n  {{ $k }}: {{ $v | quote }}\n{{- end }}\n`,
      ),
    });
  }
  const chart: Chart = {
    raw: [],
    metadata: { ...emptyMetadata(), name: 'gen', version: '1.0.0', apiVersion: 'v2' },
    lock: null,
    templates,
    values: newMap(),
    schema: null,
    files: [],
    parent: null,
    dependencies: [],
  };
  const data = newMap(Array.from({ length: 20 }, (_, i) => [`k${i}`, `v${i}`] as [string, string]));
  const top = newMap([
    ['Values', newMap([['data', data]])],
    ['Release', newMap([['Name', 'r']])],
  ]);
  const before = heapMb();
  const r = time(() => render(chart, top));
  const after = process.memoryUsage().heapUsed / 1024 / 1024;
  return {
    name: `render a generated ${n}-template chart`,
    value: r.ms,
    unit: 'ms',
    note: `heap +${(after - before).toFixed(1)} MB`,
  };
}
