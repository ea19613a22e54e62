/**
 * What the cluster accepted: a KubeClient wrapper that records every write the API server
 * answered with success (create, apply, patch, update, replace; delete), keyed like the
 * manifest's objects. The report lists a resource as created, updated or deleted only when a
 * write of it succeeded, so a failed pre-install hook shows no "created" resources.
 */
import type { KubeClient, ResourceRef } from '../kube/client.js';

const WRITES = new Set(['create', 'apply', 'patch', 'update', 'replace', 'serverSideApply']);
const DELETES = new Set(['delete']);

export interface WrittenObjects {
  /** Written (created, applied or patched) successfully. */
  wrote(key: string): boolean;
  /** Deleted successfully (or already gone). */
  deleted(key: string): boolean;
}

/** `group|kind|namespace|name`, the key of src/action/changes.ts. */
export function objectKey(ref: ResourceRef, defaultNamespace: string): string {
  const group = ref.apiVersion.split('/').slice(0, -1).join('/');
  return `${group}|${ref.kind}|${ref.namespace ?? defaultNamespace}|${ref.name}`;
}

function refOfArg(arg: unknown): ResourceRef | undefined {
  const a = arg as {
    apiVersion?: unknown;
    kind?: unknown;
    name?: unknown;
    namespace?: unknown;
    metadata?: { name?: unknown; namespace?: unknown };
  } | null;
  if (!a || typeof a.apiVersion !== 'string' || typeof a.kind !== 'string') return undefined;
  const name = a.metadata ? a.metadata.name : a.name;
  const namespace = a.metadata ? a.metadata.namespace : a.namespace;
  if (typeof name !== 'string') return undefined;
  return {
    apiVersion: a.apiVersion,
    kind: a.kind,
    name,
    ...(typeof namespace === 'string' && namespace !== '' ? { namespace } : {}),
  };
}

/**
 * The client, and what it saw succeed; `waitProgress` (the step log's progress lines during
 * waits) is handed to the waiters as the client's own.
 */
export function recordWrites(
  kube: KubeClient,
  waitProgress?: (pending: readonly string[]) => void,
): { kube: KubeClient; written: WrittenObjects } {
  const wrote = new Set<string>();
  const deleted = new Set<string>();
  const wrapped = new Proxy(kube, {
    get(target, prop, receiver) {
      if (prop === 'waitProgress' && waitProgress) return waitProgress;
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const name = String(prop);
      if (!WRITES.has(name) && !DELETES.has(name)) return value.bind(target);
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(
          target,
          args,
        );
        const ref = refOfArg(args[0]);
        if (ref) {
          const key = objectKey(ref, target.defaultNamespace);
          if (DELETES.has(name)) {
            deleted.add(key);
            wrote.delete(key);
          } else {
            wrote.add(key);
            deleted.delete(key);
          }
        }
        return result;
      };
    },
  });
  return {
    kube: wrapped,
    written: { wrote: (k) => wrote.has(k), deleted: (k) => deleted.has(k) },
  };
}
