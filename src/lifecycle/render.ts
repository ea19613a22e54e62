/**
 * Rendering a release's resources (helm/helm pkg/action/action.go `renderResources`, v3.21):
 * check the chart's kubeVersion, render every template, take NOTES.txt out, sort hooks and
 * manifests, and build the release manifest text (MP-4). Pure: no cluster, no file system.
 */
import type { Chart } from '../chart/types.js';
import { chartFullPath } from '../chart/types.js';
import { isCompatibleRange } from '../chart/semver.js';
import { render, type EngineOptions } from '../engine/engine.js';
import type { GoMap } from '../gotemplate/values.js';
import { compareGoStrings } from '../gotemplate/values.js';
import { ManifestParseError, sortManifests, type Manifest } from '../manifest/sort.js';
import type { Hook } from '../release/hook.js';
import { goTrimSpace } from '../util/go-strings.js';

export interface RenderResourcesOptions extends EngineOptions {
  /** The Kubernetes version to check `kubeVersion` against, e.g. `v1.36.0`. */
  readonly kubeVersion: string;
  /** Put the chart's crds/ files first in the manifest (`--include-crds`). */
  readonly includeCrds?: boolean;
  /** Notes of subcharts too (`--render-subchart-notes`). */
  readonly subNotes?: boolean;
  /**
   * `--post-renderer`: given the manifest (hooks are not part of it), returns the manifest to
   * keep (Helm's PostRenderer.Run; an executable one is postrender/exec.ts).
   */
  readonly postRender?: (manifest: string) => string;
}

export interface RenderedResources {
  readonly hooks: Hook[];
  readonly manifests: Manifest[];
  /**
   * `---\n# Source: <path>\n<doc>\n` per document, CRDs first when asked: joined on first
   * read (memoized), so `hookline template` can write the pieces without ever holding the join.
   */
  readonly manifest: string;
  /** The documents of `manifest`, in order, each built when iterated. */
  manifestPieces(): Iterable<string>;
  readonly notes: string;
  /** crds/ files as printed with `--include-crds` (also when not included in `manifest`). */
  readonly crds: ReadonlyArray<{ filename: string; content: string }>;
  /** Documents dropped for an unknown hook event (HK-3): hookline warns, Helm only logs. */
  readonly skippedHooks: ReadonlyArray<{ path: string; value: string }>;
}

/**
 * The rendered output could not be split into valid YAML documents. `debugManifest` holds
 * every rendered file, as `helm template --debug` prints it.
 */
export class InvalidManifestError extends Error {
  constructor(
    readonly parseError: ManifestParseError,
    readonly debugManifest: string,
  ) {
    super(parseError.message, { cause: parseError });
    this.name = 'InvalidManifestError';
  }
}

/** A chart's `kubeVersion` constraint does not admit the target version. */
/** The post-renderer failed: `error while running post render on files: <err>`. */
export class PostRenderError extends Error {
  constructor(cause: unknown) {
    super(`error while running post render on files: ${(cause as Error).message}`, { cause });
    this.name = 'PostRenderError';
  }
}

export class KubeVersionMismatchError extends Error {
  constructor(constraint: string, version: string) {
    super(
      `chart requires kubeVersion: ${constraint} which is incompatible with Kubernetes ${version}`,
    );
    this.name = 'KubeVersionMismatchError';
  }
}

const NOTES = 'NOTES.txt';
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Chart.CRDObjects: manifest files under crds/ of the chart and its subcharts; `name` is the
 * file's name in its own chart (`crds/x.yaml`, what install's messages say), `filename` its path
 * in the chart tree (`parent/charts/sub/crds/x.yaml`, what `template` prints as its Source).
 */
export function crdObjects(
  chart: Chart,
): Array<{ name: string; filename: string; data: Uint8Array }> {
  const own = chart.files
    .filter(
      (f) => f.name.startsWith('crds/') && MANIFEST_EXTENSIONS.some((e) => f.name.endsWith(e)),
    )
    .map((f) => ({ name: f.name, filename: `${chartFullPath(chart)}/${f.name}`, data: f.data }));
  return [...own, ...chart.dependencies.flatMap(crdObjects)];
}

function takeNotes(files: Map<string, string>, chart: Chart, subNotes: boolean): string {
  const notes: string[] = [];
  const rootNotes = `${chart.metadata.name}/templates/${NOTES}`;
  for (const [name, text] of [...files]) {
    if (!name.endsWith(NOTES)) continue;
    if (subNotes || name === rootNotes) notes.push(text);
    files.delete(name);
  }
  return notes.join('\n');
}

/**
 * A crds/ file whose text is decoded when first read: `template` prints them only with
 * `--include-crds`, and kube-prometheus-stack's are 4.4 MB (issue 10).
 */
function lazyCrd(filename: string, data: Uint8Array): { filename: string; content: string } {
  let content: string | undefined;
  return {
    filename,
    get content(): string {
      return (content ??= new TextDecoder().decode(data));
    },
  };
}

function document(path: string, content: string): string {
  return `---\n# Source: ${path}\n${content}\n`;
}

export function renderResources(
  chart: Chart,
  values: GoMap,
  options: RenderResourcesOptions,
): RenderedResources {
  const constraint = chart.metadata.kubeVersion;
  if (constraint && !isCompatibleRange(constraint, options.kubeVersion)) {
    throw new KubeVersionMismatchError(constraint, options.kubeVersion);
  }
  const files = render(chart, values, options);
  const notes = takeNotes(files, chart, options.subNotes ?? false);
  let sorted;
  try {
    sorted = sortManifests(files);
  } catch (err) {
    if (!(err instanceof ManifestParseError)) throw err;
    // Helm prints the raw files in map order; hookline sorts them so the output is stable.
    const blob = [...files.keys()]
      .sort(compareGoStrings)
      .filter((name) => goTrimSpace(files.get(name)!) !== '')
      .map((name) => document(name, files.get(name)!))
      .join('');
    throw new InvalidManifestError(err, blob);
  }
  const crds = crdObjects(chart).map((c) => lazyCrd(c.filename, c.data));
  const includeCrds = options.includeCrds ?? false;
  const manifests = sorted.manifests;
  function* manifestPieces(): Generator<string> {
    if (includeCrds) for (const c of crds) yield document(c.filename, c.content);
    for (const m of manifests) yield document(m.name, m.content);
  }
  const join = (): string => {
    let all = '';
    for (const piece of manifestPieces()) all += piece;
    return all;
  };
  let post: string | undefined;
  if (options.postRender) {
    try {
      post = options.postRender(join());
    } catch (err) {
      throw new PostRenderError(err);
    }
  }
  let joined = post;
  return {
    hooks: sorted.hooks,
    manifests,
    get manifest(): string {
      return (joined ??= join());
    },
    // Post-rendered, the manifest is one piece: the renderer's output.
    manifestPieces: post === undefined ? manifestPieces : () => [post],
    notes,
    crds,
    skippedHooks: sorted.skippedHooks,
  };
}
