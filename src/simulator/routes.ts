/**
 * URL → request target, following the API server's path layout:
 * /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUB]] and /apis/GROUP/VERSION/... .
 */
import type { Catalogue, ResourceType } from './discovery.js';
import { badRequest, pageNotFound } from './errors.js';

export type Target =
  | { kind: 'discovery'; path: string }
  | {
      kind: 'resource';
      type: ResourceType;
      version: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    };

export function parseTarget(pathname: string, catalogue: Catalogue): Target {
  let parts: string[];
  try {
    parts = pathname
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
  } catch {
    throw badRequest(`invalid URL escape in ${JSON.stringify(pathname)}`);
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return { kind: 'discovery', path: `/${parts.join('/')}` };
  if (!rest.length) return { kind: 'discovery', path: `/${parts.join('/')}` };
  if (!catalogue.hasGroupVersion(group, version)) throw pageNotFound();
  const lookup = (plural: string): ResourceType => {
    const t = catalogue.lookup(group, version, plural);
    if (!t) throw pageNotFound();
    return t;
  };
  const namespaceSub =
    group === '' && rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize');
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceSub) {
    const type = lookup(rest[2]);
    if (!type.namespaced) throw pageNotFound();
    return resource(type, version, rest[1], rest[3], rest[4], rest.length > 5);
  }
  const type = lookup(rest[0]);
  if (type.namespaced && rest.length > 1) throw pageNotFound();
  return resource(type, version, undefined, rest[1], rest[2], rest.length > 3);
}

function resource(
  type: ResourceType,
  version: string,
  namespace: string | undefined,
  name: string | undefined,
  sub: string | undefined,
  extra: boolean,
): Target {
  if (extra) throw pageNotFound();
  if (
    sub !== undefined &&
    !type.subresources.includes(sub) &&
    !(type.plural === 'namespaces' && sub === 'finalize')
  )
    throw pageNotFound();
  return {
    kind: 'resource',
    type,
    version,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(sub !== undefined ? { subresource: sub } : {}),
  };
}
