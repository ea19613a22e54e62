/**
 * json.Marshal / json.MarshalIndent over the Go value model
 * (golang/go:src/encoding/json/encode.go, indent.go), as Helm v3.11.3 (Go 1.20) prints it; what
 * each value encodes to is tree.ts's toJsonTree, this file writes that tree as text:
 * map keys sorted byte-wise, `<` `>` `&` escaped as \u003c \u003e \u0026 when escapeHTML,
 * U+2028/U+2029 always escaped, control bytes other than \n \r \t as \u00XX (Go 1.22 later
 * started writing \b and \f; Helm 3.11 does not), invalid UTF-8 as \ufffd, float64 in ES6 style
 * ('f' between 1e-6 and 1e21, else 'e' with `e-07` shortened to `e-7`), []byte as base64.
 */
import { normalizeEscapes } from '../gotemplate/go-utf8.js';
import type { GoValue } from '../gotemplate/values.js';
import { toJsonTree, type JsonNode } from './tree.js';

export { jsonFloat, type GoJsonMarshaler } from './tree.js';

export interface MarshalOptions {
  /** Escape `<`, `>`, `&` (json.Marshal does; an Encoder with SetEscapeHTML(false) does not). */
  readonly escapeHTML?: boolean;
  /** MarshalIndent's indent; no indentation when undefined. */
  readonly indent?: string;
  /** MarshalIndent's prefix (written after every newline, not at the start). */
  readonly prefix?: string;
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

interface EncodeContext {
  readonly escapeHTML: boolean;
  readonly indent: string | undefined;
  readonly prefix: string;
}

function newline(ctx: EncodeContext, depth: number): string {
  return ctx.indent === undefined ? '' : '\n' + ctx.prefix + ctx.indent.repeat(depth);
}

function encodeEntries(
  entries: readonly [string | null, JsonNode][],
  open: string,
  close: string,
  ctx: EncodeContext,
  depth: number,
): string {
  if (entries.length === 0) return open + close;
  const colon = ctx.indent === undefined ? ':' : ': ';
  const parts = entries.map(([k, v]) => {
    const key = k === null ? '' : jsonString(k, ctx.escapeHTML) + colon;
    return newline(ctx, depth + 1) + key + encodeNode(v, ctx, depth + 1);
  });
  return open + parts.join(',') + newline(ctx, depth) + close;
}

/** The JSON text of a tree toJsonTree made (encodeState with its indent, indent.go). */
function encodeNode(j: JsonNode, ctx: EncodeContext, depth: number): string {
  if (j === null) return 'null';
  if (typeof j === 'boolean') return j ? 'true' : 'false';
  if (typeof j === 'string') return jsonString(j, ctx.escapeHTML);
  if (Array.isArray(j))
    return encodeEntries(
      j.map((x) => [null, x]),
      '[',
      ']',
      ctx,
      depth,
    );
  if ('num' in j) return j.num;
  return encodeEntries(j.obj, '{', '}', ctx, depth);
}

/** json.Marshal (or MarshalIndent when `indent` is given). Throws JsonMarshalError. */
export function marshalJson(v: GoValue, opts: MarshalOptions = {}): string {
  return encodeNode(
    toJsonTree(v),
    { escapeHTML: opts.escapeHTML ?? true, indent: opts.indent, prefix: opts.prefix ?? '' },
    0,
  );
}
