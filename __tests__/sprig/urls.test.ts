/**
 * Sprig urlParse / urlJoin (sprig v3.2.3 url.go) over Go's net/url. Expected values from real
 * Helm v3.11.3 output in ../shared/conformance/generated, sprig's url_test.go, and net/url rules.
 */
import { describe, expect, it } from '@jest/globals';
import { FuncError } from '../../src/gotemplate/functions.js';
import type { GoMap, GoValue } from '../../src/gotemplate/values.js';
import { GoInt, newMap } from '../../src/gotemplate/values.js';
import { urlFuncs } from '../../src/sprig/urls.js';

const F = Object.fromEntries(urlFuncs.map((f) => [f.name, f]));
const parse = (s: string): GoMap => F.urlParse.impl(s) as GoMap;
const join = (entries: Record<string, GoValue>): GoValue =>
  F.urlJoin.impl(newMap(Object.entries(entries)));
const KEYS = ['scheme', 'host', 'hostname', 'path', 'query', 'opaque', 'fragment', 'userinfo'];

describe('urlParse', () => {
  it.each<[string, Record<string, string>]>([
    [
      'http://user:pw@example.com:8080/a/b?x=1&y=2#frag',
      {
        fragment: 'frag',
        host: 'example.com:8080',
        hostname: 'example.com',
        path: '/a/b',
        query: 'x=1&y=2',
        scheme: 'http',
        userinfo: 'user:pw',
      },
    ],
    ['https://example.com', { host: 'example.com', hostname: 'example.com', scheme: 'https' }],
    ['mailto:someone@example.com', { opaque: 'someone@example.com', scheme: 'mailto' }],
    ['ftp://h/a%20b', { host: 'h', hostname: 'h', path: '/a b', scheme: 'ftp' }],
    [
      'http://[::1]:80/%7Euser',
      { host: '[::1]:80', hostname: '::1', path: '/~user', scheme: 'http' },
    ],
    ['/relative/path?q', { path: '/relative/path', query: 'q' }],
    [
      'HTTP://Example.COM/',
      { scheme: 'http', host: 'Example.COM', hostname: 'Example.COM', path: '/' },
    ],
    [
      'http://a%40b:p%3Aw@h/',
      { scheme: 'http', host: 'h', hostname: 'h', path: '/', userinfo: 'a%40b:p%3Aw' },
    ],
    ['http://h/#a%20b', { scheme: 'http', host: 'h', hostname: 'h', path: '/', fragment: 'a b' }],
    ['', {}],
  ])('%j', (raw, want) => {
    const got = parse(raw);
    expect(Object.keys(got).sort()).toEqual([...KEYS].sort());
    for (const k of KEYS) expect([k, got[k]]).toEqual([k, want[k] ?? '']);
  });

  it.each<[string, string]>([
    ['http://[::1', 'unable to parse url: parse "http://[::1": missing \']\' in host'],
    [
      'http://h:port/',
      'unable to parse url: parse "http://h:port/": invalid port ":port" after host',
    ],
    [
      '1a:b/c',
      'unable to parse url: parse "1a:b/c": first path segment in URL cannot contain colon',
    ],
    ['://x', 'unable to parse url: parse "://x": missing protocol scheme'],
    ['http://h/%zz', 'unable to parse url: parse "http://h/%zz": invalid URL escape "%zz"'],
    [
      'http://h\n',
      'unable to parse url: parse "http://h\\n": net/url: invalid control character in URL',
    ],
  ])('panics on %j', (raw, msg) => {
    expect(() => parse(raw)).toThrow(new FuncError(msg));
  });
});

describe('urlJoin', () => {
  it.each<[Record<string, GoValue>, string]>([
    [{ scheme: 'https', host: 'a.b:9', path: '', query: 'a=1' }, 'https://a.b:9?a=1'],
    [{ scheme: 'https', host: 'a.b:9', path: '/x', query: 'a=1' }, 'https://a.b:9/x?a=1'],
    [{ scheme: 'https', host: 'h.io', path: 'y z', query: 'a=1' }, 'https://h.io/y%20z?a=1'],
    [
      { scheme: 'http', host: 'host:80', path: '/path', query: 'query', fragment: 'fragment' },
      'http://host:80/path?query#fragment',
    ],
    [{ scheme: 'mailto', opaque: 'someone@example.com' }, 'mailto:someone@example.com'],
    [{ scheme: 'http', host: 'h', userinfo: 'user:pw' }, 'http://user:pw@h'],
    [{ host: 'h', userinfo: 'a%40b' }, '//a%40b@h'],
    [{ path: 'a:b' }, './a:b'],
    [{ scheme: 'http', host: 'h', fragment: 'a b!' }, 'http://h#a%20b!'],
    [{}, ''],
  ])('%j', (dict, want) => {
    expect(join(dict)).toBe(want);
  });

  it.each([
    'http://user:pw@example.com:8080/a/b?x=1#f',
    'https://example.com/p',
    'http://[::1]:80/%7Euser',
    'mailto:someone@example.com',
  ])('round-trips urlParse output: %j', (raw) => {
    expect(F.urlJoin.impl(parse(raw))).toBe(raw.replace('%7E', '~'));
  });

  it('panics on a non-string value like sprig dictGetOrEmpty', () => {
    expect(() => join({ host: new GoInt(1, 'int') })).toThrow(
      new FuncError('unable to parse host key, must be of type string, but int found'),
    );
    expect(() => join({ path: 1.5 })).toThrow(
      'unable to parse path key, must be of type string, but float64 found',
    );
  });
});
