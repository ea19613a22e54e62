/**
 * Client-side validation as Helm 3.15's Build(manifest, validate=true) runs it through kubectl
 * (helm-semantics §4.1 step 9, §3.1 step 2.3), against a real server's models: the fixture is cut
 * out of Kubernetes v1.20.2's /openapi/v2 (scripts/gen-openapi-fixture.mjs). The messages of the
 * first cases are the ones Helm 3.15.4 printed for the shared real charts on that server.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  OpenApiModels,
  OpenApiSchemaError,
  reducedDocument,
} from '../../src/kube/openapi-models.js';
import {
  ObjectValidationError,
  aggregateMessage,
  objectKind,
  validateObject,
  type ValidationSchema,
} from '../../src/kube/schema-validation.js';

const DOC = JSON.parse(
  readFileSync(new URL('../fixtures/openapi-v2-k8s-1.20.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const schema: ValidationSchema = { models: new OpenApiModels(DOC) };

const podSpec = (container: Record<string, unknown> = {}) => ({
  containers: [{ name: 'c', image: 'busybox', ...container }],
});
const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: {
    selector: { matchLabels: { a: 'b' } },
    template: { metadata: { labels: { a: 'b' } }, spec: podSpec() },
    ...spec,
  },
});

describe('validateObject against Kubernetes 1.20 (kube-openapi ValidateModel)', () => {
  it('refuses a field the server does not know, as for the prometheus chart', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        serviceName: 's',
        minReadySeconds: 0,
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: podSpec() },
      },
    };
    expect(validateObject(sts, schema)).toEqual([
      'ValidationError(StatefulSet.spec): unknown field "minReadySeconds" in io.k8s.api.apps.v1.StatefulSetSpec',
    ]);
    expect(new ObjectValidationError(validateObject(sts, schema)).message).toBe(
      'error validating "": error validating data: ValidationError(StatefulSet.spec): unknown field "minReadySeconds" in io.k8s.api.apps.v1.StatefulSetSpec',
    );
  });

  it('follows references into nested kinds (prometheus-windows-exporter, prometheus-operator-crds)', () => {
    const ds = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'w' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: {
          metadata: { labels: { a: 'b' } },
          spec: { ...podSpec(), securityContext: { windowsOptions: { hostProcess: true } } },
        },
      },
    };
    expect(validateObject(ds, schema)).toEqual([
      'ValidationError(DaemonSet.spec.template.spec.securityContext.windowsOptions): unknown field "hostProcess" in io.k8s.api.core.v1.WindowsSecurityContextOptions',
    ]);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'foos.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Foo', plural: 'foos' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', 'x-kubernetes-validations': [] } },
              },
            },
          },
        ],
      },
    };
    expect(validateObject(crd, schema)).toEqual([
      'ValidationError(CustomResourceDefinition.spec.versions[0].schema.openAPIV3Schema.properties.spec): unknown field "x-kubernetes-validations" in io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps',
    ]);
  });

  it('accepts a valid object, and any scalar where a string is expected', () => {
    expect(validateObject(deployment({ replicas: 2 }), schema)).toEqual([]);
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: { port: 8080, on: true } },
      data: { a: 1 },
    };
    expect(validateObject(cm, schema)).toEqual([]);
  });

  it('names the schema path and the JSON types of a type mismatch', () => {
    expect(validateObject(deployment({ replicas: 'two' }), schema)).toEqual([
      'ValidationError(Deployment.spec.replicas): invalid type for io.k8s.api.apps.v1.DeploymentSpec.replicas: got "string", expected "integer"',
    ]);
    expect(validateObject(deployment({ paused: 1 }), schema)).toEqual([
      'ValidationError(Deployment.spec.paused): invalid type for io.k8s.api.apps.v1.DeploymentSpec.paused: got "integer", expected "boolean"',
    ]);
    expect(validateObject(deployment({ replicas: 1.5 }), schema)).toEqual([]);
    expect(validateObject(deployment({ selector: [] }), schema)).toEqual([
      'ValidationError(Deployment.spec.selector): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector: got "array", expected "map"',
    ]);
  });

  it('reports missing required fields after the fields, every problem in sorted order', () => {
    const d = deployment({ zeta: 1, alpha: 2 });
    const tpl = (d.spec as { template: { spec: Record<string, unknown> } }).template;
    tpl.spec = { containers: [{ image: 'x', bogus: true }, null] };
    expect(validateObject(d, schema)).toEqual([
      'ValidationError(Deployment.spec): unknown field "alpha" in io.k8s.api.apps.v1.DeploymentSpec',
      'ValidationError(Deployment.spec.template.spec.containers[0]): unknown field "bogus" in io.k8s.api.core.v1.Container',
      'ValidationError(Deployment.spec.template.spec.containers[0]): missing required field "name" in io.k8s.api.core.v1.Container',
      'ValidationError(Deployment.spec.template.spec.containers): unknown object type "nil" in Deployment.spec.template.spec.containers[1]',
      'ValidationError(Deployment.spec): unknown field "zeta" in io.k8s.api.apps.v1.DeploymentSpec',
    ]);
  });

  it('skips null fields of a kind but refuses null values of a map', () => {
    expect(validateObject(deployment({ replicas: null, unknownButNull: null }), schema)).toEqual(
      [],
    );
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: null } };
    expect(validateObject(cm, schema)).toEqual(['unknown object type "nil" in ConfigMap.data.a']);
  });

  it('does not check kinds the server publishes no model for', () => {
    const foo = { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'f' }, x: 1 };
    expect(validateObject(foo, schema)).toEqual([]);
  });

  it('checks each item of a v1 List', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [deployment({ bad: 1 }), { kind: 'ConfigMap' }],
    };
    expect(validateObject(list, schema)).toEqual([
      'ValidationError(Deployment.spec): unknown field "bad" in io.k8s.api.apps.v1.DeploymentSpec',
      'apiVersion not set',
    ]);
  });
});

describe('objectKind (kubectl getObjectKind): checked even where the server validates', () => {
  it('needs a string apiVersion of at most one slash and a string kind', () => {
    expect(objectKind({})).toEqual(['apiVersion not set', 'kind not set']);
    expect(objectKind({ apiVersion: 1, kind: true })).toEqual([
      "apiVersion isn't string type",
      "kind isn't string type",
    ]);
    expect(objectKind({ apiVersion: 'a/b/c', kind: 'K' })).toEqual([
      'unexpected GroupVersion string: a/b/c',
    ]);
    expect(objectKind([])).toEqual(['invalid object to validate']);
    expect(objectKind({ apiVersion: 'apps/v1', kind: 'Deployment' })).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    expect(validateObject({ metadata: { name: 'x' } }, {})).toEqual([
      'apiVersion not set',
      'kind not set',
    ]);
  });
});

describe("the server's own field validation (cli-runtime QueryParamVerifier)", () => {
  /** The fixture with `fieldValidation` added to the PATCH operations of `kinds`. */
  function withFieldValidation(kinds: string[]): Record<string, unknown> {
    const doc = structuredClone(DOC) as {
      paths: Record<string, { patch: Record<string, unknown> }>;
    };
    for (const item of Object.values(doc.paths)) {
      const gvk = item.patch['x-kubernetes-group-version-kind'] as { kind: string };
      if (kinds.includes(gvk.kind))
        (item.patch.parameters as unknown[]).push({ name: 'fieldValidation', in: 'query' });
    }
    return doc;
  }
  const bad = deployment({ bogus: 1 });

  it('leaves the kinds whose PATCH takes fieldValidation to the server', () => {
    const models = new OpenApiModels(withFieldValidation(['Deployment']));
    expect(
      models.supportsFieldValidation({ group: 'apps', version: 'v1', kind: 'Deployment' }),
    ).toBe(true);
    expect(validateObject(bad, { models })).toEqual([]);
    expect(validateObject({ ...bad, kind: 'StatefulSet', spec: { x: 1 } }, { models })).toEqual([
      'ValidationError(StatefulSet.spec): unknown field "x" in io.k8s.api.apps.v1.StatefulSetSpec',
      // Required fields in the definition's order, after the fields.
      'ValidationError(StatefulSet.spec): missing required field "selector" in io.k8s.api.apps.v1.StatefulSetSpec',
      'ValidationError(StatefulSet.spec): missing required field "template" in io.k8s.api.apps.v1.StatefulSetSpec',
      'ValidationError(StatefulSet.spec): missing required field "serviceName" in io.k8s.api.apps.v1.StatefulSetSpec',
    ]);
  });

  it('asks the CRDs for a kind no path serves, when Namespace takes fieldValidation', () => {
    const models = new OpenApiModels(withFieldValidation(['Namespace']));
    const foo = { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'f' } };
    expect(
      models.supportsFieldValidation({ group: 'example.com', version: 'v1', kind: 'Foo' }),
    ).toBe(undefined);
    expect(validateObject(foo, { models, crdKinds: new Set(['example.com/Foo']) })).toEqual([]);
    expect(validateObject(foo, { models, crdKinds: 'failed to check CRD: forbidden' })).toEqual([
      'failed to check CRD: forbidden',
    ]);
    // A v1 List is never left to the server.
    const list = { apiVersion: 'v1', kind: 'List', items: [bad] };
    expect(validateObject(list, { models })).toHaveLength(1);
  });

  it('refuses every object when the document could not be read', () => {
    const unavailable =
      'failed to download openapi: the server could not find the requested resource';
    expect(validateObject(deployment({}), { unavailable })).toEqual([unavailable]);
  });
});

describe('OpenApiModels (kube-openapi proto document.go)', () => {
  it('parses a definition when it is used, refusing a malformed one as kubectl does', () => {
    const models = new OpenApiModels({
      definitions: {
        'x.Thing': {
          type: 'object',
          properties: { a: { $ref: '#/definitions/x.Missing' } },
          'x-kubernetes-group-version-kind': [{ group: 'x', version: 'v1', kind: 'Thing' }],
        },
        'x.Multi': { type: ['string', 'integer'] },
      },
    });
    expect(() => models.model('x.Thing')).toThrow(
      new OpenApiSchemaError('x.Thing.a', 'unknown model in reference: "x.Missing"'),
    );
    expect(() => models.model('x.Multi')).toThrow(
      "SchemaError(x.Multi): definitions with multiple types aren't supported",
    );
    expect(validateObject({ apiVersion: 'x/v1', kind: 'Thing', a: 1 }, { models })).toEqual([
      'SchemaError(x.Thing.a): unknown model in reference: "x.Missing"',
    ]);
  });

  it('reads maps, arrays and arbitrary values as kube-openapi does', () => {
    const models = new OpenApiModels({
      definitions: {
        'x.T': {
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            m: { type: 'object', additionalProperties: { type: 'integer' } },
            free: { type: 'object' },
            any: {},
            list: { type: 'array', items: { type: 'boolean' } },
          },
          'x-kubernetes-group-version-kind': [{ group: 'x', version: 'v1', kind: 'T' }],
        },
      },
    });
    const obj = {
      apiVersion: 'x/v1',
      kind: 'T',
      m: { a: 1, b: 'x' },
      free: { anything: [1] },
      any: 3,
      list: [true, 'no'],
    };
    expect(validateObject(obj, { models })).toEqual([
      'ValidationError(T.list[1]): invalid type for x.T.list: got "string", expected "boolean"',
      'ValidationError(T.m.b): invalid type for x.T.m: got "string", expected "integer"',
    ]);
  });
});

describe('aggregateMessage (apimachinery utilerrors)', () => {
  it('prints one message bare and several once each in brackets', () => {
    expect(aggregateMessage(['a'])).toBe('a');
    expect(aggregateMessage(['a', 'b', 'a'])).toBe('[a, b]');
    expect(aggregateMessage(['a', 'a'])).toBe('a');
  });
});

describe('reducedDocument (what the disk cache keeps)', () => {
  it('gives models that answer exactly as the whole document', () => {
    const reduced = new OpenApiModels(reducedDocument(DOC));
    const whole = schema.models!;
    const objects = [
      deployment({ replicas: 'two', bogus: 1 }),
      deployment({ selector: [] }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: null } },
    ];
    for (const o of objects)
      expect(validateObject(o, { models: reduced })).toEqual(validateObject(o, { models: whole }));
    const gvk = { group: 'apps', version: 'v1', kind: 'Deployment' };
    expect(reduced.supportsFieldValidation(gvk)).toBe(whole.supportsFieldValidation(gvk));
    expect(reduced.lookupResource(gvk)).toEqual(whole.lookupResource(gvk));
  });

  it('drops descriptions, not fields called description', () => {
    const reduced = reducedDocument(DOC) as { definitions: Record<string, { properties: object }> };
    const props =
      reduced.definitions[
        'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps'
      ]!.properties;
    expect(props).toHaveProperty('description', { type: 'string' });
    expect(JSON.stringify(reduced).length).toBeLessThan(JSON.stringify(DOC).length);
  });
});
