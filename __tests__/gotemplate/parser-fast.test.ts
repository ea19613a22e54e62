// The parser's fast path for simple actions (src/gotemplate/parser-fast.ts, issue 10) against
// the general parser: every conformance template and seeded mutations of chart excerpts and of
// snippets covering the fast grammar's edges parse to the same trees (every field, position and
// line) or fail with the same error (message, line, column), with the fast path on and off.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { TemplateParseError } from '../../src/gotemplate/errors.js';
import { Lexer } from '../../src/gotemplate/lexer.js';
import { parse, type ParseOptions } from '../../src/gotemplate/parser.js';
import { seededRandom as prng } from '../../src/util/seeded-random.js';

const CONFORMANCE = '/work/shared/conformance';
const FUNCS = new Set([
  'include',
  'quote',
  'default',
  'toYaml',
  'nindent',
  'indent',
  'printf',
  'eq',
  'ne',
  'and',
  'or',
  'not',
  'len',
  'index',
  'list',
  'dict',
  'tpl',
  'trunc',
  'trimSuffix',
  'required',
]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function corpus(): string[] {
  return [
    ...walk(join(CONFORMANCE, 'real-charts/charts')).filter((f) => f.includes('/templates/')),
    ...walk(join(CONFORMANCE, 'helm-template/charts')).filter((f) => /\.(yaml|tpl|txt)$/.test(f)),
    ...walk(join(CONFORMANCE, 'generated/charts')).filter((f) =>
      /\/charts\/fz\d+\/templates\/.*\.(yaml|tpl|txt)$/.test(f),
    ),
  ];
}

/** The parse result as text: every tree in full, or the error with its line and column. */
function outcome(name: string, text: string, options: ParseOptions): string {
  try {
    const trees = parse(name, text, options);
    return JSON.stringify([...trees], (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch (e) {
    if (!(e instanceof TemplateParseError)) throw e;
    return `error ${e.message} @${e.line}:${e.col ?? '-'}`;
  }
}

function difference(text: string, funcs: ParseOptions['funcs']): string | undefined {
  const general = outcome('t', text, { funcs, fastPath: false });
  const fast = outcome('t', text, { funcs, fastPath: true });
  return general === fast
    ? undefined
    : `${JSON.stringify(text).slice(0, 300)}\n general: ${general.slice(0, 300)}\n fast:    ${fast.slice(0, 300)}`;
}

const SNIPPETS = [
  '{{ .Values.a.b }}{{.}}{{ . }}{{ $ }}{{ $.Values.x }}',
  '{{- include "x" . | nindent 4 }}\n{{ include "y" $ | indent 2 -}}',
  '{{ $v := default "a" .b }}{{ $v }}{{ $v = "c" }}{{ $v.f.g }}',
  '{{- if (eq .a "b") }}x{{ else }}y{{ end -}}',
  '{{ range $k, $v := .m }}{{ $k }}={{ $v }}{{ end }}{{ range $i := .l }}{{ $i }}{{ end }}',
  '{{ with .x }}{{ .y }}{{ else with .z }}{{ . }}{{ end }}',
  '{{ if .a }}{{ else if .b }}{{ end }}',
  '{{ printf "%s-%d" .a 42 | quote }}{{ "s\\t\\"q" }}{{ `raw` }}{{ true }}{{ false | not }}',
  '{{ and (or .a .b) (not .c) }}{{ len (list 1 2 3) }}{{ index .m "k" }}',
  '{{ define "d" }}{{ .x }}{{ end }}{{ template "d" . }}{{ block "b" . }}{{ .y }}{{ end }}',
  '{{ ( ( ( .x ) ) ) }}{{- .x  -}}{{$w:=2}}{{ $w }}',
  // Each of these is an error (or a construct the fast path leaves alone) on its own.
  ...[
    '{{ .a | .b }}',
    '{{ 1 | 2 }}',
    '{{ .x "arg" }}',
    '{{ $undefined }}',
    '{{ nope 1 }}',
    '{{ $x, $y := . }}',
    '{{ range $a, $b, $c := . }}{{ end }}',
    '{{ $z= 1 }}',
    '{{ $z=1 }}',
    '{{ $w == 3 }}',
    '{{ 08 }}',
    '{{ 1.5 }}{{ 1e3 }}{{ 0x1F }}{{ -1 }}{{ .5 }}',
    '{{ .a.5 }}',
    '{{ (.a).b }}',
    '{{ () }}',
    '{{end}}',
    '{{else}}',
    '{{ if }}{{ end }}',
    '{{ if .x }}{{ end-}}',
    '{{ .x-}}',
    '{{-.x}}',
    '{{ .x | }}',
    '{{ .x || .y }}',
    '{{ é }}',
    '{{ .é }}',
    '{{ .a\t}}',
    '{{ "multi\nline" }}',
    '{{ `raw\nline` }}',
    // The remembered next newline (parser-fast.ts nextNewline) across raw strings and lines.
    '{{ `a` }}{{ `b\nc` }}{{ `d` }}\n{{ `e` }}{{ `f\n` }}\n\n{{ `g` }}{{ `h` | quote }}',
    '{{ `one` }}{{ `two` }}\n{{ `x\n\ny` }}{{ `three` }}',
    '{{ .a\n}}',
    '{{ if .a }}{{-\nend}}',
    '{{ if .a }}{{- \nelse }}{{ end }}',
    '{{ if .x\n}}{{ end }}',
    '{{ nil }}',
    '{{ range . }}{{ break }}{{ end }}',
    '{{ range . }}{{ continue }}{{ end }}',
    '{{ nil }}{{ nill }}{{ ifx }}{{ ends }}{{ elsewhere }}{{ withx }}{{ ranges }}{{ blocks }}',
    '{{ breaks }}{{ defined }}{{ templates }}{{ continued }}{{ rang }}{{ wit }}{{ els }}{{ en }}',
    '{{ .x)}}',
    '{{ (.x }}',
    '{{ $.x.y | quote | trunc 3 }}',
    '{{ "a""b" }}',
    '{{ $x := }}',
    '{{ else }}',
    '{{ define "d" }}{{ else }}{{ end }}',
  ],
];

const PIECES = [
  '{{',
  '}}',
  ' -}}',
  '{{- ',
  ' ',
  '\n',
  '\t',
  '"',
  '`',
  '\\',
  '$',
  '$x',
  '.',
  '.a',
  '(',
  ')',
  '|',
  ':=',
  '=',
  ',',
  '0',
  '7',
  'if ',
  'end',
  'else',
  'range ',
  'with ',
  'include',
  'é',
];

describe('parser: the fast path gives the general parser’s trees and errors', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('reads most actions of real charts without the lexer', () => {
    const text = readFileSync(
      join(CONFORMANCE, 'real-charts/charts/prometheus-node-exporter/templates/daemonset.yaml'),
      'utf8',
    );
    const spy = jest.spyOn(Lexer.prototype, 'nextItem');
    parse('t', text, { funcs: () => true, fastPath: false });
    const general = spy.mock.calls.length;
    spy.mockClear();
    parse('t', text, { funcs: () => true, fastPath: true });
    expect(spy.mock.calls.length).toBeLessThan(general / 3);
  });

  it('on every template of the conformance charts', () => {
    const files = corpus();
    expect(files.length).toBeGreaterThan(500);
    const diffs: string[] = [];
    for (const f of files) {
      const d = difference(readFileSync(f, 'utf8'), () => true);
      if (d !== undefined) diffs.push(`${f}: ${d}`);
    }
    expect(diffs).toEqual([]);
  });

  it('on seeded mutations of snippets and chart excerpts', () => {
    const r = prng(1010);
    const bases = [...SNIPPETS];
    for (const f of corpus().slice(0, 300)) {
      const t = readFileSync(f, 'utf8');
      const at = Math.floor(r() * Math.max(1, t.length - 400));
      bases.push(t.slice(at, at + 400));
    }
    const diffs: string[] = [];
    for (let i = 0; i < 8000; i++) {
      let s = bases[i % bases.length] as string;
      const n = 1 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) {
        const at = Math.floor(r() * (s.length + 1));
        const piece = PIECES[Math.floor(r() * PIECES.length)] as string;
        const op = r();
        if (op < 0.5) s = s.slice(0, at) + piece + s.slice(at);
        else if (op < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 3));
        else s = s.slice(0, at) + piece + s.slice(at + 1);
      }
      // Half with a fixed function set, so undefined functions are errors too.
      const funcs = i % 2 === 0 ? () => true : FUNCS;
      const d = difference(s, funcs);
      if (d !== undefined && diffs.length < 5) diffs.push(d);
    }
    expect(diffs).toEqual([]);
  });

  it('on each snippet, whole and cut anywhere', () => {
    const diffs: string[] = [];
    for (const s of SNIPPETS) {
      for (let n = 0; n <= s.length; n++) {
        const d = difference(s.slice(0, n), FUNCS);
        if (d !== undefined && diffs.length < 5) diffs.push(d);
      }
    }
    expect(diffs).toEqual([]);
  });
});
