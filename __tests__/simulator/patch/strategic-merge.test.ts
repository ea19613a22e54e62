// Strategic merge patch semantics of apimachinery/pkg/util/strategicpatch/patch_test.go:
// merge keys from k8s.io/api types, directives $patch, $retainKeys, $deleteFromPrimitiveList.
import { describe, expect, it } from '@jest/globals';
import type { Json } from '../../../src/simulator/json.js';
import { strategicMerge } from '../../../src/simulator/patch/strategic-merge.js';

const CASES: Array<[string, Json, Json, Json]> = [
  [
    'containers merge by name',
    {
      containers: [
        { name: 'a', image: '1' },
        { name: 'b', image: '1' },
      ],
    },
    { containers: [{ name: 'b', image: '2' }] },
    {
      containers: [
        { name: 'a', image: '1' },
        { name: 'b', image: '2' },
      ],
    },
  ],
  [
    'a new container is appended',
    { containers: [{ name: 'a' }] },
    { containers: [{ name: 'c' }] },
    { containers: [{ name: 'a' }, { name: 'c' }] },
  ],
  [
    '$patch: delete removes an item by key',
    { containers: [{ name: 'a' }, { name: 'b' }] },
    { containers: [{ name: 'a', $patch: 'delete' }] },
    { containers: [{ name: 'b' }] },
  ],
  [
    'env merges by name',
    {
      env: [
        { name: 'X', value: '1' },
        { name: 'Y', value: '1' },
      ],
    },
    { env: [{ name: 'Y', value: '2' }] },
    {
      env: [
        { name: 'X', value: '1' },
        { name: 'Y', value: '2' },
      ],
    },
  ],
  [
    'volumeMounts merge by mountPath',
    { volumeMounts: [{ mountPath: '/a', name: 'v1' }] },
    { volumeMounts: [{ mountPath: '/a', name: 'v2' }] },
    { volumeMounts: [{ mountPath: '/a', name: 'v2' }] },
  ],
  [
    'container ports merge by containerPort',
    { ports: [{ containerPort: 80, name: 'http' }] },
    { ports: [{ containerPort: 80, name: 'web' }, { containerPort: 443 }] },
    { ports: [{ containerPort: 80, name: 'web' }, { containerPort: 443 }] },
  ],
  [
    'service ports merge by port',
    { ports: [{ port: 80, targetPort: 8080 }] },
    { ports: [{ port: 80, targetPort: 9090 }] },
    { ports: [{ port: 80, targetPort: 9090 }] },
  ],
  [
    'a list without a merge key is replaced',
    { args: ['a', 'b'] },
    { args: ['c'] },
    { args: ['c'] },
  ],
  [
    'finalizers merge as a set',
    { finalizers: ['a'] },
    { finalizers: ['b', 'a'] },
    { finalizers: ['a', 'b'] },
  ],
  [
    '$deleteFromPrimitiveList removes set members',
    { finalizers: ['a', 'b'] },
    { '$deleteFromPrimitiveList/finalizers': ['a'] },
    { finalizers: ['b'] },
  ],
  [
    'null deletes a map key',
    { labels: { a: '1', b: '2' } },
    { labels: { a: null } },
    { labels: { b: '2' } },
  ],
  [
    '$patch: replace replaces a map',
    { selector: { a: '1', b: '2' } },
    { selector: { $patch: 'replace', c: '3' } },
    { selector: { c: '3' } },
  ],
  [
    '$retainKeys keeps only the listed keys',
    { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
    { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    { strategy: { type: 'Recreate' } },
  ],
  [
    'conditions merge by type',
    { conditions: [{ type: 'Ready', status: 'False' }] },
    { conditions: [{ type: 'Ready', status: 'True' }] },
    { conditions: [{ type: 'Ready', status: 'True' }] },
  ],
  [
    '$setElementOrder directives are ignored for content',
    { containers: [{ name: 'a' }] },
    { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'a', image: 'x' }] },
    { containers: [{ name: 'a', image: 'x' }] },
  ],
];

describe('strategicMerge', () => {
  it.each(CASES)('%s', (_name, target, patch, result) => {
    expect(strategicMerge(target, patch)).toEqual(result);
  });
});
