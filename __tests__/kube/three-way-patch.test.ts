/**
 * The patches of Helm 3's client-side update (ORD-9, helm-semantics section 4.2 step 13):
 * apimachinery's CreateThreeWayMergePatch over the built-in types' patch metadata, and
 * evanphx's two-way CreateMergePatch for kinds the client does not know. The cases follow
 * strategicpatch's test themes (lists merged by key, `$patch: delete`, removed fields, fields
 * changed by others kept, `$retainKeys`, primitive merge lists) on real Kubernetes types.
 */
import { describe, expect, it } from '@jest/globals';
import { lookupField, schemaForKind } from '../../src/kube/patch-meta.js';
import {
  PatchError,
  createMergePatch,
  createThreeWayMergePatch,
  type JsonMap,
} from '../../src/kube/three-way-patch.js';

function threeWay(original: JsonMap, modified: JsonMap, current: JsonMap): JsonMap {
  const schema = schemaForKind(String(modified.apiVersion), String(modified.kind));
  if (!schema) throw new Error('not a built-in kind');
  return createThreeWayMergePatch(original, modified, current, schema);
}

function deployment(containers: JsonMap[], extra: JsonMap = {}): JsonMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'ns' },
    spec: { ...extra, template: { spec: { containers } } },
  };
}

describe('patch metadata generated from the API server OpenAPI (x-kubernetes-patch-*)', () => {
  it('knows the merge keys of built-in lists', () => {
    const pod = schemaForKind('v1', 'Pod')!;
    const podSpec = lookupField(pod, 'spec').schema;
    expect(lookupField(podSpec, 'containers')).toMatchObject({
      strategies: ['merge'],
      mergeKey: 'name',
    });
    expect(lookupField(podSpec, 'volumes').strategies).toEqual(['merge', 'retainKeys']);
    const container = lookupField(podSpec, 'containers').schema;
    expect(lookupField(container, 'ports').mergeKey).toBe('containerPort');
    expect(lookupField(container, 'env').mergeKey).toBe('name');
    expect(lookupField(container, 'volumeMounts').mergeKey).toBe('mountPath');
    expect(lookupField(container, 'args').strategies).toEqual([]);
    const svcSpec = lookupField(schemaForKind('v1', 'Service')!, 'spec').schema;
    expect(lookupField(svcSpec, 'ports').mergeKey).toBe('port');
  });

  it('treats custom resources, APIServices and v1beta1 CRDs as unstructured (JSON merge)', () => {
    expect(schemaForKind('example.com/v1', 'Widget')).toBeUndefined();
    expect(schemaForKind('apiregistration.k8s.io/v1', 'APIService')).toBeUndefined();
    expect(schemaForKind('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition')).toBe(
      undefined,
    );
    expect(schemaForKind('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toBeDefined();
  });

  it('finds a built-in kind at a version the generating server did not serve (batch/v1 CronJob)', () => {
    expect(schemaForKind('batch/v1', 'CronJob')).toEqual(schemaForKind('batch/v1beta1', 'CronJob'));
  });
});

describe('createThreeWayMergePatch (ORD-9 client-side update)', () => {
  it('is empty when nothing changed, even with server-set fields on the live object', () => {
    const obj = deployment([{ name: 'app', image: 'a:1' }]);
    const live = deployment([{ name: 'app', image: 'a:1', imagePullPolicy: 'IfNotPresent' }], {
      replicas: 1,
    });
    expect(threeWay(obj, obj, live)).toEqual({});
  });

  it('merges Service ports by port, ordering them with $setElementOrder', () => {
    const svc = (ports: JsonMap[]): JsonMap => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports },
    });
    const original = svc([{ port: 80, targetPort: 8080 }]);
    const modified = svc([
      { port: 80, targetPort: 8081 },
      { port: 443, targetPort: 8443 },
    ]);
    const current = svc([{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }]);
    expect(threeWay(original, modified, current)).toEqual({
      spec: {
        '$setElementOrder/ports': [{ port: 80 }, { port: 443 }],
        ports: [
          { port: 80, targetPort: 8081 },
          { port: 443, targetPort: 8443 },
        ],
      },
    });
  });

  it('deletes a container the chart dropped with $patch: delete, keeping one injected by others', () => {
    const original = deployment([{ name: 'app' }, { name: 'sidecar' }]);
    const modified = deployment([{ name: 'app' }]);
    const current = deployment([{ name: 'app' }, { name: 'sidecar' }, { name: 'injected' }]);
    expect(threeWay(original, modified, current)).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }],
            containers: [{ name: 'sidecar', $patch: 'delete' }],
          },
        },
      },
    });
  });

  it('merges env by name inside a container merged by name', () => {
    const original = deployment([{ name: 'app', env: [{ name: 'A', value: '1' }] }]);
    const modified = deployment([
      {
        name: 'app',
        env: [
          { name: 'A', value: '2' },
          { name: 'B', value: '3' },
        ],
      },
    ]);
    const current = deployment([{ name: 'app', env: [{ name: 'A', value: '1' }] }]);
    expect(threeWay(original, modified, current)).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }],
            containers: [
              {
                name: 'app',
                '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }],
                env: [
                  { name: 'A', value: '2' },
                  { name: 'B', value: '3' },
                ],
              },
            ],
          },
        },
      },
    });
  });

  it('removes fields the chart dropped with null and keeps fields others added', () => {
    const cm = (data: JsonMap, annotations?: JsonMap): JsonMap => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', ...(annotations ? { annotations } : {}) },
      data,
    });
    const original = cm({ a: '1', b: '2' });
    const modified = cm({ a: '1' });
    const current = cm({ a: '1', b: '2', c: 'by-kubectl' }, { note: 'by-someone' });
    expect(threeWay(original, modified, current)).toEqual({ data: { b: null } });
  });

  it('restores a field the chart sets that someone else changed, and keeps replicas an HPA owns', () => {
    const original = deployment([{ name: 'app', image: 'a:1' }]);
    const modified = deployment([{ name: 'app', image: 'a:1' }]);
    const current = deployment([{ name: 'app', image: 'hotfix:9' }], { replicas: 7 });
    expect(threeWay(original, modified, current)).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }],
            containers: [{ name: 'app', image: 'a:1' }],
          },
        },
      },
    });
  });

  it('sends $retainKeys for retainKeys fields (Deployment strategy)', () => {
    const rolling = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } };
    const original = deployment([{ name: 'app' }], { strategy: rolling });
    const modified = deployment([{ name: 'app' }], { strategy: { type: 'Recreate' } });
    expect(threeWay(original, modified, original)).toEqual({
      spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } },
    });
  });

  it('merges primitive merge lists (finalizers) with $deleteFromPrimitiveList', () => {
    const meta = (finalizers: string[]): JsonMap => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', finalizers },
    });
    expect(threeWay(meta(['a', 'b']), meta(['a', 'c']), meta(['a', 'b', 'x']))).toEqual({
      metadata: {
        '$deleteFromPrimitiveList/finalizers': ['b'],
        '$setElementOrder/finalizers': ['a', 'c'],
        finalizers: ['c'],
      },
    });
  });

  it('replaces lists without a merge strategy whole (container args)', () => {
    const original = deployment([{ name: 'app', args: ['a', 'b'] }]);
    const modified = deployment([{ name: 'app', args: ['a'] }]);
    expect(threeWay(original, modified, original)).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }],
            containers: [{ name: 'app', args: ['a'] }],
          },
        },
      },
    });
  });

  it('fails like Go when a merge list item lacks its merge key', () => {
    const original = deployment([{ name: 'app' }]);
    const modified = deployment([{ image: 'nameless' }]);
    expect(() => threeWay(original, modified, original)).toThrow(PatchError);
  });

  it('does not change its inputs', () => {
    const original = deployment([{ name: 'app' }, { name: 'gone' }]);
    const modified = deployment([{ name: 'app', image: 'b' }]);
    const snapshot = JSON.stringify([original, modified]);
    threeWay(original, modified, original);
    expect(JSON.stringify([original, modified])).toBe(snapshot);
  });
});

describe('createMergePatch (custom resources, RFC 7386 two-way)', () => {
  it('sets changed and added fields, nulls removed ones, replaces lists whole', () => {
    const original = { spec: { size: 1, drop: true, list: [1, 2], same: { x: 1 } } };
    const modified = { spec: { size: 2, list: [1], same: { x: 1 }, added: 'y' } };
    expect(createMergePatch(original, modified)).toEqual({
      spec: { size: 2, list: [1], added: 'y', drop: null },
    });
  });

  it('is empty for equal documents and leaves fields others set alone (no live object read)', () => {
    const doc = { spec: { size: 1 } };
    expect(createMergePatch(doc, structuredClone(doc))).toEqual({});
  });
});
