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
 * Build reads its text with apimachinery's YAMLReader ({@link streamDocuments}), whose
 * LineReader ends every line with a line break, the last one too, and a release manifest (which
 * Helm writes as `---\n# Source: …\n`, each document's trimmed text and a line break) is read
 * whole, not through releaseutil.SplitManifests: a block scalar (`|`, `>`) that ends a
 * document keeps its final newline, in a hook's trimmed manifest too.
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
 * pkg/util/yaml `YAMLReader.Read` over `LineReader`): each line as bufio's ReadLine gives it
 * (without its `\n` or `\r\n`) and a `\n`, the last line too; a line that starts with `---`
 * followed by nothing but space ends a document; a document with no lines is none.
 */
export function streamDocuments(stream: string): string[] {
  const docs: string[] = [];
  let doc = '';
  let at = 0;
  while (at < stream.length) {
    const nl = stream.indexOf('\n', at);
    let line = stream.slice(at, nl < 0 ? stream.length : nl);
    if (nl >= 0 && line.endsWith('\r')) line = line.slice(0, -1);
    at = nl < 0 ? stream.length : nl + 1;
    if (line.startsWith('---') && GO_SPACES.test(line.slice(3))) {
      if (doc !== '') docs.push(doc);
      doc = '';
    } else {
      doc += `${line}\n`;
    }
  }
  if (doc !== '') docs.push(doc);
  return docs;
}

/** The documents of a whole manifest as Build reads them ({@link streamDocuments}) that are not empty, in order. */
export function objectDocuments(
  manifest: string,
  parse: (doc: string) => GoValue = parseManifestDocument,
): ObjectDocument[] {
  return objectDocumentsOf(streamDocuments(manifest), parse);
}

/**
 * {@link objectDocuments} over documents already split (the sorter's manifests, a hook's, a
 * CRD file's pieces), each read as Build reads it.
 */
export function objectDocumentsOf(
  docs: Iterable<string>,
  parse: (doc: string) => GoValue = parseManifestDocument,
): ObjectDocument[] {
  const out: ObjectDocument[] = [];
  for (const piece of docs) {
    // As Build reads each one (a piece holds no separator line: SplitManifests cut at them).
    for (const text of streamDocuments(piece)) {
      const value = documentObject(text, parse);
      if (value !== undefined) out.push({ text, value });
    }
  }
  return out;
}
