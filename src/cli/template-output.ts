/**
 * The two ways `helm template` emits its documents besides plain stdout: `--show-only` selection
 * and `--output-dir` files (helm/helm cmd/helm/template.go, pkg/action/action.go writeToFile).
 */
import { pathMatch } from '../chart/path-match.js';
import type { Manifest } from '../manifest/sort.js';
import { splitManifests } from '../manifest/split.js';
import type { Hook } from '../release/hook.js';
import type { CliIo } from './io.js';

const SOURCE_RE = /# Source: [^/]+\/(.+)/;

function matches(pattern: string, path: string): boolean {
  try {
    return pathMatch(pattern, path);
  } catch {
    return false; // Helm ignores filepath.Match errors: a bad pattern matches nothing.
  }
}

/**
 * `--show-only`: for each pattern in order, the documents whose `# Source:` path (without the
 * chart name) matches it, as `---\n<doc>\n`. A pattern matching nothing is an error.
 */
export function selectShowOnly(output: string, patterns: readonly string[]): string {
  const docs = splitManifests(output);
  const selected: string[] = [];
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, '/');
    let found = false;
    for (const doc of docs) {
      const m = SOURCE_RE.exec(doc);
      if (!m || !matches(pattern, m[1]!)) continue;
      selected.push(doc);
      found = true;
    }
    if (!found) throw new Error(`could not find template ${raw} in chart`);
  }
  return selected.map((d) => `---\n${d}\n`).join('');
}

export interface OutputDirPlan {
  readonly dir: string;
  /** Set with `--release-name`: manifests and hooks go under `<dir>/<release>`. */
  readonly releaseName: string | undefined;
  /** CRDs are written only with `--include-crds`; pass [] otherwise. */
  readonly crds: ReadonlyArray<{ filename: string; content: string }>;
  readonly manifests: readonly Manifest[];
  readonly hooks: readonly Hook[];
}

/**
 * `--output-dir`: one file per template path, documents of the same path appended. Hooks are
 * written after the manifests with a fresh "already written" set, so a hook truncates a file
 * that also holds manifests, exactly as Helm 3 does [quirk, kept].
 */
export function writeOutputDir(io: CliIo, plan: OutputDirPlan): void {
  const write = (dir: string, written: Set<string>, name: string, data: string) => {
    const file = `${dir}/${name}`;
    io.writeFile(file, `---\n# Source: ${name}\n${data}\n`, { append: written.has(name) });
    written.add(name);
    io.stdout(`wrote ${file}\n`);
  };
  const target = plan.releaseName ? `${plan.dir}/${plan.releaseName}` : plan.dir;
  const written = new Set<string>();
  for (const crd of plan.crds) write(plan.dir, written, crd.filename, crd.content);
  for (const m of plan.manifests) write(target, written, m.name, m.content);
  const hooksWritten = new Set<string>();
  for (const h of plan.hooks) write(target, hooksWritten, h.path, h.manifest);
  io.stdout('\n');
}
