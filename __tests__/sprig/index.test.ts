/**
 * The assembled sprig function map: exactly the names /work/shared/docs/sprig-functions.md lists
 * (Masterminds/sprig v3.2.3 functions.go genericMap) minus `env` and `expandenv`, which Helm
 * removes (helm/helm pkg/engine/funcs.go). The document's list omits two names genericMap has,
 * `push` and `mustPush` (registered on the same line as `append`/`mustAppend` in functions.go);
 * they are aliases Helm charts can call, so the map has them too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { sprigFuncs } from '../../src/sprig/index.js';

const DOC = '/work/shared/docs/sprig-functions.md';
const ALIASES_MISSING_FROM_DOC = ['push', 'mustPush'];

function documentedNames(): string[] {
  const text = readFileSync(DOC, 'utf8');
  const names: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('- **')) continue;
    for (const m of line.matchAll(/`([^`]+)`/g)) names.push(m[1] as string);
  }
  return names;
}

describe('sprigFuncs()', () => {
  it('the document lists 208 names', () => {
    expect(documentedNames()).toHaveLength(208);
  });

  it('registers exactly the documented names minus env/expandenv, plus push/mustPush', () => {
    const want = documentedNames().filter((n) => n !== 'env' && n !== 'expandenv');
    want.push(...ALIASES_MISSING_FROM_DOC);
    expect([...sprigFuncs().keys()].sort()).toEqual(want.sort());
  });

  it('names every function value after its key, and returns a fresh map each call', () => {
    const funcs = sprigFuncs();
    for (const [name, f] of funcs) expect(f.name).toBe(name);
    expect(sprigFuncs()).not.toBe(funcs);
  });

  it('hello and fail', () => {
    const funcs = sprigFuncs();
    expect(funcs.get('hello')?.impl()).toBe('Hello!');
    expect(() => funcs.get('fail')?.impl('boom')).toThrow('boom');
    expect(funcs.get('fail')?.signature.returnsError).toBe(true);
  });
});
