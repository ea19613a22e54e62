// Deterministic fuzzing of the lexer and parser (a port of golang/go:src/text/template/parse):
// templates built from a grammar of real constructs, then byte-level mutations of them and of
// Helm-style snippets. Every input must either parse or fail with a TemplateParseError carrying
// a line inside the input; never another exception, a hang or a stack overflow.
import { describe, expect, it } from '@jest/globals';
import { TemplateParseError } from '../../src/gotemplate/errors.js';
import { nodeToString, parse, type ParseOptions } from '../../src/gotemplate/parser.js';
import { seededRandom as prng } from '../../src/util/seeded-random.js';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const chance = (r: Rand, p: number): boolean => r() < p;

const FUNCS = [
  'printf',
  'include',
  'default',
  'quote',
  'toYaml',
  'indent',
  'nindent',
  'eq',
  'len',
  'index',
];
const FIELDS = ['.Values', '.Release.Name', '.Chart.Name', '.Values.image.tag', '.a', '.b.c'];
const NUMBERS = [
  '0',
  '1',
  '-2',
  '3.5',
  '1e3',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '.5',
  '0x1p-2',
  '2i',
  '1+2i',
  "'a'",
  "'\\n'",
];
const STRINGS = ['"x"', '"a b"', '"\\t\\u00e9"', '`raw`', '`multi\nline`', '""'];
const TEXTS = ['', 'a', 'key: ', '\n', '  ', 'value\n  - item\n', 'é ✓ 😀', '# comment\n'];

/** Grammar-driven generator of (mostly valid) templates, tracking variable scopes. */
class Gen {
  private scopes: string[][] = [['$']];
  private inRange = 0;

  constructor(private readonly r: Rand) {}

  template(depth: number): string {
    let out = '';
    const n = 1 + Math.floor(this.r() * 4);
    for (let i = 0; i < n; i++) out += this.item(depth);
    return out;
  }

  private item(depth: number): string {
    const r = this.r;
    const k = r();
    if (k < 0.3 || depth <= 0) return pick(r, TEXTS) + this.action();
    if (k < 0.45) return this.control('if', depth);
    if (k < 0.55) return this.control('range', depth);
    if (k < 0.63) return this.control('with', depth);
    if (k < 0.68) return `{{/* ${pick(r, ['c', 'multi\nline', ''])} */}}`;
    if (k < 0.73) return `{{template "${pick(r, ['a', 'b'])}"${chance(r, 0.5) ? ' .' : ''}}}`;
    if (k < 0.78) return this.block(depth);
    if (k < 0.83 && this.inRange > 0)
      return pick(r, ['{{break}}', '{{continue}}', '{{- break -}}']);
    return this.action();
  }

  /** A block body is a new tree: only `$` in scope, outside any range (parse.go blockControl). */
  private block(depth: number): string {
    const saved = { scopes: this.scopes, inRange: this.inRange };
    this.scopes = [['$']];
    this.inRange = 0;
    const body = this.template(depth - 1);
    this.scopes = saved.scopes;
    this.inRange = saved.inRange;
    return `{{block "${pick(this.r, ['a', 'b'])}" .}}${body}{{end}}`;
  }

  private delims(): [string, string] {
    const r = this.r;
    return [chance(r, 0.3) ? '{{- ' : '{{', chance(r, 0.3) ? ' -}}' : '}}'];
  }

  private action(): string {
    const [l, rd] = this.delims();
    let decl = '';
    if (chance(this.r, 0.2)) {
      const name = `$${pick(this.r, ['x', 'y', 'v'])}`;
      decl = `${name} := `;
      this.scopes[this.scopes.length - 1]!.push(name);
    }
    return `${l}${decl}${this.pipeline(2)}${rd}`;
  }

  private control(kind: 'if' | 'range' | 'with', depth: number): string {
    const r = this.r;
    const [l, rd] = this.delims();
    this.scopes.push([]);
    let head = this.pipeline(2);
    if (kind === 'range' && chance(r, 0.4)) {
      head = `$i, $e := ${head}`;
      this.scopes[this.scopes.length - 1]!.push('$i', '$e');
    } else if (chance(r, 0.2)) {
      head = `$w := ${head}`;
      this.scopes[this.scopes.length - 1]!.push('$w');
    }
    if (kind === 'range') this.inRange++;
    let body = this.template(depth - 1);
    if (kind === 'range') this.inRange--;
    if (kind !== 'range' && chance(r, 0.3))
      body += `{{else ${kind} ${this.pipeline(1)}}}${this.template(depth - 1)}`;
    if (chance(r, 0.4)) body += `{{else}}${this.template(depth - 1)}`;
    this.scopes.pop();
    return `${l}${kind} ${head}${rd}${body}{{end}}`;
  }

  private pipeline(depth: number): string {
    const n = 1 + Math.floor(this.r() * 3);
    const cmds = [this.command(depth, true)];
    for (let i = 1; i < n; i++) cmds.push(this.command(depth, false));
    return cmds.join(pick(this.r, [' | ', '|', ' |\n ']));
  }

  private command(depth: number, first: boolean): string {
    const r = this.r;
    if (first && chance(r, 0.5)) return this.operand(depth);
    const args = Array.from({ length: Math.floor(r() * 3) }, () => this.operand(depth));
    return [pick(r, FUNCS), ...args].join(' ');
  }

  private operand(depth: number): string {
    const r = this.r;
    const k = r();
    const vars = this.scopes.flat();
    if (k < 0.25) return pick(r, FIELDS);
    if (k < 0.4) return pick(r, vars) + (chance(r, 0.3) ? '.field' : '');
    if (k < 0.55) return pick(r, NUMBERS);
    if (k < 0.7) return pick(r, STRINGS);
    if (k < 0.75) return pick(r, ['.', 'nil', 'true', 'false']);
    if (depth > 0) return `(${this.pipeline(depth - 1)})${chance(r, 0.2) ? '.x' : ''}`;
    return pick(r, FIELDS);
  }
}

const SNIPPETS = [
  '{{- define "chart.labels" -}}\napp: {{ include "chart.name" . }}\n{{- end }}',
  '{{ if and .Values.a (not .Values.b) }}x{{ else if .Values.c }}y{{ end }}',
  '{{- range $key, $val := .Values.env }}\n- name: {{ $key }}\n  value: {{ $val | quote }}\n{{- end }}',
  '{{ with .Values.x }}{{ toYaml . | nindent 4 }}{{ else with .Values.y }}{{ . }}{{ end }}',
  '{{ printf "%s-%d" .Release.Name 3 | trunc 63 | trimSuffix "-" }}{{/* c */}}{{ \'a\' }}',
  '{{ $x := 1 }}{{ range .L }}{{ if eq . 2 }}{{ break }}{{ end }}{{ $x = . }}{{ continue }}{{ end }}',
];

const MUTATION_ALPHABET =
  '{}()|$.:=-"\'`/* \n\t,!#+_0123456789abcxyzIE\u00e9\u20ac\ud83d\ude00\r\\';

function mutate(r: Rand, input: string): string {
  let s = input;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (s.length + 1));
    const k = r();
    if (k < 0.3) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 3));
    else if (k < 0.6) s = s.slice(0, at) + pick(r, Array.from(MUTATION_ALPHABET)) + s.slice(at);
    else if (k < 0.75) s = s.slice(0, at);
    else if (k < 0.9) {
      const from = Math.floor(r() * s.length);
      s = s.slice(0, at) + s.slice(from, from + 1 + Math.floor(r() * 8)) + s.slice(at);
    } else {
      s =
        s.slice(0, at) +
        pick(r, ['{{', '}}', '{{- ', ' -}}', '{{/*', '*/}}', '{{end}}', '{{else}}']) +
        s.slice(at);
    }
  }
  return s;
}

function deepInput(r: Rand): string {
  const n = 1001 + Math.floor(r() * 5000); // past the depth limits
  switch (Math.floor(r() * 5)) {
    case 0:
      return `{{${'('.repeat(n)}1${')'.repeat(n)}}}`;
    case 1:
      return `${'{{if 1}}'.repeat(n)}x${'{{end}}'.repeat(n)}`;
    case 2:
      return `{{if 0}}${'{{else if 1}}'.repeat(n)}{{end}}`;
    case 3:
      return `${'{{range .}}{{with .}}'.repeat(n / 2)}${'{{('.repeat(n)}`;
    default:
      return `${'{{block "b" .}}'.repeat(n)}`;
  }
}

const lineCount = (s: string): number => s.split('\n').length;

/** Parse, and check the outcome is a tree set or a well-formed TemplateParseError. */
function check(input: string, options: ParseOptions): 'ok' | 'error' {
  try {
    const trees = parse('fuzz', input, options);
    for (const tree of trees.values()) expect(typeof nodeToString(tree.root)).toBe('string');
    return 'ok';
  } catch (e) {
    if (!(e instanceof TemplateParseError)) {
      throw new Error(`non-parse error for ${JSON.stringify(input.slice(0, 200))}: ${String(e)}`, {
        cause: e,
      });
    }
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lineCount(input));
    expect(e.message.startsWith('template: fuzz:')).toBe(true);
    return 'error';
  }
}

const ALL_FUNCS = new Set([...FUNCS, 'and', 'not', 'or', 'trunc', 'trimSuffix', 'toYaml']);

function randomOptions(r: Rand): ParseOptions {
  return {
    funcs: chance(r, 0.9) ? ALL_FUNCS : new Set(['break']),
    mode: { parseComments: chance(r, 0.3), skipFuncCheck: chance(r, 0.1) },
  };
}

describe('parse fuzzing (deterministic)', () => {
  it('grammar-generated templates parse, and printing them is a fixed point', () => {
    const r = prng(20240611);
    let ok = 0;
    for (let i = 0; i < 2000; i++) {
      const input = new Gen(r).template(3);
      if (check(input, { funcs: ALL_FUNCS }) === 'error') continue;
      ok++;
      // Go's String() output re-parses to the same tree (no trim markers or comments remain).
      const printed = nodeToString(parse('fuzz', input, { funcs: ALL_FUNCS }).get('fuzz')!.root);
      const reprinted = nodeToString(
        parse('fuzz', printed, { funcs: ALL_FUNCS }).get('fuzz')!.root,
      );
      expect(reprinted).toBe(printed);
    }
    // The generator produces valid templates, apart from rare clashes (e.g. block redefinitions).
    expect(ok).toBeGreaterThan(1600);
  });

  it('mutated templates parse or fail with a TemplateParseError', () => {
    const r = prng(7);
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 4000; i++) {
      const base = chance(r, 0.3) ? pick(r, SNIPPETS) : new Gen(r).template(2);
      outcomes[check(mutate(r, base), randomOptions(r))]++;
    }
    // Both outcomes are exercised.
    expect(outcomes.ok).toBeGreaterThan(500);
    expect(outcomes.error).toBeGreaterThan(500);
  });

  it('random byte soup never escapes as another exception', () => {
    const r = prng(99);
    const alphabet = Array.from(MUTATION_ALPHABET);
    for (let i = 0; i < 3000; i++) {
      const len = Math.floor(r() * 40);
      let s = '';
      for (let j = 0; j < len; j++)
        s += chance(r, 0.2) ? pick(r, ['{{', '}}', ' -}}', '{{- ']) : pick(r, alphabet);
      check(s, randomOptions(r));
    }
  });

  it('deep nesting fails cleanly instead of overflowing the stack', () => {
    const r = prng(3);
    for (let i = 0; i < 40; i++) {
      expect(check(deepInput(r), { funcs: ALL_FUNCS })).toBe('error');
    }
  });

  it('custom delimiters survive mutation too', () => {
    const r = prng(11);
    for (let i = 0; i < 1000; i++) {
      const input = mutate(r, new Gen(r).template(2)).replaceAll('{{', '<%').replaceAll('}}', '%>');
      check(input, { funcs: ALL_FUNCS, leftDelim: '<%', rightDelim: '%>' });
    }
  });
});
