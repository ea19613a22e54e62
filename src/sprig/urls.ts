/**
 * Sprig's `urlParse` and `urlJoin` (Masterminds/sprig v3.2.3 url.go) over a port of Go's
 * net/url. Both panic in Go on bad input; the panics are modelled as FuncError.
 */
import { FuncError, fn } from '../gotemplate/functions.js';
import type { GoFuncValue, GoMap } from '../gotemplate/values.js';
import { kindName, mapGet, newMap } from '../gotemplate/values.js';
import type { GoURL } from './go-url.js';
import { UrlError, hostname, parseURL, urlString, userinfoString } from './go-url.js';

/** url.Parse, with sprig's panic on error. */
function urlParse(v: string): GoMap {
  let u: GoURL;
  try {
    u = parseURL(v);
  } catch (e) {
    if (e instanceof UrlError) throw new FuncError(`unable to parse url: ${e.message}`);
    throw e;
  }
  return newMap([
    ['scheme', u.scheme],
    ['host', u.host],
    ['hostname', hostname(u.host)],
    ['path', u.path],
    ['query', u.rawQuery],
    ['opaque', u.opaque],
    ['fragment', u.fragment],
    ['userinfo', u.user ? userinfoString(u.user) : ''],
  ]);
}

/** sprig's dictGetOrEmpty: a missing key is "", a non-string value panics. */
function dictGetOrEmpty(d: GoMap, key: string): string {
  const value = mapGet(d, key);
  if (value === undefined) return '';
  // reflect.TypeOf(nil).Kind() dereferences a nil Type.
  if (value === null)
    throw new FuncError('runtime error: invalid memory address or nil pointer dereference');
  if (typeof value !== 'string') {
    throw new FuncError(
      `unable to parse ${key} key, must be of type string, but ${kindName(value)} found`,
    );
  }
  return value;
}

function urlJoin(d: GoMap): string {
  const u: GoURL = {
    scheme: dictGetOrEmpty(d, 'scheme'),
    host: dictGetOrEmpty(d, 'host'),
    path: dictGetOrEmpty(d, 'path'),
    rawQuery: dictGetOrEmpty(d, 'query'),
    opaque: dictGetOrEmpty(d, 'opaque'),
    fragment: dictGetOrEmpty(d, 'fragment'),
    forceQuery: false,
    omitHost: false,
  };
  const userinfo = dictGetOrEmpty(d, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseURL(`proto://${userinfo}@host`).user;
    } catch (e) {
      if (e instanceof UrlError)
        throw new FuncError(`unable to parse userinfo in dict: ${e.message}`);
      throw e;
    }
  }
  return urlString(u);
}

export const urlFuncs: GoFuncValue[] = [
  fn('urlParse', { params: ['string'] }, urlParse),
  fn('urlJoin', { params: ['map'] }, urlJoin),
];
