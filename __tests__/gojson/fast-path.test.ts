/**
 * unmarshalJson's JSON.parse fast path (issue 10: a stored release is megabytes of JSON) gives
 * exactly what the Go-exact decoder gives, and leaves every input where Go's rules differ from
 * the engine's (invalid UTF-8, unpaired surrogate escapes, float64 overflow, Go's nesting
 * limit, syntax errors) to that decoder.
 */
import { describe, expect, it } from '@jest/globals';
import { unmarshalJson, unmarshalJsonExact } from '../../src/gojson/decode.js';

type Outcome = { value: string; nullProto: boolean } | { error: string; type: string };

/** The value as JSON plus whether every object is a null-prototype map, or the error. */
function outcome(decode: () => unknown): Outcome {
  try {
    const v = decode();
    let nullProto = true;
    const walk = (x: unknown): void => {
      if (x === null || typeof x !== 'object') return;
      if (!Array.isArray(x) && Object.getPrototypeOf(x) !== null) nullProto = false;
      for (const c of Object.values(x)) walk(c);
    };
    walk(v);
    return { value: JSON.stringify(v), nullProto };
  } catch (e) {
    return { error: (e as Error).message, type: (e as Error).name };
  }
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

const cases: Array<[string, string | Uint8Array]> = [
  ['nested objects and arrays', '{"a": [1, 2.5, -0, 1e300, {"b": null}], "c": {"d": true}}'],
  ['a __proto__ key', '{"__proto__": {"x": 1}, "y": 2}'],
  ['duplicate keys (last wins)', '{"a": 1, "b": 2, "a": 3}'],
  ['escapes', '"tab\\t quote\\" \\u00e9 \\u2028 \\/"'],
  ['a paired surrogate escape', '"\\ud83d\\ude00"'],
  ['an unpaired surrogate escape (Go: U+FFFD)', '"\\ud800x"'],
  ['float64 overflow (Go: an unmarshal error)', '[1e400]'],
  ['a syntax error', '{"a": 1,}'],
  ['trailing data', '{} {}'],
  ['a BOM', '\ufeff{}'],
  ['bytes', bytes('{"k": ["v", 1]}')],
  ['invalid UTF-8 bytes (Go: U+FFFD)', new Uint8Array([0x22, 0x61, 0xff, 0x22])],
  ['a raw-byte string (go-utf8 escapes)', '"a\udcff"'],
  ['nesting beyond Go limit', '['.repeat(10001) + ']'.repeat(10001)],
  ['nesting at the fast path limit', '['.repeat(9001) + ']'.repeat(9001)],
  ['null', 'null'],
];

describe('unmarshalJson fast path', () => {
  it.each(cases)('%s: the same as the Go-exact decoder', (_name, input) => {
    expect(outcome(() => unmarshalJson(input))).toEqual(outcome(() => unmarshalJsonExact(input)));
  });

  it('returns null-prototype maps from the fast path', () => {
    const v = unmarshalJson('{"a": {"b": 1}}') as Record<string, Record<string, number>>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.getPrototypeOf(v.a)).toBeNull();
    expect(v.a!.b).toBe(1);
  });
});
