/**
 * Helpers reading the conformance corpus (/work/shared/conformance/generated): templates whose
 * line is just `{{- toYaml <expr> | nindent N }}` under a `kN:` key, paired with the lines
 * Helm v3.11.3 rendered for that key in the golden output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATED = '/work/shared/conformance/generated';

export interface ToYamlCase {
  id: string;
  /** The template expression: `.Values.a.b`, `fromYaml "..."` or `fromYamlArray "..."`. */
  expr: string;
  /** Helm's toYaml output for it (trailing newline trimmed, as toYaml returns it). */
  expected: string;
}

const CALL =
  /^\s*\{\{- (?:toYaml (\$?\.Values[\w.]*|\(from(?:Yaml|YamlArray) "(?:[^"\\]|\\.)*"\))|(\$?\.Values[\w.]*|from(?:Yaml|YamlArray) "(?:[^"\\]|\\.)*") \| toYaml) \| nindent (\d+) \}\}$/;
const KEY = /^(\s*)(k\d+):\s*$/;

/** The golden text of each template of a chart, keyed by template file name. */
function goldenDocs(golden: string, chart: string): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of golden.split('\n')) {
    const m = new RegExp(`^# Source: ${chart}/templates/(.+)$`).exec(line);
    if (m) {
      current = [];
      docs.set(m[1]!, current);
    } else if (line === '---') {
      current = undefined;
    } else if (current) {
      current.push(line);
    }
  }
  return docs;
}

function block(doc: string[], keyLine: string, indent: number): string | undefined {
  const at = doc.indexOf(keyLine);
  if (at < 0 || doc.indexOf(keyLine, at + 1) >= 0) return undefined;
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (let i = at + 1; i < doc.length && doc[i]!.startsWith(pad); i++)
    out.push(doc[i]!.slice(indent));
  return out.join('\n');
}

export function toYamlCases(): ToYamlCase[] {
  const cases: ToYamlCase[] = [];
  for (const chart of readdirSync(join(GENERATED, 'charts')).sort()) {
    const goldenPath = join(GENERATED, 'golden', `${chart}.yaml`);
    if (!existsSync(goldenPath)) continue;
    const docs = goldenDocs(readFileSync(goldenPath, 'utf8'), chart);
    const dir = join(GENERATED, 'charts', chart, 'templates');
    for (const file of readdirSync(dir).filter((f) => /^t\d+\.yaml$/.test(f))) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      const doc = docs.get(file);
      if (!doc) continue;
      for (let i = 0; i + 1 < lines.length; i++) {
        const key = KEY.exec(lines[i]!);
        const call = key && CALL.exec(lines[i + 1]!);
        if (!key || !call) continue;
        const expr = (call[1] ?? call[2])!.replace(/^\((.*)\)$/, '$1');
        const expected = block(doc, `${key[1]}${key[2]}:`, Number(call[3]));
        if (expected !== undefined) cases.push({ id: `${chart}/${file}:${i + 2}`, expr, expected });
      }
    }
  }
  return cases;
}

export function chartValuesText(chart: string): string {
  return readFileSync(join(GENERATED, 'charts', chart, 'values.yaml'), 'utf8');
}

export const REAL = '/work/shared/conformance/real-charts';

export interface RealToYamlCase extends ToYamlCase {
  chart: string;
  /** `-f` files of the case (relative to the real-charts folder), applied over values.yaml. */
  valuesFiles: string[];
  /** Path under .Values, e.g. ['resources']. */
  path: string[];
}

const REAL_CALL = /^\s*\{\{-? toYaml (\.Values[\w.]*|\.) \| nindent (\d+) \}\}\s*$/;
const WITH = /^\s*\{\{-? with (\.Values[\w.]*) \}\}\s*$/;
const REAL_KEY = /^(\s*)([\w.-]+):\s*$/;

function sourceDocs(golden: string, source: string): string[][] {
  const docs: string[][] = [];
  let current: string[] | undefined;
  for (const line of golden.split('\n')) {
    if (line === '---') current = undefined;
    else if (line === `# Source: ${source}`) docs.push((current = []));
    else if (current) current.push(line);
  }
  return docs;
}

/**
 * `key:` followed by `{{- toYaml .Values.x | nindent N }}` (or `toYaml .` inside
 * `{{- with .Values.x }}`) in the top-level templates of the real charts rendered with their
 * default values, paired with the golden block under that key when the key line is unique.
 */
export function realToYamlCases(): RealToYamlCase[] {
  const cases = JSON.parse(readFileSync(join(REAL, 'cases.json'), 'utf8')) as Array<{
    id: string;
    chart: string;
    values_files?: string[];
    expect_error?: boolean;
  }>;
  const out: RealToYamlCase[] = [];
  for (const c of cases) {
    if (c.expect_error) continue;
    const chart = c.chart.replace(/^charts\//, '');
    const golden = readFileSync(join(REAL, 'golden', `${c.id}.yaml`), 'utf8');
    const dir = join(REAL, c.chart, 'templates');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true }) as string[]) {
      if (!file.endsWith('.yaml')) continue;
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      const docs = sourceDocs(golden, `${chart}/templates/${file}`);
      if (docs.length !== 1) continue;
      for (let i = 1; i < lines.length; i++) {
        const call = REAL_CALL.exec(lines[i]!);
        const key = REAL_KEY.exec(lines[i - 1]!);
        if (!call || !key) continue;
        // The key must be unique in the template too, and the block must end the value.
        if (lines.filter((l) => l === lines[i - 1]).length !== 1) continue;
        const next = lines[i + 1] ?? '';
        const nextIndent = /^\s*/.exec(next)![0].length;
        if (!/^\s*(\{\{-.*)?$/.test(next) && nextIndent >= Number(call[2])) continue;
        let expr = call[1]!;
        if (expr === '.') {
          const w = i >= 2 ? WITH.exec(lines[i - 2]!) : null;
          if (!w) continue;
          expr = w[1]!;
        }
        const expected = block(docs[0]!, lines[i - 1]!.replace(/\s+$/, ''), Number(call[2]));
        if (expected === undefined || expected === '' || expected.startsWith('\n')) continue;
        out.push({
          id: `${c.id}/${file}:${i + 1}`,
          chart,
          valuesFiles: c.values_files ?? [],
          expr,
          path: expr.split('.').slice(2),
          expected,
        });
      }
    }
  }
  return out;
}

export function realValuesText(chart: string): string {
  return readFileSync(join(REAL, 'charts', chart, 'values.yaml'), 'utf8');
}

export function realFileText(path: string): string {
  return readFileSync(join(REAL, path), 'utf8');
}
