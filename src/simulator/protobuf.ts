/**
 * Kubernetes protobuf request bodies (k8s.io/apimachinery runtime/serializer/protobuf), as
 * kubectl's typed `create` subcommands send them (`application/vnd.kubernetes.protobuf`): the
 * `k8s\0` magic, a runtime.Unknown envelope (typeMeta, raw), and the object message decoded by
 * the field table generated from k8s.io/api's generated.proto files
 * (scripts/gen-proto-schema.mjs → proto-schema.generated.ts) into the JSON the rest of the
 * simulator takes. Kinds outside the table are answered 415 by the caller, as a server answers
 * for a type it has no protobuf codec for.
 *
 * JSON mapping as the apiserver's Go structs marshal after a protobuf decode: zero scalars of
 * non-pointer omitempty fields are dropped (gogo writes every non-pointer scalar; the table says
 * which fields are such, from types.go), meta/v1 Time becomes RFC 3339
 * (null when zero), Quantity its string, IntOrString its int or string, RawExtension and
 * FieldsV1 their embedded JSON, bytes base64.
 */
import { badRequest } from './errors.js';
import type { JsonObject, Json } from './json.js';
import { MESSAGES, ROOTS } from './proto-schema.generated.js';

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  /** A varint as a bigint (uint64). */
  big(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw badRequest('unexpected EOF in protobuf varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
    throw badRequest('protobuf varint overflow');
  }
  varint(): number {
    return Number(this.big());
  }
  /** A varint read as a signed 64-bit integer (int32/int64 encode negatives in 10 bytes). */
  signed(): number {
    return Number(BigInt.asIntN(64, this.big()));
  }
  bytes(): Uint8Array {
    const n = this.varint();
    if (this.pos + n > this.buf.length) throw badRequest('unexpected EOF in protobuf field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  fixed(n: 4 | 8): DataView {
    if (this.pos + n > this.buf.length) throw badRequest('unexpected EOF in protobuf field');
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return view;
  }
  skip(wire: number): void {
    if (wire === 0) this.big();
    else if (wire === 2) this.bytes();
    else if (wire === 1) this.fixed(8);
    else if (wire === 5) this.fixed(4);
    else throw badRequest(`unsupported protobuf wire type ${wire}`);
  }
}

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

const META_V1 = 'k8s.io.apimachinery.pkg.apis.meta.v1.';
const TIME = `${META_V1}Time`;
const MICRO_TIME = `${META_V1}MicroTime`;
const DURATION = `${META_V1}Duration`;
const FIELDS_V1 = `${META_V1}FieldsV1`;
const QUANTITY = 'k8s.io.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'k8s.io.apimachinery.pkg.util.intstr.IntOrString';
const RAW_EXTENSION = 'k8s.io.apimachinery.pkg.runtime.RawExtension';

/** A Go duration string (time.Duration.String) of nanoseconds. */
function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let rest = Math.abs(ns);
  if (rest < 1e9) {
    const [unit, div] = rest < 1e3 ? ['ns', 1] : rest < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    return `${sign}${rest / div}${unit}`;
  }
  const h = Math.floor(rest / 3.6e12);
  rest -= h * 3.6e12;
  const m = Math.floor(rest / 6e10);
  rest -= m * 6e10;
  const s = `${rest / 1e9}s`;
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}`;
}

/** The JSON form of the well-known apimachinery messages, or undefined for ordinary ones. */
function wellKnown(type: string, buf: Uint8Array): { value: Json } | undefined {
  if (
    type !== TIME &&
    type !== MICRO_TIME &&
    type !== DURATION &&
    type !== FIELDS_V1 &&
    type !== QUANTITY &&
    type !== INT_OR_STRING &&
    type !== RAW_EXTENSION
  )
    return undefined;
  const plain = decodeMessage(buf, type);
  switch (type) {
    case TIME:
    case MICRO_TIME: {
      const seconds = Number(plain.seconds ?? 0);
      const nanos = Number(plain.nanos ?? 0);
      if (seconds === 0 && nanos === 0) return { value: null };
      const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
      if (type === TIME) return { value: `${iso}Z` };
      return { value: `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` };
    }
    case DURATION:
      return { value: goDuration(Number(plain.duration ?? 0)) };
    case QUANTITY:
      return { value: (plain.string as string | undefined) ?? '0' };
    case INT_OR_STRING:
      return {
        value: plain.type === 1 ? ((plain.strVal as string) ?? '') : Number(plain.intVal ?? 0),
      };
    case RAW_EXTENSION:
    case FIELDS_V1: {
      const raw = (plain.raw ?? plain.Raw) as string | undefined;
      if (!raw) return { value: null };
      try {
        return { value: JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Json };
      } catch {
        throw badRequest(`invalid JSON in embedded ${type.slice(type.lastIndexOf('.') + 1)}`);
      }
    }
  }
  return undefined;
}

/** One scalar of `type` (wire type `wire`), or a message. Strings are kept even when empty. */
function decodeValue(r: Reader, type: string): Json {
  switch (type) {
    case 'string':
      return text(r.bytes());
    case 'bytes':
      return b64(r.bytes());
    case 'bool':
      return r.varint() !== 0;
    case 'int32':
    case 'int64':
      return r.signed();
    case 'double':
      return r.fixed(8).getFloat64(0, true);
    case 'float':
      return r.fixed(4).getFloat32(0, true);
    default: {
      const buf = r.bytes();
      const known = wellKnown(type, buf);
      return known ? known.value : decodeMessage(buf, type);
    }
  }
}

const NUMERIC = new Set(['bool', 'int32', 'int64', 'double', 'float']);

function decodeMessage(buf: Uint8Array, type: string): JsonObject {
  const schema = MESSAGES[type];
  if (!schema) throw badRequest(`no protobuf schema for ${type}`);
  const r = new Reader(buf);
  const out: JsonObject = {};
  while (!r.done) {
    const key = r.varint();
    const num = Math.floor(key / 8);
    const wire = key & 7;
    const f = schema[num];
    if (!f) {
      r.skip(wire);
      continue;
    }
    const [name, ftype, repeated, omitZero] = f;
    if (ftype.startsWith('map:')) {
      const valueType = ftype.slice(4);
      const entry = new Reader(r.bytes());
      let k = '';
      let v: Json = valueType === 'string' || valueType === 'bytes' ? '' : {};
      while (!entry.done) {
        const ek = entry.varint();
        if (ek >> 3 === 1) k = text(entry.bytes());
        else if (ek >> 3 === 2) v = decodeValue(entry, valueType);
        else entry.skip(ek & 7);
      }
      ((out[name] ??= {}) as JsonObject)[k] = v;
    } else if (repeated) {
      const list = (out[name] ??= []) as Json[];
      if (wire === 2 && NUMERIC.has(ftype)) {
        // packed
        const packed = new Reader(r.bytes());
        while (!packed.done) list.push(decodeValue(packed, ftype));
      } else list.push(decodeValue(r, ftype));
    } else {
      const value = decodeValue(r, ftype);
      if (value === null || (omitZero && (value === '' || value === 0 || value === false)))
        delete out[name];
      else out[name] = value;
    }
  }
  return out;
}

/** Whether the simulator decodes protobuf bodies of `apiVersion`/`kind`. */
export function protobufKindSupported(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in ROOTS;
}

/** The runtime.Unknown envelope of a body (after the magic): its type and raw object. */
export function decodeEnvelope(body: Uint8Array): {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
} {
  const envelope = new Reader(body.subarray(4));
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array(0);
  while (!envelope.done) {
    const key = envelope.varint();
    if (key >> 3 === 2 && (key & 7) === 2) raw = envelope.bytes();
    else if (key >> 3 === 1 && (key & 7) === 2) {
      const tm = decodeMessage(envelope.bytes(), 'k8s.io.apimachinery.pkg.runtime.TypeMeta');
      apiVersion = (tm.apiVersion as string | undefined) ?? '';
      kind = (tm.kind as string | undefined) ?? '';
    } else envelope.skip(key & 7);
  }
  return { apiVersion, kind, raw };
}

/**
 * A protobuf request body as a JSON object, or undefined when its kind is not one decoded here.
 * A body without the magic prefix is the server's 400.
 */
export function decodeProtobufBody(body: Uint8Array, kind: string): JsonObject | undefined {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${kind}): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]`,
    );
  }
  const { apiVersion, kind: objKind, raw } = decodeEnvelope(body);
  const type = ROOTS[`${apiVersion}/${objKind}`];
  if (!type) return undefined;
  return { apiVersion, kind: objKind, ...decodeMessage(raw, type) };
}
