// The storage codec (helm/helm pkg/storage/driver/util.go encodeRelease/decodeRelease; ST-6)
// and json.Unmarshal of records written by Helm 3 and Helm 4 (ST-10, section 5.3).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { goldenRelease } from '../../__fixtures__/releases.js';
import { JsonSyntaxError } from '../../src/gojson/index.js';
import {
  decodeRelease,
  encodeRelease,
  isGzip,
  ReleaseDecodeError,
} from '../../src/release/codec.js';
import { releaseToJson } from '../../src/release/json-encode.js';

const golden = readFileSync(
  resolve(import.meta.dirname, '../../__fixtures__/golden/release-with-hooks.golden'),
  'utf8',
).trimEnd();

const b64 = (b: Uint8Array | string): string => Buffer.from(b).toString('base64');
/** A record as Helm stores it: base64(gzip(json)). */
const helmRecord = (json: string): string => b64(gzipSync(Buffer.from(json, 'utf8')));

describe('encodeRelease (ST-6)', () => {
  const encoded = encodeRelease(goldenRelease());
  const bytes = Buffer.from(encoded, 'base64');

  it('is standard base64 with padding of a gzip stream', () => {
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(encoded.length % 4).toBe(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
  });

  it("writes Go's gzip header: no mtime, best-compression XFL 2, OS 255", () => {
    expect([...bytes.subarray(3, 10)]).toEqual([0, 0, 0, 0, 0, 2, 0xff]);
  });

  it('gunzips to the exact release JSON', () => {
    expect(gunzipSync(bytes).toString('utf8')).toBe(golden);
  });
});

describe('decodeRelease (ST-6)', () => {
  it('decodes a hand-made Helm 3 record (gzip + base64) and re-encodes it byte for byte', () => {
    const rel = decodeRelease(helmRecord(golden));
    expect(rel.name).toBe('web');
    expect(rel.version).toBe(1);
    expect(rel.info.status).toBe('deployed');
    expect(rel.hooks.map((h) => h.weight)).toEqual([0, -5]);
    expect(new TextDecoder().decode(rel.chart?.templates?.[0]?.data)).toBe('kind: Deployment\n');
    expect(rel.labels).toEqual({});
    expect(releaseToJson(rel)).toBe(golden);
  });

  it('decodes an uncompressed legacy record (no gzip magic)', () => {
    const rel = decodeRelease(b64(golden));
    expect(releaseToJson(rel)).toBe(golden);
  });

  it.each<[string, string, string]>([
    [
      'Helm 4: zero times omitted (Helm 3 writes them as ""), apply_method kept',
      '{"name":"a","info":{"status":"deployed"},"hooks":[{"name":"h","last_run":{"phase":""}}],"version":1,"apply_method":"ssa"}',
      '{"name":"a","info":{"first_deployed":"","last_deployed":"","deleted":"","status":"deployed"},"hooks":[{"name":"h","last_run":{"started_at":"","completed_at":"","phase":""}}],"version":1,"apply_method":"ssa"}',
    ],
    [
      'null times and null slices are zero values',
      '{"info":{"first_deployed":null,"deleted":null},"hooks":null,"config":null}',
      '{"info":{"first_deployed":"","last_deployed":"","deleted":""}}',
    ],
    [
      'Helm 3.0 "Description" matches case-insensitively',
      '{"info":{"Description":"old","status":"superseded"}}',
      '{"info":{"first_deployed":"","last_deployed":"","deleted":"","description":"old","status":"superseded"}}',
    ],
    [
      'times are re-marshalled as Go does: fraction zeros trimmed, +00:00 as Z',
      '{"info":{"first_deployed":"2024-01-02T03:04:05.120000000+00:00","last_deployed":"2024-01-02T03:04:05.000-07:00"}}',
      '{"info":{"first_deployed":"2024-01-02T03:04:05.12Z","last_deployed":"2024-01-02T03:04:05-07:00","deleted":""}}',
    ],
    [
      'numbers in values become float64',
      '{"info":{},"config":{"n":1e6,"f":1.50}}',
      '{"info":{"first_deployed":"","last_deployed":"","deleted":""},"config":{"f":1.5,"n":1000000}}',
    ],
  ])('%s', (_name, json, want) => {
    expect(releaseToJson(decodeRelease(helmRecord(json)))).toBe(want);
  });

  it.each<[string, string, string]>([
    [
      'a string revision',
      '{"version":"1"}',
      'json: cannot unmarshal string into Go struct field Release.version of type int',
    ],
    [
      'a fractional weight',
      '{"hooks":[{"weight":1.5}]}',
      'json: cannot unmarshal number 1.5 into Go struct field Release.hooks.weight of type int',
    ],
    [
      'a numeric status',
      '{"info":{"status":3}}',
      'json: cannot unmarshal number into Go struct field Release.info.status of type string',
    ],
    ['an array record', '[]', 'json: cannot unmarshal array into Go value of type release.Release'],
  ])('rejects %s', (_name, json, message) => {
    expect(() => decodeRelease(helmRecord(json))).toThrow(new ReleaseDecodeError(message));
  });

  it('rejects a time that is not RFC 3339', () => {
    expect(() => decodeRelease(helmRecord('{"info":{"deleted":"yesterday"}}'))).toThrow(
      ReleaseDecodeError,
    );
  });

  it('rejects invalid base64 and invalid JSON', () => {
    expect(() => decodeRelease('not base64!')).toThrow(/illegal base64 data at input byte/);
    expect(() => decodeRelease(b64('{"name":'))).toThrow(JsonSyntaxError);
    expect(() => decodeRelease('')).toThrow(JsonSyntaxError);
  });

  it('isGzip needs more than three bytes, as Helm checks len(b) > 3', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 0x08]))).toBe(false);
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 0x08, 0]))).toBe(true);
    expect(isGzip(new Uint8Array([0x7b, 0x7d, 0, 0]))).toBe(false);
  });
});
