/**
 * Helm's toYamlPretty (pkg/engine/funcs.go): go-yaml v3 `Encoder` with SetIndent(2) applied to
 * the Go value directly, without the JSON detour. So float64 values print through strconv 'g'
 * (`1e+06`), ints as ints, []byte as a sequence of numbers, struct fields under their
 * lower-cased names, keys in v3's keyList order, and block sequences under a key are indented.
 */
import type { GoValue } from '../gotemplate/values.js';
import { GoFuncValue, GoInt, GoStruct } from '../gotemplate/values.js';
import type { EmitNode } from './emitter.js';
import { emitDocument } from './emitter.js';
import { sortKeys } from './key-order.js';
import { floatText, MarshalError, stringStyle } from './marshal.js';
import type { GoJsonMarshaler } from '../gojson/index.js';

function toNode(v: GoValue): EmitNode {
  if (v === null) return { kind: 'scalar', value: 'null', style: 'plain' };
  if (typeof v === 'boolean') return { kind: 'scalar', value: String(v), style: 'plain' };
  if (typeof v === 'number') return { kind: 'scalar', value: floatText(v), style: 'plain' };
  if (typeof v === 'string')
    return { kind: 'scalar', value: v, style: stringStyle(v, { v3: true }) };
  if (v instanceof GoInt) return { kind: 'scalar', value: v.value.toString(), style: 'plain' };
  if (v instanceof Uint8Array) {
    return { kind: 'seq', items: Array.from(v, (b) => toNode(new GoInt(b, 'uint8'))) };
  }
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(toNode) };
  if (v instanceof GoFuncValue) throw new MarshalError('cannot marshal type: func');
  if (v instanceof GoStruct && v.goType.name === 'time.Time') {
    // encoder.timev: RFC 3339 with nanoseconds, plain (the JSON form without its quotes).
    const text = (v as Partial<GoJsonMarshaler>).toGoJson?.();
    if (typeof text === 'string') return { kind: 'scalar', value: text, style: 'plain' };
  }
  if (v instanceof GoStruct) {
    return {
      kind: 'map',
      entries: v.fieldNames.map((f): [EmitNode, EmitNode] => [
        { kind: 'scalar', value: f.toLowerCase(), style: 'plain' },
        toNode(v.field(f)),
      ]),
    };
  }
  const keys = sortKeys(Object.keys(v), { v3: true });
  return {
    kind: 'map',
    entries: keys.map((k): [EmitNode, EmitNode] => [
      { kind: 'scalar', value: k, style: stringStyle(k, { v3: true }) },
      toNode(v[k] as GoValue),
    ]),
  };
}

/** go-yaml v3 Encoder{SetIndent(2)}.Encode(v) output (Helm trims the final newline). */
export function marshalYamlV3(v: GoValue): string {
  return emitDocument(toNode(v), { flavour: 'v3' });
}
