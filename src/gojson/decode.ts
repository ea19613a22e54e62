/**
 * json.Unmarshal into interface{} (golang/go:src/encoding/json/decode.go): the input is first
 * validated by the scanner (Go's messages and offsets), then decoded: objects become
 * null-prototype maps (duplicate keys: last wins), arrays []interface{}, numbers float64,
 * strings with Go's unquoting (invalid UTF-8 and unpaired surrogate escapes become U+FFFD).
 */
import { decodeRune, utf8Bytes } from '../gotemplate/go-utf8.js';
import type { GoMap, GoValue } from '../gotemplate/values.js';
import { newMap } from '../gotemplate/values.js';
import { JsonUnmarshalTypeError } from './errors.js';
import { checkValid } from './scanner.js';

const isSpace = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

class Decoder {
  off = 0;
  constructor(readonly data: Uint8Array) {}

  skipSpace(): void {
    while (isSpace(this.data[this.off])) this.off++;
  }

  private readonly stack: { container: GoMap | GoValue[]; key: string }[] = [];

  /** One value; containers are built with an explicit stack (Go allows 10000 levels). */
  value(): GoValue {
    for (;;) {
      let v = this.scalarOrOpen();
      if (v === undefined) continue; // a non-empty container was opened
      for (;;) {
        const top = this.stack[this.stack.length - 1];
        if (!top) return v;
        if (Array.isArray(top.container)) top.container.push(v);
        else top.container[top.key] = v;
        this.skipSpace();
        if (this.data[this.off++] === 0x2c) {
          if (!Array.isArray(top.container)) top.key = this.objectKey();
          break;
        }
        this.stack.pop();
        v = top.container;
      }
    }
  }

  /** A scalar, an empty container, or undefined after pushing a non-empty container. */
  private scalarOrOpen(): GoValue | undefined {
    this.skipSpace();
    const c = this.data[this.off];
    if (c === 0x7b || c === 0x5b) {
      this.off++;
      this.skipSpace();
      if (this.data[this.off] === (c === 0x7b ? 0x7d : 0x5d)) {
        this.off++;
        return c === 0x7b ? newMap() : [];
      }
      const container: GoMap | GoValue[] = c === 0x7b ? newMap() : [];
      this.stack.push({ container, key: c === 0x7b ? this.objectKey() : '' });
      return undefined;
    }
    if (c === 0x22) return this.string();
    if (c === 0x74) return this.literal(4, true);
    if (c === 0x66) return this.literal(5, false);
    if (c === 0x6e) return this.literal(4, null);
    return this.number();
  }

  /** `"key" :` */
  private objectKey(): string {
    this.skipSpace();
    const key = this.string();
    this.skipSpace();
    this.off++;
    return key;
  }

  literal<T extends GoValue>(len: number, v: T): T {
    this.off += len;
    return v;
  }

  number(): number {
    const start = this.off;
    while (
      this.off < this.data.length &&
      /[-+.eE0-9]/.test(String.fromCharCode(this.data[this.off] ?? 0))
    ) {
      this.off++;
    }
    const text = String.fromCharCode(...this.data.subarray(start, this.off));
    const n = Number(text);
    if (!Number.isFinite(n)) {
      throw new JsonUnmarshalTypeError(
        `json: cannot unmarshal number ${text} into Go value of type float64`,
        this.off,
      );
    }
    return n;
  }

  getu4(at: number): number {
    if (this.data[at] !== 0x5c || this.data[at + 1] !== 0x75) return -1;
    const hex = String.fromCharCode(...this.data.subarray(at + 2, at + 6));
    return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : -1;
  }

  /** unquoteBytes. */
  string(): string {
    const d = this.data;
    let i = this.off + 1;
    let out = '';
    for (;;) {
      const c = d[i] ?? 0x22;
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = d[i + 1] ?? 0;
        const simple: Record<number, string> = {
          0x62: '\b',
          0x66: '\f',
          0x6e: '\n',
          0x72: '\r',
          0x74: '\t',
          0x5c: '\\',
          0x2f: '/',
          0x22: '"',
        };
        if (e !== 0x75) {
          out += simple[e] ?? '';
          i += 2;
          continue;
        }
        let r = this.getu4(i);
        i += 6;
        if (r >= 0xd800 && r <= 0xdfff) {
          const r2 = this.getu4(i);
          if (r <= 0xdbff && r2 >= 0xdc00 && r2 <= 0xdfff) {
            r = 0x10000 + ((r - 0xd800) << 10) + (r2 - 0xdc00);
            i += 6;
          } else {
            r = 0xfffd;
          }
        }
        out += String.fromCodePoint(r);
        continue;
      }
      if (c < 0x80) {
        out += String.fromCharCode(c);
        i++;
        continue;
      }
      const { r, size } = decodeRune(d, i);
      out += String.fromCodePoint(r);
      i += size;
    }
    this.off = i + 1;
    return out;
  }
}

/** json.Unmarshal(text, &v) with v interface{}. Throws JsonSyntaxError / JsonUnmarshalTypeError. */
export function unmarshalJson(text: string | Uint8Array): GoValue {
  const fast = fastUnmarshal(text);
  return fast === undefined ? unmarshalJsonExact(text) : fast;
}

/**
 * {@link unmarshalJson} without the JSON.parse fast path: Go's scanner and decoder. Exported for
 * the tests that hold the fast path to it.
 */
export function unmarshalJsonExact(text: string | Uint8Array): GoValue {
  const data = typeof text === 'string' ? utf8Bytes(text) : text;
  checkValid(data);
  return new Decoder(data).value();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Nesting below Go's limit (10000), where the fast path and Go agree. */
const FAST_MAX_DEPTH = 9000;

/**
 * The common case through the engine's own JSON.parse (a stored release is megabytes of JSON:
 * ~5x faster than the Go-exact decoder): valid UTF-8 without surrogate escapes (Go turns an
 * unpaired one into U+FFFD), numbers in float64's range, nesting well under Go's limit. It
 * returns undefined for anything else, and for every syntax error, so that the Go-exact
 * decoder answers with Go's message.
 */
function fastUnmarshal(text: string | Uint8Array): GoValue | undefined {
  let s: string;
  if (typeof text === 'string') {
    // Lone surrogates stand for raw bytes here (go-utf8.ts); Go's rules then apply.
    if (/[\ud800-\udfff]/.test(text)) return undefined;
    s = text;
  } else {
    try {
      s = strictUtf8.decode(text);
    } catch {
      return undefined;
    }
  }
  if (/\\u[dD][89a-fA-F]/.test(s)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch {
    return undefined;
  }
  return toGoValue(parsed);
}

type Slot = [source: unknown, depth: number, into: GoMap | GoValue[], key: string | number];

/** JSON.parse's result as Go values (objects become null-prototype maps); undefined to bail. */
function toGoValue(root: unknown): GoValue | undefined {
  const holder: GoValue[] = [null];
  const work: Slot[] = [[root, 1, holder, 0]];
  for (let slot = work.pop(); slot; slot = work.pop()) {
    const [src, depth, into, key] = slot;
    let v: GoValue;
    if (typeof src === 'number') {
      if (!Number.isFinite(src)) return undefined;
      v = src;
    } else if (src === null || typeof src !== 'object') {
      v = src as GoValue;
    } else if (depth > FAST_MAX_DEPTH) {
      return undefined;
    } else if (Array.isArray(src)) {
      const arr: GoValue[] = new Array<GoValue>(src.length);
      for (let i = 0; i < src.length; i++) work.push([src[i], depth + 1, arr, i]);
      v = arr;
    } else {
      const m = newMap();
      for (const k of Object.keys(src)) {
        m[k] = null;
        work.push([(src as Record<string, unknown>)[k], depth + 1, m, k]);
      }
      v = m;
    }
    (into as Record<string | number, GoValue>)[key] = v;
  }
  return holder[0];
}
