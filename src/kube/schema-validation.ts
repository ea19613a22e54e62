/**
 * Client-side validation of one manifest object against the server's OpenAPI models: what
 * Helm's `KubeClient.Build(manifest, validate=true)` runs through kubectl's
 * `Factory.Validator(Strict)` (k8s.io/kubectl pkg/validation schema.go and validation.go,
 * v0.30 as in Helm 3.15) and kube-openapi's `pkg/util/proto/validation` (ValidateModel).
 *
 * - Every object needs a string `apiVersion` (a valid group/version) and `kind`, whether or not
 *   the server validates (paramVerifyingSchema parses the kind first).
 * - The schema is checked only when the server does not take `fieldValidation` for the kind
 *   (servers before Kubernetes 1.25, where Helm's verifier finds no such parameter); a kind
 *   without a published model is not checked; `v1/List` checks each item.
 * - Fields are visited in sorted order, depth first, a Kind's missing required fields after its
 *   fields, so the messages come in kube-openapi's order; a field set to null is skipped.
 * - A string field takes any scalar; an integer or number field any number (kube-openapi's
 *   primitive rules).
 *
 * kubectl's NoDoubleKeySchema (duplicate label or annotation keys) never fires for Helm: the
 * object reaches it as JSON converted from YAML, which keeps one value per key.
 *
 * Pure: the models and the object come in already parsed.
 */
import {
  OpenApiSchemaError,
  type GroupVersionKind,
  type OpenApiModels,
  type SchemaModel,
} from './openapi-models.js';

/** client-go's utilerrors aggregate text: messages once each, `[a, b]` when more than one. */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/** One object refused; the message is cli-runtime's (`error validating "": error validating data: ...`). */
export class ObjectValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`error validating "": error validating data: ${aggregateMessage(problems)}`);
    this.name = 'ObjectValidationError';
  }
}

/** What validation needs to know of the server. */
export interface ValidationSchema {
  /** The server's models; undefined when it validates fields itself (or they could not be read). */
  models?: OpenApiModels;
  /** Why the models could not be read: every object is refused with it (cli-runtime's verifier). */
  unavailable?: string;
  /**
   * Group/kinds of the cluster's CRDs (`group/Kind`), read only when the verifier may need them,
   * or why they could not be read (refusing the objects that need them).
   */
  crdKinds?: ReadonlySet<string> | string;
}

const LIST: GroupVersionKind = { group: '', version: 'v1', kind: 'List' };
const NAMESPACE: GroupVersionKind = { group: '', version: 'v1', kind: 'Namespace' };

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** apimachinery's schema.ParseGroupVersion. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  throw new Error(`unexpected GroupVersion string: ${apiVersion}`);
}

/** kubectl's getObjectKind: the kind, or why it cannot be read. */
export function objectKind(obj: unknown): GroupVersionKind | string[] {
  if (!isMap(obj)) return ['invalid object to validate'];
  const problems: string[] = [];
  let gv = { group: '', version: '' };
  const { apiVersion, kind } = obj;
  if (apiVersion === undefined || apiVersion === null) problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type");
  else {
    try {
      gv = parseGroupVersion(apiVersion);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (kind === undefined || kind === null) problems.push('kind not set');
  else if (typeof kind !== 'string') problems.push("kind isn't string type");
  return problems.length > 0 ? problems : { ...gv, kind: kind as string };
}

function sameKind(a: GroupVersionKind, b: GroupVersionKind): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/**
 * cli-runtime's QueryParamVerifier.HasSupport for `fieldValidation`: a kind no path serves is
 * supported when Namespace is and a CRD defines its group/kind; a string is the verifier's error.
 */
function serverValidates(
  models: OpenApiModels,
  schema: ValidationSchema,
  gvk: GroupVersionKind,
): boolean | string {
  if (sameKind(gvk, LIST)) return false;
  const direct = models.supportsFieldValidation(gvk);
  if (direct !== undefined) return direct;
  if (models.supportsFieldValidation(NAMESPACE) !== true) return false;
  const crds = schema.crdKinds;
  return typeof crds === 'string' ? crds : (crds?.has(`${gvk.group}/${gvk.kind}`) ?? false);
}

/**
 * The problems kubectl's Validator(Strict) finds in one object (empty when it passes):
 * kind errors, the verifier's, then the model's.
 */
export function validateObject(obj: unknown, schema: ValidationSchema): string[] {
  const gvk = objectKind(obj);
  if (Array.isArray(gvk)) return gvk;
  if (schema.unavailable !== undefined) return [schema.unavailable];
  const models = schema.models;
  if (models === undefined) return [];
  const verdict = serverValidates(models, schema, gvk);
  if (typeof verdict === 'string') return [verdict];
  if (verdict) return [];
  if (sameKind(gvk, LIST)) return validateList(obj, models);
  return validateResource(obj, gvk, models);
}

function validateList(obj: unknown, models: OpenApiModels): string[] {
  const items = isMap(obj) ? obj.items : undefined;
  if (!Array.isArray(items)) return ['invalid object to validate'];
  const problems: string[] = [];
  for (const item of items) {
    const gvk = objectKind(item);
    problems.push(...(Array.isArray(gvk) ? gvk : validateResource(item, gvk, models)));
  }
  return problems;
}

function validateResource(obj: unknown, gvk: GroupVersionKind, models: OpenApiModels): string[] {
  let model: SchemaModel | undefined;
  try {
    model = models.lookupResource(gvk);
  } catch (err) {
    if (err instanceof OpenApiSchemaError) return [err.message];
    throw err;
  }
  if (model === undefined) return [];
  const problems: string[] = [];
  try {
    new ModelValidator(models, problems).visit(model, obj, gvk.kind);
  } catch (err) {
    // A malformed definition: kubectl reports the parser's error as the validation's.
    if (err instanceof OpenApiSchemaError) return [err.message];
    throw err;
  }
  return problems;
}

/** kube-openapi's item kinds: the JSON type as ValidateModel names it. */
function kindOf(v: unknown): string {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return 'map';
}

/** ValidateModel: `path` is the item's (`StatefulSet.spec.template`), errors carry the schema's. */
class ModelValidator {
  constructor(
    private readonly models: OpenApiModels,
    private readonly problems: string[],
  ) {}

  private invalid(path: string, detail: string): void {
    this.problems.push(`ValidationError(${path}): ${detail}`);
  }

  private typeError(path: string, schema: SchemaModel, actual: string, expected: string): void {
    this.invalid(path, `invalid type for ${schema.path}: got "${actual}", expected "${expected}"`);
  }

  visit(schema: SchemaModel, value: unknown, path: string): void {
    if (schema.type === 'reference') {
      const target = this.models.model(schema.reference);
      if (target !== undefined) this.visit(target, value, path);
      return;
    }
    if (schema.type === 'arbitrary') return;
    const actual = kindOf(value);
    if (schema.type === 'primitive') {
      if (!isMap(value) && !Array.isArray(value) && primitiveAccepts(schema.primitive, actual))
        return;
      this.typeError(path, schema, actual, schema.primitive);
      return;
    }
    if (schema.type === 'array') {
      if (!Array.isArray(value)) return this.typeError(path, schema, actual, 'array');
      value.forEach((v, i) => {
        const at = `${path}[${i}]`;
        if (v === null) this.invalid(path, `unknown object type "nil" in ${at}`);
        else this.visit(schema.sub, v, at);
      });
      return;
    }
    if (!isMap(value)) return this.typeError(path, schema, actual, 'map');
    // Go's sort.Strings (byte order; UTF-16 order differs only past the BMP, never in a key here).
    const keys = Object.keys(value).sort();
    if (schema.type === 'map') {
      for (const key of keys) {
        const v = value[key];
        // itemFactory refuses nil: reported as is, not as a ValidationError.
        if (v === null) this.problems.push(`unknown object type "nil" in ${path}.${key}`);
        else this.visit(schema.sub, v, `${path}.${key}`);
      }
      return;
    }
    for (const key of keys) {
      const v = value[key];
      if (v === null) continue;
      const field = schema.fields.get(key);
      if (field === undefined) this.invalid(path, `unknown field "${key}" in ${schema.path}`);
      else this.visit(field, v, `${path}.${key}`);
    }
    for (const required of schema.required)
      if (!Object.hasOwn(value, required) || value[required] === null)
        this.invalid(path, `missing required field "${required}" in ${schema.path}`);
  }
}

function primitiveAccepts(expected: string, actual: string): boolean {
  if (expected === 'string') return true;
  if (expected === 'boolean') return actual === 'boolean';
  return actual === 'integer' || actual === 'number';
}
