/**
 * Resource changes between two release manifests (created, updated, deleted), keyed by
 * apiVersion's group, kind, namespace and name; `updated` carries a unified diff of the
 * document. Pure: the verbs do not return what they created or updated, so the action derives
 * it from the previous and new manifests.
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { marshalJson } from '../gojson/index.js';
import { documentObject } from '../manifest/documents.js';
import { splitManifests } from '../manifest/split.js';
import { unifiedDiff } from './diff.js';

export interface ObjectChange {
  action: 'created' | 'updated' | 'deleted';
  /** `Kind/name` (with `namespace/` in front when the document names one). */
  object: string;
  /** Unified diff of the document (updated only). */
  diff?: string;
}

interface Doc {
  key: string;
  label: string;
  text: string;
}

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const HEAD_KEYS = /^(?:apiVersion|kind|metadata)\s*:/;

/**
 * The identifying part of a document: its top-level `apiVersion`, `kind` and `metadata` blocks
 * (a CRD's 10,000-line `spec` is never parsed just to name the object).
 */
export function documentHead(text: string): string {
  const out: string[] = [];
  let keep = false;
  for (const line of text.split('\n')) {
    if (/^[^\s#-]/.test(line)) keep = HEAD_KEYS.test(line);
    else if (line.startsWith('- ') || line === '-') keep = false;
    if (keep) out.push(line);
  }
  return out.join('\n');
}

/**
 * The objects of a manifest: releaseutil.SplitManifests, with the documents empty after
 * comments and whitespace skipped as the kube client skips them (manifest/documents.ts);
 * documents that do not parse or name no kind or name are left out of the plan.
 */
export function manifestObjects(manifest: string): Doc[] {
  const out: Doc[] = [];
  for (const text of splitManifests(manifest)) {
    let doc: Json;
    try {
      // A document without block-style head keys (JSON, flow style) is parsed whole.
      const head = documentHead(text);
      const value = documentObject(head === '' ? text : head);
      if (value === undefined) continue;
      doc = rec(JSON.parse(marshalJson(value)));
    } catch {
      continue;
    }
    const kind = str(doc.kind);
    const meta = rec(doc.metadata);
    const name = str(meta.name);
    if (kind === '' || name === '') continue;
    const ns = str(meta.namespace);
    const group = str(doc.apiVersion).split('/').slice(0, -1).join('/');
    const label = `${ns ? `${ns}/` : ''}${kind}/${name}`;
    out.push({ key: `${group}|${kind}|${ns}|${name}`, label, text: `${text}\n` });
  }
  return out;
}

/** A Secret value's size in bytes (`data` is base64, `stringData` plain). */
function secretBytes(value: unknown, encoded: boolean): number {
  const s = typeof value === 'string' ? value : String(value ?? '');
  return encoded ? Buffer.from(s, 'base64').length : Buffer.byteLength(s, 'utf8');
}

/** `data` and `stringData` merged as helm diff does (stringData wins), with sizes. */
function secretFields(doc: Document): Map<string, { value: string; bytes: number }> {
  const out = new Map<string, { value: string; bytes: number }>();
  for (const [field, encoded] of [
    ['data', true],
    ['stringData', false],
  ] as const) {
    const node = doc.get(field);
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const v = isScalar(pair.value) ? pair.value.value : '';
      const plain = encoded
        ? Buffer.from(String(v ?? ''), 'base64').toString('utf8')
        : String(v ?? '');
      out.set(key, { value: plain, bytes: secretBytes(v, encoded) });
    }
  }
  return out;
}

const isSecretText = (text: string): boolean => /^kind:\s*["']?Secret["']?\s*$/m.test(text);

/**
 * helm diff's redaction of a Secret pair (databus23/helm-diff, diff/diff.go redactSecrets):
 * `stringData` folded into `data`, each value replaced by `REDACTED # (N bytes)` when
 * unchanged, `-------- # (N bytes)` / `++++++++ # (N bytes)` when changed, added or removed.
 * Either side may be `''` (created or deleted). Never returns a value of the Secret.
 */
export function redactSecretPair(before: string, after: string): { before: string; after: string } {
  const docs = [before, after].map((t) => (t === '' ? undefined : parseDocument(t)));
  const fields = docs.map((d) =>
    d ? secretFields(d) : new Map<string, { value: string; bytes: number }>(),
  );
  const [oldF, newF] = fields as [
    Map<string, { value: string; bytes: number }>,
    Map<string, { value: string; bytes: number }>,
  ];
  const marks: [Record<string, string>, Record<string, string>] = [{}, {}];
  for (const key of new Set([...oldF.keys(), ...newF.keys()])) {
    const o = oldF.get(key);
    const n = newF.get(key);
    if (o && n && o.value === n.value) {
      marks[0][key] = marks[1][key] = `REDACTED # (${n.bytes} bytes)`;
      continue;
    }
    if (o) marks[0][key] = `-------- # (${o.bytes} bytes)`;
    if (n) marks[1][key] = `++++++++ # (${n.bytes} bytes)`;
  }
  const text = (i: 0 | 1): string => {
    const d = docs[i];
    if (!d) return '';
    d.delete('stringData');
    if (Object.keys(marks[i]).length > 0) d.set('data', marks[i]);
    return d.toString({ lineWidth: 0 });
  };
  return { before: text(0), after: text(1) };
}

export interface ChangeFilter {
  /** The namespace of documents that name none (the release's). */
  namespace: string;
  /** Whether the change happened (the key is `group|kind|namespace|name`). */
  happened(action: ObjectChange['action'], key: string): boolean;
}

/**
 * Created, updated (documents differ) and deleted objects, in manifest order; with `filter`,
 * only those the cluster confirmed.
 */
export function manifestChanges(
  previous: string,
  next: string,
  filter?: ChangeFilter,
): ObjectChange[] {
  const before = new Map(manifestObjects(previous).map((d) => [d.key, d]));
  const after = manifestObjects(next);
  const changes: ObjectChange[] = [];
  const keep = (action: ObjectChange['action'], d: Doc): boolean => {
    if (!filter) return true;
    const [group, kind, ns, name] = d.key.split('|');
    return filter.happened(action, `${group}|${kind}|${ns || filter.namespace}|${name}`);
  };
  for (const d of after) {
    const old = before.get(d.key);
    if (!old) {
      if (keep('created', d)) changes.push({ action: 'created', object: d.label });
      continue;
    }
    before.delete(d.key);
    const pair =
      isSecretText(old.text) || isSecretText(d.text)
        ? redactSecretPair(old.text, d.text)
        : { before: old.text, after: d.text };
    const diff = unifiedDiff(pair.before, pair.after, {
      from: `a/${d.label}`,
      to: `b/${d.label}`,
    });
    if (diff !== '' && keep('updated', d))
      changes.push({ action: 'updated', object: d.label, diff });
  }
  for (const d of before.values())
    if (keep('deleted', d)) changes.push({ action: 'deleted', object: d.label });
  return changes;
}
