/**
 * Building Kubernetes objects from rendered YAML documents (helm/helm pkg/kube/client.go
 * `Build` through the resource builder): documents empty after comments and whitespace are
 * skipped (manifest/documents.ts, as client-go's StreamVisitor does), each other document is
 * read as JSON, checked for apiVersion, kind and metadata.name, with the release namespace
 * filling a missing `metadata.namespace` (the API server drops it for cluster-scoped kinds, as
 * client-go's builder skips it).
 */
import { marshalJson } from '../gojson/index.js';
import type { GoValue } from '../gotemplate/values.js';
import type { KubeObject } from '../kube/client.js';
import { objectDocuments, objectDocumentsOf } from '../manifest/documents.js';

function toObject(value: GoValue, namespace: string): KubeObject {
  const parsed: unknown = JSON.parse(marshalJson(value));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('object is not a map');
  const obj = parsed as Partial<KubeObject>;
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '')
    throw new Error("Object 'apiVersion' is missing");
  if (typeof obj.kind !== 'string' || obj.kind === '') throw new Error("Object 'Kind' is missing");
  const meta = obj.metadata;
  if (meta === null || typeof meta !== 'object' || typeof meta.name !== 'string')
    throw new Error("Object 'metadata.name' is missing");
  if (typeof meta.namespace !== 'string' || meta.namespace === '') meta.namespace = namespace;
  return obj as KubeObject;
}

/** KubeClient.Build of documents already split: one object per non-empty document, in order. */
export function buildObjects(docs: Iterable<string>, namespace: string): KubeObject[] {
  return objectDocumentsOf(docs).map((d) => toObject(d.value, namespace));
}

/** KubeClient.Build of a whole manifest (`---`-separated): one object per non-empty document. */
export function manifestObjects(manifest: string, namespace: string): KubeObject[] {
  return objectDocuments(manifest).map((d) => toObject(d.value, namespace));
}

/**
 * The single object of a hook's manifest (a hook document always carries annotations, so it is
 * never empty); an empty one fails as a missing object would.
 */
export function buildObject(doc: string, namespace: string): KubeObject {
  const [obj] = buildObjects([doc], namespace);
  if (obj === undefined) throw new Error('object is not a map');
  return obj;
}
