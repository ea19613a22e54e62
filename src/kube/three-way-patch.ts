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
import type { PatchSchema } from './patch-meta.js';
import { clone, deepEqual, goType, isMap, type JsonMap } from './patch-json.js';
import { diffMaps } from './three-way-diff.js';
import { mergeMap } from './three-way-merge.js';

export { PatchError, deepEqual, type Json, type JsonMap } from './patch-json.js';

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
