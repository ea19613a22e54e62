/**
 * Client-side updates of one object, Helm 3's way (helm/helm pkg/kube/client.go v3.15
 * `updateResource` and `createPatch`): a three-way strategic merge patch for built-in kinds,
 * a two-way JSON merge patch (old manifest to new) for custom resources and anything else the
 * client does not know; nothing is sent when the patch is `{}`. `--force` replaces the object.
 */
import type { KubeClient, KubeObject, PatchType } from '../kube/client.js';
import { refOf } from '../kube/client.js';
import { schemaForKind } from '../kube/patch-meta.js';
import {
  createMergePatch,
  createThreeWayMergePatch,
  type JsonMap,
} from '../kube/three-way-patch.js';
import { asError } from './config.js';
import type { HookLog } from './hooks.js';

export interface ObjectPatch {
  patch: JsonMap;
  type: PatchType;
}

/** An object as JSON, without the namespace the live object does not have (cluster-scoped). */
function asJson(obj: KubeObject, live: KubeObject): JsonMap {
  const json = structuredClone(obj) as unknown as JsonMap;
  const meta = json.metadata as JsonMap | undefined;
  if (meta && live.metadata.namespace === undefined) delete meta.namespace;
  return json;
}

/** createPatch: the patch and its type for `target`, given the old manifest's object and the live one. */
export function createPatch(
  original: KubeObject,
  target: KubeObject,
  live: KubeObject,
): ObjectPatch {
  const oldData = asJson(original, live);
  const newData = asJson(target, live);
  const schema = schemaForKind(target.apiVersion, target.kind);
  if (!schema) return { patch: createMergePatch(oldData, newData), type: 'merge' };
  const current = live as unknown as JsonMap;
  return { patch: createThreeWayMergePatch(oldData, newData, current, schema), type: 'strategic' };
}

/** updateResource without --force: `failed to create patch: …`, `cannot patch "<n>" with kind <K>: …`. */
export async function patchResource(
  kube: KubeClient,
  original: KubeObject,
  target: KubeObject,
  live: KubeObject,
  log: HookLog,
): Promise<void> {
  let p: ObjectPatch;
  try {
    p = createPatch(original, target, live);
  } catch (err) {
    throw new Error(`failed to create patch: ${asError(err).message}`, { cause: err });
  }
  const name = target.metadata.name;
  if (Object.keys(p.patch).length === 0) {
    log.info(`Looks like there are no changes for ${target.kind} ${JSON.stringify(name)}`);
    return;
  }
  try {
    await kube.patch(refOf(target), p.patch, p.type);
  } catch (err) {
    throw new Error(
      `cannot patch ${JSON.stringify(name)} with kind ${target.kind}: ${asError(err).message}`,
      { cause: err },
    );
  }
}

/** updateResource with --force: PUT the object (`failed to replace object: …`). */
export async function replaceResource(kube: KubeClient, target: KubeObject): Promise<void> {
  try {
    await kube.replace(target);
  } catch (err) {
    throw new Error(`failed to replace object: ${asError(err).message}`, { cause: err });
  }
}
