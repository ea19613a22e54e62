// The scanning lexer (src/gotemplate/lexer.ts, issue 10) against the state-function port of
// lex.go it replaced (lexer-reference.ts): the same items (type, value, position, line), the same
// errors, on every template of the conformance charts and on seeded mutations of them and of
// snippets that hit every lexical corner (trim markers, comments, quotes, numbers, non-ASCII,
// custom delimiters, truncation at any point).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Lexer, type Item, type LexerOptions } from '../../src/gotemplate/lexer.js';
import { ReferenceLexer } from './lexer-reference.js';
import { seededRandom as prng } from '../../src/util/seeded-random.js';

const CONFORMANCE = '/work/shared/conformance';

interface AnyLexer {
  nextItem(): Item;
}

function items(l: AnyLexer): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < 1_000_000; i++) {
    const item = l.nextItem();
    out.push({ type: item.type, pos: item.pos, val: item.val, line: item.line });
    if (item.type === 'eof' || item.type === 'error') {
      // Both keep answering after the end: one more item must agree too.
      const after = l.nextItem();
      out.push({ type: after.type, pos: after.pos, val: after.val, line: after.line });
      break;
    }
  }
  return out;
}

/** The first difference between the two lexers' item streams, or undefined. */
function difference(input: string, options: LexerOptions): string | undefined {
  const want = items(new ReferenceLexer(input, options));
  const got = items(new Lexer(input, options));
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = JSON.stringify(want[i]);
    const g = JSON.stringify(got[i]);
    if (w !== g) return `input ${JSON.stringify(input)} item ${i}: want ${w}, got ${g}`;
  }
  return undefined;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function corpus(): string[] {
  const real = walk(join(CONFORMANCE, 'real-charts/charts')).filter((f) =>
    f.includes('/templates/'),
  );
  const helm = walk(join(CONFORMANCE, 'helm-template/charts')).filter((f) =>
    /\.(yaml|tpl|txt)$/.test(f),
  );
  const generated = walk(join(CONFORMANCE, 'generated/charts')).filter((f) =>
    /\/charts\/fz\d+\/templates\/.*\.(yaml|tpl|txt)$/.test(f),
  );
  return [...real, ...helm, ...generated];
}

const SNIPPETS = [
  '{{ .Values.a.b | default "x" | quote }}',
  '{{- if and .A (eq .B "c") -}}\n  x\n{{- else if .C }}y{{ end }}',
  '{{/* c */}}{{- /* trimmed\n */ -}}',
  '{{ $x := 1 }}{{ $y, $z := . }}{{ $x = 2 }}',
  '{{ 0x1F 0o17 0b101 1_000 1e3 .5 -7 +3 1.5i 1+2i 0x1p-2 089 }}',
  "{{ 'a' '\\n' '\\'' `raw\n{{}}` \"s\\\"q\" }}",
  '{{ (.a).b ((1)) $.c $ . }}',
  '{{ é .ü $ñ 😀 .x😀 }}',
  '{{ break }}{{ continue }}{{ template "t" . }}{{ block "b" . }}{{ end }}',
  'a  \n {{- 3 -}} \n\t b {{ - 3 }} {{-3}} {{ 3- }}',
  '{{ "unterminated\n" }}{{ `open',
  '{{ .a# }}{{ $b@ }}{{ c% }}{{ \u0001 }}',
  '{{)}}{{(}}{{ : }}{{ := }}',
  '{{ .x \n-}}\n{{ .y\n-}} {{ .z\r\n\t-}}\n{{.w}}',
];

const INTERESTING = [
  '{',
  '}',
  '{{',
  '}}',
  '-',
  ' ',
  '\n',
  '\t',
  '\r',
  '"',
  "'",
  '`',
  '\\',
  '$',
  '.',
  '(',
  ')',
  '/*',
  '*/',
  '0',
  '9',
  'x',
  'i',
  'e',
  '_',
  ':',
  '=',
  '|',
  ',',
  'é',
  '😀',
  '\ud800',
  '<<',
  '>>',
];

function mutate(r: () => number, s: string): string {
  let out = s;
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (out.length + 1));
    const op = r();
    const piece = INTERESTING[Math.floor(r() * INTERESTING.length)] as string;
    if (op < 0.4) out = out.slice(0, at) + piece + out.slice(at);
    else if (op < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 3));
    else if (op < 0.85) out = out.slice(0, at) + piece + out.slice(at + 1);
    else out = out.slice(0, at); // truncated
  }
  return out;
}

const OPTIONS: LexerOptions[] = [
  {},
  { emitComment: true },
  { breakOK: false, continueOK: false },
  { leftDelim: '<<', rightDelim: '>>', emitComment: true },
  { leftDelim: '[', rightDelim: ']' },
];

describe('lexer: the scanner gives the reference port of lex.go item for item', () => {
  it('on every template of the conformance charts', () => {
    const files = corpus();
    expect(files.length).toBeGreaterThan(500);
    const diffs: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const options of OPTIONS.slice(0, 2)) {
        const d = difference(text, options);
        if (d !== undefined) diffs.push(`${f}: ${d.slice(0, 400)}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it('on seeded mutations of snippets and chart excerpts, with every option set', () => {
    const r = prng(10);
    const texts = corpus()
      .slice(0, 400)
      .map((f) => readFileSync(f, 'utf8'));
    const bases = [...SNIPPETS];
    for (const t of texts) {
      const at = Math.floor(r() * Math.max(1, t.length - 300));
      bases.push(t.slice(at, at + 300));
    }
    const diffs: string[] = [];
    let checked = 0;
    for (let i = 0; i < 6000; i++) {
      const base = bases[i % bases.length] as string;
      const input = mutate(r, base);
      for (const options of OPTIONS) {
        const d = difference(input, options);
        checked++;
        if (d !== undefined && diffs.length < 5) diffs.push(d.slice(0, 600));
      }
    }
    expect(checked).toBe(30000);
    expect(diffs).toEqual([]);
  });

  it('on every prefix of the snippets (truncation anywhere)', () => {
    const diffs: string[] = [];
    for (const s of SNIPPETS) {
      for (let n = 0; n <= s.length; n++) {
        for (const options of OPTIONS) {
          const d = difference(s.slice(0, n), options);
          if (d !== undefined && diffs.length < 5) diffs.push(d);
        }
      }
    }
    expect(diffs).toEqual([]);
  });
});
