/**
 * Strategic merge patch for built-in kinds (apimachinery/pkg/util/strategicpatch/patch.go):
 * keyed lists merge by their merge key, `finalizers` merges as a set, `$patch: delete|replace`,
 * `$retainKeys`, `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>` directives.
 */
import { badRequest } from '../errors.js';
import { clone, isObject, type Json, type JsonObject } from '../json.js';
import { mergeKeyFor, SET_LISTS } from './keys.js';

export function strategicMerge(target: Json | undefined, patch: Json, field = ''): Json {
  if (!isObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const out = clone(patch);
    delete out.$patch;
    return out;
  }
  if (patch.$patch === 'delete') return null;
  const out: JsonObject = isObject(target) ? clone(target) : {};
  const retain = patch.$retainKeys;
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const name = k.slice('$deleteFromPrimitiveList/'.length);
      const drop = Array.isArray(v) ? v : [];
      const cur = out[name];
      if (Array.isArray(cur)) out[name] = cur.filter((x) => !drop.includes(x));
      continue;
    }
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(out[k], v, k);
    else out[k] = strategicMerge(out[k], v, k);
  }
  for (const [k, order] of Object.entries(patch)) {
    if (!k.startsWith('$setElementOrder/') || !Array.isArray(order)) continue;
    const name = k.slice('$setElementOrder/'.length);
    const list = out[name];
    const live = isObject(target) ? target[name] : undefined;
    if (Array.isArray(list))
      out[name] = orderList(list, order, Array.isArray(live) ? live : [], name);
  }
  if (Array.isArray(retain))
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  void field;
  return out;
}

/**
 * `$setElementOrder/<list>` (strategicpatch mergePatchIntoOriginal/normalizeElementOrder): the
 * items it names come in its order; the others (server-only) keep their live order, each
 * placed before the first named item that follows it in the live list.
 */
function orderList(list: Json[], order: Json[], live: Json[], field: string): Json[] {
  const key = SET_LISTS.has(field) ? undefined : mergeKeyFor(field, [...order, ...list]);
  const id = (x: Json): Json | undefined => (key ? (isObject(x) ? x[key] : undefined) : x);
  const named = (x: Json) => order.some((o) => id(o) === id(x));
  const pos = (xs: Json[], x: Json) => xs.findIndex((y) => id(y) === id(x));
  const inPatch = list.filter(named).sort((a, b) => pos(order, a) - pos(order, b));
  const serverOnly = list.filter((x) => !named(x)).sort((a, b) => pos(live, a) - pos(live, b));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < inPatch.length) {
    if (i >= serverOnly.length) out.push(inPatch[j++]!);
    else if (j >= inPatch.length) out.push(serverOnly[i++]!);
    else {
      const li = pos(live, serverOnly[i]!);
      const ri = pos(live, inPatch[j]!);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]!);
      else out.push(inPatch[j++]!);
    }
  }
  return out;
}

function mergeList(target: Json | undefined, patch: Json[], field: string): Json {
  const cur = Array.isArray(target) ? target : [];
  if (SET_LISTS.has(field)) {
    const out = [...cur];
    for (const x of patch) if (!out.includes(x)) out.push(x);
    return out;
  }
  const key = mergeKeyFor(field, [...patch, ...cur]);
  if (!key) {
    if (patch.some((x) => isObject(x) && '$patch' in x))
      return patch.filter((x) => !(isObject(x) && x.$patch === 'replace'));
    return clone(patch);
  }
  if (patch.some((x) => isObject(x) && x.$patch === 'replace')) {
    return patch.filter((x) => !(isObject(x) && x.$patch === 'replace'));
  }
  const out: Json[] = cur.map((x) => clone(x));
  for (const item of patch) {
    if (!isObject(item))
      throw badRequest(`json: cannot unmarshal into map for list ${field} with merge key ${key}`);
    const idx = out.findIndex((x) => isObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
    } else if (idx >= 0) out[idx] = strategicMerge(out[idx], item);
    else out.push(strategicMerge(undefined, item));
  }
  return out;
}
