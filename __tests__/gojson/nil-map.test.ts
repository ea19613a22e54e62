/**
 * Typed nil maps in the value model (values.ts nilMap) as encoding/json and
 * sigs.k8s.io/yaml print them: a nil map marshals as `null` (golang/go encoding/json encode.go
 * mapEncoder: `if v.IsNil() { e.WriteString("null") }`), an empty one as `{}`.
 */
import { describe, expect, it } from '@jest/globals';
import { marshalJson } from '../../src/gojson/index.js';
import { marshalYaml } from '../../src/yaml/index.js';
import {
  STRING_MAP,
  isNilMap,
  newMap,
  nilMap,
  typeName,
  untypedView,
  type GoValue,
} from '../../src/gotemplate/values.js';

describe('nilMap', () => {
  it.each<[string, GoValue, string, string]>([
    ['a nil map', nilMap(), 'null', 'null\n'],
    ['an empty map', newMap(), '{}', '{}\n'],
    ['a nil map[string]string', nilMap(STRING_MAP), 'null', 'null\n'],
    ['a nil map inside a map', newMap([['a', nilMap()]]), '{"a":null}', 'a: null\n'],
    ['a nil map inside a list', [nilMap(), newMap()], '[null,{}]', '- null\n- {}\n'],
  ])('%s', (_name, v, json, yaml) => {
    expect(marshalJson(v)).toBe(json);
    expect(marshalYaml(v)).toBe(yaml);
  });

  it('keeps its type tag', () => {
    expect(typeName(nilMap(STRING_MAP))).toBe('map[string]string');
    expect(typeName(nilMap())).toBe('map[string]interface {}');
  });

  it.each<[string, () => GoValue, boolean]>([
    ['a nil map', () => nilMap(), true],
    ['an empty map', () => newMap(), false],
    ['nil', () => null, false],
    ['an empty list', () => [], false],
    ['a nil map seen untyped', () => untypedView(nilMap(STRING_MAP)), true],
    [
      'a nil map that was written to (no longer empty)',
      () => {
        const m = nilMap();
        m['a'] = 1;
        return m;
      },
      false,
    ],
  ])('isNilMap of %s', (_name, make, want) => {
    expect(isNilMap(make())).toBe(want);
  });
});
