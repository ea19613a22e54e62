/**
 * Building a Kubernetes object from one rendered YAML document (helm/helm pkg/kube/client.go
 * `Build` through the resource builder): the document as JSON, checked for apiVersion, kind and
 * metadata.name, with the release namespace filling a missing `metadata.namespace` (the API
 * server drops it for cluster-scoped kinds, as client-go's builder skips it).
 */
import { marshalJson } from '../gojson/index.js';
import type { KubeObject } from '../kube/client.js';
import { parseManifestDocument } from '../yaml/index.js';

export function buildObject(doc: string, namespace: string): KubeObject {
  const parsed: unknown = JSON.parse(marshalJson(parseManifestDocument(doc)));
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
