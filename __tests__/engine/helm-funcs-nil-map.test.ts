/**
 * Typed nil maps from Helm's conversion functions and sprig's dict functions. Expectations from
 * the Go sources: helm/helm pkg/engine/funcs.go fromJSON (json.Unmarshal of `null` into &m sets
 * the map to nil, encoding/json decode.go literalStore) vs fromYAML (sigs.k8s.io/yaml decodes
 * into `&o`, an interface holding &m, so `null` clears o and m stays the empty non-nil map),
 * Masterminds/sprig v3.2.3 dict.go (unset/merge return their nil dst; set panics), imdario/mergo
 * v0.3.11 deepMerge (a nil dst map is replaced only for a non-nil src), mitchellh/copystructure
 * (a nil map copies as nil), BurntSushi/toml v1.6.0 encode.go isNil (nil maps are skipped).
 */
import { describe, expect, it } from '@jest/globals';
import { helmFuncMap } from '../../src/engine/helm-funcs.js';
import { TemplateSet } from '../../src/gotemplate/template.js';

function render(src: string): string {
  const set = new TemplateSet({ funcs: helmFuncMap() });
  set.parse('t', src);
  return set.execute('t', null);
}

const NIL = '(fromJson "null")';

describe('fromJson "null" is a nil map', () => {
  it.each([
    ['toJson prints null', `{{ ${NIL} | toJson }}`, 'null'],
    ['toYaml prints null', `{{ ${NIL} | toYaml }}`, 'null'],
    ['len is 0', `{{ ${NIL} | len }}`, '0'],
    ['range is empty', `{{ range ${NIL} }}x{{ else }}none{{ end }}`, 'none'],
    ['%v prints map[]', `{{ printf "%v" ${NIL} }}`, 'map[]'],
    ['it is falsy', `{{ if ${NIL} }}t{{ else }}f{{ end }}`, 'f'],
    ['kindOf is map', `{{ kindOf ${NIL} }}`, 'map'],
    ['inside a dict', `{{ dict "m" ${NIL} | toJson }}`, '{"m":null}'],
    ['an empty object stays {}', '{{ fromJson "{}" | toJson }}', '{}'],
    ['fromYaml "null" is an empty, non-nil map', '{{ fromYaml "null" | toJson }}', '{}'],
    ['fromYaml "" is an empty, non-nil map', '{{ fromYaml "" | toJson }}', '{}'],
    ['fromToml "" is an empty, non-nil map', '{{ fromToml "" | toJson }}', '{}'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });
});

describe('sprig dict functions on nil maps', () => {
  it.each([
    ['unset returns the nil map', `{{ unset ${NIL} "a" | toJson }}`, 'null'],
    ['unset of nil returns a nil map', '{{ unset nil "a" | toJson }}', 'null'],
    ['merge with no source keeps it nil', `{{ merge ${NIL} | toJson }}`, 'null'],
    ['merge with a nil source keeps it nil', `{{ merge ${NIL} ${NIL} | toJson }}`, 'null'],
    ['merge of nil with nothing is nil', '{{ merge nil | toJson }}', 'null'],
    ['merge into a nil map makes a new one', `{{ merge ${NIL} (dict "a" 1) | toJson }}`, '{"a":1}'],
    [
      'a nil map value takes the src map',
      `{{ $d := dict "m" ${NIL} }}{{ $s := dict "m" (dict "a" 1) }}{{ merge $d $s | toJson }}`,
      '{"m":{"a":1}}',
    ],
    [
      'a nil map value is not written to',
      `{{ $n := ${NIL} }}{{ $d := dict "m" $n }}{{ $_ := merge $d (dict "m" (dict "a" 1)) }}{{ $n | toJson }}`,
      'null',
    ],
    ['mergeOverwrite keeps it nil', `{{ mergeOverwrite ${NIL} | toJson }}`, 'null'],
    ['deepCopy keeps it nil', `{{ deepCopy ${NIL} | toJson }}`, 'null'],
    ['pick makes a new map', `{{ pick ${NIL} "a" | toJson }}`, '{}'],
    ['omit makes a new map', `{{ omit ${NIL} "a" | toJson }}`, '{}'],
    ['hasKey is false', `{{ hasKey ${NIL} "a" }}`, 'false'],
    ['toToml skips a nil map value', `{{ dict "m" ${NIL} "b" 1 | toToml }}`, 'b = 1\n'],
  ])('%s', (_name, src, want) => {
    expect(render(src)).toBe(want);
  });

  it('set on a nil map panics', () => {
    expect(() => render(`{{ set ${NIL} "a" 1 }}`)).toThrow('assignment to entry in nil map');
  });
});
