/** JSON merge patch (RFC 7386), as apimachinery's jsonpatch.MergePatch applies it. */
import { clone, isObject, type Json } from '../json.js';

export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const out = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
