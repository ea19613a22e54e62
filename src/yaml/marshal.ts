/**
 * Helm's toYaml: sigs.k8s.io/yaml.Marshal = encoding/json.Marshal, then JSONToYAML, which
 * re-reads the JSON with go-yaml v2 (integers without '.'/exponent become ints, other numbers
 * floats, strings stay strings) and emits it with go-yaml v2's encoder (encode.go: stringv picks
 * literal for text with '\n', plain when the text would read back as a string, else double
 * quotes; floatv prints strconv 'g' -1; map keys in keyList order).
 */
import { JsonMarshalError, toJsonTree, type JsonNode } from '../gojson/index.js';
import type { GoValue } from '../gotemplate/values.js';
import type { EmitNode, ScalarStyle } from './emitter.js';
import { emitDocument } from './emitter.js';
import { formatFloatG } from './go-float.js';
import { sortKeys } from './key-order.js';
import { isBase60Float, resolvePlain } from './resolve.js';

/** A JSON document tree as encoding/json would write it (numbers kept as text). */
type Json = JsonNode;

/** Thrown for values encoding/json refuses (funcs, NaN, ±Inf): Helm's toYaml then returns "". */
export class MarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarshalError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encoding/json replaces invalid UTF-8 with U+FFFD; a lone surrogate is JS's equivalent. */
function replaceInvalidUtf8(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/** encoding/json.Marshal of a Go value (gojson's toJsonTree; its refusals as MarshalError). */
export function toJson(v: GoValue): Json {
  try {
    return toJsonTree(v);
  } catch (err) {
    if (err instanceof JsonMarshalError) throw new MarshalError(err.message);
    throw err;
  }
}

/** go-yaml v2 stringv: the style it asks the emitter for. */
export function stringStyle(s: string, opts: { v3: boolean }): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  const r = resolvePlain(s);
  let plain = r.tag === 'str' && !isBase60Float(s);
  if (opts.v3) plain = resolvesToStringV3(s);
  return plain ? 'plain' : 'double';
}

const OLD_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const OLD_BOOLS_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/**
 * go-yaml v3 quotes what its YAML 1.2-style resolver reads as non-strings, plus isBase60Float
 * and isOldBool; v3's resolver accepts the same numeric spellings as v2 here, so only the
 * YAML 1.1 booleans differ and isOldBool quotes those too.
 */
function resolvesToStringV3(s: string): boolean {
  if (OLD_BOOLS.has(s) || OLD_BOOLS_FALSE.has(s) || isBase60Float(s)) return false;
  return resolvePlain(s).tag === 'str';
}

function scalar(value: string, style: ScalarStyle): EmitNode {
  return { kind: 'scalar', value, style };
}

/** The JSON number as go-yaml v2 re-reads it (int or float) and then prints it. */
function numberNode(text: string): EmitNode {
  const r = resolvePlain(text);
  if (r.tag === 'int') return scalar(r.value.toString(), 'plain');
  if (r.tag === 'float') return scalar(floatText(r.value), 'plain');
  return scalar(text, 'plain');
}

/** go-yaml encode.go floatv. */
export function floatText(f: number): string {
  const s = formatFloatG(f, 64);
  if (s === '+Inf') return '.inf';
  if (s === '-Inf') return '-.inf';
  if (s === 'NaN') return '.nan';
  return s;
}

/** JSONToYAML: the JSON tree re-read by go-yaml v2 and laid out for its emitter. */
function jsonToEmit(j: Json): EmitNode {
  if (j === null) return scalar('null', 'plain');
  if (typeof j === 'boolean') return scalar(j ? 'true' : 'false', 'plain');
  if (typeof j === 'string') {
    const s = replaceInvalidUtf8(j);
    return scalar(s, stringStyle(s, { v3: false }));
  }
  if (Array.isArray(j)) return { kind: 'seq', items: j.map(jsonToEmit) };
  if ('num' in j) return numberNode(j.num);
  // Duplicate keys cannot occur (Go maps); go-yaml sorts the keys again with keyList.
  const members = j.obj.map(([k, v]): [string, Json] => [replaceInvalidUtf8(k), v]);
  const values = new Map(members);
  const keys = sortKeys(
    members.map(([k]) => k),
    { v3: false },
  );
  return {
    kind: 'map',
    entries: keys.map((k): [EmitNode, EmitNode] => [
      scalar(k, stringStyle(k, { v3: false })),
      jsonToEmit(values.get(k) ?? null),
    ]),
  };
}

/** sigs.k8s.io/yaml.Marshal(v) as text (Helm's toYaml before it trims the final newline). */
export function marshalYamlV2(v: GoValue): string {
  return emitDocument(jsonToEmit(toJson(v)));
}
