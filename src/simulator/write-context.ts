/**
 * How the registry is asked to write: who manages the fields, validation and dry-run, the
 * warnings collected; and the key and apiVersion a resource type is stored and served under.
 * Kept apart from registry.ts so admission (which the registry calls) can build an internal
 * write without importing the registry back.
 */
import type { ResourceType } from './discovery.js';
import type { FieldValidation } from './fields.js';

export interface WriteContext {
  manager: string;
  fieldValidation: FieldValidation;
  dryRun: boolean;
  /** Warnings to return in `Warning` headers. */
  warnings: string[];
  subresource?: string;
  /** Set by server-side apply: managedFields are already computed. */
  managedFieldsDone?: boolean;
}

export function internalContext(manager: string, subresource?: string): WriteContext {
  return {
    manager,
    fieldValidation: 'Ignore',
    dryRun: false,
    warnings: [],
    ...(subresource ? { subresource } : {}),
  };
}

export const resourceKey = (t: ResourceType): string => `${t.group}/${t.plural}`;

export function apiVersionOf(t: ResourceType, version = t.versions[0]): string {
  return t.group ? `${t.group}/${version}` : version;
}
