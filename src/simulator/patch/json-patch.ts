/** JSON patch (RFC 6902): add, remove, replace, move, copy, test; errors are the server's 422/500 text. */
import { ApiError } from '../errors.js';
import { clone, deepEqual, isObject, type Json } from '../json.js';

function fail(message: string): ApiError {
  return new ApiError(422, 'Invalid', message);
}

function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  if (!ptr.startsWith('/'))
    throw fail(`the server rejected our request due to an error in our request`);
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, path: string[]): { parent: Json; key: string } {
  let cur: Json = doc;
  for (const seg of path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur)
      ? cur[Number(seg)]
      : isObject(cur)
        ? cur[seg]
        : undefined;
    if (next === undefined) throw fail(`doc is missing path: "/${path.join('/')}": missing value`);
    cur = next;
  }
  return { parent: cur, key: path[path.length - 1] };
}

function get(doc: Json, path: string[]): Json {
  if (!path.length) return doc;
  const { parent, key } = parentOf(doc, path);
  const v = Array.isArray(parent)
    ? parent[Number(key)]
    : isObject(parent)
      ? parent[key]
      : undefined;
  if (v === undefined) throw fail(`doc is missing path: "/${path.join('/')}": missing value`);
  return v;
}

function remove(doc: Json, path: string[]): Json {
  const { parent, key } = parentOf(doc, path);
  const v = get(doc, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isObject(parent)) delete parent[key];
  return v;
}

function add(doc: Json, path: string[], value: Json, replace: boolean): Json {
  if (!path.length) return value;
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const idx = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(idx) || idx < 0 || idx > parent.length)
      throw fail(`add operation does not apply: doc is missing path: "/${path.join('/')}"`);
    if (replace) parent[idx] = value;
    else parent.splice(idx, 0, value);
  } else if (isObject(parent)) {
    if (replace && !(key in parent))
      throw fail(
        `replace operation does not apply: doc is missing key: /${path.join('/')}: missing value`,
      );
    parent[key] = value;
  } else throw fail(`doc is missing path: "/${path.join('/')}": missing value`);
  return doc;
}

export function jsonPatch(target: Json, patch: Json): Json {
  if (!Array.isArray(patch))
    throw new ApiError(
      400,
      'BadRequest',
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  let doc = clone(target);
  for (const op of patch) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string')
      throw fail('Unexpected kind: <nil>');
    const path = parsePointer(op.path);
    const value = op.value === undefined ? null : clone(op.value);
    switch (op.op) {
      case 'add':
        doc = add(doc, path, value, false);
        break;
      case 'replace':
        doc = add(doc, path, value, true);
        break;
      case 'remove':
        remove(doc, path);
        break;
      case 'move':
      case 'copy': {
        const from = parsePointer(String(op.from ?? ''));
        const v = op.op === 'move' ? remove(doc, from) : clone(get(doc, from));
        doc = add(doc, path, v, false);
        break;
      }
      case 'test':
        if (!deepEqual(get(doc, path), value))
          throw fail(`testing value /${path.join('/')} failed: test failed`);
        break;
      default:
        throw fail(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}
