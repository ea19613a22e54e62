// Helm's engine (helm/helm pkg/engine/engine.go and engine_test.go): RD-1..RD-3, section 7.3-7.4.
import { describe, expect, it } from '@jest/globals';
import { emptyMetadata, setDependencies, type Chart } from '../../src/chart/types.js';
import { render, sortTemplates } from '../../src/engine/engine.js';
import { RenderError } from '../../src/engine/errors.js';
import type { GoMap } from '../../src/gotemplate/values.js';
import { newMap } from '../../src/gotemplate/values.js';

const enc = new TextEncoder();

function chart(
  name: string,
  templates: Record<string, string>,
  deps: Chart[] = [],
  type = '',
): Chart {
  const c: Chart = {
    raw: [],
    metadata: { ...emptyMetadata(), name, version: '1.0.0', apiVersion: 'v2', type },
    lock: null,
    templates: Object.entries(templates).map(([n, s]) => ({ name: n, data: enc.encode(s) })),
    values: newMap(),
    schema: null,
    files: [{ name: 'files/a.txt', data: enc.encode('alpha\nbeta\n') }],
    parent: null,
    dependencies: [],
  };
  setDependencies(c, deps);
  return c;
}

const top = (values: GoMap = newMap()): GoMap =>
  newMap([
    ['Values', values],
    [
      'Release',
      newMap([
        ['Name', 'rel'],
        ['Namespace', 'ns'],
      ]),
    ],
  ]);

describe('sortTemplates (RD-1)', () => {
  it('puts deeper paths first and reverses byte order among equal depth', () => {
    expect(
      sortTemplates(['a/templates/x', 'a/charts/b/templates/y', 'a/templates/z', 'a/templates/_h']),
    ).toEqual(['a/charts/b/templates/y', 'a/templates/z', 'a/templates/x', 'a/templates/_h']);
  });
});

describe('render', () => {
  it('RD-1: the root chart wins a define clash with a subchart', () => {
    const sub = chart('child', { 'templates/_h.tpl': '{{define "x"}}child{{end}}' });
    const root = chart(
      'parent',
      { 'templates/_h.tpl': '{{define "x"}}parent{{end}}', 'templates/a.yaml': '{{template "x"}}' },
      [sub],
    );
    expect(render(root, top()).get('parent/templates/a.yaml')).toBe('parent');
  });

  it('RD-2: partials are parsed but not rendered', () => {
    const out = render(
      chart('c', { 'templates/_h.tpl': 'hidden', 'templates/a.yaml': 'shown' }),
      top(),
    );
    expect([...out.keys()]).toEqual(['c/templates/a.yaml']);
  });

  it('RD-3: <no value> is stripped from the output', () => {
    expect(
      render(chart('c', { 'templates/a.yaml': 'v={{ .Values.missing }}.' }), top()).get(
        'c/templates/a.yaml',
      ),
    ).toBe('v=.');
  });

  it('scopes subchart values to .Values.<name> and names templates by chart path', () => {
    const sub = chart('sub', {
      'templates/s.yaml': '{{ .Values.x }} {{ .Template.Name }} {{ .Template.BasePath }}',
    });
    const root = chart('root', { 'templates/r.yaml': '{{ .Values.sub.x }} {{ .Chart.IsRoot }}' }, [
      sub,
    ]);
    const out = render(root, top(newMap([['sub', newMap([['x', 'hi']])]])));
    expect(out.get('root/charts/sub/templates/s.yaml')).toBe(
      'hi root/charts/sub/templates/s.yaml root/charts/sub/templates',
    );
    expect(out.get('root/templates/r.yaml')).toBe('hi true');
  });

  it('VAL-12: a library chart contributes only partials', () => {
    const lib = chart(
      'lib',
      { 'templates/_h.tpl': '{{define "lib.x"}}L{{end}}', 'templates/ignored.yaml': 'never' },
      [],
      'library',
    );
    const out = render(chart('app', { 'templates/a.yaml': '{{include "lib.x" .}}' }, [lib]), top());
    expect([...out.entries()]).toEqual([['app/templates/a.yaml', 'L']]);
  });

  it('include pipes a define and .Template.Name names the including file', () => {
    const out = render(
      chart('c', {
        'templates/_h.tpl': '{{define "n"}}{{ .Template.Name }}{{end}}',
        'templates/a.yaml': '{{ include "n" . | upper }}',
      }),
      top(),
    );
    expect(out.get('c/templates/a.yaml')).toBe('C/TEMPLATES/A.YAML');
  });

  it('tpl renders a string against the chart templates and strips <no value>', () => {
    const out = render(
      chart('c', {
        'templates/_h.tpl': '{{define "n"}}N{{end}}',
        'templates/a.yaml': '{{ tpl "{{ include \\"n\\" . }}-{{ .Values.nope }}" . }}',
      }),
      top(),
    );
    expect(out.get('c/templates/a.yaml')).toBe('N-');
  });

  it('tpl reuses a parsed string, and its defines stay local to each call', () => {
    const tplCall = '{{ tpl "{{ define \\"x\\" }}X{{ end }}{{ include \\"x\\" . }}" $ }}';
    const loop = `{{ range $i := until 3 }}${tplCall}{{ end }}`;
    expect(render(chart('c', { 'templates/a.yaml': loop }), top()).get('c/templates/a.yaml')).toBe(
      'XXX',
    );
    // The define lives in tpl's clone only: the file itself cannot include it.
    const leak = chart('c', { 'templates/a.yaml': `${loop}{{ include "x" . }}` });
    expect(() => render(leak, top())).toThrow(/no template "x" associated with template "gotpl"/);
  });

  it('.Files exposes the chart files with Get, Lines and Glob', () => {
    const out = render(
      chart('c', {
        'templates/a.yaml':
          '{{ .Files.Get "files/a.txt" | trim }}|{{ range .Files.Lines "files/a.txt" }}[{{.}}]{{end}}|{{ len (.Files.Glob "files/*") }}',
      }),
      top(),
    );
    expect(out.get('c/templates/a.yaml')).toBe('alpha\nbeta|[alpha][beta]|1');
  });

  it("required fails with Helm's execution error format", () => {
    const c = chart('c', { 'templates/a.yaml': 'x: {{ required "x is required" .Values.x }}' });
    expect(() => render(c, top())).toThrow(
      'execution error at (c/templates/a.yaml:1:6): x is required',
    );
  });

  it('fail inside an include reports the outer action', () => {
    const c = chart('c', {
      'templates/_h.tpl': '{{define "boom"}}{{ fail "boom!" }}{{end}}',
      'templates/a.yaml': '\n  {{ include "boom" . }}',
    });
    let err: unknown;
    try {
      render(c, top());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RenderError);
    expect((err as RenderError).message).toBe('execution error at (c/templates/a.yaml:2:5): boom!');
    expect((err as RenderError).location).toEqual({ file: 'c/templates/a.yaml', line: 2, col: 5 });
  });

  it('parse errors name the file and line', () => {
    const c = chart('c', { 'templates/a.yaml': 'ok\n{{ nope }}' });
    expect(() => render(c, top())).toThrow(
      'parse error at (c/templates/a.yaml:2): function "nope" not defined',
    );
  });

  it('include recursion fails cleanly instead of overflowing the stack', () => {
    // Helm's own limit (1,000 nested includes) needs the CLI's large-stack worker; see
    // __tests__/cli/bin.test.ts. On Jest's stack the executor's depth error comes first.
    const c = chart('c', {
      'templates/a.yaml': '{{define "r"}}{{include "r" .}}{{end}}{{include "r" .}}',
    });
    expect(() => render(c, top())).toThrow(RenderError);
  });

  it('lint mode lets required and fail pass', () => {
    const c = chart('c', { 'templates/a.yaml': '[{{ required "r" .Values.x }}{{ fail "f" }}]' });
    expect(render(c, top(), { lintMode: true }).get('c/templates/a.yaml')).toBe('[]');
  });

  it('strict mode fails on a missing key', () => {
    const c = chart('c', { 'templates/a.yaml': '{{ .Values.nope }}' });
    expect(() => render(c, top(), { strict: true })).toThrow(/map has no entry for key "nope"/);
  });

  it('lookup is offline by default and returns an empty map', () => {
    const c = chart('c', { 'templates/a.yaml': '{{ lookup "v1" "Pod" "ns" "x" | len }}' });
    expect(render(c, top()).get('c/templates/a.yaml')).toBe('0');
  });

  it('lookup uses the injected reader when given', () => {
    const c = chart('c', {
      'templates/a.yaml': '{{ (lookup "v1" "ConfigMap" "ns" "cm").data.k }}',
    });
    const lookup = (_a: string, kind: string, _ns: string, name: string) =>
      newMap([['data', newMap([['k', `${kind}/${name}`]])]]);
    expect(render(c, top(), { lookup }).get('c/templates/a.yaml')).toBe('ConfigMap/cm');
  });
});
