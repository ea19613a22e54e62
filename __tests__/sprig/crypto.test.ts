/**
 * Sprig crypto functions (sprig v3.2.3 crypto.go). derivePassword vectors: sprig's
 * crypto_test.go and real Helm v3.11.3 output (../shared/conformance/generated); the AES
 * ciphertexts were produced by Helm 3.11.3 (Go) with fixed IVs; bcrypt's `$2a$` vector is
 * OpenBSD's (what golang.org/x/crypto/bcrypt implements).
 */
import { describe, expect, it } from '@jest/globals';
import bcryptjs from 'bcryptjs';
import { createPrivateKey } from 'node:crypto';
import { FuncError } from '../../src/gotemplate/functions.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoInt } from '../../src/gotemplate/values.js';
import { cryptoFuncs, encryptAES } from '../../src/sprig/crypto.js';
import { systemClock } from '../../src/gotime/clock.js';

const F = Object.fromEntries(cryptoFuncs(systemClock).map((f) => [f.name, f]));
const call = (name: string, ...args: GoValue[]): GoValue => F[name].impl(...args);

describe('derivePassword (Master Password algorithm)', () => {
  it.each<[number, string, string, string, string, string]>([
    [1, 'long', 'password', 'user', 'example.com', 'ZedaFaxcZaso9*'],
    [2, 'long', 'password', 'user', 'example.com', 'Fovi2@JifpTupx'],
    [1, 'maximum', 'password', 'user', 'example.com', 'pf4zS1LjCg&LjhsZ7T2~'],
    [1, 'medium', 'password', 'user', 'example.com', 'ZedJuz8$'],
    [1, 'basic', 'password', 'user', 'example.com', 'pIS54PLs'],
    [1, 'short', 'password', 'user', 'example.com', 'Zed5'],
    [1, 'pin', 'password', 'user', 'example.com', '6685'],
    [1, 'basic', 'master', 'user@fz', 'example.com', 'xV54MEM2'],
    [2, 'basic', 'master', 'user@fz', 'example.com', 'vCo8ttq9'],
    [1, 'maximum', 'master', 'user@fz', 'example.com', 'x6=AM1)pBcN$Boz5(0P8'],
    [3, 'maximum', 'master', 'user@fz', 'example.com', 'D1&mil23JxxtaT^wlI)Y'],
    [3, 'medium', 'master', 'user@fz', 'example.com', 'Peg2]Xur'],
    [3, 'short', 'master', 'user@fz', 'example.com', 'Peg2'],
    [2, 'pin', 'master', 'user@fz', 'example.com', '7908'],
  ])('%d %s %s %s %s = %s', (counter, type, password, user, site, want) => {
    expect(call('derivePassword', new GoInt(counter, 'uint32'), type, password, user, site)).toBe(
      want,
    );
  });

  it('names an unknown template', () => {
    expect(call('derivePassword', new GoInt(1, 'uint32'), 'nope', 'p', 'u', 's')).toBe(
      'cannot find password template nope',
    );
    expect(F.derivePassword.signature.params).toEqual([
      'uint32',
      'string',
      'string',
      'string',
      'string',
    ]);
  });
});

describe('bcrypt / htpasswd', () => {
  it('produces $2a$10$ hashes that verify', () => {
    const h = call('bcrypt', 'secret') as string;
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.compareSync('secret', h)).toBe(true);
    expect(bcryptjs.compareSync('Secret', h)).toBe(false);
    // The $2a$ variant x/crypto/bcrypt implements (OpenBSD test vector).
    expect(bcryptjs.hashSync('U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.')).toBe(
      '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
    );
  });

  it('formats htpasswd lines and rejects a colon in the user name', () => {
    const line = call('htpasswd', 'admin', 'pw') as string;
    expect(line).toMatch(/^admin:\$2a\$10\$/);
    expect(bcryptjs.compareSync('pw', line.slice('admin:'.length))).toBe(true);
    expect(call('htpasswd', 'a:b', 'pw')).toBe('invalid username: a:b');
  });
});

describe('encryptAES / decryptAES', () => {
  it.each<[string, string, string]>([
    ['password', 'YWU1NDI4N2JjNTI1MzgwMAsjyY5K9un6slUqjVQNk7I=', 'fixed iv text'],
    ['password', 'NGRkNmYxNzRiMGRjNTAwMNoyoTKielpv9EjUF69Yuic=', 'hello'],
    ['password', 'ODY1NWQ4ODFkZjY3ZDgwMKW6mxNeWkJdcvGRLMRWKPQ=', 'ünï'],
    ['k1', 'MTA5YTRmYjM3ZGE4YzkwMLcJn2soeiaXcj3E3khqAaw=', 'fixed iv text'],
    ['k1', 'Y2QxOTQwYjNmY2YwZjAwMDcer7tKvTPT7KP7Fypaft0=', 'hello'],
    ['k1', 'MGUyYjM1YzMwYjcwNTI4MN0x6sxpKLumCV5imT5f7M4=', 'ünï'],
  ])('decrypts Go ciphertext (key %j) %j', (key, ct, want) => {
    expect(call('decryptAES', key, ct)).toBe(want);
    // Go's steps with the same IV (the first 16 bytes) give the same ciphertext.
    const iv = Buffer.from(ct, 'base64').subarray(0, 16);
    expect(encryptAES(key, want, iv)).toBe(ct);
  });

  it.each(['password', 'k1', 'a-much-longer-key-than-32-bytes-long!!', ''])(
    'round-trips with key %j',
    (key) => {
      for (const text of ['x', 'secret text', 'é🎉', '0123456789abcdef']) {
        const ct = call('encryptAES', key, text) as string;
        expect(Buffer.from(ct, 'base64').length).toBe(
          16 + (Math.floor(Buffer.byteLength(text) / 16) + 1) * 16,
        );
        expect(call('decryptAES', key, ct)).toBe(text);
      }
      expect((call('encryptAES', key, 'hello') as string).length).toBe(44);
    },
  );

  it('uses only the first 32 bytes of the key and a random IV', () => {
    const a = call('encryptAES', 'a-much-longer-key-than-32-bytes-long!!', 'x') as string;
    expect(call('decryptAES', 'a-much-longer-key-than-32-bytes-l', a)).toBe('x');
    expect(call('encryptAES', 'k', 'x')).not.toBe(call('encryptAES', 'k', 'x'));
  });

  it('passes empty strings through and reports malformed input like Go', () => {
    expect(call('encryptAES', 'k', '')).toBe('');
    expect(call('decryptAES', 'k', '')).toBe('');
    expect(() => call('decryptAES', 'k', 'not base64!')).toThrow(
      new FuncError('illegal base64 data at input byte 3'),
    );
    expect(() => call('decryptAES', 'k', 'YWJj')).toThrow(
      'runtime error: slice bounds out of range [:16] with capacity 3',
    );
    expect(() => call('decryptAES', 'k', Buffer.alloc(20).toString('base64'))).toThrow(
      'crypto/cipher: input not full blocks',
    );
  });
});

describe('genPrivateKey', () => {
  it.each<[string, string, string]>([
    ['ecdsa', 'EC PRIVATE KEY', 'ec'],
    ['ed25519', 'PRIVATE KEY', 'ed25519'],
    ['rsa', 'RSA PRIVATE KEY', 'rsa'],
    ['', 'RSA PRIVATE KEY', 'rsa'],
  ])('%j gives a %s block', (type, block, keyType) => {
    const pem = call('genPrivateKey', type) as string;
    expect(pem.startsWith(`-----BEGIN ${block}-----\n`)).toBe(true);
    expect(pem.endsWith(`-----END ${block}-----\n`)).toBe(true);
    expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true);
    const key = createPrivateKey(pem);
    expect(key.asymmetricKeyType).toBe(keyType);
    if (keyType === 'rsa') expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
    if (keyType === 'ec') expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it("writes DSA keys in OpenSSL's DSA PRIVATE KEY layout", () => {
    const pem = call('genPrivateKey', 'dsa') as string;
    expect(pem.startsWith('-----BEGIN DSA PRIVATE KEY-----\n')).toBe(true);
    const key = createPrivateKey(pem);
    expect(key.asymmetricKeyType).toBe('dsa');
    expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, divisorLength: 256 });
  });

  it('returns the error text for an unknown type', () => {
    expect(call('genPrivateKey', 'bogus')).toBe('Unknown type bogus');
  });
});
