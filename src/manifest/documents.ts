/**
 * The documents of a manifest that hold an object, as Helm's kube client reads a release
 * manifest (helm/helm pkg/kube/client.go `Build` → k8s.io/cli-runtime resource.StreamVisitor):
 * each document is decoded through YAML → JSON, and a document whose value is JSON `null`
 * (empty, only blanks and comments such as `# Source:` lines, or a bare `null`/`~`) is skipped,
 * because runtime.RawExtension keeps no bytes for `null` and the visitor skips empty ones.
 * Every path that turns rendered text into objects (install, upgrade, rollback, uninstall,
 * hooks, CRDs, the dry-run plan and the resource changes) goes through {@link objectDocuments}
 * or {@link documentObject}, so they agree on what an empty document is.
 *
 * Build reads a whole manifest (a release's, which Helm writes as `---\n# Source: …\n`, each
 * document's trimmed text and a line break) with apimachinery's YAMLReader
 * ({@link streamDocuments}), not with releaseutil.SplitManifests: each document keeps its last
 * line break, so a block scalar (`|`, `>`) that ends a document keeps its final newline. A hook
 * is built from its own trimmed manifest, without one (Helm's execHook builds `h.Manifest`).
 */
import type { GoValue } from '../gotemplate/values.js';
import { parseManifestDocument } from '../yaml/index.js';

/** One non-empty document: its text and its decoded value (never null). */
export interface ObjectDocument {
  readonly text: string;
  readonly value: Exclude<GoValue, null>;
}

/**
 * The decoded value of one document, or `undefined` when it holds nothing (StreamVisitor's
 * `len(ext.Raw) == 0 || ext.Raw == "null"`). YAML syntax errors are thrown as the parser's.
 */
export function documentObject(
  doc: string,
  parse: (doc: string) => GoValue = parseManifestDocument,
): Exclude<GoValue, null> | undefined {
  const value = parse(doc);
  return value === null ? undefined : value;
}

/** Only what Go's unicode.IsSpace calls space (Unicode White_Space). */
const GO_SPACES = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/**
 * The documents apimachinery's YAMLReader reads from a stream (k8s.io/apimachinery
 * pkg/util/yaml `YAMLReader.Read`): a line that starts with `---` followed by nothing but
 * whitespace ends a document, and each document is its lines as they are, line breaks
 * included; a document with no lines is none.
 */
export function streamDocuments(stream: string): string[] {
  const docs: string[] = [];
  let start = 0;
  let at = 0;
  while (at < stream.length) {
    const nl = stream.indexOf('\n', at);
    const next = nl < 0 ? stream.length : nl + 1;
    if (stream.startsWith('---', at) && GO_SPACES.test(stream.slice(at + 3, next))) {
      if (at > start) docs.push(stream.slice(start, at));
      start = next;
    }
    at = next;
  }
  if (stream.length > start) docs.push(stream.slice(start));
  return docs;
}

/** The documents of a whole manifest as Build reads them ({@link streamDocuments}) that are not empty, in order. */
export function objectDocuments(
  manifest: string,
  parse: (doc: string) => GoValue = parseManifestDocument,
): ObjectDocument[] {
  return objectDocumentsOf(streamDocuments(manifest), parse);
}

/** {@link objectDocuments} over documents already split (e.g. the sorter's manifests). */
export function objectDocumentsOf(
  docs: Iterable<string>,
  parse: (doc: string) => GoValue = parseManifestDocument,
): ObjectDocument[] {
  const out: ObjectDocument[] = [];
  for (const text of docs) {
    const value = documentObject(text, parse);
    if (value !== undefined) out.push({ text, value });
  }
  return out;
}
