/**
 * Resource request handlers: list (with pagination), get, create, update, patch, delete,
 * deletecollection, status and log subresources. Each returns [code, body] or streams.
 */
import { parse as parseYaml } from 'yaml';
import type { Kubelet } from './controllers/kubelet.js';
import { deleteCollection, deleteObject, parseDeleteOptions } from './deletion.js';
import type { ResourceType } from './discovery.js';
import {
  ApiError,
  badRequest,
  methodNotAllowed,
  unsupportedBody,
  unsupportedMediaType,
} from './errors.js';
import { PROTOBUF } from './protobuf.js';
import { checkShapes } from './decoding.js';
import { checkDeletable, checkSecretData } from './strict.js';
import { intParam } from './http-util.js';
import type { FieldValidation } from './fields.js';
import { child, isObject, objects, str, type Json, type JsonObject } from './json.js';
import { decodePatch, PATCH_TYPES, patchObject, type PatchType } from './patching.js';
import { apiVersionOf, type Registry, type WriteContext } from './registry.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import { toTable, wantsTable } from './table.js';

export interface Request {
  method: string;
  type: ResourceType;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
  userAgent: string;
  accept: string;
}

export interface Reply {
  code: number;
  body: Json;
  text?: string;
  warnings?: string[];
  /** `pods/log?follow=true`: more text while the container runs. */
  follow?: () => { text: string; done: boolean };
}

function decodeBody(req: Request): JsonObject {
  let value: unknown;
  if (req.contentType === 'application/json' || req.contentType === '') {
    try {
      value = JSON.parse(req.body);
    } catch (err) {
      throw badRequest(`the object provided is unrecognized: ${(err as Error).message}`);
    }
  } else if (req.contentType === 'application/yaml') {
    try {
      value = parseYaml(req.body);
    } catch (err) {
      throw badRequest(`the object provided is unrecognized: ${(err as Error).message}`);
    }
  } else throw unsupportedBody(['application/json', 'application/yaml', PROTOBUF]);
  if (!isObject(value)) throw badRequest("Object 'Kind' is missing in the request body");
  checkShapes(req.type, req.version, value);
  checkSecretData(req.type, req.version, value);
  return value;
}

/**
 * The write context of a request. Without `fieldManager`, a non-apply write is managed by the
 * user agent's program name (fieldmanager's prefixFromUserAgent); apply requires one.
 */
function context(req: Request, opts: { apply: boolean } = { apply: false }): WriteContext {
  const fv = req.query.get('fieldValidation') ?? 'Warn';
  if (!['Strict', 'Warn', 'Ignore'].includes(fv))
    throw badRequest(
      `fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`,
    );
  const agent = req.userAgent.split('/')[0] || 'unknown';
  return {
    manager: req.query.get('fieldManager') ?? (opts.apply ? '' : agent),
    fieldValidation: fv as FieldValidation,
    dryRun: req.query.getAll('dryRun').includes('All'),
    warnings: [],
    ...(req.subresource === 'status' ? { subresource: 'status' } : {}),
  };
}

function withoutTypeMeta(obj: JsonObject): JsonObject {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

export function handle(reg: Registry, kubelet: Kubelet, req: Request): Reply {
  const { type, namespace = '', name } = req;
  const out = (obj: JsonObject): JsonObject => ({
    ...obj,
    apiVersion: apiVersionOf(type, req.version),
  });
  if (req.subresource === 'log') {
    if (req.method !== 'GET') throw methodNotAllowed();
    const pod = reg.get(type, namespace, name ?? '');
    const tail = intParam(req.query, 'tailLines');
    const container = req.query.get('container') ?? undefined;
    const previous = req.query.get('previous') === 'true';
    const text = kubelet.logs(pod, {
      ...(container ? { container } : {}),
      ...(tail !== undefined ? { tailLines: tail } : {}),
      previous,
    });
    if (req.query.get('follow') !== 'true' || previous) return { code: 200, body: null, text };
    const uid = str(child(pod, 'metadata'), 'uid') ?? '';
    const named = container ?? str(objects(child(pod, 'spec'), 'containers')[0], 'name') ?? '';
    let sent = kubelet.logs(pod, container ? { container } : {}).length;
    const follow = (): { text: string; done: boolean } => {
      const current = reg.find(type, namespace, name ?? '');
      if (!current || str(child(current, 'metadata'), 'uid') !== uid)
        return { text: '', done: true };
      const done = !kubelet.running(uid, named);
      const all = kubelet.logs(current, container ? { container } : {});
      const more = all.slice(sent);
      sent = all.length;
      return { text: more, done };
    };
    return { code: 200, body: null, text, follow };
  }
  if (name === undefined) return handleCollection(reg, req);
  switch (req.method) {
    case 'GET': {
      const obj = reg.get(type, namespace, name);
      if (wantsTable(req.accept))
        return {
          code: 200,
          body: toTable(
            type,
            [obj],
            str(child(obj, 'metadata'), 'resourceVersion') ?? '',
            reg.clock.now(),
          ),
        };
      return { code: 200, body: out(obj) };
    }
    case 'PUT': {
      const ctx = context(req);
      return {
        code: 200,
        body: out(reg.update(type, namespace, name, decodeBody(req), ctx, req.version)),
        warnings: ctx.warnings,
      };
    }
    case 'PATCH': {
      const patchType = req.contentType;
      if (!(PATCH_TYPES as readonly string[]).includes(patchType))
        throw unsupportedMediaType(patchType);
      const isApply = patchType === 'application/apply-patch+yaml';
      const ctx = context(req, { apply: isApply });
      const existed = reg.find(type, namespace, name) !== undefined;
      const patch = decodePatch(patchType as PatchType, req.body);
      const force = req.query.get('force') === 'true';
      const result = patchObject(reg, type, namespace, name, patchType, patch, ctx, {
        force,
        version: req.version,
      });
      return { code: existed ? 200 : 201, body: out(result), warnings: ctx.warnings };
    }
    case 'DELETE': {
      if (req.subresource) throw methodNotAllowed();
      checkDeletable(type, name);
      const body = req.body.trim()
        ? decodeBody({ ...req, contentType: 'application/json' })
        : undefined;
      const result = deleteObject(reg, type, namespace, name, parseDeleteOptions(body, req.query));
      const still = reg.find(type, namespace, name);
      const gone =
        !still || str(child(still, 'metadata'), 'uid') !== str(child(result, 'metadata'), 'uid');
      return { code: gone ? 200 : 202, body: out(result) };
    }
    default:
      throw methodNotAllowed();
  }
}

function handleCollection(reg: Registry, req: Request): Reply {
  const { type } = req;
  const ns = type.namespaced ? req.namespace : undefined;
  if (req.method === 'POST') {
    if (req.subresource) throw methodNotAllowed();
    const ctx = context(req);
    const created = reg.create(type, req.namespace ?? '', decodeBody(req), ctx, req.version);
    return {
      code: 201,
      body: { ...created, apiVersion: apiVersionOf(type, req.version) },
      warnings: ctx.warnings,
    };
  }
  const labels = parseLabelSelector(req.query.get('labelSelector'));
  const fields = parseFieldSelector(req.query.get('fieldSelector'), type.kind);
  if (req.method === 'DELETE') {
    if (!type.verbs.includes('deletecollection')) throw methodNotAllowed();
    const body = req.body.trim()
      ? decodeBody({ ...req, contentType: 'application/json' })
      : undefined;
    const items = deleteCollection(
      reg,
      type,
      ns,
      labels,
      fields,
      parseDeleteOptions(body, req.query),
    );
    return { code: 200, body: listOf(reg, req, items, {}) };
  }
  if (req.method !== 'GET') throw methodNotAllowed();
  const items = reg.list(type, ns, labels, fields);
  return { code: 200, body: page(reg, req, items) };
}

function listOf(reg: Registry, req: Request, items: JsonObject[], extra: JsonObject): JsonObject {
  if (wantsTable(req.accept))
    return toTable(req.type, items, String(reg.store.currentRv()), reg.clock.now(), extra);
  return {
    kind: `${req.type.kind}List`,
    apiVersion: apiVersionOf(req.type, req.version),
    metadata: { resourceVersion: String(reg.store.currentRv()), ...extra },
    items: items.map(withoutTypeMeta),
  };
}

/** `limit` / `continue` chunking; the token carries the offset and the list's resourceVersion. */
function page(reg: Registry, req: Request, items: JsonObject[]): JsonObject {
  const limit = intParam(req.query, 'limit') ?? 0;
  const token = req.query.get('continue');
  let start = 0;
  if (token) {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
        start?: number;
        key?: string;
      };
      const idx = items.findIndex(
        (o) =>
          `${str(child(o, 'metadata'), 'namespace') ?? ''}/${str(child(o, 'metadata'), 'name') ?? ''}` >
          String(parsed.key ?? ''),
      );
      start = idx < 0 ? items.length : idx;
    } catch {
      throw new ApiError(
        400,
        'BadRequest',
        'continue key is not valid: illegal base64 data at input byte 0',
      );
    }
  }
  if (!(limit > 0) || start + limit >= items.length)
    return listOf(reg, req, items.slice(start), {});
  const chunk = items.slice(start, start + limit);
  const last = chunk[chunk.length - 1];
  const key = `${str(child(last, 'metadata'), 'namespace') ?? ''}/${str(child(last, 'metadata'), 'name') ?? ''}`;
  const next = Buffer.from(JSON.stringify({ key })).toString('base64url');
  return listOf(reg, req, chunk, {
    continue: next,
    remainingItemCount: items.length - start - limit,
  });
}
