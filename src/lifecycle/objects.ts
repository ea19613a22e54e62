/**
 * Building Kubernetes objects from rendered YAML documents (helm/helm pkg/kube/client.go
 * `Build` through the resource builder): documents empty after comments and whitespace are
 * skipped (manifest/documents.ts, as client-go's StreamVisitor does), each other document is
 * read as JSON, checked for apiVersion, kind and metadata.name, with the release namespace
 * filling a missing `metadata.namespace` (the API server drops it for cluster-scoped kinds, as
 * client-go's builder skips it). Given the server's discovery, each object's kind must be
 * served (the builder's REST mapping): one that is not fails as cli-runtime says it,
 * `resource mapping not found for name: "N" namespace: "NS" from "": no matches for kind "K" in
 * version "G/V"` + `\nensure CRDs are installed first`, several aggregated as `[a, b]`. Built
 * with validation (install and upgrade targets, hooks), each document is first checked against
 * the server's OpenAPI models as kubectl's validator does (kube/schema-validation.ts).
 */
import { marshalJson } from '../gojson/index.js';
import type { GoValue } from '../gotemplate/values.js';
import type { KubeObject, ServerDiscovery } from '../kube/client.js';
import {
  ObjectValidationError,
  aggregateMessage,
  validateObject,
  type ValidationSchema,
} from '../kube/schema-validation.js';
import { objectDocuments, objectDocumentsOf, streamDocuments } from '../manifest/documents.js';
import { asError } from '../util/errors.js';

/** An object whose kind the server does not serve, as the manifest declared it. */
export interface UnmappedObject {
  name: string;
  /** The manifest's `metadata.namespace` (empty when it had none). */
  namespace: string;
  apiVersion: string;
  kind: string;
}

/** cli-runtime's message for one unmapped object. */
function mappingMessage(u: UnmappedObject): string {
  return `resource mapping not found for name: ${JSON.stringify(u.name)} namespace: ${JSON.stringify(u.namespace)} from "": no matches for kind ${JSON.stringify(u.kind)} in version ${JSON.stringify(u.apiVersion)}\nensure CRDs are installed first`;
}

/** Objects whose kinds the server does not serve (a CRD not installed): the REST mapping failed. */
export class ResourceMappingError extends Error {
  constructor(readonly unmapped: UnmappedObject[]) {
    super(aggregateMessage(unmapped.map(mappingMessage)));
    this.name = 'ResourceMappingError';
  }
}

/** `group/version` → its kinds, for mapping; undefined when discovery tells nothing usable. */
function servedKinds(discovery: ServerDiscovery | undefined): Map<string, Set<string>> | undefined {
  if (!discovery || discovery.resources.length === 0) return undefined;
  const kinds = new Map<string, Set<string>>();
  for (const r of discovery.resources) kinds.set(r.groupVersion, new Set(r.kinds));
  return kinds;
}

function toObject(value: GoValue, namespace: string): KubeObject {
  return parseObject(JSON.parse(marshalJson(value)) as unknown, namespace).obj;
}

/** The object, and the namespace its manifest declared ('' when none). */
function parseObject(parsed: unknown, namespace: string): { obj: KubeObject; declared: string } {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('object is not a map');
  const obj = parsed as Partial<KubeObject>;
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '')
    throw new Error("Object 'apiVersion' is missing");
  if (typeof obj.kind !== 'string' || obj.kind === '') throw new Error("Object 'Kind' is missing");
  const meta = obj.metadata;
  if (meta === null || typeof meta !== 'object' || typeof meta.name !== 'string')
    throw new Error("Object 'metadata.name' is missing");
  const declared = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (declared === '') meta.namespace = namespace;
  return { obj: obj as KubeObject, declared };
}

export interface BuildOptions {
  /** The server's discovery: a kind it does not serve is a ResourceMappingError. */
  discovery?: ServerDiscovery;
  /**
   * Build with validation on (lifecycle/openapi-validation.ts): each document is checked before
   * it is mapped, and the first one refused ends the build.
   */
  validation?: ValidationSchema;
}

/**
 * KubeClient.Build of documents already split: one object per non-empty document, in order.
 * Group/versions whose discovery failed are not judged. A document refused by validation ends
 * the build with an ObjectValidationError, or, after kinds already found unmapped, with all of
 * them aggregated (cli-runtime's ContinueOnErrorVisitor).
 */
export function buildObjects(
  docs: Iterable<string>,
  namespace: string,
  opts: BuildOptions = {},
): KubeObject[] {
  const kinds = servedKinds(opts.discovery);
  const failed = new Set(opts.discovery?.failed.map((f) => f.groupVersion));
  const unmapped: UnmappedObject[] = [];
  const objects = objectDocumentsOf(docs).map((d) => {
    const parsed = JSON.parse(marshalJson(d.value)) as unknown;
    const problems = opts.validation ? validateObject(parsed, opts.validation) : [];
    if (problems.length > 0) {
      const refused = new ObjectValidationError(problems);
      if (unmapped.length === 0) throw refused;
      throw new Error(aggregateMessage([...unmapped.map(mappingMessage), refused.message]));
    }
    const { obj, declared } = parseObject(parsed, namespace);
    const served = kinds?.get(obj.apiVersion);
    if (kinds && !failed.has(obj.apiVersion) && !served?.has(obj.kind))
      unmapped.push({
        name: obj.metadata.name,
        namespace: declared,
        apiVersion: obj.apiVersion,
        kind: obj.kind,
      });
    return obj;
  });
  if (unmapped.length > 0) throw new ResourceMappingError(unmapped);
  return objects;
}

/**
 * Install's Build of a release manifest (read as YAMLReader reads it, manifest/documents.ts):
 * its error as Helm wraps it, `unable to build kubernetes objects from release manifest: ...`.
 */
export function buildReleaseObjects(
  manifest: string,
  namespace: string,
  opts: BuildOptions,
): KubeObject[] {
  try {
    return buildObjects(streamDocuments(manifest), namespace, opts);
  } catch (err) {
    throw new Error(
      `unable to build kubernetes objects from release manifest: ${asError(err).message}`,
      { cause: err },
    );
  }
}

/** KubeClient.Build of a whole manifest (`---`-separated): one object per non-empty document. */
export function manifestObjects(manifest: string, namespace: string): KubeObject[] {
  return objectDocuments(manifest).map((d) => toObject(d.value, namespace));
}

/**
 * The single object of a hook's manifest (a hook document always carries annotations, so it is
 * never empty); an empty one fails as a missing object would.
 */
export function buildObject(doc: string, namespace: string, opts: BuildOptions = {}): KubeObject {
  const [obj] = buildObjects([doc], namespace, opts);
  if (obj === undefined) throw new Error('object is not a map');
  return obj;
}
