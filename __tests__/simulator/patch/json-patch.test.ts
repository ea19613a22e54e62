// RFC 6902 appendix A examples, and the failure cases the API server turns into errors.
import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../src/simulator/errors.js';
import type { Json } from '../../../src/simulator/json.js';
import { jsonPatch } from '../../../src/simulator/patch/json-patch.js';

const OK: Array<[string, Json, Json, Json]> = [
  [
    'A.1 add an object member',
    { foo: 'bar' },
    [{ op: 'add', path: '/baz', value: 'qux' }],
    { baz: 'qux', foo: 'bar' },
  ],
  [
    'A.2 add an array element',
    { foo: ['bar', 'baz'] },
    [{ op: 'add', path: '/foo/1', value: 'qux' }],
    { foo: ['bar', 'qux', 'baz'] },
  ],
  [
    'A.3 remove an object member',
    { baz: 'qux', foo: 'bar' },
    [{ op: 'remove', path: '/baz' }],
    { foo: 'bar' },
  ],
  [
    'A.4 remove an array element',
    { foo: ['bar', 'qux', 'baz'] },
    [{ op: 'remove', path: '/foo/1' }],
    { foo: ['bar', 'baz'] },
  ],
  [
    'A.5 replace a value',
    { baz: 'qux', foo: 'bar' },
    [{ op: 'replace', path: '/baz', value: 'boo' }],
    { baz: 'boo', foo: 'bar' },
  ],
  [
    'A.6 move a value',
    { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
    [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
    { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
  ],
  [
    'A.7 move an array element',
    { foo: ['all', 'grass', 'cows', 'eat'] },
    [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
    { foo: ['all', 'cows', 'eat', 'grass'] },
  ],
  [
    'A.8 test success',
    { baz: 'qux', foo: ['a', 2, 'c'] },
    [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ],
    { baz: 'qux', foo: ['a', 2, 'c'] },
  ],
  [
    'A.10 add a nested member',
    { foo: 'bar' },
    [{ op: 'add', path: '/child', value: { grandchild: {} } }],
    { foo: 'bar', child: { grandchild: {} } },
  ],
  [
    'A.14 ~ escaping',
    { '/': 9, '~1': 10 },
    [{ op: 'test', path: '/~01', value: 10 }],
    { '/': 9, '~1': 10 },
  ],
  [
    'A.16 add an array value',
    { foo: ['bar'] },
    [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
    { foo: ['bar', ['abc', 'def']] },
  ],
  ['copy', { a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }], { a: { b: 1 }, c: { b: 1 } }],
];

const FAIL: Array<[string, Json, Json]> = [
  ['A.9 test failure', { baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]],
  [
    'A.12 add to a nonexistent target',
    { foo: 'bar' },
    [{ op: 'add', path: '/baz/bat', value: 'qux' }],
  ],
  ['remove a missing member', { foo: 'bar' }, [{ op: 'remove', path: '/nope' }]],
  ['replace a missing member', { foo: 'bar' }, [{ op: 'replace', path: '/nope', value: 1 }]],
  ['unknown op', { foo: 'bar' }, [{ op: 'frobnicate', path: '/foo' }]],
];

describe('jsonPatch (RFC 6902 appendix A)', () => {
  it.each(OK)('%s', (_name, doc, patch, result) => {
    expect(jsonPatch(doc, patch)).toEqual(result);
  });

  it.each(FAIL)('%s is refused', (_name, doc, patch) => {
    expect(() => jsonPatch(doc, patch)).toThrow(ApiError);
  });

  it('leaves the input untouched', () => {
    const doc = { a: [1, 2] };
    jsonPatch(doc, [{ op: 'remove', path: '/a/0' }]);
    expect(doc).toEqual({ a: [1, 2] });
  });
});
