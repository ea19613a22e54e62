/**
 * The storage codec (helm/helm pkg/storage/driver/util.go encodeRelease/decodeRelease, ST-6):
 * JSON → gzip (best compression) → standard base64 with padding; decoding base64-decodes,
 * gunzips only when the bytes start with the gzip magic `1f 8b 08` (records written before
 * compression are raw JSON) and unmarshals.
 *
 * The JSON is byte-identical to Helm's (json-encode.ts). The gzip stream is not: zlib and Go's
 * compress/flate choose different deflate blocks, so the base64 text differs while decoding to
 * the same JSON, which is all Helm compares. The header is made Go's (OS byte 255 "unknown",
 * compress/gzip's default) so at least the first ten bytes match.
 */
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { releaseFromJson, ReleaseDecodeError } from './json-decode.js';
import { releaseToJson } from './json-encode.js';
import type { Release } from './types.js';

const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;
/** Offset of the OS byte in a gzip header (RFC 1952). */
const GZIP_OS_OFFSET = 9;
const GO_GZIP_OS_UNKNOWN = 0xff;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** encodeRelease: base64(gzip(json.Marshal(release))). */
export function encodeRelease(rel: Release): string {
  const json = Buffer.from(releaseToJson(rel), 'utf8');
  const gz = gzipSync(json, { level: constants.Z_BEST_COMPRESSION });
  gz[GZIP_OS_OFFSET] = GO_GZIP_OS_UNKNOWN;
  return gz.toString('base64');
}

/** base64.StdEncoding.DecodeString: padding required; `\r` and `\n` are skipped. */
function decodeBase64(text: string): Buffer {
  const data = text.replace(/[\r\n]/g, '');
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    const at = data.search(/[^A-Za-z0-9+/=]/);
    const offset = at >= 0 ? at : data.length - (data.length % 4 || 4);
    throw new ReleaseDecodeError(`illegal base64 data at input byte ${offset}`);
  }
  return Buffer.from(data, 'base64');
}

/** Whether bytes are gzip (Helm checks `len(b) > 3` and the three magic bytes). */
export function isGzip(b: Uint8Array): boolean {
  return b.length > 3 && GZIP_MAGIC.every((x, i) => b[i] === x);
}

/**
 * decodeRelease: accepts Helm 3 and Helm 4 records, gzip-compressed or raw JSON. The result's
 * `labels` are empty: drivers fill them from the storage object. Throws ReleaseDecodeError,
 * gojson's JsonSyntaxError, or zlib's error for a corrupt stream.
 */
export function decodeRelease(data: string): Release {
  let b: Uint8Array = decodeBase64(data);
  if (isGzip(b)) b = gunzipSync(b);
  return releaseFromJson(b);
}

export { ReleaseDecodeError };
