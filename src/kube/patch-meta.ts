/**
 * Strategic-merge-patch metadata of built-in kinds (apimachinery strategicpatch's
 * LookupPatchMeta over k8s.io/api structs), read from the table generated out of the API
 * server's OpenAPI document (patch-meta-table.ts). A kind with no entry is not built in: Helm 3
 * patches those (custom resources, APIService, v1beta1 CRDs) with a JSON merge patch.
 */
import { PATCH_DEFS, PATCH_KINDS } from './patch-meta-table.js';

/** Where in a built-in type a value sits: its definition ('' = nothing below has metadata). */
export interface PatchSchema {
  readonly def: string;
}

export interface FieldPatchMeta {
  /** The schema of the field's value, or of its items for a list. */
  readonly schema: PatchSchema;
  /** `x-kubernetes-patch-strategy` split on commas (`merge`, `retainKeys`, `replace`). */
  readonly strategies: readonly string[];
  /** `x-kubernetes-patch-merge-key`, '' when none. */
  readonly mergeKey: string;
}

const NONE: PatchSchema = { def: '' };

/**
 * The schema of a built-in kind, or undefined for kinds Helm patches as unstructured. A
 * group/version the table's server did not serve falls back to the same group and kind at
 * another version (k8s.io/api keeps the struct tags the same across versions).
 */
export function schemaForKind(apiVersion: string, kind: string): PatchSchema | undefined {
  const exact = PATCH_KINDS[`${apiVersion}/${kind}`];
  if (exact !== undefined) return { def: exact };
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (group === 'apiextensions.k8s.io' || group === 'apiregistration.k8s.io') return undefined;
  for (const [gvk, def] of Object.entries(PATCH_KINDS)) {
    const parts = gvk.split('/');
    const g = parts.length === 3 ? parts[0] : '';
    if (g === group && parts[parts.length - 1] === kind) return { def };
  }
  return undefined;
}

/**
 * LookupPatchMetadataForStruct / ForSlice: the metadata of `field`. Fields the table does not
 * list have none (Go would fail for a name that is not a struct field at all; hookline treats
 * it as a field without metadata).
 */
export function lookupField(schema: PatchSchema, field: string): FieldPatchMeta {
  const entry = schema.def ? PATCH_DEFS[schema.def]?.[field] : undefined;
  if (!entry) return { schema: NONE, strategies: [], mergeKey: '' };
  const [def, strategy, mergeKey] = entry;
  return { schema: { def }, strategies: strategy ? strategy.split(',') : [], mergeKey };
}
