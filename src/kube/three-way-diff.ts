/**
 * The diff half of strategicpatch.CreateThreeWayMergePatch (patch.go diffMaps, handleMapDiff,
 * handleSliceDiff, diffLists, diffListsOfMaps, diffListsOfScalars): one map against another
 * with DiffOptions, producing a patch with `$patch: delete`, `$setElementOrder`,
 * `$deleteFromPrimitiveList` and `$retainKeys` directives. Part of three-way-patch.ts.
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
  isMap,
  mergeKeyValue,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  sortByMergeKey,
  sortScalars,
  splitStrategies,
  type DiffOptions,
  type Json,
  type JsonMap,
} from './patch-json.js';

// ---------------------------------------------------------------------------------------------
// Diffing (diffMaps and friends)

export function diffMaps(
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
