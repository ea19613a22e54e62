/**
 * The few fields Helm reads from every rendered document (helm/helm
 * pkg/releaseutil/manifest_sorter.go `SimpleHead`), with Go's decoding errors for wrong types.
 */
import type { GoValue } from '../gotemplate/values.js';
import { isMap, isSlice, mapGet } from '../gotemplate/values.js';

export interface SimpleHead {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** Empty when the document has no annotations. */
  readonly annotations: ReadonlyMap<string, string>;
}

const ROOT = 'releaseutil.SimpleHead';

function jsonKind(v: GoValue): string {
  if (isSlice(v)) return 'array';
  if (isMap(v)) return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'string' ? 'string' : 'number';
}

/** sigs.k8s.io/yaml's wording for a JSON type mismatch while decoding into SimpleHead. */
function typeError(value: GoValue, field: string, type: string): Error {
  const where =
    field === ''
      ? `Go value of type ${ROOT}`
      : `Go struct field SimpleHead.${field} of type ${type}`;
  return new Error(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(value)} into ${where}`,
  );
}

function stringField(obj: GoValue, key: string, path: string): string {
  if (!isMap(obj)) return '';
  const v = mapGet(obj, key);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw typeError(v, path, 'string');
  return v;
}

/**
 * Decode the head of one document. `parse` turns YAML into Go values and throws on syntax
 * errors (its message is prefixed as sigs.k8s.io/yaml does).
 */
export function parseHead(doc: string, parse: (doc: string) => GoValue): SimpleHead {
  // The parser's errors already read as sigs.k8s.io/yaml's (`error converting YAML to JSON: ...`).
  const root = parse(doc);
  if (root !== null && !isMap(root)) throw typeError(root, '', ROOT);
  const annotations = new Map<string, string>();
  let metadata: GoValue | undefined = root === null ? undefined : mapGet(root, 'metadata');
  if (metadata === null) metadata = undefined;
  if (metadata !== undefined && !isMap(metadata)) throw typeError(metadata, 'metadata', 'struct');
  const rawAnnotations = metadata === undefined ? undefined : mapGet(metadata, 'annotations');
  if (rawAnnotations !== undefined && rawAnnotations !== null) {
    if (!isMap(rawAnnotations)) {
      throw typeError(rawAnnotations, 'metadata.annotations', 'map[string]string');
    }
    for (const [k, v] of Object.entries(rawAnnotations)) {
      if (v === null) continue;
      if (typeof v !== 'string') throw typeError(v, 'metadata.annotations', 'string');
      annotations.set(k, v);
    }
  }
  return {
    apiVersion: stringField(root, 'apiVersion', 'apiVersion'),
    kind: stringField(root, 'kind', 'kind'),
    name: metadata === undefined ? '' : stringField(metadata, 'name', 'metadata.name'),
    namespace:
      metadata === undefined ? '' : stringField(metadata, 'namespace', 'metadata.namespace'),
    annotations,
  };
}
