/**
 * Helm's conversion functions (helm/helm pkg/engine/funcs.go) where Go's library behaviour shows
 * through: BurntSushi/toml v1.6.0 (Helm 3.20+) errors and panics, and nil vs empty lists from
 * fromJsonArray / fromYamlArray. Expectations from Helm v3.21.4 funcs_test.go and the generated
 * corpus (fz6, fz82, fz88).
 */
import { describe, expect, it } from '@jest/globals';
import { helmFuncMap } from '../../src/engine/helm-funcs.js';
import { TemplateSet } from '../../src/gotemplate/template.js';

function render(src: string): string {
  const set = new TemplateSet({ funcs: helmFuncMap() });
  set.parse('t', src);
  return set.execute('t', null);
}

describe('toToml', () => {
  it.each([
    ['a map', '{{ dict "foo" "bar" | toToml }}', 'foo = "bar"\n'],
    ['a top-level string (v1.3+: a bare value)', '{{ toToml "s" }}', '"s"'],
    [
      'an encoding error is returned as text',
      '{{ list 1 nil | toToml }}',
      'toml: cannot encode array with nil element',
    ],
    [
      'a top-level list of tables has no key',
      '{{ list (dict "a" 1) | toToml }}',
      'toml: top-level values must be Go maps or structs',
    ],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it('a Go panic inside Encode fails the render', () => {
    expect(() => render('{{ toToml nil }}')).toThrow(
      'error calling toToml: reflect: call of reflect.Value.Type on zero Value',
    );
  });
});

describe('fromToml', () => {
  it.each([
    [
      'funcs_test.go: a parse error',
      '{{ fromToml "one" }}',
      "map[Error:toml: line 1: unexpected EOF; expected key separator '=']",
    ],
    ['a table', '{{ fromToml "[t]\\nk = 1" }}', 'map[t:map[k:1]]'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });
});

// encoding/json: Unmarshal of `null` into the slice sets it to nil (fromJsonArray). sigs.k8s.io/yaml
// decodes through an interface holding the slice pointer, so `null` leaves fromYamlArray's list
// empty but not nil.
describe('nil and empty lists', () => {
  it.each([
    ['fromJsonArray of null (fz88)', '{{ fromJsonArray "null" | toJson }}', 'null'],
    ['fromJsonArray of []', '{{ fromJsonArray "[]" | toJson }}', '[]'],
    ['fromYamlArray of null (fz6)', '{{ fromYamlArray "null" | toJson }}', '[]'],
    [
      'a nil regexFindAll through toJson and fromJsonArray',
      '{{ regexFindAll "x" "abc" -1 | toJson | fromJsonArray | toJson }}',
      'null',
    ],
    [
      'a nil regexFindAll through deepCopy',
      '{{ regexFindAll "x" "abc" -1 | deepCopy | toJson }}',
      'null',
    ],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });
});
