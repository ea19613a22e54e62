#!/usr/bin/env node
/**
 * Writes __tests__/fixtures/openapi-v2-k8s-1.20.json: the part of a real API server's
 * /openapi/v2 document that the client-side validation tests use, cut out of the document of
 * Kubernetes v1.20.2 (the API server of ../shared/realcluster). Kept: the definitions the listed
 * kinds reach through `$ref`, and the PATCH operation of each path serving them (its
 * group-version-kind and the names of its parameters); descriptions are dropped.
 *
 *   curl --cacert ca.crt -H "Authorization: Bearer $(cat admin.token)" https://…/openapi/v2 > v2.json
 *   node scripts/gen-openapi-fixture.mjs v2.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const KINDS = [
  'io.k8s.api.apps.v1.Deployment',
  'io.k8s.api.apps.v1.StatefulSet',
  'io.k8s.api.apps.v1.DaemonSet',
  'io.k8s.api.batch.v1.Job',
  'io.k8s.api.core.v1.ConfigMap',
  'io.k8s.api.core.v1.Pod',
  'io.k8s.api.core.v1.Namespace',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition',
];

const [source] = process.argv.slice(2);
if (!source) throw new Error('usage: gen-openapi-fixture.mjs <openapi-v2.json>');
const doc = JSON.parse(readFileSync(source, 'utf8'));

/** A schema without its descriptions (fields called `description` are kept). */
const strip = (s) => {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'description') continue;
    if (k === 'properties')
      out[k] = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, strip(p)]));
    else if (k === 'items') out[k] = Array.isArray(v) ? v.map(strip) : strip(v);
    else if (k === 'additionalProperties') out[k] = strip(v);
    else out[k] = v;
  }
  return out;
};

const definitions = {};
const visit = (name) => {
  if (name in definitions) return;
  const def = doc.definitions[name];
  if (!def) throw new Error(`no definition ${name}`);
  definitions[name] = strip(def);
  JSON.stringify(def, (k, v) => {
    if (k === '$ref' && typeof v === 'string') visit(v.slice('#/definitions/'.length));
    return v;
  });
};
for (const k of KINDS) visit(k);

const kinds = new Set(
  KINDS.flatMap((k) => doc.definitions[k]['x-kubernetes-group-version-kind'] ?? []).map(
    (g) => `${g.group}/${g.version}/${g.kind}`,
  ),
);
const paths = {};
for (const [path, item] of Object.entries(doc.paths)) {
  const gvk = item.patch?.['x-kubernetes-group-version-kind'];
  if (!gvk || !kinds.has(`${gvk.group}/${gvk.version}/${gvk.kind}`)) continue;
  paths[path] = {
    patch: {
      'x-kubernetes-group-version-kind': gvk,
      parameters: item.patch.parameters.map((p) =>
        p.$ref ? { $ref: p.$ref } : { name: p.name, in: p.in },
      ),
    },
  };
}

const out = {
  swagger: doc.swagger,
  info: {
    title: doc.info.title,
    version: doc.info.version,
    'x-hookline-fixture':
      'cut by scripts/gen-openapi-fixture.mjs out of the /openapi/v2 document of Kubernetes v1.20.2 (../shared/realcluster)',
  },
  paths,
  definitions,
};
writeFileSync(
  fileURLToPath(import.meta.resolve('../__tests__/fixtures/openapi-v2-k8s-1.20.json')),
  `${JSON.stringify(out, null, 1)}\n`,
);
console.log(`${Object.keys(definitions).length} definitions, ${Object.keys(paths).length} paths`);
