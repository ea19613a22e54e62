/**
 * YAML → Go values the way Helm decodes them: go-yaml v2 `Unmarshal` into interface{} (first
 * document only, YAML 1.1 resolution, anchors, `<<` merges in document order, duplicate keys
 * last-wins), then sigs.k8s.io/yaml's `convertToJSONableObject` (keys to strings) and the JSON
 * round trip (every number becomes a float64).
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar } from 'yaml';
import type { Alias, Document, Node as YNode, Pair } from 'yaml';
import type { GoMap, GoValue } from '../gotemplate/values.js';
import { newMap } from '../gotemplate/values.js';
import { fastDecode } from './fast-decode.js';
import { formatFloatG } from './go-float.js';
import { resolvePlain } from './resolve.js';
import type { Resolved } from './resolve.js';
import { indentFlowContinuations } from './flow-indent.js';
import { goYamlErrorFor, tabError } from './parse-errors.js';
import { hasEscapedBytes, normalizeEscapes } from '../gotemplate/go-utf8.js';
import { readerProblem } from './reader-check.js';
import { rejectedTabOffset } from './tab-check.js';
import { YamlError } from './yaml-error.js';

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** A decoded YAML value before the JSON step: keys may still be non-strings. */
type Key = string | boolean | null | { int: bigint } | { float: number };

interface Context {
  anchors: Map<string, YNode>;
  /** Aliases being expanded (go-yaml: "anchor 'x' value contains itself"). */
  expanding: Set<string>;
  /** Where the input ends when it ends without a line break (else -1). */
  unterminatedEnd: number;
}

/** Parse the first YAML document of `text` with go-yaml v2's rules (errors as go-yaml words them). */
export function firstDocument(text: string): Document.Parsed | undefined {
  const problem = readerProblem(text);
  if (problem !== undefined) fail(problem);
  const doc = parseFirst(text);
  const errors = doc?.errors ?? [];
  const tab = rejectedTabOffset(text);
  if (tab !== undefined && (errors.length === 0 || errors[0]!.pos[0] >= tab)) {
    throw tabError(text, tab);
  }
  const first = errors[0];
  if (!first) return doc;
  if (errors.some((e) => e.message.startsWith('Flow ') && e.code === 'BAD_INDENT')) {
    const retry = parseFirst(indentFlowContinuations(text));
    if (retry && retry.errors.length === 0) return retry;
  }
  throw goYamlErrorFor(text, first);
}

function parseFirst(text: string): Document.Parsed | undefined {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    schema: 'failsafe',
    uniqueKeys: false,
    merge: false,
    strict: false,
    prettyErrors: false,
  });
  return Array.isArray(docs) ? docs[0] : undefined;
}

/** Decode `text` as sigs.k8s.io/yaml.Unmarshal into interface{} (null for an empty stream). */
export function decodeYaml(input: string): GoValue {
  // Escaped bytes that passed the reader check spell valid UTF-8: read them as their runes.
  const text = hasEscapedBytes(input) ? normalizeEscapes(input) : input;
  if (readerProblem(text) === undefined) {
    const fast = fastDecode(text);
    if (fast !== undefined) return fast;
  }
  return decodeGeneral(text);
}

/**
 * {@link decodeYaml} without the fast path (fast-decode.ts): the `yaml` package's parser with
 * go-yaml v2's semantics. Exported for the tests that hold the fast path to it.
 */
export function decodeYamlGeneral(input: string): GoValue {
  return decodeGeneral(hasEscapedBytes(input) ? normalizeEscapes(input) : input);
}

function decodeGeneral(text: string): GoValue {
  const doc = firstDocument(text);
  if (!doc || doc.contents === null) return null;
  const ctx: Context = {
    anchors: new Map(),
    expanding: new Set(),
    unterminatedEnd: /[\n\r]$/.test(text) ? -1 : text.length,
  };
  return toGo(doc.contents as YNode, ctx);
}

function fail(msg: string): never {
  throw new YamlError(`error converting YAML to JSON: yaml: ${msg}`);
}

function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? '!!' + tag.slice(TAG_PREFIX.length) : tag;
}

function register(node: YNode, ctx: Context): void {
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor) ctx.anchors.set(anchor, node);
}

function deref(node: YNode, ctx: Context): { node: YNode; name?: string } {
  if (!isAlias(node)) return { node };
  const name = (node as Alias).source;
  const target = ctx.anchors.get(name);
  if (!target) fail(`unknown anchor '${name}' referenced`);
  if (ctx.expanding.has(name)) fail(`anchor '${name}' value contains itself`);
  return { node: target, name };
}

function toGo(node: YNode, ctx: Context): GoValue {
  const { node: n, name } = deref(node, ctx);
  if (name) ctx.expanding.add(name);
  try {
    if (!name) register(n, ctx);
    if (isScalar(n)) return scalarToGo(n, ctx);
    if (isSeq(n)) return n.items.map((item) => toGo(item as YNode, ctx));
    if (isMap(n)) {
      const out = newMap();
      fillMap(out, n.items as Pair<YNode, YNode>[], ctx);
      return out;
    }
    return null;
  } finally {
    if (name) ctx.expanding.delete(name);
  }
}

/** The JSON step: integers and floats become float64; NaN/Inf cannot be marshalled. */
function jsonNumber(r: Resolved): GoValue {
  if (r.tag === 'int') return Number(r.value);
  if (r.tag === 'float') {
    if (!Number.isFinite(r.value)) {
      throw new YamlError(
        `error converting YAML to JSON: json: unsupported value: ${formatFloatG(r.value)}`,
      );
    }
    return r.value;
  }
  return r.value;
}

/**
 * A block scalar running into the end of input has no final line break to keep: libyaml's
 * scan_block_scalar gives `a` for `s: |\n  a` at EOF, the `yaml` package `a\n`. Helm meets this
 * constantly: toYaml trims its last newline and manifests are trimmed before parsing.
 */
function scalarText(n: Scalar, ctx: Context): string {
  const text = String(n.value ?? '');
  const block = n.type === Scalar.BLOCK_LITERAL || n.type === Scalar.BLOCK_FOLDED;
  if (block && n.range?.[1] === ctx.unterminatedEnd && text.endsWith('\n')) {
    return text.slice(0, -1);
  }
  return text;
}

function resolveScalar(n: Scalar, ctx: Context): Resolved {
  const text = scalarText(n, ctx);
  const tag = n.tag;
  const plain = n.type === Scalar.PLAIN || n.type === undefined;
  if (!tag || tag === '!') {
    return plain ? resolvePlain(text) : { tag: 'str', value: text };
  }
  const short = shortTag(tag);
  switch (short) {
    case '!!str':
      return { tag: 'str', value: text };
    case '!!binary':
      return { tag: 'str', value: decodeBinary(text) };
    case '!!int':
    case '!!float':
    case '!!bool':
    case '!!null':
    case '!!timestamp': {
      const r = resolvePlain(text);
      const want = short.slice(2);
      if (r.tag === want) return r;
      if (want === 'float' && r.tag === 'int') return { tag: 'float', value: Number(r.value) };
      if (want === 'timestamp' && r.tag === 'timestamp') return r;
      const got = r.tag === 'timestamp' ? 'timestamp' : r.tag;
      return fail(`cannot decode !!${got} \`${text}\` as a ${short}`);
    }
    default:
      return { tag: 'str', value: text };
  }
}

const INT64_MAX = 2n ** 63n - 1n;

/** base64.StdEncoding.DecodeString as go-yaml uses it for !!binary (line breaks ignored). */
function decodeBinary(text: string): string {
  const b64 = text.replace(/[\r\n]/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    return fail('!!binary value contains invalid base64 data');
  }
  return Buffer.from(b64, 'base64').toString('utf8');
}

function scalarToGo(n: Scalar, ctx: Context): GoValue {
  return jsonNumber(resolveScalar(n, ctx));
}

function isMergeKey(k: YNode | null): boolean {
  return (
    k !== null &&
    isScalar(k) &&
    k.value === '<<' &&
    ((k.type === Scalar.PLAIN && !k.tag) || shortTag(k.tag ?? '') === '!!merge')
  );
}

function keyOf(node: YNode | null, ctx: Context): Key {
  if (node === null) return null;
  const { node: n } = deref(node, ctx);
  if (!isAlias(node)) register(n, ctx);
  if (isScalar(n)) {
    const r = resolveScalar(n, ctx);
    switch (r.tag) {
      case 'int':
        return { int: r.value };
      case 'float':
        return { float: r.value };
      case 'bool':
        return r.value;
      case 'null':
        return null;
      default:
        return r.value;
    }
  }
  return fail(
    `invalid map key: ${isSeq(n) ? '[]interface {}{...}' : 'map[interface {}]interface {}{...}'}`,
  );
}

/** sigs.k8s.io/yaml convertToJSONableObject: map keys to strings (float keys at 32-bit precision). */
function keyString(k: Key, valueText: () => string): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (k === null) {
    throw new YamlError(
      `error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ${valueText()}`,
    );
  }
  if ('int' in k) {
    // go-yaml resolves integers beyond int64 to uint64, a key type JSON conversion refuses.
    if (k.int > INT64_MAX) {
      throw new YamlError(
        `error converting YAML to JSON: unsupported map key of type: uint64, key: 0x${k.int.toString(16)}, value: ${valueText()}`,
      );
    }
    return k.int.toString();
  }
  const s = formatFloatG(k.float, 32);
  if (s === '+Inf') return '.inf';
  if (s === '-Inf') return '-.inf';
  if (s === 'NaN') return '.nan';
  return s;
}

function mergeInto(out: GoMap, value: YNode, ctx: Context): void {
  const wantMap = (): never => fail('map merge requires map or sequence of maps as the value');
  const { node: target } = deref(value, ctx);
  if (isMap(target)) {
    const merged = toGo(value, ctx) as GoMap;
    for (const k of Object.keys(merged)) out[k] = merged[k] as GoValue;
    return;
  }
  if (!isSeq(target)) return wantMap();
  register(target, ctx);
  // Earlier maps take precedence: go-yaml v2 merges the list backwards.
  for (let i = target.items.length - 1; i >= 0; i--) {
    const item = target.items[i] as YNode;
    if (!isMap(deref(item, ctx).node)) wantMap();
    const merged = toGo(item, ctx) as GoMap;
    for (const k of Object.keys(merged)) out[k] = merged[k] as GoValue;
  }
}

function fillMap(out: GoMap, pairs: Pair<YNode, YNode>[], ctx: Context): void {
  for (const pair of pairs) {
    const keyNode = pair.key as YNode | null;
    if (isMergeKey(keyNode)) {
      if (pair.value) mergeInto(out, pair.value as YNode, ctx);
      else fail('map merge requires map or sequence of maps as the value');
      continue;
    }
    const key = keyOf(keyNode, ctx);
    const value = pair.value ? toGo(pair.value as YNode, ctx) : null;
    out[keyString(key, () => describeValue(value))] = value;
  }
}

/** Go's %+#v of a decoded value, for the null-key error (scalars exactly, collections roughly). */
function describeValue(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[]interface {}{...}';
  return 'map[interface {}]interface {}{...}';
}
