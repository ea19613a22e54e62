/**
 * Encodings and hashes. Expectations re-express Masterminds/sprig strings_test.go
 * (TestBase64EncodeDecode, TestBase32EncodeDecode), crypto_test.go (TestSha1Sum, TestSha256Sum,
 * TestAdler32Sum) and encoding/base64, encoding/base32 CorruptInputError offsets (sprig returns
 * the error text as the result).
 */
import { describe, expect, it } from '@jest/globals';
import { encodingFuncs } from '../../src/sprig/encoding.js';
import { caller } from './call.js';

const call = caller(encodingFuncs);

describe('base64', () => {
  it.each([
    ['coffee', 'Y29mZmVl'],
    ['', ''],
    ['a', 'YQ=='],
    ['héllo', 'aMOpbGxv'],
  ])('b64enc %j = %j and back', (plainText, encoded) => {
    expect(call('b64enc', plainText)).toBe(encoded);
    expect(call('b64dec', encoded)).toBe(plainText);
  });

  it.each([
    ['YQ', 'illegal base64 data at input byte 0'],
    ['YQ=', 'illegal base64 data at input byte 3'],
    ['Y', 'illegal base64 data at input byte 0'],
    ['!!!!', 'illegal base64 data at input byte 0'],
    ['YWJj!', 'illegal base64 data at input byte 4'],
    ['YQ==YQ==', 'illegal base64 data at input byte 4'],
    ['Y===', 'illegal base64 data at input byte 1'],
    ['YQ=a', 'illegal base64 data at input byte 2'],
  ])('b64dec %j reports %j', (input, msg) => {
    expect(call('b64dec', input)).toBe(msg);
  });

  it('skips newlines while decoding', () => {
    expect(call('b64dec', 'Y29m\nZmVl\r\n')).toBe('coffee');
  });
});

describe('base32', () => {
  it.each([
    ['coffee', 'MNXWMZTFMU======'],
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
  ])('b32enc %j = %j and back', (plainText, encoded) => {
    expect(call('b32enc', plainText)).toBe(encoded);
    expect(call('b32dec', encoded)).toBe(plainText);
  });

  it.each([
    ['MZXW6', 'illegal base32 data at input byte 0'],
    ['MY=====', 'illegal base32 data at input byte 7'],
    ['M1======', 'illegal base32 data at input byte 1'],
    ['MZX=====', 'illegal base32 data at input byte 3'],
  ])('b32dec %j reports %j', (input, msg) => {
    expect(call('b32dec', input)).toBe(msg);
  });
});

describe('hashes', () => {
  it.each([
    ['sha1sum', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['sha256sum', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['adler32sum', 'Wikipedia', '300286872'],
    ['adler32sum', '', '1'],
  ])('%s %j = %j', (name, input, want) => {
    expect(call(name, input)).toBe(want);
  });
});
