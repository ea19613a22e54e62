// Structural-schema pruning and validation of custom resources
// (apiextensions-apiserver pkg/apiserver/schema/pruning/algorithm_test.go, validation).
import { describe, expect, it } from '@jest/globals';
import { crdResourceType } from '../../src/simulator/controllers/crds.js';
import { checkCustomResource } from '../../src/simulator/crd-schema.js';
import { ApiError } from '../../src/simulator/errors.js';
import type { JsonObject } from '../../src/simulator/json.js';

const schema: JsonObject = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['replicas'],
      properties: {
        replicas: { type: 'integer', minimum: 0 },
        mode: { type: 'string', enum: ['a', 'b'] },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        items: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } } },
        },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};
const type = crdResourceType({
  spec: {
    group: 'x.dev',
    scope: 'Namespaced',
    names: { plural: 'things', kind: 'Thing' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
  },
});
if (!type) throw new Error('no type');

const thing = (spec: JsonObject, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'x.dev/v1',
  kind: 'Thing',
  metadata: { name: 't', labels: { a: 'b' } },
  spec,
  ...extra,
});

describe('pruning', () => {
  it.each([
    ['an unknown spec field', { replicas: 1, nope: 1 }, { replicas: 1 }, ['spec.nope']],
    [
      'unknown fields inside list items',
      { replicas: 1, items: [{ name: 'a', x: 1 }] },
      { replicas: 1, items: [{ name: 'a' }] },
      ['spec.items[0].x'],
    ],
    [
      'nothing under preserve-unknown-fields',
      { replicas: 1, free: { deep: { x: 1 } } },
      { replicas: 1, free: { deep: { x: 1 } } },
      [],
    ],
    [
      'nothing under additionalProperties',
      { replicas: 1, labels: { k: 'v' } },
      { replicas: 1, labels: { k: 'v' } },
      [],
    ],
  ])('%s', (_name, spec, pruned, warned) => {
    const obj = thing(spec);
    const warnings = checkCustomResource(type, 'v1', obj, 'Warn');
    expect(obj.spec).toEqual(pruned);
    expect(warnings).toEqual(warned.map((f) => `unknown field "${f}"`));
  });

  it('keeps metadata and drops unknown top-level fields', () => {
    const obj = thing({ replicas: 1 }, { status2: 1 });
    checkCustomResource(type, 'v1', obj, 'Ignore');
    expect(Object.keys(obj).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  it('Strict refuses unknown fields', () => {
    expect(() =>
      checkCustomResource(type, 'v1', thing({ replicas: 1, nope: 1 }), 'Strict'),
    ).toThrow('strict decoding error: unknown field "spec.nope"');
  });
});

describe('validation', () => {
  function causes(spec: JsonObject): Array<{ field?: string; reason: string }> {
    try {
      checkCustomResource(type!, 'v1', thing(spec), 'Warn');
    } catch (err) {
      if (err instanceof ApiError)
        return (err.details?.causes ?? []) as Array<{ field?: string; reason: string }>;
      throw err;
    }
    return [];
  }

  it.each([
    [{ replicas: 1 }, []],
    [{ replicas: 'x' }, [{ field: 'spec.replicas', reason: 'FieldValueTypeInvalid' }]],
    [{}, [{ field: 'spec.replicas', reason: 'FieldValueRequired' }]],
    [{ replicas: -1 }, [{ field: 'spec.replicas', reason: 'FieldValueInvalid' }]],
    [{ replicas: 1, mode: 'c' }, [{ field: 'spec.mode', reason: 'FieldValueNotSupported' }]],
    [
      { replicas: 1, labels: { k: 1 } },
      [{ field: 'spec.labels.k', reason: 'FieldValueTypeInvalid' }],
    ],
  ])('%j → %j', (spec, expected) => {
    expect(causes(spec).map((c) => ({ field: c.field, reason: c.reason }))).toEqual(expected);
  });
});

// Found by the lifecycle conformance over real charts (issue 7 item 5): prometheus-operator's
// CRDs declare `metadata: {type: object}` at the root and Go-regexp patterns.
describe('real-world CRD schemas', () => {
  const monitor = crdResourceType({
    spec: {
      group: 'monitoring.x.dev',
      scope: 'Namespaced',
      names: { plural: 'monitors', kind: 'Monitor' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                metadata: { type: 'object' },
                spec: {
                  type: 'object',
                  properties: {
                    interval: { type: 'string', pattern: '^(0|(([0-9]+)m)?(([0-9]+)s)?)$' },
                    size: { type: 'string', pattern: '(^0|([0-9]*[.])?[0-9]+((K|M|G)i?)?B)$' },
                    action: { type: 'string', pattern: '^(?i)(abort|warn)?$' },
                  },
                },
              },
            },
          },
        },
      ],
    },
  });
  if (!monitor) throw new Error('no type');
  const obj = (spec: JsonObject): JsonObject => ({
    apiVersion: 'monitoring.x.dev/v1',
    kind: 'Monitor',
    metadata: { name: 'm', namespace: 'ns', labels: { a: 'b' } },
    spec,
  });

  it('keeps the root metadata even where the schema declares it as a bare object', () => {
    const o = obj({ interval: '30s' });
    checkCustomResource(monitor, 'v1', o, 'Strict');
    expect(o.metadata).toEqual({ name: 'm', namespace: 'ns', labels: { a: 'b' } });
  });

  it('checks each field against its own pattern, in RE2 syntax ((?i) flags)', () => {
    expect(() =>
      checkCustomResource(
        monitor,
        'v1',
        obj({ interval: '30s', size: '1GiB', action: 'WARN' }),
        'Strict',
      ),
    ).not.toThrow();
    const err = (() => {
      try {
        checkCustomResource(monitor, 'v1', obj({ interval: '30', size: '1GiB' }), 'Strict');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect(JSON.stringify((err as ApiError).details)).toContain('spec.interval');
    expect(JSON.stringify((err as ApiError).details)).not.toContain('spec.size');
  });
});
