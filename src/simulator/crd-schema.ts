/**
 * Custom resources against their CRD's structural schema (apiextensions-apiserver
 * pkg/apiserver/schema/pruning and validation): unknown fields are pruned (kept under
 * `x-kubernetes-preserve-unknown-fields`), reported by fieldValidation like built-in kinds, and
 * the object is validated (types, required, enum, bounds, patterns) into 422 field causes.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import type { ResourceType } from './discovery.js';
import { badRequest, invalid, type StatusCause } from './errors.js';
import type { FieldValidation } from './fields.js';
import { child, isObject, str, type Json, type JsonObject } from './json.js';

/**
 * `pattern` is a Go (RE2) regular expression in a real API server (kube-openapi validate uses
 * Go's regexp): `(?i)` and other RE2-only syntax must compile, as CRDs in the field use them.
 */
const re2Engine = Object.assign(
  (pattern: string) => {
    const re = RE2JS.compile(pattern);
    // Ajv caches compiled patterns under their toString(): it must name the pattern.
    return { test: (s: string) => re.matcher(s).find(), toString: () => `/${pattern}/` };
  },
  { code: 're2js' },
);
/** Made on the first custom resource validated: a program that bundles the simulator with
 * everything else evaluates this module at start-up without paying for ajv (issue 10). */
let ajv: Ajv | undefined;
const schemaCompiler = (): Ajv =>
  (ajv ??= new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    code: { regExp: re2Engine },
  }));
const compiled = new WeakMap<JsonObject, ValidateFunction>();
/**
 * By schema text too: every simulator (and every CRD update) brings new schema objects, and
 * compiling a large CRD schema (prometheus-operator's) costs far more than serialising it.
 */
const compiledByText = new Map<string, ValidateFunction>();
const META_KEYS = new Set(['apiVersion', 'kind', 'metadata']);

/** Removes fields the schema does not declare; returns their dotted paths. */
function prune(value: Json, schema: JsonObject | undefined, path: string, out: string[]): void {
  if (!schema || (schema['x-kubernetes-preserve-unknown-fields'] === true && !schema.properties))
    return;
  if (Array.isArray(value)) {
    const items = child(schema, 'items');
    value.forEach((v, i) => prune(v, items, `${path}[${i}]`, out));
    return;
  }
  if (!isObject(value)) return;
  const props = child(schema, 'properties');
  const additional = schema.additionalProperties;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    // structural pruning never descends into the root's apiVersion, kind and metadata (ObjectMeta
    // is decoded on its own), even where the schema declares `metadata: {type: object}`.
    if (!path && META_KEYS.has(k)) continue;
    if (props && isObject(props[k])) prune(v, props[k] as JsonObject, p, out);
    else if (isObject(additional)) prune(v, additional, p, out);
    else if (additional === true || schema['x-kubernetes-preserve-unknown-fields'] === true)
      continue;
    else if (props || additional === false || schema.type === 'object') {
      out.push(p);
      delete value[k];
    }
  }
}

function fieldOf(e: ErrorObject): string {
  const base = e.instancePath
    .replace(/^\//, '')
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.');
  if (e.keyword === 'required')
    return base ? `${base}.${String(e.params.missingProperty)}` : String(e.params.missingProperty);
  return base;
}

function causeOf(e: ErrorObject, obj: JsonObject): StatusCause {
  const field = fieldOf(e);
  const value = field
    .split(/\.|\[/)
    .reduce<Json | undefined>(
      (cur, k) =>
        isObject(cur)
          ? cur[k.replace(']', '')]
          : Array.isArray(cur)
            ? cur[Number(k.replace(']', ''))]
            : undefined,
      obj,
    );
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value ?? null);
  switch (e.keyword) {
    case 'required':
      return { reason: 'FieldValueRequired', message: 'Required value', field };
    case 'type':
      return {
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: ${shown}: ${field} in body must be of type ${String(e.params.type)}: ${shown}`,
        field,
      };
    case 'enum': {
      const allowed = (e.params.allowedValues as Json[]).map((v) => JSON.stringify(v)).join(', ');
      return {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${shown}: supported values: ${allowed}`,
        field,
      };
    }
    default:
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${shown}: ${field} in body ${e.message ?? 'is invalid'}`,
        field,
      };
  }
}

/** The CRD schema for one version of a custom resource, if it declares one. */
export function schemaFor(type: ResourceType, version: string): JsonObject | undefined {
  return type.schemas?.[version];
}

/** Prunes, reports unknown fields per `mode`, validates; returns warnings. */
export function checkCustomResource(
  type: ResourceType,
  version: string,
  obj: JsonObject,
  mode: FieldValidation,
): string[] {
  const schema = schemaFor(type, version);
  if (!schema) return [];
  const unknown: string[] = [];
  prune(obj, schema, '', unknown);
  if (unknown.length && mode === 'Strict')
    throw badRequest(
      `strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
  let validate = compiled.get(schema);
  const text = validate ? '' : JSON.stringify(schema);
  validate ??= compiledByText.get(text);
  if (!validate) {
    validate = schemaCompiler().compile({
      ...schema,
      properties: {
        ...(child(schema, 'properties') ?? {}),
        metadata: { type: 'object' },
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
      },
    });
    compiledByText.set(text, validate);
  }
  compiled.set(schema, validate);
  if (!validate(obj)) {
    const causes = (validate.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .map((e) => causeOf(e, obj));
    throw invalid(type.kind, type.group, str(child(obj, 'metadata'), 'name') ?? '', causes);
  }
  return mode === 'Warn' ? unknown.map((f) => `unknown field "${f}"`) : [];
}
