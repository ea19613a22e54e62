/**
 * A minimal OpenAPI v3 index and per-group-version documents: enough for clients that probe
 * which query parameters the PATCH endpoints accept (kubectl's query_param_verifier_v3.go checks
 * `fieldValidation` on the PATCH operation carrying the kind's x-kubernetes-group-version-kind).
 * Object schemas are not published.
 */
import type { Catalogue } from './discovery.js';
import type { JsonObject } from './json.js';

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export function openApiRoot(catalogue: Catalogue): JsonObject {
  const paths: JsonObject = {};
  for (const t of catalogue.all()) {
    for (const v of t.versions) {
      const p = gvPath(t.group, v);
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${catalogue.all().length}` };
    }
  }
  return { paths };
}

const PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'].map((name) => ({
  name,
  in: 'query',
  schema: { type: name === 'force' ? 'boolean' : 'string' },
  uniqueItems: true,
}));

export function openApiGroupVersion(catalogue: Catalogue, path: string): JsonObject | undefined {
  const parts = path.split('/').filter(Boolean);
  const [group, version] =
    parts[0] === 'api' && parts.length === 2
      ? ['', parts[1]]
      : parts[0] === 'apis' && parts.length === 3
        ? [parts[1], parts[2]]
        : [undefined, undefined];
  if (version === undefined || group === undefined || !catalogue.hasGroupVersion(group, version))
    return undefined;
  const paths: JsonObject = {};
  for (const t of catalogue.all()) {
    if (t.group !== group || !t.versions.includes(version)) continue;
    const base = `/${gvPath(group, version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}/{name}`;
    const gvk = { group, version, kind: t.kind };
    paths[base] = {
      patch: {
        tags: [group || 'core'],
        operationId: `patch${t.kind}`,
        parameters: PARAMS,
        responses: {},
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas: {} },
  };
}
