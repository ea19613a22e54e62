/**
 * Custom resources against a structural schema (apiextensions-apiserver: pruning, validation,
 * status subresource, generation).
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { it } from './real-differences.js';
import { apiError, uniqueName, waitFor, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

export function crdCases(ctx: Ctx): void {
  const group = `${uniqueName('schema')}.hookline.dev`;
  const crd: Obj = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `gadgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  required: ['size'],
                  properties: {
                    size: { type: 'integer', minimum: 1 },
                    color: { type: 'string', enum: ['blue', 'green'] },
                    extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  },
                },
                status: { type: 'object', properties: { phase: { type: 'string' } } },
              },
            },
          },
        },
      ],
    },
  };
  const gadget = (name: string, spec: Record<string, unknown>): Obj => ({
    apiVersion: `${group}/v1`,
    kind: 'Gadget',
    metadata: { name, namespace: ctx.ns },
    spec,
  });
  const path = (name = ''): string =>
    `/apis/${group}/v1/namespaces/${ctx.ns}/gadgets${name ? `/${name}` : ''}`;

  beforeAll(async () => {
    // Raw JSON: the typed client's model would rename `enum` and the x-kubernetes-* keys.
    const res = await ctx.c.raw('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(crd),
    });
    expect(res.status).toBe(201);
    await waitFor('the CRD to be served', async () => (await ctx.c.raw(path())).status === 200);
  });
  afterAll(async () => {
    await ctx.c.objects.delete(crd).catch(() => undefined);
  });

  it('unknown fields are pruned, except under x-kubernetes-preserve-unknown-fields', async () => {
    const res = await ctx.c.raw(path(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(
        gadget(uniqueName('g'), { size: 2, bogus: true, extra: { anything: 1 } }),
      ),
    });
    expect(res.status).toBe(201);
    expect(res.json().spec).toEqual({ size: 2, extra: { anything: 1 } });
  });

  it('unknown fields under fieldValidation=Strict are 400', async () => {
    const res = await ctx.c.raw(`${path()}?fieldValidation=Strict`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(gadget(uniqueName('g'), { size: 2, bogus: true })),
    });
    expect(res.status).toBe(400);
    expect(String(res.json().message)).toContain('unknown field "spec.bogus"');
  });

  it.each([
    ['a wrong type', { size: 'big' }, 'spec.size', 'FieldValueTypeInvalid'],
    ['a missing required field', { color: 'blue' }, 'spec.size', 'FieldValueRequired'],
    ['a value outside the enum', { size: 1, color: 'red' }, 'spec.color', 'FieldValueNotSupported'],
  ])('%s is 422 Invalid with a cause on the field', async (_name, spec, field, reason) => {
    const err = await apiError(ctx.c.objects.create(gadget(uniqueName('g'), spec)));
    expect(err.code).toBe(422);
    expect(
      (err.body.details as { causes: Array<{ field: string; reason: string }> }).causes,
    ).toContainEqual(expect.objectContaining({ field, reason }));
  });

  it('custom resources keep generation on status writes and bump it on spec writes', async () => {
    const name = uniqueName('g');
    const created = await ctx.c.objects.create(gadget(name, { size: 1 }));
    expect(created.metadata?.generation).toBe(1);
    const status = await ctx.c.raw(`${path(name)}/status`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ status: { phase: 'Ready' } }),
    });
    expect(status.json()).toMatchObject({
      status: { phase: 'Ready' },
      metadata: { generation: 1 },
    });
    const spec = await ctx.c.raw(path(name), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { size: 5 }, status: { phase: 'Ignored' } }),
    });
    expect(spec.json()).toMatchObject({
      spec: { size: 5 },
      status: { phase: 'Ready' },
      metadata: { generation: 2 },
    });
  });

  it('strategic merge patch is refused for custom resources (415)', async () => {
    const name = uniqueName('g');
    await ctx.c.objects.create(gadget(name, { size: 1 }));
    const res = await ctx.c.raw(path(name), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: JSON.stringify({ spec: { size: 2 } }),
    });
    expect(res.status).toBe(415);
  });
}
