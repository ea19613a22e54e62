/**
 * Sprig's crypto functions (Masterminds/sprig v3.2.3 crypto.go), except the sha1sum, sha256sum
 * and adler32sum (strings group) and randBytes (random.ts): bcrypt, htpasswd, derivePassword (the Master
 * Password algorithm), genPrivateKey, encryptAES/decryptAES, and the certificate functions
 * from certs.ts.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync } from 'node:crypto';
import bcryptjs from 'bcryptjs';
import { FuncError, fn } from '../gotemplate/functions.js';
import type { GoFuncValue, GoInt } from '../gotemplate/values.js';
import { certFuncs } from './certs.js';
import type { Clock } from '../gotime/clock.js';
import { generateKey, keyToPem } from './crypto-keys.js';

/** bcrypt.GenerateFromPassword(input, DefaultCost=10): a `$2a$10$` hash as x/crypto writes it. */
function bcrypt(input: string): string {
  const salt = bcryptjs.genSaltSync(10).replace(/^\$2[by]\$/, '$2a$');
  return bcryptjs.hashSync(input, salt);
}

function htpasswd(username: string, password: string): string {
  if (username.includes(':')) return `invalid username: ${username}`;
  return `${username}:${bcrypt(password)}`;
}

const MASTER_PASSWORD_SEED = 'com.lyndir.masterpassword';

const PASSWORD_TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const TEMPLATE_CHARACTERS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const uint32be = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** derivePassword: scrypt(N=32768, r=8, p=2, 64 bytes) keyed HMAC-SHA256 over the site. */
function derivePassword(
  counter: GoInt,
  passwordType: string,
  password: string,
  user: string,
  site: string,
): string {
  const templates = PASSWORD_TEMPLATES[passwordType];
  if (!templates) return `cannot find password template ${passwordType}`;
  const seed = Buffer.from(MASTER_PASSWORD_SEED);
  const userBytes = Buffer.from(user, 'utf8');
  const salt = Buffer.concat([seed, uint32be(userBytes.length), userBytes]);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 64, {
    N: 32768,
    r: 8,
    p: 2,
    maxmem: 256 * 1024 * 1024,
  });
  const siteBytes = Buffer.from(site, 'utf8');
  const message = Buffer.concat([
    seed,
    uint32be(siteBytes.length),
    siteBytes,
    uint32be(counter.toNumber()),
  ]);
  const digest = createHmac('sha256', key).update(message).digest();
  const template = templates[digest[0] % templates.length];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = TEMPLATE_CHARACTERS[template[i]];
    out += chars[digest[i + 1] % chars.length];
  }
  return out;
}

function genPrivateKey(typ: string): string {
  const key = generateKey(typ);
  return key ? keyToPem(key) : `Unknown type ${typ}`;
}

/** The AES-256 key: the password's bytes, truncated or zero-padded to 32 bytes. */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

/** encryptAES: PKCS#7-style padding, a random IV prefix, standard base64. */
export function encryptAES(
  password: string,
  plaintext: string,
  iv: Buffer = randomBytes(16),
): string {
  if (plaintext === '') return '';
  const content = Buffer.from(plaintext, 'utf8');
  const padding = 16 - (content.length % 16);
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv).setAutoPadding(false);
  return Buffer.concat([iv, cipher.update(padded), cipher.final()]).toString('base64');
}

/** base64.StdEncoding.DecodeString's strictness (CR and LF are skipped). */
function decodeStdBase64(s: string): Buffer {
  const clean = s.replace(/[\r\n]/g, '');
  const bad = clean.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) throw new FuncError(`illegal base64 data at input byte ${bad}`);
  const pad = clean.indexOf('=');
  if (
    clean.length % 4 !== 0 ||
    (pad >= 0 && (pad < clean.length - 2 || !/^=*$/.test(clean.slice(pad))))
  ) {
    throw new FuncError(
      `illegal base64 data at input byte ${pad >= 0 ? pad : clean.length - (clean.length % 4)}`,
    );
  }
  return Buffer.from(clean, 'base64');
}

/** decryptAES: no padding check, as sprig; malformed input panics like Go's slicing. */
function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const crypt = decodeStdBase64(crypt64);
  if (crypt.length < 16)
    throw new FuncError(
      `runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`,
    );
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new FuncError('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new FuncError('runtime error: index out of range [-1]');
  const decipher = createDecipheriv(
    'aes-256-cbc',
    aesKey(password),
    crypt.subarray(0, 16),
  ).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  const cut = plain.length - plain[plain.length - 1];
  if (cut < 0) throw new FuncError(`runtime error: slice bounds out of range [:${cut}]`);
  return plain.subarray(0, cut).toString('utf8');
}

/** The crypto group; certificates are valid from `clock`'s now. */
export function cryptoFuncs(clock: Clock): GoFuncValue[] {
  return [
    fn('bcrypt', { params: ['string'] }, bcrypt),
    fn('htpasswd', { params: ['string', 'string'] }, htpasswd),
    fn('genPrivateKey', { params: ['string'] }, genPrivateKey),
    fn(
      'derivePassword',
      { params: ['uint32', 'string', 'string', 'string', 'string'] },
      derivePassword,
    ),
    ...certFuncs(clock),
    fn('encryptAES', { params: ['string', 'string'], returnsError: true }, (p: string, t: string) =>
      encryptAES(p, t),
    ),
    fn('decryptAES', { params: ['string', 'string'], returnsError: true }, decryptAES),
  ];
}
