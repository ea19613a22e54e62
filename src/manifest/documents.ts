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
  const push = (from: number, to: number): void => {
    if (to <= from) return;
    let doc = stream.slice(from, to);
    if (doc.includes('\r\n')) doc = doc.replace(/\r\n/g, '\n');
    docs.push(doc.endsWith('\n') ? doc : `${doc}\n`);
  };
  let start = 0;
  // Only lines that start with `---` can end a document: the first line, and those after `\n---`.
  for (let line = 0; line < stream.length;) {
    if (stream.startsWith('---', line)) {
      const nl = stream.indexOf('\n', line);
      const next = nl < 0 ? stream.length : nl + 1;
      if (GO_SPACES.test(stream.slice(line + 3, next))) {
        push(start, line);
        start = next;
      }
    }
    const sep = stream.indexOf('\n---', line);
    if (sep < 0) break;
    line = sep + 1;
  }
  push(start, stream.length);
  return docs;
}

/** The object documents among documents already read as Build reads them, in order. */
function decoded(texts: Iterable<string>, parse: (doc: string) => GoValue): ObjectDocument[] {
  const out: ObjectDocument[] = [];
  for (const text of texts) {
    const value = documentObject(text, parse);
    if (value !== undefined) out.push({ text, value });
  }
  return out;
}

/** The documents of a whole manifest as Build reads them ({@link streamDocuments}) that are not empty, in order. */
export function objectDocuments(
  manifest: string,
  parse: (doc: string) => GoValue = parseManifestDocument,
): ObjectDocument[] {
  return decoded(streamDocuments(manifest), parse);
}

/**
 * {@link objectDocuments} over documents already split (the sorter's manifests, a hook's, a
 * CRD file's pieces), each read as Build reads it (a piece holds no separator line:
 * SplitManifests cut at them).
 */
export function objectDocumentsOf(
  docs: Iterable<string>,
  parse: (doc: string) => GoValue = parseManifestDocument,
): ObjectDocument[] {
  return decoded(
    [...docs].flatMap((piece) => streamDocuments(piece)),
    parse,
  );
}
