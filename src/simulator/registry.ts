/**
 * The generic registry (k8s.io/apiserver/pkg/registry/generic/registry/store.go): create, get,
 * list, update and status updates with metadata managed as the API server does. Deletion lives
 * in deletion.ts, patching in patching.ts.
 */
import { randomUUID, randomInt } from 'node:crypto';
import { admit, afterCreate } from './admission.js';
import type { Clock } from './clock.js';
import type { Catalogue, ResourceType } from './discovery.js';
import { alreadyExists, badRequest, conflict, invalid, MODIFIED, notFound } from './errors.js';
import { checkCustomResource } from './crd-schema.js';
import { checkFields, type FieldValidation } from './fields.js';
import { applyDefaults, defaultJobSelector } from './defaults.js';
import {
  child,
  clone,
  deepEqual,
  ensure,
  isObject,
  rfc3339,
  str,
  type JsonObject,
} from './json.js';
import { recordUpdate } from './patch/apply.js';
import {
  dropEmptyOmitted,
  initialStatus,
  isNoop,
  mergeForSubresource,
  specOf,
} from './object-rules.js';
import { matchObject, type FieldSelector, type LabelSelector } from './selectors.js';
import type { Store } from './store.js';
import { validateCreate, validateUpdate } from './validation.js';

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

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

export function apiVersionOf(t: ResourceType, version = t.versions[0]): string {
  return t.group ? `${t.group}/${version}` : version;
}

export class Registry {
  constructor(
    readonly store: Store,
    readonly catalogue: Catalogue,
    readonly clock: Clock,
  ) {}

  get(type: ResourceType, ns: string, name: string): JsonObject {
    const obj = this.store.get(resourceKey(type), type.namespaced ? ns : '', name);
    if (!obj) throw notFound(type, name);
    return obj;
  }

  find(type: ResourceType, ns: string, name: string): JsonObject | undefined {
    return this.store.get(resourceKey(type), type.namespaced ? ns : '', name);
  }

  list(
    type: ResourceType,
    ns: string | undefined,
    labels: LabelSelector = [],
    fields: FieldSelector = [],
  ): JsonObject[] {
    return this.store.list(resourceKey(type), type.namespaced ? ns : undefined, (o) =>
      matchObject(labels, fields, o),
    );
  }

  private prepareIdentity(
    type: ResourceType,
    ns: string,
    body: JsonObject,
    version: string,
  ): JsonObject {
    const obj = clone(body);
    const meta = ensure(obj, 'metadata');
    if (type.namespaced) {
      const given = str(meta, 'namespace');
      if (given && given !== ns)
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      meta.namespace = ns;
    } else delete meta.namespace;
    const kind = str(obj, 'kind');
    if (kind && kind !== type.kind)
      throw badRequest(
        `the kind of the object (${kind}) does not match the expected kind (${type.kind})`,
      );
    obj.apiVersion = apiVersionOf(type, version);
    obj.kind = type.kind;
    return obj;
  }

  create(
    type: ResourceType,
    ns: string,
    body: JsonObject,
    ctx: WriteContext,
    version = type.versions[0],
  ): JsonObject {
    const obj = this.prepareIdentity(type, ns, body, version);
    const meta = child(obj, 'metadata') as JsonObject;
    if (!str(meta, 'name') && str(meta, 'generateName')) {
      meta.name = `${str(meta, 'generateName')}${Array.from({ length: 5 }, () => NAME_CHARS[randomInt(NAME_CHARS.length)]).join('')}`;
    }
    ctx.warnings.push(...checkFields(type, obj, ctx.fieldValidation));
    ctx.warnings.push(...checkCustomResource(type, version, obj, ctx.fieldValidation));
    const name = str(meta, 'name') ?? '';
    if (this.find(type, ns, name)) throw alreadyExists(type, name);
    applyDefaults(type, obj);
    dropEmptyOmitted(type, obj);
    validateCreate(type, obj);
    admit(this, type, ns, name, obj);
    const uid = randomUUID();
    for (const k of [
      'resourceVersion',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'selfLink',
      'generation',
    ])
      delete meta[k];
    meta.uid = uid;
    meta.creationTimestamp = rfc3339(this.clock.now());
    if (type.generation || type.custom) meta.generation = 1;
    if (type.kind === 'Job' && type.group === 'batch') defaultJobSelector(obj, uid);
    initialStatus(type, obj);
    if (!ctx.managedFieldsDone) {
      delete meta.managedFields;
      recordUpdate(undefined, obj, this.actor(type, ctx, version), { keyedLists: !type.custom });
    }
    if (ctx.dryRun) return obj;
    const stored = this.store.put(resourceKey(type), obj, 'ADDED');
    afterCreate(this, type, stored);
    return stored;
  }

  actor(
    type: ResourceType,
    ctx: WriteContext,
    version = type.versions[0],
  ): { manager: string; apiVersion: string; time: string; subresource?: string } {
    return {
      manager: ctx.manager,
      apiVersion: apiVersionOf(type, version),
      time: rfc3339(this.clock.now()),
      ...(ctx.subresource ? { subresource: ctx.subresource } : {}),
    };
  }

  /**
   * PUT semantics: optimistic concurrency on metadata.resourceVersion, server-owned metadata kept,
   * status/spec split by subresource, generation bumped on spec change, no-op writes skipped.
   */
  update(
    type: ResourceType,
    ns: string,
    name: string,
    body: JsonObject,
    ctx: WriteContext,
    version = type.versions[0],
  ): JsonObject {
    const prev = this.get(type, ns, name);
    const next = this.prepareIdentity(type, ns, body, version);
    const meta = child(next, 'metadata') as JsonObject;
    if (str(meta, 'name') !== name) {
      throw badRequest(
        `the name of the object (${str(meta, 'name') ?? ''}) does not match the name on the URL (${name})`,
      );
    }
    const prevMeta = child(prev, 'metadata') as JsonObject;
    const rv = str(meta, 'resourceVersion');
    if (rv && rv !== prevMeta.resourceVersion) throw conflict(type, name, MODIFIED);
    ctx.warnings.push(...checkFields(type, next, ctx.fieldValidation));
    if (ctx.subresource !== 'status')
      ctx.warnings.push(...checkCustomResource(type, version, next, ctx.fieldValidation));
    const merged = mergeForSubresource(type, prev, next, ctx.subresource);
    const mMeta = child(merged, 'metadata') as JsonObject;
    for (const k of [
      'uid',
      'creationTimestamp',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'generation',
    ]) {
      if (prevMeta[k] !== undefined) mMeta[k] = prevMeta[k];
      else delete mMeta[k];
    }
    if (prevMeta.deletionTimestamp && isObject(mMeta) && Array.isArray(mMeta.finalizers)) {
      const before = Array.isArray(prevMeta.finalizers) ? prevMeta.finalizers : [];
      const added = mMeta.finalizers.filter((f) => !before.includes(f));
      if (added.length) {
        const message = `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`;
        throw invalid(type.kind, type.group, name, [
          { reason: 'FieldValueForbidden', message, field: 'metadata.finalizers' },
        ]);
      }
    }
    applyDefaults(type, merged);
    dropEmptyOmitted(type, merged);
    validateUpdate(type, merged, prev);
    if (type.generation || type.custom) {
      if (!deepEqual(specOf(merged), specOf(prev)))
        mMeta.generation = Number(prevMeta.generation ?? 1) + 1;
    }
    if (!ctx.managedFieldsDone) {
      // fieldmanager.Update: managedFields the request changed are taken as sent (how
      // csaupgrade moves fields to an Apply manager); otherwise the live ones are kept.
      const sent = mMeta.managedFields;
      const changed =
        Array.isArray(sent) && sent.length > 0 && !deepEqual(sent, prevMeta.managedFields ?? []);
      mMeta.managedFields = changed ? sent : (prevMeta.managedFields ?? []);
      const base = changed ? { ...prev, metadata: { ...prevMeta, managedFields: sent } } : prev;
      recordUpdate(base, merged, this.actor(type, ctx, version), { keyedLists: !type.custom });
    }
    if (isNoop(prev, merged)) return prev;
    if (ctx.dryRun) return merged;
    const stored = this.store.put(resourceKey(type), merged, 'MODIFIED');
    return this.finishIfReleased(type, stored);
  }

  /** Status writes keep the spec and metadata; main-resource writes keep the status. */
  /** An object being deleted whose last finalizer went away is removed now. */
  finishIfReleased(type: ResourceType, obj: JsonObject): JsonObject {
    const meta = child(obj, 'metadata');
    const finalizers = Array.isArray(meta?.finalizers) ? meta.finalizers : [];
    if (
      meta?.deletionTimestamp &&
      finalizers.length === 0 &&
      type.kind !== 'Namespace' &&
      !(type.kind === 'Pod' && Number(meta.deletionGracePeriodSeconds ?? 0) > 0)
    ) {
      return this.store.remove(resourceKey(type), obj);
    }
    return obj;
  }

  /** A system write (scheduler binding, controller bookkeeping) that bypasses validation. */
  internalWrite(type: ResourceType, obj: JsonObject, manager: string): JsonObject {
    const meta = child(obj, 'metadata') as JsonObject;
    const prev = this.get(type, str(meta, 'namespace') ?? '', str(meta, 'name') ?? '');
    recordUpdate(prev, obj, this.actor(type, internalContext(manager)), {
      keyedLists: !type.custom,
    });
    if (isNoop(prev, obj)) return prev;
    return this.store.put(resourceKey(type), obj, 'MODIFIED');
  }

  /** Controller status write: read-modify-write without preconditions. */
  writeStatus(
    type: ResourceType,
    ns: string,
    name: string,
    mutate: (status: JsonObject, obj: JsonObject) => void,
    manager: string,
  ): JsonObject | undefined {
    const obj = this.find(type, ns, name);
    if (!obj) return undefined;
    const status = isObject(obj.status) ? obj.status : {};
    mutate(status, obj);
    obj.status = status;
    delete (obj.metadata as JsonObject).resourceVersion;
    return this.update(type, ns, name, obj, internalContext(manager, 'status'));
  }
}
