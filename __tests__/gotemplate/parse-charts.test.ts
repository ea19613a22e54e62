// Real charts parse, and Helm's own parse errors are reproduced exactly.
//
// - Every template of the conformance charts (real-world charts, Helm's test charts, and the
//   generated corpus rendered by Helm v3.11.3) parses with Helm's function set.
// - For every generated error chart whose golden stderr is a parse error, parsing its templates
//   gives the same message and line once reformatted the way Helm's engine does
//   (helm/helm:pkg/engine/engine.go `cleanupParseError`).
// - Every `FILE:LINE:COL ... at <CONTEXT>` of Helm's execution errors names a node of ours at
//   that position that prints as CONTEXT.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Node } from '../../src/gotemplate/ast.js';
import { lineCol, TemplateParseError } from '../../src/gotemplate/errors.js';
import { nodeToString, parse } from '../../src/gotemplate/parser.js';

const SHARED = '/work/shared';
const CONFORMANCE = join(SHARED, 'conformance');

/**
 * Helm's template functions: sprig's map as listed in docs/sprig-functions.md (minus `env` and
 * `expandenv`, which Helm removes), Helm's additions, and Go's builtins. The doc's list lacks
 * sprig's `push`/`mustPush` aliases of `append`, which the generated charts use.
 */
function helmFuncNames(): Set<string> {
  const names = new Set<string>(['push', 'mustPush']);
  const doc = readFileSync(join(SHARED, 'docs/sprig-functions.md'), 'utf8');
  for (const line of doc.split('\n')) {
    if (!line.startsWith('- **') || line.includes('removed by Helm')) continue;
    for (const m of line.matchAll(/`([A-Za-z0-9_]+)`/g)) names.add(m[1] as string);
  }
  const helm =
    'toToml fromToml toYaml toYamlPretty fromYaml fromYamlArray toJson fromJson fromJsonArray include tpl required lookup';
  const builtins =
    'and or not len index slice print printf println eq ne lt le gt ge html js urlquery call';
  for (const n of `${helm} ${builtins}`.split(' ')) names.add(n);
  return names;
}

const FUNCS = helmFuncNames();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const isTemplateFile = (f: string): boolean => /\.(yaml|tpl|txt)$/.test(f);

function chartTemplates(): string[] {
  const real = walk(join(CONFORMANCE, 'real-charts/charts')).filter((f) =>
    f.includes('/templates/'),
  );
  const helmTest = walk(join(CONFORMANCE, 'helm-template/charts')).filter(isTemplateFile);
  const generated = walk(join(CONFORMANCE, 'generated/charts'))
    .filter((f) => /\/charts\/fz\d+\/templates\//.test(f))
    .filter(isTemplateFile);
  return [...real, ...helmTest, ...generated];
}

describe('conformance charts parse', () => {
  const files = chartTemplates();

  it('finds the chart templates', () => {
    expect(files.length).toBeGreaterThan(3000);
  });

  it('parses every template with Helm function set', () => {
    const failures: string[] = [];
    for (const file of files) {
      const name = relative(CONFORMANCE, file);
      try {
        const trees = parse(name, readFileSync(file, 'utf8'), { funcs: FUNCS });
        expect(trees.has(name)).toBe(true);
      } catch (e) {
        failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Helm's `parse error at (LOCATION): MESSAGE` form of a TemplateParseError. */
function helmParseError(e: TemplateParseError): string {
  const tokens = e.message.split(': ');
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

function parseErrorCases(): [string, string][] {
  const golden = join(CONFORMANCE, 'generated/golden');
  return readdirSync(golden)
    .sort()
    .flatMap((f): [string, string][] => {
      const m = /^Error: (parse error at \([^)]*\): .*)/.exec(
        readFileSync(join(golden, f), 'utf8'),
      );
      return m === null ? [] : [[f.replace('.stderr.txt', ''), m[1] as string]];
    });
}

describe('Helm parse errors of the generated corpus (Helm v3.11.3 goldens)', () => {
  const cases = parseErrorCases();

  it('has parse-error goldens', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)('%s', (id, expected) => {
    const dir = join(CONFORMANCE, 'generated/charts', id, 'templates');
    let got = 'no parse error';
    for (const file of readdirSync(dir).sort()) {
      try {
        parse(`${id}/templates/${file}`, readFileSync(join(dir, file), 'utf8'), { funcs: FUNCS });
      } catch (e) {
        if (!(e instanceof TemplateParseError)) throw e;
        got = helmParseError(e);
        break;
      }
    }
    expect(got).toBe(expected);
  });
});

/** Every node of a tree, for matching Helm's execution error contexts. */
function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    out.push(n);
    switch (n.type) {
      case 'list':
        stack.push(...n.nodes);
        break;
      case 'action':
        stack.push(n.pipe);
        break;
      case 'pipe':
        stack.push(...n.decl, ...n.cmds);
        break;
      case 'command':
        stack.push(...n.args);
        break;
      case 'chain':
        stack.push(n.node);
        break;
      case 'if':
      case 'range':
      case 'with':
        stack.push(n.pipe, n.list, ...(n.elseList === null ? [] : [n.elseList]));
        break;
      case 'template':
        if (n.pipe !== null) stack.push(n.pipe);
        break;
    }
  }
  return out;
}

describe('positions and printed nodes match Helm execution error contexts (parse.go ErrorContext)', () => {
  // `template: FILE:LINE:COL: executing "NAME" at <CONTEXT>: ...` where CONTEXT is the failing
  // node's String() and LINE:COL its position (column in bytes, 0-based).
  const golden = join(CONFORMANCE, 'generated/golden');
  const contexts = new Map<string, [string, number, number, string]>();
  for (const f of readdirSync(golden)) {
    const text = readFileSync(join(golden, f), 'utf8');
    for (const m of text.matchAll(
      /template: ([^:\s]+):(\d+):(\d+): executing "[^"]*" at <(.*?)>: /g,
    )) {
      const [, file, line, col, context] = m as unknown as [string, string, string, string, string];
      contexts.set(`${file}:${line}:${col}<${context}>`, [
        file,
        Number(line),
        Number(col),
        context,
      ]);
    }
  }
  const cases = [...contexts.values()].sort();

  it('has execution error contexts', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('%s:%i:%i <%s>', (file, line, col, context) => {
    const text = readFileSync(join(CONFORMANCE, 'generated/charts', file), 'utf8');
    const found = [...parse(file, text, { funcs: FUNCS }).values()]
      .flatMap((tree) => allNodes(tree.root))
      .filter((n) => {
        const at = lineCol(text, n.pos);
        return at.line === line && at.col === col;
      })
      .map((n) => nodeToString(n));
    expect(found).toContain(context);
  });
});
