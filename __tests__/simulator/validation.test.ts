// Name and required-field validation (apimachinery/pkg/util/validation, pkg/apis/core/validation).
import { describe, expect, it } from '@jest/globals';
import { Catalogue } from '../../src/simulator/discovery.js';
import { ApiError } from '../../src/simulator/errors.js';
import type { JsonObject } from '../../src/simulator/json.js';
import { validateCreate, validateUpdate } from '../../src/simulator/validation.js';

const cat = new Catalogue();
const type = (group: string, plural: string) => {
  const t = cat.lookup(group, 'v1', plural);
  if (!t) throw new Error(plural);
  return t;
};

function causes(fn: () => void): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError)
      return ((err.details?.causes ?? []) as Array<{ field: string }>).map((c) => c.field);
    throw err;
  }
  return [];
}

describe('names', () => {
  it.each([
    ['configmaps', 'a.b-c', []],
    ['configmaps', 'A', ['metadata.name']],
    ['configmaps', '-a', ['metadata.name']],
    ['configmaps', 'a'.repeat(254), ['metadata.name']],
    ['namespaces', 'a.b', ['metadata.name']],
    ['namespaces', 'ok-1', []],
    ['services', '1abc', ['metadata.name']],
    ['services', 'abc', []],
  ])('%s %j → causes %j', (plural, name, expected) => {
    const body: JsonObject =
      plural === 'services'
        ? { metadata: { name }, spec: { ports: [{ port: 1 }] } }
        : { metadata: { name } };
    expect(causes(() => validateCreate(type('', plural), body))).toEqual(expected);
  });

  it('a missing name is Required', () => {
    expect(causes(() => validateCreate(type('', 'configmaps'), { metadata: {} }))).toEqual([
      'metadata.name',
    ]);
  });
});

describe('required fields', () => {
  it.each([
    [
      'a Pod without containers',
      type('', 'pods'),
      { metadata: { name: 'p' }, spec: {} },
      ['spec.containers'],
    ],
    [
      'a container without an image',
      type('', 'pods'),
      { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } },
      ['spec.containers[0].image'],
    ],
    [
      'a Job without restartPolicy',
      type('batch', 'jobs'),
      {
        metadata: { name: 'j' },
        spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
      },
      ['spec.template.spec.restartPolicy'],
    ],
    [
      'a Deployment whose selector misses its labels',
      type('apps', 'deployments'),
      {
        metadata: { name: 'd' },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: {
            metadata: { labels: { a: 'c' } },
            spec: { restartPolicy: 'Always', containers: [{ name: 'c', image: 'i' }] },
          },
        },
      },
      ['spec.template.metadata.labels'],
    ],
    [
      'a Service without ports',
      type('', 'services'),
      { metadata: { name: 's' }, spec: {} },
      ['spec.ports'],
    ],
  ])('%s', (_name, t, body, expected) => {
    expect(causes(() => validateCreate(t, body))).toEqual(expected);
  });

  it("a Job's template is immutable", () => {
    const job = (cmd: string) => ({
      metadata: { name: 'j' },
      spec: {
        template: {
          spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i', command: [cmd] }] },
        },
      },
    });
    expect(causes(() => validateUpdate(type('batch', 'jobs'), job('b'), job('a')))).toEqual([
      'spec.template',
    ]);
    expect(causes(() => validateUpdate(type('batch', 'jobs'), job('a'), job('a')))).toEqual([]);
  });
});
