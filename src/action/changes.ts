/**
 * Resource changes between two release manifests (created, updated, deleted), keyed by
 * apiVersion's group, kind, namespace and name; `updated` carries a unified diff of the
 * document. Pure: the verbs do not return what they created or updated, so the action derives
 * it from the previous and new manifests.
 */
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
      const value = documentObject(text);
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

/** Created, updated (documents differ) and deleted objects, in manifest order. */
export function manifestChanges(previous: string, next: string): ObjectChange[] {
  const before = new Map(manifestObjects(previous).map((d) => [d.key, d]));
  const after = manifestObjects(next);
  const changes: ObjectChange[] = [];
  for (const d of after) {
    const old = before.get(d.key);
    if (!old) {
      changes.push({ action: 'created', object: d.label });
      continue;
    }
    before.delete(d.key);
    const diff = unifiedDiff(old.text, d.text, { from: `a/${d.label}`, to: `b/${d.label}` });
    if (diff !== '') changes.push({ action: 'updated', object: d.label, diff });
  }
  for (const d of before.values()) changes.push({ action: 'deleted', object: d.label });
  return changes;
}
