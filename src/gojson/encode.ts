/**
 * json.Marshal / json.MarshalIndent over the Go value model
 * (golang/go:src/encoding/json/encode.go, indent.go), as Helm v3.11.3 (Go 1.20) prints it:
 * map keys sorted byte-wise, `<` `>` `&` escaped as \u003c \u003e \u0026 when escapeHTML,
 * U+2028/U+2029 always escaped, control bytes other than \n \r \t as \u00XX (Go 1.22 later
 * started writing \b and \f; Helm 3.11 does not), invalid UTF-8 as \ufffd, float64 in ES6 style
 * ('f' between 1e-6 and 1e21, else 'e' with `e-07` shortened to `e-7`), []byte as base64.
 */
import { normalizeEscapes } from '../gotemplate/go-utf8.js';
import { formatFloat } from '../gotemplate/strconv.js';
import type { GoValue } from '../gotemplate/values.js';
import {
  GoFuncValue,
  GoInt,
  GoStruct,
  isNilSlice,
  sortedKeys,
  typeName,
} from '../gotemplate/values.js';
import { JsonMarshalError } from './errors.js';

export interface MarshalOptions {
  /** Escape `<`, `>`, `&` (json.Marshal does; an Encoder with SetEscapeHTML(false) does not). */
  readonly escapeHTML?: boolean;
  /** MarshalIndent's indent; no indentation when undefined. */
  readonly indent?: string;
  /** MarshalIndent's prefix (written after every newline, not at the start). */
  readonly prefix?: string;
}

/** A struct may choose its JSON form (Go's json.Marshaler / encoding.TextMarshaler). */
export interface GoJsonMarshaler {
  toGoJson(): GoValue;
}

function isJsonMarshaler(v: unknown): v is GoJsonMarshaler {
  return typeof (v as Partial<GoJsonMarshaler>).toGoJson === 'function';
}

const HEX = '0123456789abcdef';

/**
 * encodeState.string: a JSON string literal. Invalid UTF-8 (escaped bytes, see
 * gotemplate/go-utf8.ts) is written as `\ufffd`, one per byte; escaped bytes that spell a valid
 * rune together are that rune, as Go only sees the bytes.
 */
export function jsonString(text: string, escapeHTML: boolean): string {
  const s = normalizeEscapes(text);
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x80) {
      if (
        c >= 0x20 &&
        c !== 0x22 &&
        c !== 0x5c &&
        !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))
      ) {
        continue;
      }
      if (c === 0x22 || c === 0x5c) esc = '\\' + String.fromCharCode(c);
      else if (c === 0x0a) esc = '\\n';
      else if (c === 0x0d) esc = '\\r';
      else if (c === 0x09) esc = '\\t';
      else esc = '\\u00' + HEX[c >> 4] + HEX[c & 15];
    } else if (c === 0x2028 || c === 0x2029) {
      esc = '\\u202' + HEX[c & 15];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    } else {
      continue;
    }
    out += s.slice(start, i) + esc;
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

/** floatEncoder: ES6-style number text. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f))
    throw new JsonMarshalError('json: unsupported value: ' + formatFloat(f, 'g', -1));
  const abs = Math.abs(f);
  const fmt = abs !== 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f';
  let b = formatFloat(f, fmt, -1);
  if (fmt === 'e') {
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') {
      b = b.slice(0, n - 2) + b.slice(n - 1);
    }
  }
  return b;
}

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

interface EncodeContext {
  readonly escapeHTML: boolean;
  readonly indent: string | undefined;
  readonly prefix: string;
  readonly seen: Set<object>;
}

function newline(ctx: EncodeContext, depth: number): string {
  return ctx.indent === undefined ? '' : '\n' + ctx.prefix + ctx.indent.repeat(depth);
}

function encodeEntries(
  entries: readonly [string | null, GoValue][],
  open: string,
  close: string,
  ctx: EncodeContext,
  depth: number,
): string {
  if (entries.length === 0) return open + close;
  const colon = ctx.indent === undefined ? ':' : ': ';
  const parts = entries.map(([k, v]) => {
    const key = k === null ? '' : jsonString(k, ctx.escapeHTML) + colon;
    return newline(ctx, depth + 1) + key + encodeValue(v, ctx, depth + 1);
  });
  return open + parts.join(',') + newline(ctx, depth) + close;
}

function withCycleCheck(v: object, ctx: EncodeContext, f: () => string): string {
  if (ctx.seen.has(v)) {
    throw new JsonMarshalError(
      `json: unsupported value: encountered a cycle via ${typeName(v as GoValue)}`,
    );
  }
  ctx.seen.add(v);
  try {
    return f();
  } finally {
    ctx.seen.delete(v);
  }
}

function encodeValue(v: GoValue, ctx: EncodeContext, depth: number): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return jsonFloat(v);
    case 'string':
      return jsonString(v, ctx.escapeHTML);
  }
  if (v instanceof GoInt) return v.value.toString();
  if (v instanceof Uint8Array) return '"' + base64(v) + '"';
  if (v instanceof GoFuncValue)
    throw new JsonMarshalError('json: unsupported type: ' + typeName(v));
  if (v instanceof GoStruct) {
    if (isJsonMarshaler(v)) return encodeValue(v.toGoJson(), ctx, depth);
    const s = v;
    return withCycleCheck(s, ctx, () =>
      encodeEntries(
        s.fieldNames.map((n) => [n, s.field(n)]),
        '{',
        '}',
        ctx,
        depth,
      ),
    );
  }
  if (Array.isArray(v)) {
    if (isNilSlice(v)) return 'null';
    const a = v;
    return withCycleCheck(a, ctx, () =>
      encodeEntries(
        a.map((x) => [null, x]),
        '[',
        ']',
        ctx,
        depth,
      ),
    );
  }
  const m = v;
  return withCycleCheck(m, ctx, () =>
    encodeEntries(
      sortedKeys(m).map((k) => [k, m[k] ?? null]),
      '{',
      '}',
      ctx,
      depth,
    ),
  );
}

/** json.Marshal (or MarshalIndent when `indent` is given). Throws JsonMarshalError. */
export function marshalJson(v: GoValue, opts: MarshalOptions = {}): string {
  return encodeValue(
    v,
    {
      escapeHTML: opts.escapeHTML ?? true,
      indent: opts.indent,
      prefix: opts.prefix ?? '',
      seen: new Set(),
    },
    0,
  );
}
