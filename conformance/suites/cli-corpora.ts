/**
 * The chart-level corpora, run through `hookline template` in-process (design.md section 5):
 * helm-template/cases.json (Helm's own goldens), generated/ and real-charts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliCaptured } from '../cli-harness.js';
import { HELM_VERSION } from '../../src/values/capabilities.js';
import { firstDifference, type CaseResult, type Suite } from '../types.js';

interface CorpusCase {
  id: string;
  command?: 'template' | 'install';
  chart: string;
  releaseName: string | null;
  namespace?: string;
  args: string[];
  values_files?: string[];
  golden: string;
  golden_kind?: string;
  expect_error: boolean;
  error_match?: string | null;
  masked_lines?: number[];
  helm_version?: string;
}

/** The Helm release hookline reports as `.Capabilities.HelmVersion.Version`. */
const HOOKLINE_HELM_VERSION = HELM_VERSION.field('Version') as string;

function readCases(dir: string): CorpusCase[] {
  return JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as CorpusCase[];
}

function golden(dir: string, c: CorpusCase): string {
  return readFileSync(join(dir, c.golden), 'utf8').replace(/\r\n/g, '\n');
}

function compare(id: string, expected: string, actual: string): CaseResult {
  return expected === actual
    ? { id, ok: true }
    : { id, ok: false, detail: firstDifference(expected, actual) };
}

/** Flags only `helm install` has; the template run drops them. */
const INSTALL_ONLY = new Set(['--dry-run', '--hide-secret']);

async function runHelmTemplateCase(dir: string, c: CorpusCase): Promise<CaseResult> {
  const id = `helm-template/${c.id}`;
  const name = c.releaseName === null ? [] : [c.releaseName];
  if (c.command !== 'install') {
    const run = await runCliCaptured(['template', ...name, c.chart, ...c.args], dir);
    if (c.expect_error && run.code === 0)
      return { id, ok: false, detail: 'expected a failure, exit code 0' };
    return compare(id, golden(dir, c), run.combined);
  }
  // Install cases need the lifecycle for their status block; until then what they check about
  // rendering (schema errors, successful validation, the manifest) is checked via template.
  if (c.args.includes('--hide-secret')) {
    return { id, ok: false, detail: 'needs install --dry-run --hide-secret (release lifecycle)' };
  }
  const args = c.args.filter((a) => !INSTALL_ONLY.has(a));
  const run = await runCliCaptured(['template', ...name, c.chart, ...args], dir);
  const expected = golden(dir, c);
  switch (c.golden_kind) {
    case 'install-error':
      return compare(id, expected.replace('Error: INSTALLATION FAILED: ', 'Error: '), run.combined);
    case 'install-status':
      return run.code === 0
        ? { id, ok: true }
        : { id, ok: false, detail: run.stderr.trim().slice(0, 200) };
    default: {
      // The status printer writes `MANIFEST:\n<manifest>\n`, one newline more than template.
      const manifest = expected
        .slice(expected.indexOf('MANIFEST:\n') + 'MANIFEST:\n'.length)
        .replace(/\n$/, '');
      return compare(id, manifest, run.combined);
    }
  }
}

function valuesArgs(c: CorpusCase): string[] {
  return (c.values_files ?? []).flatMap((f) => ['-f', f]);
}

async function runTemplateCase(dir: string, prefix: string, c: CorpusCase): Promise<CaseResult> {
  const id = `${prefix}/${c.id}`;
  const argv = [
    'template',
    c.releaseName ?? 'rel',
    c.chart,
    '--namespace',
    c.namespace ?? 'default',
    ...c.args,
    ...valuesArgs(c),
  ];
  const run = await runCliCaptured(argv, dir);
  if (c.expect_error) {
    if (run.code === 0) return { id, ok: false, detail: 'expected a failure, exit code 0' };
    if (c.error_match && !run.stderr.includes(c.error_match)) {
      return {
        id,
        ok: false,
        detail: `error does not name ${c.error_match}: ${run.stderr.trim().slice(0, 200)}`,
      };
    }
    return { id, ok: true };
  }
  if (run.code !== 0)
    return { id, ok: false, detail: run.stderr.trim().split('\n')[0]?.slice(0, 300) ?? '' };
  const mask = (text: string) => {
    if (!c.masked_lines?.length) return text;
    const lines = text.split('\n');
    for (const n of c.masked_lines) if (n - 1 < lines.length) lines[n - 1] = '<masked>';
    return lines.join('\n');
  };
  const expected = mask(golden(dir, c));
  const actual = mask(run.stdout);
  const result = compare(id, expected, actual);
  if (result.ok || !c.helm_version || c.helm_version === HOOKLINE_HELM_VERSION) return result;
  // The golden comes from another Helm release. Explain the difference when it is only what
  // that release does on purpose differently, so known-failures.json can say so precisely.
  const again = await runCliCaptured(argv, dir, { HOOKLINE_HELM_VERSION: c.helm_version });
  if (again.code !== 0) return result;
  const versionDiffers = mask(again.stdout) !== actual;
  const other = explainLines(expected, mask(again.stdout));
  if (other === undefined) return result;
  const reasons = [
    ...(versionDiffers
      ? [`.Capabilities.HelmVersion (golden ${c.helm_version}, hookline ${HOOKLINE_HELM_VERSION})`]
      : []),
    ...other,
  ];
  return { id, ok: false, detail: `differs only in ${reasons.join(' and ')}` };
}

/**
 * Helm-version differences recognised line by line: each entry names a deliberate change
 * between the golden's Helm and 3.21 and tells whether a golden line shows it.
 */
const VERSION_CHANGES: ReadonlyArray<{ reason: string; shows: (goldenLine: string) => boolean }> = [
  {
    reason: 'toToml of non-map values (BurntSushi/toml >= 1.3 encodes them, 1.2.1 errored)',
    shows: (line) => line.includes('toml: top-level values must be Go maps or structs'),
  },
];

/** The reasons explaining every differing line, or undefined when some line is unexplained. */
function explainLines(expected: string, actual: string): string[] | undefined {
  const e = expected.split('\n');
  const a = actual.split('\n');
  if (e.length !== a.length) return undefined;
  const reasons = new Set<string>();
  for (let i = 0; i < e.length; i++) {
    if (e[i] === a[i]) continue;
    const change = VERSION_CHANGES.find((ch) => ch.shows(e[i]!));
    if (!change) return undefined;
    reasons.add(change.reason);
  }
  return [...reasons];
}

function suite(name: string, dir: string, runCase: (c: CorpusCase) => Promise<CaseResult>): Suite {
  return {
    name,
    async run() {
      const results: CaseResult[] = [];
      for (const c of readCases(dir)) {
        try {
          results.push(await runCase(c));
        } catch (err) {
          results.push({
            id: `${name}/${c.id}`,
            ok: false,
            detail: `crashed: ${(err as Error).stack ?? String(err)}`,
          });
        }
      }
      return results;
    },
  };
}

export function cliSuites(root: string): Suite[] {
  const ht = join(root, 'helm-template');
  const gen = join(root, 'generated');
  const real = join(root, 'real-charts');
  return [
    suite('helm-template', ht, (c) => runHelmTemplateCase(ht, c)),
    suite('generated', gen, (c) => runTemplateCase(gen, 'generated', c)),
    suite('real-charts', real, (c) => runTemplateCase(real, 'real-charts', c)),
  ];
}
