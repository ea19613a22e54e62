/**
 * Field sets in the managedFields `FieldsV1` shape (sigs.k8s.io/structured-merge-diff fieldpath):
 * `f:name` for a field, `k:{"name":"x"}` for a keyed list item, `v:"x"` for a set member, `.`
 * for the list item itself; `{}` is a leaf.
 */
import { deepEqual, isObject, type Json, type JsonObject } from '../json.js';
import { mergeKeyFor, SET_LISTS } from './keys.js';

export type FieldSet = JsonObject;

/** Server-set metadata that no manager owns. */
const UNOWNED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generateName',
]);

export interface FieldOptions {
  /** Built-in kinds have keyed lists; custom resources' lists are atomic. */
  keyedLists: boolean;
}

export function fieldsOf(obj: JsonObject, opts: FieldOptions, top = true): FieldSet {
  const set: FieldSet = {};
  for (const [k, v] of Object.entries(obj)) {
    if (top && (k === 'apiVersion' || k === 'kind')) continue;
    if (top && k === 'metadata' && isObject(v)) {
      const meta: JsonObject = {};
      for (const [mk, mv] of Object.entries(v)) if (!UNOWNED_META.has(mk)) meta[mk] = mv;
      const mf = fieldsOf(meta, opts, false);
      if (Object.keys(mf).length) set['f:metadata'] = mf;
      continue;
    }
    set[`f:${k}`] = fieldsOfValue(v, k, opts);
  }
  return set;
}

function fieldsOfValue(v: Json, field: string, opts: FieldOptions): FieldSet {
  if (isObject(v)) return fieldsOf(v, opts, false);
  if (!Array.isArray(v)) return {};
  if (SET_LISTS.has(field) && opts.keyedLists) {
    const s: FieldSet = {};
    for (const x of v) s[`v:${JSON.stringify(x)}`] = {};
    return s;
  }
  const key = opts.keyedLists ? mergeKeyFor(field, v) : undefined;
  if (!key) return {};
  const s: FieldSet = {};
  for (const item of v) {
    if (!isObject(item)) continue;
    s[`k:${JSON.stringify({ [key]: item[key] ?? null })}`] = {
      '.': {},
      ...fieldsOf(item, opts, false),
    };
  }
  return s;
}

/** Every leaf path (a leaf is `{}`; `.` marks ownership of the item itself). */
export function leaves(set: FieldSet, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(set)) {
    const path = [...prefix, k];
    if (isObject(v) && Object.keys(v).length) out.push(...leaves(v, path));
    else out.push(path);
  }
  return out;
}

export function hasPath(set: FieldSet, path: string[]): boolean {
  let cur: Json = set;
  for (const seg of path) {
    if (!isObject(cur) || !(seg in cur)) return false;
    cur = cur[seg];
  }
  return isObject(cur) && Object.keys(cur).length === 0;
}

export function addPath(set: FieldSet, path: string[]): void {
  let cur = set;
  for (const seg of path) {
    const next = cur[seg];
    if (isObject(next)) cur = next;
    else {
      const created: FieldSet = {};
      cur[seg] = created;
      cur = created;
    }
  }
}

export function removePath(set: FieldSet, path: string[]): void {
  const [head, ...rest] = path;
  const next = set[head];
  if (!isObject(next)) return;
  if (!rest.length) {
    // A leaf names the field itself; a node with children is not that leaf.
    if (!Object.keys(next).length) delete set[head];
  } else {
    removePath(next, rest);
    if (!Object.keys(next).length) delete set[head];
  }
}

export function union(a: FieldSet, b: FieldSet): FieldSet {
  const out = structuredClone(a);
  for (const p of leaves(b)) addPath(out, p);
  return out;
}

export function subtract(a: FieldSet, b: FieldSet): FieldSet {
  const out = structuredClone(a);
  for (const p of leaves(b)) removePath(out, p);
  return out;
}

/** The value a path names in an object, or undefined. */
export function valueAt(obj: Json | undefined, path: string[]): Json | undefined {
  let cur: Json | undefined = obj;
  for (const seg of path) {
    if (seg === '.') return cur;
    if (seg.startsWith('f:')) cur = isObject(cur) ? cur[seg.slice(2)] : undefined;
    else if (seg.startsWith('k:')) {
      const key = JSON.parse(seg.slice(2)) as JsonObject;
      cur = Array.isArray(cur)
        ? cur.find(
            (x) =>
              isObject(x) && Object.entries(key).every(([kk, kv]) => deepEqual(x[kk] ?? null, kv)),
          )
        : undefined;
    } else if (seg.startsWith('v:')) {
      const want = JSON.parse(seg.slice(2)) as Json;
      cur = Array.isArray(cur) ? cur.find((x) => deepEqual(x, want)) : undefined;
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Deletes the field a path names from an object (a `.` or `v:` leaf removes the list item). */
export function deleteAt(obj: JsonObject, path: string[]): void {
  const last = path[path.length - 1] === '.' ? path.slice(0, -1) : path;
  const parentPath = last.slice(0, -1);
  const seg = last[last.length - 1];
  const parent = parentPath.length ? valueAt(obj, parentPath) : obj;
  if (seg.startsWith('f:') && isObject(parent)) delete parent[seg.slice(2)];
  else if (Array.isArray(parent)) {
    const item = valueAt(parent, [seg]);
    const idx = parent.indexOf(item as Json);
    if (idx >= 0) parent.splice(idx, 1);
  }
}

/** `.spec.containers[name="app"].image`: the path as conflict messages print it. */
export function describePath(path: string[]): string {
  let out = '';
  for (const seg of path) {
    if (seg === '.') continue;
    if (seg.startsWith('f:')) out += `.${seg.slice(2)}`;
    else if (seg.startsWith('k:')) {
      const key = JSON.parse(seg.slice(2)) as JsonObject;
      out += `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    } else if (seg.startsWith('v:')) out += `[=${seg.slice(2)}]`;
  }
  return out;
}
