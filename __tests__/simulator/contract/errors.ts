/**
 * Errors as `kind: Status` bodies (apimachinery/pkg/api/errors) and the request decoding rules
 * of apiserver/pkg/endpoints/handlers (body limit, media types, strict field validation).
 */
import { expect } from '@jest/globals';
import { it } from './real-differences.js';
import { apiError, configMap, job, uniqueName, type Obj } from '../harness.js';
import type { Ctx } from './ctx.js';

export function errorCases(ctx: Ctx): void {
  const cms = (): string => `/api/v1/namespaces/${ctx.ns}/configmaps`;
  const post = (
    body: string | Buffer,
    type = 'application/json',
    query = '',
  ): ReturnType<Ctx['c']['raw']> =>
    ctx.c.raw(`${cms()}${query}`, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('malformed JSON is 400 BadRequest', async () => {
    const res = await post('{"metadata": {"name": ');
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('an unsupported content type is 415 UnsupportedMediaType', async () => {
    const res = await post('name=x', 'text/plain');
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType' });
  });

  it('a body over 3 MiB is 413 RequestEntityTooLarge', async () => {
    const big = JSON.stringify({
      metadata: { name: uniqueName('big') },
      data: { blob: 'x'.repeat(3 * 1024 * 1024 + 10) },
    });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ kind: 'Status', code: 413 });
  });

  it('an unknown field under fieldValidation=Strict is 400 naming the field', async () => {
    const res = await post(
      JSON.stringify({ metadata: { name: uniqueName('cm') }, data: {}, bogus: 1 }),
      'application/json',
      '?fieldValidation=Strict',
    );
    expect(res.status).toBe(400);
    expect(String(res.json().message)).toContain('unknown field "bogus"');
  });

  it('an unknown field by default is dropped with a Warning header', async () => {
    const res = await post(
      JSON.stringify({ metadata: { name: uniqueName('cm') }, data: {}, bogus: 1 }),
    );
    expect(res.status).toBe(201);
    expect(String(res.headers.warning)).toMatch(/^299 - "unknown field \\"bogus\\""$/);
    expect(res.json().bogus).toBeUndefined();
  });

  it('POST to a named object is 405 MethodNotAllowed', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const res = await ctx.c.raw(`${cms()}/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(405);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed' });
  });

  it('an invalid name is 422 Invalid with a metadata.name cause', async () => {
    const err = await apiError(ctx.c.objects.create(configMap(ctx.ns, 'Not_Valid')));
    expect(err.code).toBe(422);
    expect(err.body.reason).toBe('Invalid');
    const causes = (err.body.details as { causes: Array<{ field: string; reason: string }> })
      .causes;
    expect(causes).toContainEqual(
      expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' }),
    );
  });

  it('a Pod without containers is 422 with a spec.containers cause', async () => {
    const err = await apiError(
      ctx.c.objects.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: uniqueName('p'), namespace: ctx.ns },
        spec: { containers: [] },
      } as Obj),
    );
    expect(err.code).toBe(422);
    const causes = (err.body.details as { causes: Array<{ field: string; reason: string }> })
      .causes;
    expect(causes).toContainEqual(
      expect.objectContaining({ field: 'spec.containers', reason: 'FieldValueRequired' }),
    );
  });

  it('a Job with restartPolicy Always is 422', async () => {
    const j = job(ctx.ns, uniqueName('j'), 'true');
    (
      j.spec as Record<string, Record<string, Record<string, unknown>>>
    ).template.spec.restartPolicy = 'Always';
    const err = await apiError(ctx.c.objects.create(j));
    expect(err.code).toBe(422);
    expect(JSON.stringify(err.body)).toContain('spec.template.spec.restartPolicy');
  });

  it("changing a Job's pod template is 422 (immutable)", async () => {
    const name = uniqueName('j');
    await ctx.c.objects.create(job(ctx.ns, name, 'sleep 30', { suspend: true }));
    const changed = job(ctx.ns, name, 'sleep 31');
    const err = await apiError(
      ctx.c.objects.patch(
        changed,
        undefined,
        undefined,
        'test',
        undefined,
        'application/strategic-merge-patch+json' as never,
      ),
    );
    expect(err.code).toBe(422);
    expect(JSON.stringify(err.body)).toContain('spec.template');
  });

  it('a name in the body different from the URL is 400', async () => {
    const name = uniqueName('cm');
    await ctx.c.objects.create(configMap(ctx.ns, name));
    const res = await ctx.c.raw(`${cms()}/${name}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } }),
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
  });

  it('a namespace in the body different from the URL is 400', async () => {
    const res = await post(
      JSON.stringify({ metadata: { name: uniqueName('cm'), namespace: 'kube-public' } }),
    );
    expect(res.status).toBe(400);
    expect(res.json().reason).toBe('BadRequest');
  });

  it('an unparsable labelSelector is 400', async () => {
    const res = await ctx.c.raw(`${cms()}?labelSelector=${encodeURIComponent('a in (b')}`);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
  });
}
