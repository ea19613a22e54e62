/**
 * The models of a server's OpenAPI v2 document, as kubectl reads them for client-side
 * validation: kube-openapi's `pkg/util/proto` (document.go: every definition parsed into a
 * Kind, Map, Array, Primitive, Arbitrary or Reference schema, each with its path), kubectl's
 * `pkg/util/openapi` (a kind's model found by the definition's `x-kubernetes-group-version-kind`)
 * and cli-runtime's QueryParamVerifier (whether the server takes `fieldValidation` for a kind,
 * read from the PATCH operation of its path). Written here rather than taken from a JSON-schema
 * library because the validator's verdicts and messages are kube-openapi's own (a string field
 * takes any scalar, unknown fields are reported per Kind), which Helm users see verbatim.
 *
 * Pure: the document comes in already parsed.
 */

/** A schema of the document, with kube-openapi's path (`io.k8s.api.apps.v1.StatefulSetSpec.replicas`). */
export type SchemaModel =
  | {
      readonly type: 'kind';
      readonly path: string;
      readonly fields: ReadonlyMap<string, SchemaModel>;
      readonly required: readonly string[];
    }
  | { readonly type: 'map'; readonly path: string; readonly sub: SchemaModel }
  | { readonly type: 'array'; readonly path: string; readonly sub: SchemaModel }
  | {
      readonly type: 'primitive';
      readonly path: string;
      readonly primitive: 'string' | 'number' | 'integer' | 'boolean';
    }
  | { readonly type: 'arbitrary'; readonly path: string }
  | { readonly type: 'reference'; readonly path: string; readonly reference: string };

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** A definition kube-openapi cannot read: the whole document is refused, as kubectl does. */
export class OpenApiSchemaError extends Error {
  constructor(path: string, detail: string) {
    super(path === '' ? `SchemaError: ${detail}` : `SchemaError(${path}): ${detail}`);
    this.name = 'OpenApiSchemaError';
  }
}

type Json = Record<string, unknown>;

const GVK_EXTENSION = 'x-kubernetes-group-version-kind';
const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** gnostic's TypeItem: `type` as one name or a list of names. */
function typesOf(s: Json): string[] {
  const t = s.type;
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** The `{group, version, kind}` entries of an `x-kubernetes-group-version-kind` extension. */
function gvksOf(extension: unknown): GroupVersionKind[] {
  const list = Array.isArray(extension) ? extension : isObject(extension) ? [extension] : [];
  const out: GroupVersionKind[] = [];
  for (const e of list) {
    if (!isObject(e)) continue;
    const { group, version, kind } = e;
    if (typeof group === 'string' && typeof version === 'string' && typeof kind === 'string')
      out.push({ group, version, kind });
  }
  return out;
}

function gvkKey(g: GroupVersionKind): string {
  return `${g.group}/${g.version}/${g.kind}`;
}

export class OpenApiModels {
  private readonly definitions: Json;
  private readonly names: ReadonlySet<string>;
  private readonly models = new Map<string, SchemaModel>();
  private readonly resources = new Map<string, string>();
  /** `group/version/Kind` → whether its PATCH operation takes `fieldValidation`. */
  private readonly fieldValidation = new Map<string, boolean>();

  /**
   * Indexes the document's kinds. A definition is parsed when first used (NewOpenAPIData
   * parses all of them at once, refusing the whole document for one malformed definition; a
   * server's document has none, and parsing ~600 definitions per run costs more than the
   * validation itself).
   */
  constructor(document: unknown) {
    const doc = isObject(document) ? document : {};
    this.definitions = isObject(doc.definitions) ? doc.definitions : {};
    this.names = new Set(Object.keys(this.definitions));
    for (const name of this.names) {
      const def = this.definitions[name];
      if (isObject(def))
        for (const gvk of gvksOf(def[GVK_EXTENSION])) this.resources.set(gvkKey(gvk), name);
    }
    this.readPaths(doc);
  }

  /** The model of a kind (kubectl's LookupResource), undefined when the server publishes none. */
  lookupResource(gvk: GroupVersionKind): SchemaModel | undefined {
    const name = this.resources.get(gvkKey(gvk));
    return name === undefined ? undefined : this.model(name);
  }

  /** The definition a reference names (OpenApiSchemaError when it is malformed). */
  model(name: string): SchemaModel | undefined {
    let model = this.models.get(name);
    if (model === undefined && this.names.has(name)) {
      const def = this.definitions[name];
      model = this.parse(isObject(def) ? def : {}, name);
      this.models.set(name, model);
    }
    return model;
  }

  /**
   * Whether PATCH of the kind takes the `fieldValidation` query parameter (cli-runtime's
   * supportsQueryParam); undefined when no path serves the kind.
   */
  supportsFieldValidation(gvk: GroupVersionKind): boolean | undefined {
    return this.fieldValidation.get(gvkKey(gvk));
  }

  /** The first path whose PATCH operation names a kind decides for that kind. */
  private readPaths(doc: Json): void {
    const globals = isObject(doc.parameters) ? doc.parameters : {};
    const paths = isObject(doc.paths) ? doc.paths : {};
    for (const item of Object.values(paths)) {
      const patch = isObject(item) ? item.patch : undefined;
      if (!isObject(patch)) continue;
      const [gvk] = gvksOf(patch[GVK_EXTENSION]);
      if (gvk === undefined || this.fieldValidation.has(gvkKey(gvk))) continue;
      const params = Array.isArray(patch.parameters) ? patch.parameters : [];
      const named = (p: unknown): boolean =>
        isObject(p) && p.in === 'query' && p.name === 'fieldValidation';
      const supported = params.some((p) => {
        if (named(p)) return true;
        const ref = isObject(p) ? p.$ref : undefined;
        return (
          typeof ref === 'string' &&
          ref.startsWith('#/parameters/') &&
          named(globals[ref.slice('#/parameters/'.length)])
        );
      });
      this.fieldValidation.set(gvkKey(gvk), supported);
    }
  }

  /** document.go ParseSchema. */
  private parse(s: Json, path: string): SchemaModel {
    const ref = s.$ref;
    if (typeof ref === 'string' && ref !== '') return this.parseReference(s, ref, path);
    const types = typesOf(s);
    const hasProperties = isObject(s.properties);
    if (types.length === 0)
      return hasProperties ? this.parseKind(s, path) : { type: 'arbitrary', path };
    if (types.length > 1)
      throw new OpenApiSchemaError(path, "definitions with multiple types aren't supported");
    const t = types[0]!;
    if (t === 'object') return hasProperties ? this.parseKind(s, path) : this.parseMap(s, path);
    if (t === 'array') return this.parseArray(s, path);
    if (!PRIMITIVES.has(t)) throw new OpenApiSchemaError(path, `Unknown primitive type: "${t}"`);
    return { type: 'primitive', path, primitive: t as 'string' };
  }

  private parseReference(s: Json, ref: string, path: string): SchemaModel {
    if (isObject(s.properties) && Object.keys(s.properties).length > 0)
      throw new OpenApiSchemaError(path, 'unallowed embedded type definition');
    if (typesOf(s).length > 0)
      throw new OpenApiSchemaError(path, "definition reference can't have a type");
    if (!ref.startsWith('#/definitions/'))
      throw new OpenApiSchemaError(path, `unallowed reference to non-definition "${ref}"`);
    const reference = ref.slice('#/definitions/'.length);
    if (!this.names.has(reference))
      throw new OpenApiSchemaError(path, `unknown model in reference: "${reference}"`);
    return { type: 'reference', path, reference };
  }

  private parseMap(s: Json, path: string): SchemaModel {
    const extra = s.additionalProperties;
    const sub: SchemaModel = isObject(extra)
      ? this.parse(extra, path)
      : { type: 'arbitrary', path };
    return { type: 'map', path, sub };
  }

  private parseArray(s: Json, path: string): SchemaModel {
    const items = Array.isArray(s.items) ? s.items : isObject(s.items) ? [s.items] : [];
    const [item] = items;
    if (items.length !== 1 || !isObject(item))
      throw new OpenApiSchemaError(path, 'array should have exactly one sub-item');
    return { type: 'array', path, sub: this.parse(item, path) };
  }

  private parseKind(s: Json, path: string): SchemaModel {
    const fields = new Map<string, SchemaModel>();
    for (const [name, field] of Object.entries(s.properties as Json))
      fields.set(name, this.parse(isObject(field) ? field : {}, `${path}.${name}`));
    const required = Array.isArray(s.required)
      ? s.required.filter((r): r is string => typeof r === 'string')
      : [];
    return { type: 'kind', path, fields, required };
  }
}

/** A schema without its descriptions (property names are kept: a field may be called so). */
function withoutDescriptions(s: unknown): unknown {
  if (!isObject(s)) return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'description') continue;
    if (k === 'properties' && isObject(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, withoutDescriptions(p)]));
    else if (k === 'items')
      out[k] = Array.isArray(v) ? v.map(withoutDescriptions) : withoutDescriptions(v);
    else if (k === 'additionalProperties') out[k] = withoutDescriptions(v);
    else out[k] = v;
  }
  return out;
}

/** A parameter as the verifier reads it: its name and place, or its reference. */
function parameterOf(p: unknown): Json {
  if (!isObject(p)) return {};
  return typeof p.$ref === 'string' ? { $ref: p.$ref } : { name: p.name, in: p.in };
}

/**
 * The part of a document OpenApiModels reads, for a cache (openapi-cache.ts): the definitions
 * without descriptions, and of the paths only the PATCH operations that name a kind, with their
 * parameters' names. Models built from it answer exactly as from the whole document.
 */
export function reducedDocument(document: unknown): Json {
  const doc = isObject(document) ? document : {};
  const definitions = isObject(doc.definitions) ? doc.definitions : {};
  const paths: Json = {};
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const patch = isObject(item) ? item.patch : undefined;
    if (!isObject(patch) || patch[GVK_EXTENSION] === undefined) continue;
    const params = Array.isArray(patch.parameters) ? patch.parameters : [];
    paths[path] = {
      patch: { [GVK_EXTENSION]: patch[GVK_EXTENSION], parameters: params.map(parameterOf) },
    };
  }
  const parameters = isObject(doc.parameters) ? doc.parameters : {};
  return {
    definitions: Object.fromEntries(
      Object.entries(definitions).map(([n, d]) => [n, withoutDescriptions(d)]),
    ),
    paths,
    parameters: Object.fromEntries(Object.entries(parameters).map(([n, p]) => [n, parameterOf(p)])),
  };
}
