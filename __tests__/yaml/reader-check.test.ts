/**
 * go-yaml v2's reader refuses input that is not valid UTF-8 or holds control characters
 * (go-yaml/yaml v2 readerc.go yaml_parser_update_buffer); the problem has no line, and
 * sigs.k8s.io/yaml wraps it as `error converting YAML to JSON: yaml: <problem>`. Raw bytes are
 * held as U+DC80..U+DCFF (util/go-bytes.ts); `b(x)` below is byte x.
 */
import { describe, expect, it } from '@jest/globals';
import { helmFuncMap } from '../../src/engine/helm-funcs.js';
import { TemplateSet } from '../../src/gotemplate/template.js';
import { ManifestParseError, sortManifests } from '../../src/manifest/sort.js';
import { yamlToGo } from '../../src/yaml/index.js';

const b = (x: number): string => String.fromCharCode(0xdc00 + x);
const PREFIX = 'error converting YAML to JSON: yaml: ';

describe('reader problems', () => {
  it.each([
    ['a stray continuation byte', `a: ${b(0x80)}\n`, 'invalid leading UTF-8 octet'],
    ['a Latin-1 byte', `a: caf${b(0xe9)} au lait\n`, 'invalid trailing UTF-8 octet'],
    ['an 0xFF byte', `a: ${b(0xff)}\n`, 'invalid leading UTF-8 octet'],
    ['a sequence cut at the end', `a: x${b(0xe2)}${b(0x82)}`, 'incomplete UTF-8 octet sequence'],
    ['an overlong sequence', `a: ${b(0xc0)}${b(0x80)}\n`, 'invalid length of a UTF-8 sequence'],
    ['an encoded surrogate', `a: ${b(0xed)}${b(0xa0)}${b(0x80)}\n`, 'invalid Unicode character'],
    [
      'a value above U+10FFFF',
      `a: ${b(0xf4)}${b(0x90)}${b(0x80)}${b(0x80)}\n`,
      'invalid Unicode character',
    ],
    ['a bad byte in a comment', `# ${b(0x80)}\na: 1\n`, 'invalid leading UTF-8 octet'],
    ['a NUL character', 'a: x\u0000\n', 'control characters are not allowed'],
    ['an escape character', 'a: \u001b[0m\n', 'control characters are not allowed'],
    ['U+FFFE', 'a: \ufffe\n', 'control characters are not allowed'],
  ])('%s', (_name, text, problem) => {
    expect(() => yamlToGo(text)).toThrow(PREFIX + problem);
  });

  it.each([
    ['escaped bytes that spell a valid rune', `a: ${b(0xc3)}${b(0xa9)}\n`, { a: 'é' }],
    ['tab, NEL and non-BMP text', 'a: "x\ty\u0085z😀"\n', { a: 'x\ty\u0085z😀' }],
    ['a byte order mark', '\ufeffa: 1\n', { a: 1 }],
  ])('%s is accepted', (_name, text, want) => {
    expect({ ...(yamlToGo(text) as object) }).toEqual(want);
  });
});

describe('where Helm surfaces it', () => {
  it('fromYaml returns it in the Error key', () => {
    const set = new TemplateSet({ funcs: helmFuncMap() });
    set.parse('t', '{{ (fromYaml (printf "a: %s" (substr 1 2 "é"))).Error }}');
    expect(set.execute('t', null)).toBe(PREFIX + 'invalid leading UTF-8 octet');
  });

  it('a rendered manifest with a raw byte fails to sort', () => {
    const files = new Map([['c/templates/cm.yaml', `kind: ConfigMap\ndata: ${b(0xc3)}x\n`]]);
    expect(() => sortManifests(files)).toThrow(ManifestParseError);
    expect(() => sortManifests(files)).toThrow(
      'YAML parse error on c/templates/cm.yaml: ' + PREFIX + 'invalid trailing UTF-8 octet',
    );
  });
});
