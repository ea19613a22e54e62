/**
 * Helm's `tpl` and `include` over Go's template-set rules (helm/helm pkg/engine/engine.go
 * tplFun/includeFun; golang/go src/text/template/template.go New, AddParseTree, associate;
 * parse.IsEmptyTree). tplFun clones the set, then `t.New("gotpl").Parse(text)` and
 * `t.Execute`: an empty body (blanks and comments) never replaces a template already in the
 * set under its name, but the new template still gets the empty tree and Execute runs it.
 *
 * Every expected value below is what Helm v3.15.4 (`helm template`) printed for the same
 * templates and values (chart kept inline here; RD-1 parse order).
 *
 * Regression (issue 7): a log-shipper chart (fluent-bit-like) whose values hold a `tpl` of an
 * empty string inside a string rendered with `tpl` recursed until "exceeded maximum template
 * depth", because the nested call ran the set's `gotpl` (the outer string) instead of its own
 * empty tree.
 */
import { describe, expect, it } from '@jest/globals';
import { emptyMetadata, type Chart } from '../../src/chart/types.js';
import { render } from '../../src/engine/engine.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { newMap } from '../../src/gotemplate/values.js';

const enc = new TextEncoder();

function chart(templates: Record<string, string>): Chart {
  return {
    raw: [],
    metadata: { ...emptyMetadata(), name: 'c', version: '0.1.0', apiVersion: 'v2', type: '' },
    lock: null,
    templates: Object.entries(templates).map(([n, s]) => ({ name: n, data: enc.encode(s) })),
    values: newMap(),
    schema: null,
    files: [],
    parent: null,
    dependencies: [],
  };
}

const values = newMap<GoValue>([
  ['empty', ''],
  ['blank', '  '],
  ['comment', '{{/* only a comment */}}'],
  ['outer', '[{{ tpl .Values.empty . }}]'],
  ['outerBlank', '[{{ tpl .Values.blank . }}]'],
  ['outerComment', '[{{ tpl .Values.comment . }}]'],
  ['deep', 'a{{ tpl .Values.outer . }}b'],
]);

const helpers = [
  '{{- define "h" }}H{{ end -}}',
  '{{- define "blankdef" }}  {{ end -}}',
  '{{- define "gotpl" }}G{{ end -}}',
  '{{- define "twice" }}first{{ end -}}',
].join('\n');

function renderOne(body: string): string {
  const c = chart({
    'templates/_helpers.tpl': helpers,
    // Parsed before _helpers.tpl (RD-1: reverse byte order): its empty "twice" comes first,
    // and _helpers.tpl's non-empty one then replaces it.
    'templates/_z.tpl': '{{- define "twice" }} {{/* empty redefinition */}} {{ end -}}',
    'templates/t.yaml': body,
  });
  const top = newMap<GoValue>([
    ['Values', values],
    ['Release', newMap<GoValue>([['Name', 'r']])],
    ['Capabilities', newMap()],
  ]);
  return render(c, top).get('c/templates/t.yaml')!;
}

describe('tpl and include under text/template set rules (Helm v3.15.4 output)', () => {
  it.each([
    // Nested tpl of an empty / blank / comment-only string (the log-shipper regression).
    ['nested tpl of ""', '{{ tpl .Values.outer . }}', '[]'],
    ['nested tpl of blanks: the blank tree runs', '{{ tpl .Values.outerBlank . }}', '[  ]'],
    ['nested tpl of a comment', '{{ tpl .Values.outerComment . }}', '[]'],
    ['three levels deep', '{{ tpl .Values.deep . }}', 'a[]b'],
    ['top-level tpl of ""', '{{ tpl "" . }}', ''],
    ['top-level tpl of blanks', '{{ tpl "   " . }}', '   '],
    // define inside tpl.
    ['define inside tpl', '{{ tpl "{{define \\"d\\"}}D{{end}}{{include \\"d\\" .}}" . }}', 'D'],
    [
      'an empty define inside tpl keeps the chart template (associate)',
      '{{ tpl "{{define \\"h\\"}} {{end}}{{include \\"h\\" .}}" . }}',
      'H',
    ],
    [
      'a non-empty define inside tpl replaces it in the clone only',
      '{{ tpl "{{define \\"h\\"}}T{{end}}{{include \\"h\\" .}}" . }}|{{ include "h" . }}',
      'T|H',
    ],
    [
      "a nested tpl sees the outer tpl's defines (a clone of the clone)",
      '{{ tpl "{{define \\"d2\\"}}D2{{end}}{{ tpl \\"{{include \\\\\\"d2\\\\\\" .}}\\" . }}" . }}',
      'D2',
    ],
    [
      'nested tpl of include',
      '{{ tpl "{{ tpl \\"{{ include \\\\\\"h\\\\\\" . }}\\" . }}" . }}',
      'H',
    ],
    // include of blank bodies and redefinitions across files.
    ['include of a blank define prints the blanks', '{{ include "blankdef" . }}', '  '],
    ['an empty redefinition parsed first is replaced', '{{ include "twice" . }}', 'first'],
    ['tpl including a blank define', '{{ tpl "{{ include \\"blankdef\\" . }}|" . }}', '  |'],
    // A chart that defines "gotpl" itself: tpl's New("gotpl") still runs its own tree.
    ['include "gotpl" runs the chart define', '{{ include "gotpl" . }}', 'G'],
    ['tpl "" with a chart-defined gotpl prints nothing', '{{ tpl "" . }}', ''],
    ['tpl "x" with a chart-defined gotpl prints x', '{{ tpl "x" . }}', 'x'],
  ])('%s', (_name, body, want) => {
    expect(renderOne(body)).toBe(want);
  });

  it('include of "" names the missing template', () => {
    expect(() => renderOne('{{ include "" . }}')).toThrow(
      'error calling include: template: no template "" associated with template "gotpl"',
    );
  });
});
