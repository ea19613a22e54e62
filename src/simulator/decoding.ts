/**
 * Checks a decoded body the way decoding into the Go types would (apimachinery's json
 * serializer): a bounded nesting depth, and the JSON types of ObjectMeta fields and of
 * ConfigMap/Secret data. A mismatch is a 400 like
 * `ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal ...`.
 */
import type { ResourceType } from './discovery.js';
import { badRequest } from './errors.js';
import { isObject, type Json, type JsonObject } from './json.js';

export const MAX_DEPTH = 1000;

/** Iterative, so a hostile body cannot overflow the stack here. */
export function checkDepth(value: Json, max = MAX_DEPTH): void {
  const stack: Array<[Json, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [Json, number];
    if (depth > max) throw badRequest(`json: exceeded max depth of ${max}`);
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
    else if (isObject(v)) for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
}

type Shape = 'string' | 'object' | 'string-map' | 'string-list' | 'object-list' | 'integer';

const META: Record<string, Shape> = {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'integer',
  labels: 'string-map',
  annotations: 'string-map',
  finalizers: 'string-list',
  ownerReferences: 'object-list',
  managedFields: 'object-list',
};

function jsonType(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function fits(v: Json, shape: Shape): string | undefined {
  if (v === null) return undefined;
  switch (shape) {
    case 'string':
      return typeof v === 'string' ? undefined : 'string';
    case 'integer':
      return Number.isInteger(v) ? undefined : 'int64';
    case 'object':
      return isObject(v) ? undefined : 'struct';
    case 'string-map':
      if (!isObject(v)) return 'map[string]string';
      return Object.values(v).every((x) => typeof x === 'string' || x === null)
        ? undefined
        : 'string';
    case 'string-list':
      if (!Array.isArray(v)) return '[]string';
      return v.every((x) => typeof x === 'string') ? undefined : 'string';
    case 'object-list':
      if (!Array.isArray(v)) return 'array';
      return v.every(isObject) ? undefined : 'struct';
  }
}

function fail(type: ResourceType, version: string, field: string, v: Json, goType: string): never {
  throw badRequest(
    `${type.kind} in version "${version}" cannot be handled as a ${type.kind}: json: cannot unmarshal ${jsonType(v)} into Go struct field ${field} of type ${goType}`,
  );
}

export function checkShapes(type: ResourceType, version: string, obj: JsonObject): void {
  checkDepth(obj);
  const meta = obj.metadata;
  if (meta !== undefined && meta !== null && !isObject(meta))
    fail(type, version, `${type.kind}.metadata`, meta, 'v1.ObjectMeta');
  if (isObject(meta)) {
    for (const [k, shape] of Object.entries(META)) {
      const v = meta[k];
      const want = v === undefined ? undefined : fits(v, shape);
      if (want) fail(type, version, `ObjectMeta.metadata.${k}`, v as Json, want);
    }
  }
  if (type.group === '' && (type.kind === 'ConfigMap' || type.kind === 'Secret')) {
    for (const k of ['data', 'stringData', 'binaryData']) {
      const v = obj[k];
      const want = v === undefined ? undefined : fits(v, 'string-map');
      if (want) fail(type, version, `${type.kind}.${k}`, v as Json, want);
    }
  }
}
