/**
 * Kubernetes protobuf request bodies (k8s.io/apimachinery runtime/serializer/protobuf), for the
 * kinds kubectl's typed `create` subcommands send as `application/vnd.kubernetes.protobuf`
 * (`kubectl create configmap|secret|namespace|serviceaccount`): the `k8s\0` magic, a
 * runtime.Unknown envelope (typeMeta, raw), and the object message decoded by the field numbers
 * of k8s.io/api's generated.proto into the JSON the rest of the simulator takes. Other kinds are
 * answered 415 by the caller, as a server answers for a type it cannot decode.
 */
import { badRequest } from './errors.js';
import type { JsonObject } from './json.js';

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw badRequest('unexpected EOF in protobuf varint');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result;
      mul *= 128;
    }
    throw badRequest('protobuf varint overflow');
  }
  bytes(): Uint8Array {
    const n = this.varint();
    if (this.pos + n > this.buf.length) throw badRequest('unexpected EOF in protobuf field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 2) this.bytes();
    else if (wire === 1) this.pos += 8;
    else if (wire === 5) this.pos += 4;
    else throw badRequest(`unsupported protobuf wire type ${wire}`);
  }
}

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

type Field =
  | { name: string; kind: 'string' | 'bool' | 'int' }
  | { name: string; kind: 'strings' }
  | { name: string; kind: 'map'; bytes?: boolean }
  | { name: string; kind: 'message'; schema: Schema; repeated?: boolean };
type Schema = Record<number, Field>;

const OBJECT_META: Schema = {
  1: { name: 'name', kind: 'string' },
  2: { name: 'generateName', kind: 'string' },
  3: { name: 'namespace', kind: 'string' },
  5: { name: 'uid', kind: 'string' },
  6: { name: 'resourceVersion', kind: 'string' },
  7: { name: 'generation', kind: 'int' },
  11: { name: 'labels', kind: 'map' },
  12: { name: 'annotations', kind: 'map' },
  14: { name: 'finalizers', kind: 'strings' },
};
const META: Field = { name: 'metadata', kind: 'message', schema: OBJECT_META };
const LOCAL_REF: Schema = { 1: { name: 'name', kind: 'string' } };

/** The kinds decoded, by `apiVersion/kind`. */
const SCHEMAS: Record<string, Schema> = {
  'v1/ConfigMap': {
    1: META,
    2: { name: 'data', kind: 'map' },
    3: { name: 'binaryData', kind: 'map', bytes: true },
    4: { name: 'immutable', kind: 'bool' },
  },
  'v1/Secret': {
    1: META,
    2: { name: 'data', kind: 'map', bytes: true },
    3: { name: 'type', kind: 'string' },
    4: { name: 'stringData', kind: 'map' },
    5: { name: 'immutable', kind: 'bool' },
  },
  'v1/Namespace': {
    1: META,
    2: {
      name: 'spec',
      kind: 'message',
      schema: { 1: { name: 'finalizers', kind: 'strings' } },
    },
  },
  'v1/ServiceAccount': {
    1: META,
    3: { name: 'imagePullSecrets', kind: 'message', schema: LOCAL_REF, repeated: true },
    4: { name: 'automountServiceAccountToken', kind: 'bool' },
  },
};

function decodeMessage(buf: Uint8Array, schema: Schema): JsonObject {
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
    switch (f.kind) {
      case 'string':
        out[f.name] = text(r.bytes());
        break;
      case 'bool':
        out[f.name] = r.varint() !== 0;
        break;
      case 'int':
        out[f.name] = r.varint();
        break;
      case 'strings':
        ((out[f.name] ??= []) as string[]).push(text(r.bytes()));
        break;
      case 'map': {
        const entry = new Reader(r.bytes());
        let k = '';
        let v = '';
        while (!entry.done) {
          const ek = entry.varint();
          const b = entry.bytes();
          if (ek >> 3 === 1) k = text(b);
          else if (ek >> 3 === 2) v = f.bytes ? b64(b) : text(b);
        }
        ((out[f.name] ??= {}) as JsonObject)[k] = v;
        break;
      }
      case 'message': {
        const value = decodeMessage(r.bytes(), f.schema);
        if (f.repeated) ((out[f.name] ??= []) as JsonObject[]).push(value);
        else out[f.name] = value;
        break;
      }
    }
  }
  return out;
}

/** Whether the simulator decodes protobuf bodies of `apiVersion`/`kind`. */
export function protobufKindSupported(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in SCHEMAS;
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
  const unknown = decodeMessage(body.subarray(4), {
    1: {
      name: 'typeMeta',
      kind: 'message',
      schema: { 1: { name: 'apiVersion', kind: 'string' }, 2: { name: 'kind', kind: 'string' } },
    },
  });
  const envelope = new Reader(body.subarray(4));
  let raw: Uint8Array = new Uint8Array(0);
  while (!envelope.done) {
    const key = envelope.varint();
    if (key >> 3 === 2 && (key & 7) === 2) raw = envelope.bytes();
    else envelope.skip(key & 7);
  }
  const tm = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const apiVersion = tm.apiVersion ?? '';
  const objKind = tm.kind ?? '';
  const schema = SCHEMAS[`${apiVersion}/${objKind}`];
  if (!schema) return undefined;
  return { apiVersion, kind: objKind, ...decodeMessage(raw, schema) };
}
