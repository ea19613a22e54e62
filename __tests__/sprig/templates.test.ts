/**
 * The data functions inside real templates (argument conversion by the executor, printing by
 * fmt), re-expressing the template cases of Masterminds/sprig strings_test.go, numeric_test.go,
 * list_test.go, dict_test.go, defaults_test.go and reflect_test.go (`runt(tpl, expect)`).
 */
import { describe, expect, it } from '@jest/globals';
import { TemplateSet } from '../../src/gotemplate/template.js';
import { funcMap } from '../../src/gotemplate/functions.js';
import { newMap, stringSlice } from '../../src/gotemplate/values.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { conversionFuncs } from '../../src/sprig/conversion.js';
import { defaultFuncs } from '../../src/sprig/defaults.js';
import { dictFuncs } from '../../src/sprig/dicts.js';
import { encodingFuncs } from '../../src/sprig/encoding.js';
import { listFuncs } from '../../src/sprig/lists.js';
import { mathFuncs } from '../../src/sprig/math.js';
import { pathFuncs } from '../../src/sprig/paths.js';
import { reflectFuncs } from '../../src/sprig/reflect.js';
import { stringFuncs } from '../../src/sprig/strings.js';

const funcs = funcMap(
  ...conversionFuncs,
  ...defaultFuncs,
  ...dictFuncs,
  ...encodingFuncs,
  ...listFuncs,
  ...mathFuncs,
  ...pathFuncs,
  ...reflectFuncs,
  ...stringFuncs,
);

function render(text: string, data: GoValue = null): string {
  const set = new TemplateSet({ funcs });
  set.parse('t', text);
  return set.execute('t', data);
}

describe('sprig template cases', () => {
  it.each([
    ['{{"fooo" | substr 0 3 }}', 'foo'],
    ['{{ "baaaaaar" | trunc -3 }}', 'aar'],
    ['{{quote 1 2 3 }}', '"1" "2" "3"'],
    ['{{$b := "b"}}{{"c" | cat "a" $b}}', 'a b c'],
    ['{{$v := "foo$bar$baz" | split "$"}}{{$v._0}}', 'foo'],
    ['{{$v := "foo$bar$baz" | splitn "$" 2}}{{$v._1}}', 'bar$baz'],
    ['{{ $s := list 1 2 3 | toStrings }}{{ index $s 1 | kindOf }}', 'string'],
    ['{{ tuple 1 2 3 | join "-" }}', '1-2-3'],
    ['{{ list "c" "a" "b" | sortAlpha | join "" }}', 'abc'],
    ['{{$num := len "two"}}{{$num}} {{$num | plural "1 char" "chars"}}', '3 chars'],
    ['{{range $i, $e := until 5}}{{$i}}{{$e}}{{end}}', '0011223344'],
    ['{{range $i, $e := untilStep 0 -10 -2}}{{$i}}{{$e}} {{end}}', '00 1-2 2-4 3-6 4-8 '],
    ['{{ biggest 1 2 3 345 5 6 7}}', '345'],
    ['{{ maxf 1 2 3 345.7 5 6 7}}', '345.7'],
    ['{{ 3 | add1 }}', '4'],
    ['{{ 3.4 | add1f }}', '4.4'],
    ['{{ 3 | addf 1.5 2.2}}', '6.7'],
    ['{{ 2 | divf 5 4 }}', '0.625'],
    ['{{ 1 | mul "2" 3 "4"}}', '24'],
    ['{{ 1.2 | mulf "2.4" 10 "4"}}', '115.2'],
    ['{{ 3 | subf 4.5 1 }}', '0.5'],
    ['{{seq 0 3 10}}', '0 3 6 9'],
    ['{{ int "0x1F" }} {{ int64 "010" }} {{ int "3.7" }} {{ atoi "+9" }}', '31 8 0 9'],
    ['{{ float64 "42" | add1f }}', '43'],
    ['{{ list 1 2 3 | rest | toJson }}', '[2,3]'],
    ['{{ list 1 2 3 4 5 | chunk 2 }}', '[[1 2] [3 4] [5]]'],
    ['{{ slice (list 1 2 3 4 5) 1 3 }}', '[2 3]'],
    ['{{ has 4 (list 1 2 3 4) }}', 'true'],
    ['{{ list 1 2 1 3 | uniq }}', '[1 2 3]'],
    ['{{ $d := dict "a" 1 "b" 2 }}{{ keys $d | sortAlpha }} {{ pluck "a" $d }}', '[a b] [1]'],
    [
      '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ hasKey $d "b" }} {{ get $d "b" }}',
      'true 2',
    ],
    ['{{ dig "a" "b" "none" (dict "a" (dict "b" "found")) }}', 'found'],
    ['{{ merge (dict "a" 1) (dict "a" 2 "b" 3) | toJson }}', '{"a":1,"b":3}'],
    ['{{ mergeOverwrite (dict "a" 1) (dict "a" 2 "b" 3) | toJson }}', '{"a":2,"b":3}'],
    ['{{ "" | default "foo" }} {{ 0 | default 7 }} {{ "x" | default "foo" }}', 'foo 7 x'],
    ['{{ coalesce 0 "" "z" }} {{ empty list }} {{ ternary "y" "n" true }}', 'z true y'],
    [
      '{{ typeOf 1 }} {{ typeOf 1.5 }} {{ kindOf (list) }} {{ typeIs "string" "x" }}',
      'int float64 slice true',
    ],
    ['{{ deepEqual 1 1.0 }} {{ deepEqual (list 1) (list 1) }}', 'false true'],
    [
      '{{ b64enc "coffee" }} {{ b64dec "Y29mZmVl" }} {{ b32dec "MNXWMZTFMU======" }}',
      'Y29mZmVl coffee coffee',
    ],
    [
      '{{ base "foo/bar.txt" }} {{ ext "foo/bar.txt" }} {{ dir "foo/bar.txt" }} {{ isAbs "/x" }}',
      'bar.txt .txt foo true',
    ],
    ['{{ "hello" | upper | repeat 2 }}', 'HELLOHELLO'],
    ['{{ toPrettyJson (dict "a" (list 1)) }}', '{\n  "a": [\n    1\n  ]\n}'],
    ['{{ .v | quote }}|{{ .v | squote }}|{{ .v | default "d" }}', '||d'],
  ])('%s', (tpl, want) => {
    expect(
      render(
        tpl,
        newMap([
          ['v', null],
          ['s', stringSlice(['b', 'a'])],
        ]),
      ),
    ).toBe(want);
  });

  it.each([
    ['{{ mustFirst "foo" }}', 'error calling mustFirst: Cannot find first on type string'],
    ['{{ div 1 0 }}', 'error calling div: runtime error: integer divide by zero'],
    ['{{ mod 5 0 }}', 'error calling mod: runtime error: integer divide by zero'],
    [
      '{{ substr 5 2 "hello" }}',
      'error calling substr: runtime error: slice bounds out of range [5:2]',
    ],
    [
      '{{ list 1 2 | slice 1 }}',
      'error calling slice: list should be type of slice or array but int',
    ],
    [
      '{{ slice "foo" 1 }}',
      'error calling slice: list should be type of slice or array but string',
    ],
    [
      '{{ dig "a" "b" "d" (dict "a" "s") }}',
      'error calling dig: interface conversion: interface {} is string, not map[string]interface {}',
    ],
    [
      '{{ mustFromJson "{bad" }}',
      "error calling mustFromJson: invalid character 'b' looking for beginning of object key string",
    ],
  ])('%s fails with %s', (tpl, msg) => {
    expect(() => render(tpl)).toThrow(msg);
  });
});
