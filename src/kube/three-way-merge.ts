/**
 * The merge half of strategicpatch.CreateThreeWayMergePatch (patch.go mergeMap with
 * MergeOptions{}): the delta patch merged into the deletions patch, `$setElementOrder` lists
 * checked and applied, keyed lists merged by merge key. Part of three-way-patch.ts.
 */
import { lookupField, type PatchSchema } from './patch-meta.js';
import {
  DELETE_PRIMITIVE,
  DIRECTIVE,
  PatchError,
  RETAIN_KEYS,
  SET_ORDER,
  deduplicateScalars,
  deepEqual,
  elementType,
  goString,
  goType,
  indexOf,
  isMap,
  mergeKeyValue,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  noMergeKey,
  sameScalar,
  splitStrategies,
  type GoType,
  type Json,
  type JsonMap,
} from './patch-json.js';

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

export function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
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
