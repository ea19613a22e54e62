/**
 * The YAML fast path (src/yaml/fast-decode.ts) agrees with the general decoder on every text it
 * accepts, and hands everything outside its subset (or in error) to it. Cases are the shapes
 * rendered manifests and values files are made of, and the YAML corners the subset must refuse.
 */
import { describe, expect, it } from '@jest/globals';
import { decodeYaml, decodeYamlGeneral } from '../../src/yaml/decode.js';
import { fastDecode } from '../../src/yaml/fast-decode.js';

const accepted: Array<[string, string]> = [
  ['empty', ''],
  ['comments only', '# Source: c/templates/x.yaml\n  # indented\n'],
  [
    'scalars resolved by go-yaml v2',
    "a: 1\nb: 1.5\nc: yes\nd: ~\ne: \"1\"\nf: 'it''s'\ng: 0x1F\nh: 2001-12-14\ni: 1e3\n",
  ],
  [
    'nested maps and compact sequences',
    'metadata:\n  name: x\n  labels:\n    a: b\nitems:\n- a\n- b: 1\n  c: 2\n-\n  - x\n',
  ],
  [
    'indented sequences with compact mappings',
    'spec:\n  containers:\n    - name: c\n      args:\n        - --flag=1\n        - -v\n      ports:\n      - 80\n',
  ],
  [
    'literal block scalars',
    'a: |\n  line 1\n\n  line 3\n\nb: |-\n    x\n      y\nc: |\nd: | # comment\n  z\n',
  ],
  ['a literal at the end of unterminated input', 'data:\n  f: |\n    x\n    y'],
  ['empty flow collections, alone on a line too', 'a: {}\nb: []\nc:\n  {}\nd:\n  - []\n'],
  ['single-line flow collections', 'a: [x, "y, z", 1]\nb: {k: v, "q": 2}\n'],
  ['nested flow collections', 'a: [[1], [], {}]\nb: {k: [v, {w: "x, y"}], l: {}}\n'],
  // Pod anti-affinity of kube-prometheus-stack's Alertmanager and Prometheus.
  [
    'flow mappings as sequence entries',
    'm:\n  - {key: app.kubernetes.io/name, operator: In, values: [alertmanager]}\n  -   {key: a, values: [b, c]}  # d\no:\n- [1, 2]\n',
  ],
  ['flow scalars resolved by go-yaml v2', 'a: [1, 1.5, true, ~, "2", \'x y\', yes, 0x10]\n'],
  ['comments after values and between entries', 'a: b # c\n    # deeper comment\nd: "e" # f\n'],
  ['double-quoted escapes', 'a: "x\\ty\\n\\"q\\" \\u00e9 \\\\ \\/"\n'],
  ['duplicate keys, last wins', 'a: 1\nb: 2\na: 3\n'],
  ['keys with colons and quotes', 'http://x: 1\n"a: b": 2\n\'c\': 3\n'],
  ['a root indented mapping', '  a: 1\n  b: 2\n'],
  // CRD descriptions wrap this way (kube-prometheus-stack's CRDs, issue 10's dry-run plan).
  [
    'multi-line plain scalars, folded',
    'a: one\n  two   \n\n  three\n\n\n  `four` --five [6] "7" *8\nb: 1\n  2\nc:\n- k: x\n    y\n',
  ],
  ['multi-line plain scalars in sequences', 'x:\n- a\n b\n-   c\n    d\n'],
  [
    'multi-line single-quoted scalars, folded',
    "a: 'one ''q''\n  two  \n\n  three'  # c\nb: '\n  x'\n",
  ],
  [
    'multi-line double-quoted scalars, folded before escapes',
    'a: "one\\n\n  two \\"x\\" \\u00e9"\nb: 1\n',
  ],
  ['a deeper comment after a plain scalar', 'a: null\n  # - b\n  #   c\nd: 1\n    # e\n'],
  ['a multi-line scalar at the end of unterminated input', "a: x\n  y\nb: 'p\n  q'"],
];

const refused: Array<[string, string]> = [
  ['anchors and aliases', 'a: &x 1\nb: *x\n'],
  ['merge keys', 'a: {}\n<<: {b: 1}\n'],
  ['tags', 'a: !!str 1\n'],
  ['non-string keys', '1: a\n'],
  ['folded scalars', 'a: >\n  x\n'],
  ['keep chomping', 'a: |+\n  x\n\n'],
  ['a comment inside a multi-line plain scalar', 'a: b\n  c #d\n'],
  ['a comment line inside a multi-line plain scalar', 'a: b\n  #c\n  d\n'],
  ['a sequence-entry-like continuation', 'a: b\n  - c\n'],
  ['a mapping-like continuation', 'a: b\n  c: d\n'],
  ['a quoted continuation not indented deeper', 'x:\n  y: "a\n  b"\n'],
  ['an escaped line break', 'a: "b\\\n  c"\n'],
  ['text after a multi-line quoted scalar', "a: 'b\n  c' d\n"],
  ['a flow sequence not closed on its line', 'a: [1,\n  2]\n'],
  ['a flow mapping with a plain key holding a colon', 'a: {b:c: d}\n'],
  ['a flow mapping with a non-string key', 'a: {1: x}\n'],
  ['a flow merge key', 'a: {<<: {b: 1}}\n'],
  ['a trailing comma in a flow collection', 'a: [1, ]\n'],
  ['text after a flow collection', 'a: [1] x\n'],
  ['a flow mapping as a compact mapping key', '- {a: 1}: x\n'],
  ['tabs', 'a:\tb\n'],
  ['a mapping value on a key line', 'a: b: c\n'],
  ['a sequence inside a mapping at the same indent with a value', 'a: 1\n- b\n'],
  ['document markers', '---\na: 1\n'],
  ['a root scalar', 'hello\n'],
];

describe('fast path (decodeYaml)', () => {
  it.each(accepted)('decodes %s as the general decoder does', (_name, text) => {
    const fast = fastDecode(text);
    expect(fast).not.toBeUndefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(decodeYamlGeneral(text)));
  });

  it.each(refused)('leaves %s to the general decoder', (_name, text) => {
    expect(fastDecode(text)).toBeUndefined();
    let general: unknown;
    try {
      general = JSON.stringify(decodeYamlGeneral(text));
    } catch (e) {
      general = (e as Error).message;
    }
    let whole: unknown;
    try {
      whole = JSON.stringify(decodeYaml(text));
    } catch (e) {
      whole = (e as Error).message;
    }
    expect(whole).toBe(general);
  });

  it('keeps the values exact', () => {
    expect(fastDecode('a: |\n  x\nb: [1, "2"]\nc: 010\n')).toEqual({ a: 'x\n', b: [1, '2'], c: 8 });
  });
});
