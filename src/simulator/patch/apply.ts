/**
 * Server-side apply and managedFields bookkeeping (k8s.io/apiserver fieldmanager,
 * structured-merge-diff): each manager owns a field set; apply merges the configuration, removes
 * fields the manager stopped applying, and reports conflicts with other managers unless forced.
 */
import { ApiError, type StatusCause } from '../errors.js';
import { clone, deepEqual, isObject, objects, type Json, type JsonObject } from '../json.js';
import {
  deleteAt,
  describePath,
  fieldsOf,
  hasPath,
  leaves,
  subtract,
  union,
  valueAt,
  type FieldOptions,
  type FieldSet,
} from './fieldset.js';
import { mergeKeyFor, SET_LISTS } from './keys.js';

export interface ManagedEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  fields: FieldSet;
}

export function readManaged(obj: JsonObject): ManagedEntry[] {
  return objects(obj.metadata as JsonObject, 'managedFields').map((e) => ({
    manager: String(e.manager ?? ''),
    operation: e.operation === 'Apply' ? 'Apply' : 'Update',
    apiVersion: String(e.apiVersion ?? ''),
    time: String(e.time ?? ''),
    ...(typeof e.subresource === 'string' ? { subresource: e.subresource } : {}),
    fields: isObject(e.fieldsV1) ? e.fieldsV1 : {},
  }));
}

export function writeManaged(obj: JsonObject, entries: ManagedEntry[]): void {
  const meta = obj.metadata as JsonObject;
  const list = entries
    .filter((e) => Object.keys(e.fields).length > 0)
    .map((e) => {
      const o: JsonObject = {
        manager: e.manager,
        operation: e.operation,
        apiVersion: e.apiVersion,
        time: e.time,
        fieldsType: 'FieldsV1',
        fieldsV1: e.fields,
      };
      if (e.subresource) o.subresource = e.subresource;
      return o;
    });
  if (list.length) meta.managedFields = list;
  else delete meta.managedFields;
}

export interface Actor {
  manager: string;
  apiVersion: string;
  time: string;
  subresource?: string;
}

function sameSlot(e: ManagedEntry, a: Actor, op: 'Apply' | 'Update'): boolean {
  return (
    e.manager === a.manager &&
    e.operation === op &&
    (e.subresource ?? '') === (a.subresource ?? '') &&
    (op === 'Apply' || e.apiVersion === a.apiVersion)
  );
}

/** Records an Update (create, PUT, non-apply patch): the actor takes the fields it changed. */
export function recordUpdate(
  prev: JsonObject | undefined,
  next: JsonObject,
  actor: Actor,
  opts: FieldOptions,
): void {
  const entries = prev ? readManaged(prev) : [];
  const nextFields = fieldsOf(next, opts);
  const changed: FieldSet = {};
  for (const p of leaves(nextFields)) {
    const isItem = p[p.length - 1] === '.';
    const differs =
      !prev ||
      (isItem ? valueAt(prev, p) === undefined : !deepEqual(valueAt(prev, p), valueAt(next, p)));
    if (differs) addTo(changed, p);
  }
  const removed = subtract(prev ? fieldsOf(prev, opts) : {}, nextFields);
  const updated = entries.map((e) => ({
    ...e,
    fields: subtract(subtract(e.fields, changed), removed),
  }));
  const mine = updated.find((e) => sameSlot(e, actor, 'Update'));
  if (mine) {
    mine.fields = union(mine.fields, changed);
    mine.time = actor.time;
  } else if (Object.keys(changed).length) {
    updated.push({
      manager: actor.manager,
      operation: 'Update',
      apiVersion: actor.apiVersion,
      time: actor.time,
      ...(actor.subresource ? { subresource: actor.subresource } : {}),
      fields: changed,
    });
  }
  writeManaged(next, updated);
}

function addTo(set: FieldSet, path: string[]): void {
  let cur = set;
  for (const seg of path) {
    if (!isObject(cur[seg])) cur[seg] = {};
    cur = cur[seg] as FieldSet;
  }
}

export interface ApplyOptions extends FieldOptions {
  force: boolean;
}

/** Server-side apply of `config` onto `live` (undefined when creating); returns the new object. */
export function serverSideApply(
  live: JsonObject | undefined,
  config: JsonObject,
  actor: Actor,
  opts: ApplyOptions,
): JsonObject {
  const base: JsonObject = live
    ? clone(live)
    : { apiVersion: config.apiVersion ?? null, kind: config.kind ?? null, metadata: {} };
  const entries = live ? readManaged(live) : [];
  const applied = fieldsOf(config, opts);
  const causes: StatusCause[] = [];
  const others = entries.filter((e) => !sameSlot(e, actor, 'Apply'));
  for (const e of others) {
    for (const p of leaves(applied)) {
      if (p[p.length - 1] === '.' || !hasPath(e.fields, p)) continue;
      if (deepEqual(valueAt(base, p), valueAt(config, p))) continue;
      if (opts.force) {
        e.fields = subtract(e.fields, pathSet(p));
      } else {
        causes.push({
          reason: 'FieldManagerConflict',
          message: `conflict with "${e.manager}"${e.operation === 'Update' ? ` using ${e.apiVersion}` : ''}`,
          field: describePath(p),
        });
      }
    }
  }
  if (causes.length) throw conflictError(causes, config);
  const previous = entries.find((e) => sameSlot(e, actor, 'Apply'))?.fields ?? {};
  for (const p of leaves(subtract(previous, applied))) {
    if (!others.some((e) => hasPath(e.fields, p))) deleteAt(base, p);
  }
  const merged = applyMerge(base, config, '', opts) as JsonObject;
  const nextEntries = [
    ...others,
    {
      manager: actor.manager,
      operation: 'Apply' as const,
      apiVersion: actor.apiVersion,
      time: actor.time,
      fields: applied,
    },
  ];
  writeManaged(merged, nextEntries);
  return merged;
}

function pathSet(p: string[]): FieldSet {
  const s: FieldSet = {};
  addTo(s, p);
  return s;
}

function conflictError(causes: StatusCause[], config: JsonObject): ApiError {
  const lines = causes.map((c) => `- ${c.message}: ${c.field ?? ''}`);
  const n = causes.length;
  const message = `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${n === 1 ? `${causes[0].message}: ${causes[0].field ?? ''}` : `\n${lines.join('\n')}`}`;
  const name = isObject(config.metadata) ? String(config.metadata.name ?? '') : '';
  return new ApiError(409, 'Conflict', message, {
    name,
    causes: causes.map((c) => ({ reason: c.reason, message: c.message, field: c.field ?? '' })),
  });
}

function applyMerge(live: Json | undefined, config: Json, field: string, opts: FieldOptions): Json {
  if (isObject(config)) {
    const out: JsonObject = isObject(live) ? live : {};
    for (const [k, v] of Object.entries(config)) out[k] = applyMerge(out[k], v, k, opts);
    return out;
  }
  if (!Array.isArray(config) || !Array.isArray(live) || !opts.keyedLists) return clone(config);
  if (SET_LISTS.has(field))
    return [...live, ...config.filter((x) => !live.some((y) => deepEqual(x, y)))];
  const key = mergeKeyFor(field, [...config, ...live]);
  if (!key) return clone(config);
  const out = [...live];
  for (const item of config) {
    const idx = out.findIndex(
      (x) => isObject(x) && isObject(item) && deepEqual(x[key] ?? null, item[key] ?? null),
    );
    if (idx >= 0) out[idx] = applyMerge(out[idx], item, '', opts);
    else out.push(clone(item));
  }
  return out;
}
