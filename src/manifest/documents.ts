/**
 * The documents of a manifest that hold an object, as Helm's kube client reads a release
 * manifest (helm/helm pkg/kube/client.go `Build` → k8s.io/cli-runtime resource.StreamVisitor):
 * each document is decoded through YAML → JSON, and a document whose value is JSON `null`
 * (empty, only blanks and comments such as `# Source:` lines, or a bare `null`/`~`) is skipped,
 * because runtime.RawExtension keeps no bytes for `null` and the visitor skips empty ones.
 * Every path that turns rendered text into objects (install, upgrade, rollback, uninstall,
 * hooks, CRDs, the dry-run plan and the resource changes) goes through {@link objectDocuments}
 * or {@link documentObject}, so they agree on what an empty document is.
 */
import type { GoValue } from '../gotemplate/values.js';
import { parseManifestDocument } from '../yaml/index.js';
import { splitManifests } from './split.js';

/** One non-empty document: its trimmed text and its decoded value (never null). */
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

/** The documents of a manifest (releaseutil.SplitManifests) that are not empty, in order. */
export function objectDocuments(
  manifest: string,
  parse: (doc: string) => GoValue = parseManifestDocument,
): ObjectDocument[] {
  return objectDocumentsOf(splitManifests(manifest), parse);
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
