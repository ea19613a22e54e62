/**
 * What Helm's `Build(manifest, validate=true)` checks against, once per Configuration (helm/helm
 * pkg/kube/client.go Build with FieldValidationStrict; kubectl's Factory.Validator and
 * cli-runtime's fallback QueryParamVerifier, v0.30 as in Helm 3.15). Helm validates install and
 * upgrade targets (unless `--disable-openapi-validation`) and every hook it runs.
 *
 * kubectl validates on the client only where the server does not take the `fieldValidation`
 * query parameter; Helm's verifier reads that from the server's OpenAPI documents (v3, else
 * v2). Servers of Kubernetes 1.25 and later take it for every kind (on by default from 1.25, GA
 * in 1.27), so hookline does not download their documents only to learn so: for them, only
 * each object's apiVersion and kind are checked, which is all Helm checks there too. For older
 * servers, or a version it cannot read, it reads /openapi/v2 and decides per kind exactly as the
 * v2 verifier does (on those servers the v3 verifier, where it exists, finds the same). A
 * document that cannot be read refuses every object, as in Helm (`failed to download openapi:
 * ...`). The /version answer is the one the reachability check already read.
 */
import type { KubeClient, ServerVersion } from '../kube/client.js';
import { OpenApiModels } from '../kube/openapi-models.js';
import type { ValidationSchema } from '../kube/schema-validation.js';
import { asError, type Configuration } from './config.js';

const cache = new WeakMap<Configuration, Promise<ValidationSchema>>();

/** Whether the server validates fields itself (`fieldValidation`, Kubernetes 1.25 and later). */
export function serverValidatesFields(v: ServerVersion): boolean | undefined {
  const major = Number.parseInt(v.major, 10);
  const minor = Number.parseInt(v.minor, 10);
  if (Number.isNaN(major) || Number.isNaN(minor)) return undefined;
  return major > 1 || (major === 1 && minor >= 25);
}

/** Group/kinds (`group/Kind`) of the cluster's CRDs: cli-runtime's CRDFinder. */
async function crdKinds(kube: KubeClient): Promise<Set<string>> {
  const crds = await kube.list({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
  });
  const kinds = new Set<string>();
  for (const crd of crds.items) {
    const spec = (crd as { spec?: { group?: string; names?: { kind?: string } } }).spec;
    if (spec?.group !== undefined && spec.names?.kind !== undefined)
      kinds.add(`${spec.group}/${spec.names.kind}`);
  }
  return kinds;
}

async function load(kube: KubeClient): Promise<ValidationSchema> {
  const version = await kube.serverVersion().catch(() => undefined);
  if (version !== undefined && serverValidatesFields(version) === true) return {};
  let models: OpenApiModels;
  try {
    models = new OpenApiModels(await kube.openApiV2());
  } catch (err) {
    return { unavailable: `failed to download openapi: ${asError(err).message}` };
  }
  const namespaces = { group: '', version: 'v1', kind: 'Namespace' };
  if (models.supportsFieldValidation(namespaces) !== true) return { models };
  try {
    return { models, crdKinds: await crdKinds(kube) };
  } catch (err) {
    return { models, crdKinds: `failed to check CRD: ${asError(err).message}` };
  }
}

/**
 * The schema Build validates against, read once per Configuration (after the chart's CRDs are
 * installed, as the first validated Build comes after them).
 */
export function validationSchema(cfg: Configuration): Promise<ValidationSchema> {
  let p = cache.get(cfg);
  if (!p) {
    p = load(cfg.kube);
    cache.set(cfg, p);
  }
  return p;
}
