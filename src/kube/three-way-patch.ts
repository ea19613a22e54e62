/**
 * The patches Helm 3 sends to update an object (helm/helm pkg/kube/client.go `createPatch`,
 * v3.15): for built-in kinds apimachinery's strategicpatch.CreateThreeWayMergePatch(original,
 * modified, current, overwrite=true) (pkg/util/strategicpatch/patch.go), for everything else
 * evanphx/json-patch's two-way CreateMergePatch(original, modified). `original` is the object
 * as the previous release's manifest had it, `modified` the new one, `current` the live object.
 *
 * The three-way patch is the difference from current to modified without deletions, merged
 * with the deletions from original to modified: fields someone else set on the live object
 * survive, fields the chart dropped are removed. Lists with a merge strategy merge by their
 * merge key with `$patch: delete`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`
 * and `$retainKeys` directives, exactly as the Go code builds them. Pure; inputs are not changed.
 */
import { lookupField, type PatchSchema } from './patch-meta.js';

export type Json = null | boolean | number | string | Json[] | JsonMap;
export interface JsonMap {
  [key: string]: Json;
}

/** A patch that cannot be built (Go's mergepatch errors), e.g. a list item without its key. */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList';
const SET_ORDER = '$setElementOrder';

interface DiffOptions {
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  setElementOrder?: boolean;
  buildRetainKeysDirective?: boolean;
}

type GoType = 'nil' | 'bool' | 'number' | 'string' | 'slice' | 'map';

function goType(v: Json | undefined): GoType {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  return typeof v as 'bool' | 'number' | 'string';
}

function isMap(v: Json | undefined): v is JsonMap {
  return goType(v) === 'map';
}

function clone<T extends Json>(v: T): T {
  return structuredClone(v);
}

/** reflect.DeepEqual over decoded JSON. */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  const ta = goType(a);
  if (ta !== goType(b)) return false;
  if (ta === 'slice') {
    const x = a as Json[];
    const y = b as Json[];
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (ta === 'map') {
    const x = a as JsonMap;
    const y = b as JsonMap;
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => k in y && deepEqual(x[k], y[k]));
  }
  return false;
}

/** fmt.Sprintf("%v", v) for the scalars lists are sorted by. */
function goString(v: Json | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's `==` on interface values holding JSON scalars. */
function sameScalar(a: Json | undefined, b: Json | undefined): boolean {
  return a === b && typeof a !== 'object';
}

/** extractRetainKeysPatchStrategy. */
function splitStrategies(strategies: readonly string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  if (strategies.length === 1) {
    return strategies[0] === 'retainKeys'
      ? { retainKeys: true, strategy: '' }
      : { retainKeys: false, strategy: strategies[0]! };
  }
  if (strategies.length === 2 && strategies[0] === 'retainKeys')
    return { retainKeys: true, strategy: strategies[1]! };
  if (strategies.length === 2 && strategies[1] === 'retainKeys')
    return { retainKeys: true, strategy: strategies[0]! };
  throw new PatchError(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

function noMergeKey(m: Json, key: string): PatchError {
  return new PatchError(`map: ${JSON.stringify(m)} does not contain declared merge key: ${key}`);
}

/** sliceElementType: the one element type of the lists; lists of lists are refused. */
function elementType(...lists: Json[][]): GoType {
  let prev: GoType | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = goType(v);
      if (prev === undefined) {
        if (t === 'slice') throw new PatchError('lists of lists are not supported');
        prev = t;
      } else if (prev !== t) {
        throw new PatchError(`list element types are not identical: ${JSON.stringify(lists)}`);
      }
    }
  }
  if (prev === undefined) throw new PatchError('no elements in any of the given slices');
  return prev;
}

// ---------------------------------------------------------------------------------------------
// Diffing (diffMaps and friends)

function diffMaps(
  original: JsonMap,
  modified: JsonMap,
  schema: PatchSchema,
  o: DiffOptions,
): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (o.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key]!;
    if (key === DIRECTIVE) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string')
        throw new PatchError(`invalid value for special key: ${DIRECTIVE}`);
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (goType(originalValue) !== goType(modifiedValue)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isMap(originalValue)) {
      diffMapField(key, originalValue, modifiedValue as JsonMap, patch, schema, o);
    } else if (Array.isArray(originalValue)) {
      diffSliceField(key, originalValue, modifiedValue as Json[], patch, schema, o);
    } else if (!o.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
      patch[key] = modifiedValue;
    }
  }
  if (!o.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  const hasAdditionalField = Object.entries(original).some(
    ([k, v]) => v !== null && !(k in modified),
  );
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalField)) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys);
  }
  return patch;
}

/** handleMapDiff. */
function diffMapField(
  key: string,
  original: JsonMap,
  modified: JsonMap,
  patch: JsonMap,
  schema: PatchSchema,
  o: DiffOptions,
): void {
  const meta = lookupField(schema, key);
  const { retainKeys, strategy } = splitStrategies(meta.strategies);
  const opts = { ...o, buildRetainKeysDirective: retainKeys };
  if (strategy === 'replace') {
    if (!o.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = diffMaps(original, modified, meta.schema, opts);
  if (Object.keys(value).length > 0) patch[key] = value;
}

/** handleSliceDiff. */
function diffSliceField(
  key: string,
  original: Json[],
  modified: Json[],
  patch: JsonMap,
  schema: PatchSchema,
  o: DiffOptions,
): void {
  const meta = lookupField(schema, key);
  const { retainKeys, strategy } = splitStrategies(meta.strategies);
  if (strategy !== 'merge') {
    if (!o.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = modified;
    return;
  }
  const opts = { ...o, buildRetainKeysDirective: retainKeys };
  const { add, remove, order } = diffLists(original, modified, meta.schema, meta.mergeKey, opts);
  if (add.length > 0) patch[key] = add;
  if (remove.length > 0) patch[`${DELETE_PRIMITIVE}/${key}`] = remove;
  if (order.length > 0) patch[`${SET_ORDER}/${key}`] = order;
}

interface ListDiff {
  add: Json[];
  remove: Json[];
  order: Json[];
}

function diffLists(
  original: Json[],
  modified: Json[],
  schema: PatchSchema,
  mergeKey: string,
  o: DiffOptions,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || o.ignoreChangesAndAdditions)
      return { add: [], remove: [], order: [] };
    return { add: modified, remove: [], order: [] };
  }
  const kind = elementType(original, modified);
  if (kind === 'map') {
    const maps = diffListsOfMaps(original, modified, schema, mergeKey, o);
    let add = normalizeSliceOrder(maps.add, modified, mergeKey, kind);
    const orderSame = isOrderSame(original, modified, mergeKey);
    add = [...add, ...maps.remove];
    let order: Json[] = [];
    const changed = add.length > 0;
    if (
      o.setElementOrder &&
      ((!o.ignoreChangesAndAdditions && (changed || !orderSame)) || (!o.ignoreDeletions && changed))
    ) {
      order = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey]! }));
    }
    return { add, remove: [], order };
  }
  const scalars = diffListsOfScalars(original, modified, o);
  const add = normalizeSliceOrder(scalars.add, modified, mergeKey, kind);
  let order: Json[] = [];
  if (
    o.setElementOrder &&
    ((!o.ignoreDeletions && scalars.remove.length > 0) ||
      (!o.ignoreChangesAndAdditions && !deepEqual(original, modified)))
  ) {
    order = modified;
  }
  return { add, remove: scalars.remove, order };
}

function isOrderSame(original: Json[], modified: Json[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => mergeKeyValueEqual(original[i]!, m, mergeKey));
}

function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (mergeKey === '') return sameScalar(left, right);
  if (!isMap(left) || !isMap(right)) throw new PatchError('unexpected non-map list item');
  if (!(mergeKey in left)) throw noMergeKey(left, mergeKey);
  if (!(mergeKey in right)) throw noMergeKey(right, mergeKey);
  return sameScalar(left[mergeKey], right[mergeKey]);
}

/** sortMergeListsByNameArray without recursion: maps ordered by their merge key's text. */
function sortByMergeKey(list: Json[], mergeKey: string): JsonMap[] {
  for (const item of list) {
    if (!isMap(item)) throw new PatchError('unexpected non-map list item');
  }
  return (list as JsonMap[])
    .slice()
    .sort((a, b) => compareStrings(goString(a[mergeKey]), goString(b[mergeKey])));
}

function mergeKeyValue(item: JsonMap, mergeKey: string): Json {
  if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
  return item[mergeKey]!;
}

function diffListsOfMaps(
  original: Json[],
  modified: Json[],
  schema: PatchSchema,
  mergeKey: string,
  o: DiffOptions,
): { add: Json[]; remove: Json[] } {
  const add: Json[] = [];
  const remove: Json[] = [];
  const os = sortByMergeKey(original, mergeKey);
  const ms = sortByMergeKey(modified, mergeKey);
  let oi = 0;
  let mi = 0;
  while (oi < os.length || mi < ms.length) {
    const oIn = oi < os.length;
    const mIn = mi < ms.length;
    const oEl = oIn ? os[oi]! : undefined;
    const mEl = mIn ? ms[mi]! : undefined;
    const oKey = oEl ? mergeKeyValue(oEl, mergeKey) : null;
    const mKey = mEl ? mergeKeyValue(mEl, mergeKey) : null;
    const oStr = oEl ? goString(oKey) : '';
    const mStr = mEl ? goString(mKey) : '';
    if (oEl && mEl && oStr === mStr) {
      const value = diffMaps(oEl, mEl, schema, o);
      if (Object.keys(value).length > 0) {
        value[mergeKey] = mKey;
        add.push(value);
      }
      oi++;
      mi++;
    } else if (!oIn || (mEl && oStr > mStr)) {
      if (!o.ignoreChangesAndAdditions) add.push(mEl!);
      mi++;
    } else {
      if (!o.ignoreDeletions) remove.push({ [mergeKey]: oKey, [DIRECTIVE]: 'delete' });
      oi++;
    }
  }
  return { add, remove };
}

function diffListsOfScalars(
  original: Json[],
  modified: Json[],
  o: DiffOptions,
): { add: Json[]; remove: Json[] } {
  const os = sortScalars(original.slice());
  const ms = sortScalars(modified.slice());
  const add: Json[] = [];
  const remove: Json[] = [];
  let oi = 0;
  let mi = 0;
  while (oi < os.length || mi < ms.length) {
    const oIn = oi < os.length;
    const mIn = mi < ms.length;
    const oStr = oIn ? goString(os[oi]) : '';
    const mStr = mIn ? goString(ms[mi]) : '';
    if (oIn && mIn && oStr === mStr) {
      oi++;
      mi++;
    } else if (oIn && (!mIn || oStr < mStr)) {
      if (!o.ignoreDeletions) remove.push(os[oi]!);
      oi++;
    } else {
      if (!o.ignoreChangesAndAdditions) add.push(ms[mi]!);
      mi++;
    }
  }
  return { add, remove: deduplicateScalars(remove) };
}

function sortScalars<T extends Json>(list: T[]): T[] {
  return list.sort((a, b) => compareStrings(goString(a), goString(b)));
}

/** deduplicateScalars, with Go's order (a duplicate is replaced by the last element). */
function deduplicateScalars(input: Json[]): Json[] {
  const s = input.slice();
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (sameScalar(s[i], s[j])) {
        s[j] = s[length]!;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** index: the position of `item` in `list` (by merge key for maps), or -1. */
function indexOf(list: readonly Json[], item: Json, mergeKey: string, kind: GoType): number {
  const val = (v: Json): Json | undefined => (kind === 'map' ? (isMap(v) ? v[mergeKey] : null) : v);
  const want = val(item);
  return list.findIndex((v) => {
    const got = val(v);
    return got === want || (got === undefined && want === undefined);
  });
}

/** normalizeSliceOrder: `toSort` in the order of `order`, delete directives last. */
function normalizeSliceOrder(
  toSort: Json[],
  order: readonly Json[],
  mergeKey: string,
  kind: GoType,
): Json[] {
  let keep = toSort;
  let toDelete: Json[] = [];
  if (kind === 'map') {
    for (const list of [toSort, order]) {
      for (const item of list) {
        if (!isMap(item)) throw new PatchError('unexpected non-map list item');
        if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
      }
    }
    keep = toSort.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
    toDelete = toSort.filter((v) => (v as JsonMap)[DIRECTIVE] === 'delete');
  }
  const sorted = keep.slice().sort((a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    const ib = indexOf(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia - ib : 0;
  });
  return [...sorted, ...toDelete];
}

// ---------------------------------------------------------------------------------------------
// Merging the deletions patch with the delta patch (mergeMap with MergeOptions{})

function removeDirectives(obj: Json): { value: Json; keep: boolean } {
  if (isMap(obj)) {
    if (DIRECTIVE in obj) return { value: null, keep: false };
    for (const k of Object.keys(obj)) {
      const r = removeDirectives(obj[k]!);
      if (r.keep) obj[k] = r.value;
      else delete obj[k];
    }
    return { value: obj, keep: true };
  }
  if (Array.isArray(obj)) {
    const out: Json[] = [];
    for (const v of obj) {
      const r = removeDirectives(v);
      if (r.keep) out.push(r.value);
    }
    return { value: out, keep: true };
  }
  return { value: obj, keep: true };
}

function takePatchValue(original: JsonMap, key: string, value: Json): void {
  const r = removeDirectives(value);
  if (r.keep) original[key] = r.value;
  else delete original[key];
}

function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (directive === 'delete') return {};
    throw new PatchError(
      `Unknown patch type: ${goString(directive)} in map: ${JSON.stringify(patch)}`,
    );
  }
  if (RETAIN_KEYS in patch) {
    const retain = patch[RETAIN_KEYS]!;
    delete patch[RETAIN_KEYS];
    if (RETAIN_KEYS in original) {
      if (!deepEqual(original[RETAIN_KEYS], retain)) {
        throw new PatchError(
          `${JSON.stringify(original[RETAIN_KEYS])} and ${JSON.stringify(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
      }
    } else {
      original[RETAIN_KEYS] = retain;
    }
  }
  mergeSetElementOrder(original, patch, schema);
  for (const k of Object.keys(patch)) {
    if (!(k in patch)) continue;
    const patchV = patch[k]!;
    if (k.startsWith(`${DELETE_PRIMITIVE}/`)) {
      original[k] = patchV;
      continue;
    }
    if (patchV === null) delete original[k];
    if (!(k in original) || goType(original[k]) !== goType(patchV)) {
      takePatchValue(original, k, patchV);
      continue;
    }
    const cur = original[k]!;
    if (isMap(cur)) {
      const meta = lookupField(schema, k);
      const { strategy } = splitStrategies(meta.strategies);
      original[k] = strategy === 'replace' ? patchV : mergeMap(cur, patchV as JsonMap, meta.schema);
    } else if (Array.isArray(cur)) {
      const meta = lookupField(schema, k);
      const { strategy } = splitStrategies(meta.strategies);
      original[k] =
        strategy === 'merge'
          ? mergeSlice(cur, patchV as Json[], meta.schema, meta.mergeKey)
          : patchV;
    } else {
      takePatchValue(original, k, patchV);
    }
  }
  return original;
}

/** mergePatchIntoOriginal (MergeParallelList false): `$setElementOrder` lists and their lists. */
function mergeSetElementOrder(original: JsonMap, patch: JsonMap, schema: PatchSchema): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(`${SET_ORDER}/`) || !(key in patch)) continue;
    const setOrder = patch[key]!;
    if (key in original) {
      if (!deepEqual(original[key], setOrder))
        throw new PatchError('invalid patch format of setElementOrder list');
    } else {
      original[key] = setOrder;
    }
    delete patch[key];
    if (!Array.isArray(setOrder))
      throw new PatchError('invalid patch format of setElementOrder list');
    const listKey = key.slice(SET_ORDER.length + 1);
    const foundOriginal = listKey in original;
    const foundPatch = listKey in patch;
    const originalList = foundOriginal ? original[listKey]! : [];
    const patchList = foundPatch ? patch[listKey]! : [];
    if (!Array.isArray(originalList) || !Array.isArray(patchList))
      throw new PatchError(`invalid list for ${listKey}`);
    const meta = lookupField(schema, listKey);
    const { strategy } = splitStrategies(meta.strategies);
    validatePatchWithSetOrderList(patchList, setOrder, meta.mergeKey);
    let merged: Json[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList).value as Json[];
    else if (foundOriginal && foundPatch) {
      merged =
        strategy === 'merge'
          ? mergeSlice(originalList, patchList, meta.schema, meta.mergeKey)
          : patchList;
    } else continue;
    const { inList, rest } = partition(merged, setOrder, meta.mergeKey);
    const kind = elementType(originalList, patchList);
    original[listKey] = normalizeElementOrder(
      inList,
      rest,
      setOrder,
      originalList,
      meta.mergeKey,
      kind,
    );
    delete patch[listKey];
  }
}

function validatePatchWithSetOrderList(
  patchList: Json[],
  setOrder: Json[],
  mergeKey: string,
): void {
  if (setOrder.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey
    ? patchList.filter((v) => !(isMap(v) && v[DIRECTIVE] === 'delete'))
    : patchList;
  let pi = 0;
  let si = 0;
  while (pi < nonDelete.length && si < setOrder.length) {
    const item = nonDelete[pi]!;
    if (isMap(item) && DIRECTIVE in item) {
      pi++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrder[si]!, mergeKey)) pi++;
    si++;
  }
  if (pi < nonDelete.length && si >= setOrder.length) {
    throw new PatchError(
      `The order in patch list:\n${JSON.stringify(patchList)}\n doesn't match ${SET_ORDER} list:\n${JSON.stringify(setOrder)}\n`,
    );
  }
}

/** partitionMapsByPresentInList / partitionPrimitivesByPresentInList. */
function partition(list: Json[], by: Json[], mergeKey: string): { inList: Json[]; rest: Json[] } {
  const inList: Json[] = [];
  const rest: Json[] = [];
  for (const v of list) {
    let found: boolean;
    if (mergeKey === '') found = by.some((b) => sameScalar(b, v));
    else {
      if (!isMap(v)) throw new PatchError('unexpected non-map list item');
      const value = mergeKeyValue(v, mergeKey);
      found = by.some((b) => isMap(b) && sameScalar(b[mergeKey], value));
    }
    (found ? inList : rest).push(v);
  }
  return { inList, rest };
}

function normalizeElementOrder(
  patch: Json[],
  serverOnly: Json[],
  patchOrder: readonly Json[],
  serverOrder: readonly Json[],
  mergeKey: string,
  kind: GoType,
): Json[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** mergeSortedSlice: server-only items interleaved into the patch items by the live order. */
function mergeSortedSlice(
  left: Json[],
  right: Json[],
  serverOrder: readonly Json[],
  mergeKey: string,
  kind: GoType,
): Json[] {
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length) out.push(left[i++]!);
    else {
      const li = indexOf(serverOrder, left[i]!, mergeKey, kind);
      const ri = indexOf(serverOrder, right[j]!, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}

function mergeSlice(
  original: Json[],
  patch: Json[],
  schema: PatchSchema,
  mergeKey: string,
): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementType(original, patch);
  let merged: Json[];
  let base = original;
  let items = patch;
  if (kind !== 'map') {
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw new PatchError('cannot merge lists without merge key');
    ({ base, items } = applySpecialElements(original, patch, mergeKey));
    merged = base.slice();
    for (const v of items) {
      const m = v as JsonMap;
      const value = mergeKeyValue(m, mergeKey);
      const idx = merged.findIndex((x) => {
        if (!isMap(x)) throw new PatchError('unexpected non-map list item');
        return mergeKey in x && sameScalar(x[mergeKey], value);
      });
      if (idx >= 0) merged[idx] = mergeMap(merged[idx] as JsonMap, m, schema);
      else merged.push(v);
    }
  }
  const { inList, rest } = partition(merged, items, mergeKey);
  return normalizeElementOrder(inList, rest, items, base, mergeKey, kind);
}

/** mergeSliceWithSpecialElements: `$patch: delete|replace` items of the patch list. */
function applySpecialElements(
  original: Json[],
  patch: Json[],
  mergeKey: string,
): { base: Json[]; items: Json[] } {
  let base = original;
  const items: Json[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!(DIRECTIVE in m)) {
      items.push(v);
      continue;
    }
    const directive = m[DIRECTIVE];
    if (directive === 'delete') {
      if (!(mergeKey in m)) throw noMergeKey(m, mergeKey);
      base = base.filter((x) => !(isMap(x) && sameScalar(x[mergeKey], m[mergeKey])));
    } else if (directive === 'replace') replace = true;
    else if (directive === 'merge')
      throw new PatchError('merging lists cannot yet be specified in the patch');
    else
      throw new PatchError(
        `Unknown patch type: ${goString(directive)} in map: ${JSON.stringify(m)}`,
      );
  }
  return replace ? { base: items, items: [] } : { base, items };
}

// ---------------------------------------------------------------------------------------------

/**
 * strategicpatch.CreateThreeWayMergePatch(original, modified, current, schema, overwrite=true).
 * An empty result (`{}`) means nothing to send.
 */
export function createThreeWayMergePatch(
  original: JsonMap,
  modified: JsonMap,
  current: JsonMap,
  schema: PatchSchema,
): JsonMap {
  const delta = diffMaps(clone(current), clone(modified), schema, {
    ignoreDeletions: true,
    setElementOrder: true,
  });
  const deletions = diffMaps(clone(original), clone(modified), schema, {
    ignoreChangesAndAdditions: true,
    setElementOrder: true,
  });
  return mergeMap(deletions, delta, schema);
}

/** jsonpatch.CreateMergePatch(original, modified) (RFC 7386, two-way). */
export function createMergePatch(original: JsonMap, modified: JsonMap): JsonMap {
  const into: JsonMap = {};
  for (const [key, bv] of Object.entries(modified)) {
    if (!(key in original)) {
      into[key] = clone(bv);
      continue;
    }
    const av = original[key]!;
    if (goType(av) !== goType(bv)) into[key] = clone(bv);
    else if (isMap(av)) {
      const sub = createMergePatch(av, bv as JsonMap);
      if (Object.keys(sub).length > 0) into[key] = sub;
    } else if (!deepEqual(av, bv)) into[key] = clone(bv);
  }
  for (const key of Object.keys(original)) if (!(key in modified)) into[key] = null;
  return into;
}
