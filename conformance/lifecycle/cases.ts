/**
 * The lifecycle cases: every chart of the shared corpora (real-charts and Helm's test charts in
 * helm-template) with each case's values. Template-only flags (`--kube-version`,
 * `--api-versions`, `--show-only`, `--include-crds`, ...) do not change what is installed, so
 * cases that differ only in them are run once (the first id stands for the others).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LifecycleCase {
  /** `<corpus>/<case id>`. */
  id: string;
  corpus: string;
  /** Absolute chart directory. */
  chartDir: string;
  releaseName: string;
  namespace: string;
  /** Values flags, relative paths resolved against the corpus directory. */
  valueFiles: string[];
  set: string[];
  setString: string[];
  skipSchemaValidation: boolean;
  /** Helm's render of this case fails: install must fail and leave no record. */
  expectError: boolean;
  /**
   * A chart whose CRDs are installed before the case (as a user installs an operator's CRDs
   * first): the prometheus-operator CRDs for the real-charts cases with features values, which
   * turn on ServiceMonitors, PrometheusRules and the like.
   */
  prerequisiteCrds?: string;
  /** Other case ids with the same chart and values. */
  aliases: string[];
}

interface RawCase {
  id: string;
  command?: string;
  chart: string;
  releaseName?: string | null;
  effective_release_name?: string;
  namespace?: string;
  args?: string[];
  expect_error?: boolean;
  values_files?: string[];
}

/** Flags that only shape `helm template` output (with whether they take a value). */
const TEMPLATE_ONLY: Record<string, boolean> = {
  '--kube-version': true,
  '--api-versions': true,
  '--show-only': true,
  '-s': true,
  '--include-crds': false,
  '--skip-tests': false,
  '--debug': false,
  '--dry-run': false,
  '--hide-secret': false,
  '--name-template': true,
  '--validate': false,
  '--is-upgrade': false,
};

function parseArgs(raw: RawCase, corpusDir: string): Omit<LifecycleCase, 'aliases'> {
  const args = raw.args ?? [];
  const valueFiles: string[] = [];
  const set: string[] = [];
  const setString: string[] = [];
  let skipSchemaValidation = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string => inline ?? args[++i] ?? '';
    if (flag === '-f' || flag === '--values') valueFiles.push(join(corpusDir, value()));
    else if (flag === '--set') set.push(value());
    else if (flag === '--set-string') setString.push(value());
    else if (flag === '--skip-schema-validation') skipSchemaValidation = true;
    else if (flag in TEMPLATE_ONLY) {
      if (TEMPLATE_ONLY[flag] && inline === undefined) i++;
    } else throw new Error(`case ${raw.id}: flag ${a} is not understood by the lifecycle runner`);
  }
  // real-charts name their values files only here; helm-template repeats its -f flags here.
  if (valueFiles.length === 0)
    for (const f of raw.values_files ?? []) valueFiles.push(join(corpusDir, f));
  return {
    id: '',
    corpus: '',
    chartDir: join(corpusDir, raw.chart),
    releaseName: raw.releaseName || raw.effective_release_name || 'release-name',
    namespace: raw.namespace || 'default',
    valueFiles,
    set,
    setString,
    skipSchemaValidation,
    expectError: raw.expect_error ?? false,
  };
}

/** The cases of `<root>/real-charts` and `<root>/helm-template`, deduplicated. */
export function lifecycleCases(root: string): LifecycleCase[] {
  const out: LifecycleCase[] = [];
  const byKey = new Map<string, LifecycleCase>();
  for (const corpus of ['real-charts', 'helm-template']) {
    const dir = join(root, corpus);
    const file = join(dir, 'cases.json');
    if (!existsSync(file)) throw new Error(`lifecycle corpus not found: ${file}`);
    for (const raw of JSON.parse(readFileSync(file, 'utf8')) as RawCase[]) {
      const c: LifecycleCase = {
        ...parseArgs(raw, dir),
        id: `${corpus}/${raw.id}`,
        corpus,
        aliases: [],
      };
      const crds = join(dir, 'charts', 'prometheus-operator-crds');
      if (corpus === 'real-charts' && c.valueFiles.length > 0 && c.chartDir !== crds)
        c.prerequisiteCrds = crds;
      const key = JSON.stringify([
        c.chartDir,
        c.releaseName,
        c.namespace,
        c.valueFiles,
        c.set,
        c.setString,
        c.skipSchemaValidation,
      ]);
      const first = byKey.get(key);
      if (first) {
        first.aliases.push(c.id);
        continue;
      }
      byKey.set(key, c);
      out.push(c);
    }
  }
  return out;
}
