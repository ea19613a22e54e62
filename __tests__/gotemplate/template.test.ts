/**
 * TemplateSet: the public API Helm's engine uses (golang/go:src/text/template/template.go
 * associate/Clone/Funcs, exec.go ExecuteTemplate; helm/helm:pkg/engine/engine.go include/tpl).
 */
import { describe, expect, it } from '@jest/globals';
import { TemplateExecError, TemplateParseError } from '../../src/gotemplate/errors.js';
import type { FuncMap } from '../../src/gotemplate/functions.js';
import { FuncError, fn, funcMap } from '../../src/gotemplate/functions.js';
import { NoSuchTemplateError, TemplateSet } from '../../src/gotemplate/template.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { newMap } from '../../src/gotemplate/values.js';

/** Helm's include: executes a named template from inside a function (engine.go includeFun). */
function withInclude(set: TemplateSet): TemplateSet {
  const include = fn(
    'include',
    { params: ['string', 'any'], returnsError: true },
    (name: string, data: GoValue) => {
      try {
        return set.execute(name, data);
      } catch (e) {
        if (e instanceof Error && !(e instanceof FuncError))
          throw new FuncError(e.message, { cause: e });
        throw e;
      }
    },
  );
  set.setFuncs(funcMap(include));
  return set;
}

const noFuncs: FuncMap = new Map();

describe('parse and execute', () => {
  it('executes a parsed template by name with data as dot', () => {
    const set = new TemplateSet({ funcs: noFuncs });
    set.parse('a', 'hello {{ .who }}');
    expect(set.has('a')).toBe(true);
    expect(set.has('b')).toBe(false);
    expect(set.execute('a', newMap([['who', 'world']]))).toBe('hello world');
  });

  it('defines become templates of the set', () => {
    const set = new TemplateSet({ funcs: noFuncs });
    set.parse('helpers', '{{ define "x" }}X{{ . }}{{ end }}');
    set.parse('main', '{{ template "x" 1 }}');
    expect(set.has('x')).toBe(true);
    expect(set.execute('main', null)).toBe('X1');
    expect(set.execute('x', 'y')).toBe('Xy');
  });

  it('a later definition replaces an earlier one', () => {
    const set = new TemplateSet({ funcs: noFuncs });
    set.parse('one', '{{ define "x" }}first{{ end }}');
    set.parse('two', '{{ define "x" }}second{{ end }}');
    expect(set.execute('x', null)).toBe('second');
  });

  it('an empty definition does not replace an existing one (template.go associate)', () => {
    const set = new TemplateSet({ funcs: noFuncs });
    set.parse('one', '{{ define "x" }}first{{ end }}');
    set.parse('two', '{{ define "x" }}  {{/* nothing */}}\n{{ end }}');
    expect(set.execute('x', null)).toBe('first');
  });

  it('a template of only defines stays empty and executes to ""', () => {
    const set = new TemplateSet({ funcs: noFuncs });
    set.parse('_helpers.tpl', '{{ define "x" }}x{{ end }}\n');
    expect(set.execute('_helpers.tpl', null)).toBe('\n');
  });

  it('executing an unknown name reports the set name (golden fze35)', () => {
    const set = new TemplateSet({ funcs: noFuncs, name: 'gotpl' });
    expect(() => set.execute('nope', null)).toThrow(NoSuchTemplateError);
    expect(() => set.execute('nope', null)).toThrow(
      'template: no template "nope" associated with template "gotpl"',
    );
  });

  it('parse errors are TemplateParseError and leave the set unchanged', () => {
    const set = new TemplateSet({ funcs: noFuncs });
    expect(() => set.parse('bad', '{{ nope }}')).toThrow(TemplateParseError);
    expect(set.has('bad')).toBe(false);
  });

  it.each([
    [undefined, '<no value>'],
    ['zero', '<no value>'],
    ['default', '<no value>'],
  ] as const)('missingKey %s prints a missing key as <no value>', (missingKey, want) => {
    const set = new TemplateSet({ funcs: noFuncs, ...(missingKey ? { missingKey } : {}) });
    set.parse('t', '{{ .x }}');
    expect(set.execute('t', newMap())).toBe(want);
  });

  it('missingKey error fails on a missing key', () => {
    const set = new TemplateSet({ funcs: noFuncs, missingKey: 'error' });
    set.parse('t', '{{ .x }}');
    expect(() => set.execute('t', newMap())).toThrow(TemplateExecError);
  });

  it('custom delimiters', () => {
    const set = new TemplateSet({ funcs: noFuncs, leftDelim: '[[', rightDelim: ']]' });
    set.parse('t', '[[ .x ]] {{ .x }}');
    expect(set.execute('t', newMap([['x', 'y']]))).toBe('y {{ .x }}');
  });
});

describe('functions', () => {
  it('the set FuncMap shadows builtins', () => {
    const set = new TemplateSet({ funcs: funcMap(fn('len', { params: ['any'] }, () => 'mine')) });
    set.parse('t', '{{ len "abc" }}');
    expect(set.execute('t', null)).toBe('mine');
  });

  it('setFuncs binds functions late (Helm binds include and tpl after parsing)', () => {
    const set = new TemplateSet({ funcs: funcMap(fn('greet', { params: [] }, () => 'early')) });
    set.parse('t', '{{ greet }}');
    set.setFuncs(funcMap(fn('greet', { params: [] }, () => 'late')));
    expect(set.execute('t', null)).toBe('late');
  });
});

describe('clone', () => {
  it('a clone sees the templates and functions of the original', () => {
    const set = new TemplateSet({ funcs: funcMap(fn('f', { params: [] }, () => 'F')) });
    set.parse('x', '{{ define "d" }}D{{ end }}');
    const copy = set.clone();
    copy.parse('tpl', '{{ f }}{{ template "d" }}');
    expect(copy.execute('tpl', null)).toBe('FD');
  });

  it('parsing into the clone does not change the original, and vice versa', () => {
    const set = new TemplateSet({ funcs: noFuncs });
    set.parse('d', '{{ define "d" }}original{{ end }}');
    const copy = set.clone();
    copy.parse('c', '{{ define "d" }}clone{{ end }}');
    set.parse('o', '{{ define "only" }}o{{ end }}');
    expect(set.execute('d', null)).toBe('original');
    expect(copy.execute('d', null)).toBe('clone');
    expect(copy.has('only')).toBe(false);
    expect(set.has('c')).toBe(false);
  });

  it('setFuncs on the clone does not change the original', () => {
    const set = new TemplateSet({ funcs: funcMap(fn('f', { params: [] }, () => 'orig')) });
    set.parse('t', '{{ f }}');
    const copy = set.clone();
    copy.setFuncs(funcMap(fn('f', { params: [] }, () => 'copy')));
    expect(set.execute('t', null)).toBe('orig');
    expect(copy.execute('t', null)).toBe('copy');
  });
});

describe('re-entrant execution (include)', () => {
  it('a function may execute a template of the running set', () => {
    const set = withInclude(
      new TemplateSet({ funcs: funcMap(fn('include', { params: ['string', 'any'] }, () => '')) }),
    );
    set.parse('h', '{{ define "name" }}<{{ .n }}>{{ end }}');
    set.parse('t', '{{ include "name" . | printf "%s!" }}{{ .n }}');
    expect(set.execute('t', newMap([['n', 'x']]))).toBe('<x>!x');
  });

  it('include of an unknown template (golden fze35)', () => {
    const set = withInclude(
      new TemplateSet({
        funcs: funcMap(fn('include', { params: ['string', 'any'] }, () => '')),
        name: 'gotpl',
      }),
    );
    set.parse('t0.yaml', '{{ include "nope" . }}');
    expect(() => set.execute('t0.yaml', null)).toThrow(
      'template: t0.yaml:1:3: executing "t0.yaml" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"',
    );
  });

  it('runaway include recursion fails with the depth error, never a RangeError', () => {
    const set = withInclude(
      new TemplateSet({ funcs: funcMap(fn('include', { params: ['string', 'any'] }, () => '')) }),
    );
    set.parse('h', '{{ define "loop" }}{{ include "loop" . }}{{ end }}');
    set.parse('t', '{{ include "loop" . }}');
    let err: unknown;
    try {
      set.execute('t', null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateExecError);
    const message = (err as Error).message;
    expect(
      message.startsWith(
        'template: t:1:3: executing "t" at <include "loop" .>: error calling include: template: h:1:22',
      ),
    ).toBe(true);
    expect(message).toContain('exceeded maximum template depth (100000)');
    expect(message).not.toContain('RangeError');
  });

  it('the depth counter is restored after a failed execution', () => {
    const set = withInclude(
      new TemplateSet({ funcs: funcMap(fn('include', { params: ['string', 'any'] }, () => '')) }),
    );
    set.parse('loop', '{{ include "loop" . }}');
    set.parse('ok', 'fine');
    expect(() => set.execute('loop', null)).toThrow();
    expect(set.depth.value).toBe(0);
    expect(set.execute('ok', null)).toBe('fine');
  });
});

/**
 * text/template's set rules for New, Parse, AddParseTree, Clone and Execute
 * (golang/go src/text/template/template.go; parse.IsEmptyTree): `New` does not add a template
 * to the set; `AddParseTree` sends the tree named like the template to it and others to new
 * templates; `associate` keeps an existing template when the new tree is empty (only space and
 * comments), yet a template without a tree gets the empty tree anyway, and `Execute` runs the
 * template's own tree while `ExecuteTemplate` runs the set's entry.
 */
describe('template-set rules (template.go New/AddParseTree/associate)', () => {
  const setWith = (defs: Record<string, string>) => {
    const set = new TemplateSet({ funcs: noFuncs, name: 'root' });
    for (const [n, text] of Object.entries(defs)) set.parse(n, text);
    return set;
  };

  it('New does not associate: the set holds nothing until Parse', () => {
    const set = setWith({});
    const t = set.new('x');
    expect(set.has('x')).toBe(false);
    expect(t.tree).toBeUndefined();
    expect(() => t.execute(null)).toThrow('template: x: "x" is an incomplete or empty template');
    t.parse('X');
    expect(set.execute('x', null)).toBe('X');
  });

  it.each([
    // [existing body or null, new body, Execute of the new template, ExecuteTemplate by name]
    [null, '', '', ''],
    [null, '  ', '  ', '  '],
    [null, '{{/* c */}}', '', ''],
    ['old', '', '', 'old'],
    ['old', ' \n\t', ' \n\t', 'old'],
    ['old', '{{/* c */}} ', ' ', 'old'],
    ['old', 'new', 'new', 'new'],
    ['old', '{{ "" }}', '', ''], // an action is never empty (IsEmptyTree)
    ['old', '{{ if false }}{{ end }}', '', ''],
  ])('existing %j, Parse %j: Execute %j, ExecuteTemplate %j', (old, body, exec, byName) => {
    const set = setWith(old === null ? {} : { x: old });
    const t = set.new('x').parse(body);
    expect(t.execute(null)).toBe(exec);
    expect(set.execute('x', null)).toBe(byName);
  });

  it('Parse again on an associated template with an empty body keeps its tree', () => {
    const set = setWith({});
    const t = set.new('x').parse('first');
    t.parse('   ');
    expect(t.execute(null)).toBe('first');
    expect(set.execute('x', null)).toBe('first');
  });

  it('defines go to new templates; an empty define keeps the existing one', () => {
    const set = setWith({ helpers: '{{ define "d" }}D{{ end }}' });
    const t = set
      .new('main')
      .parse('{{ define "d" }} {{ end }}{{ define "e" }}{{ end }}[{{ template "d" }}]');
    expect(t.execute(null)).toBe('[D]');
    expect(set.has('e')).toBe(true);
    expect(set.execute('e', null)).toBe('');
  });

  it('redefinition within one Parse is an error unless one body is empty (parse.Tree.add)', () => {
    const set = setWith({});
    expect(() => set.parse('m', '{{ define "d" }}1{{ end }}{{ define "d" }}2{{ end }}')).toThrow(
      'template: m:1: template: multiple definition of template "d"',
    );
    set.parse('n', '{{ define "d" }} {{ end }}{{ define "d" }}2{{ end }}');
    expect(set.execute('d', null)).toBe('2');
  });

  it('addParseTree with cached trees follows the same rules on a clone', () => {
    const set = setWith({ gotpl: 'outer' });
    const trees = set.parseTrees('gotpl', '');
    const copy = set.clone();
    const t = copy.new('gotpl').addParseTrees(trees);
    expect(t.execute(null)).toBe('');
    expect(copy.execute('gotpl', null)).toBe('outer');
  });
});
