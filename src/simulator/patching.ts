/**
 * PATCH (registry/rest patch.go): the four patch types, applied to the live object and written
 * through the update path, so preconditions, validation and metadata rules stay the same.
 */
import type { ResourceType } from './discovery.js';
import { ApiError, badRequest, notFound, unsupportedMediaType } from './errors.js';
import { child, clone, isObject, str, type Json, type JsonObject } from './json.js';
import { serverSideApply } from './patch/apply.js';
import { jsonPatch } from './patch/json-patch.js';
import { mergePatch } from './patch/merge-patch.js';
import { strategicMerge } from './patch/strategic-merge.js';
import type { Registry, WriteContext } from './registry.js';
import { parse as parseYaml } from 'yaml';

export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;
export type PatchType = (typeof PATCH_TYPES)[number];

export interface PatchOptions {
  force: boolean;
  version: string;
}

export function decodePatch(type: PatchType, text: string): Json {
  try {
    return type === 'application/apply-patch+yaml'
      ? (parseYaml(text) as Json)
      : (JSON.parse(text) as Json);
  } catch (err) {
    throw badRequest(`error decoding patch: ${(err as Error).message}`);
  }
}

export function patchObject(
  reg: Registry,
  t: ResourceType,
  ns: string,
  name: string,
  patchType: string,
  body: Json,
  ctx: WriteContext,
  opts: PatchOptions,
): JsonObject {
  if (!(PATCH_TYPES as readonly string[]).includes(patchType))
    throw unsupportedMediaType(patchType);
  if (patchType === 'application/apply-patch+yaml')
    return applyPatch(reg, t, ns, name, body, ctx, opts);
  const live = reg.get(t, ns, name);
  let next: Json;
  if (patchType === 'application/json-patch+json') next = jsonPatch(live, body);
  else {
    if (!isObject(body))
      throw badRequest(
        'json: cannot unmarshal array into Go value of type map[string]interface {}',
      );
    if (patchType === 'application/merge-patch+json') next = mergePatch(live, body);
    else {
      if (t.custom)
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          'strategic merge patch format is not supported',
        );
      next = strategicMerge(live, body);
    }
  }
  if (!isObject(next)) throw badRequest('patched object is not an object');
  const meta = child(next, 'metadata');
  const patchMeta = isObject(body) ? child(body, 'metadata') : undefined;
  if (meta && !str(patchMeta, 'resourceVersion')) delete meta.resourceVersion;
  return reg.update(t, ns, name, next, ctx, opts.version);
}

function applyPatch(
  reg: Registry,
  t: ResourceType,
  ns: string,
  name: string,
  body: Json,
  ctx: WriteContext,
  opts: PatchOptions,
): JsonObject {
  if (!isObject(body)) throw badRequest('error decoding YAML: expected an object');
  if (!ctx.manager) throw badRequest('PATCH /apply requires fieldManager to be set');
  const meta = child(body, 'metadata');
  if (meta && meta.managedFields !== undefined)
    throw badRequest('metadata.managedFields must be nil');
  if (str(meta, 'name') && str(meta, 'name') !== name)
    throw badRequest(
      `the name of the object (${str(meta, 'name') ?? ''}) does not match the name on the URL (${name})`,
    );
  const config = clone(body);
  const cm = isObject(config.metadata) ? config.metadata : (config.metadata = {});
  cm.name = name;
  if (t.namespaced) cm.namespace = ns;
  const live = reg.find(t, ns, name);
  const actor = reg.actor(t, ctx, opts.version);
  const merged = serverSideApply(live, config, actor, { keyedLists: !t.custom, force: opts.force });
  const applied: WriteContext = { ...ctx, managedFieldsDone: true };
  if (!live) return reg.create(t, ns, merged, applied, opts.version);
  if (!str(cm, 'resourceVersion')) delete (merged.metadata as JsonObject).resourceVersion;
  try {
    return reg.update(t, ns, name, merged, applied, opts.version);
  } catch (err) {
    if (err instanceof ApiError && err.code === 404) throw notFound(t, name);
    throw err;
  }
}
