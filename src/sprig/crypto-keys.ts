/**
 * Private keys as sprig handles them (Masterminds/sprig v3.2.3 crypto.go): generation
 * (`generatePrivateKey`), PEM blocks (`pemBlockForKey`: PKCS#1 for RSA, SEC 1 for ECDSA,
 * OpenSSL's DSA layout, PKCS#8 otherwise) and parsing (`parsePrivateKeyPEM`). Keys live in
 * node:crypto KeyObjects; DSA keys also keep their numbers for the DSA PEM layout.
 */
import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  DerError,
  children,
  decodeInteger,
  integer,
  pemDecode,
  pemEncode,
  readNode,
  seq,
} from './der.js';

export interface DsaNumbers {
  readonly p: bigint;
  readonly q: bigint;
  readonly g: bigint;
  readonly y: bigint;
  readonly x: bigint;
}

export type PrivateKey =
  | { readonly kind: 'rsa' | 'ecdsa' | 'ed25519' | 'x25519'; readonly key: KeyObject }
  | { readonly kind: 'dsa'; readonly dsa: DsaNumbers };

export class KeyError extends Error {}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

/** DSA numbers from a PKCS#8 DSA key (node can only export DSA as PKCS#8). */
function dsaFromPkcs8(der: Buffer): DsaNumbers {
  const [, alg, priv] = children(readNode(der));
  const [p, q, g] = children(children(alg)[1]).map((n) => decodeInteger(n.content));
  const x = decodeInteger(readNode(priv.content).content);
  return { p, q, g, x, y: modPow(g, x, p) };
}

/** generatePrivateKey's key types: "" and "rsa" (4096 bits), "dsa" (L2048N256), "ecdsa" (P-256), "ed25519". */
export function generateKey(typ: string): PrivateKey | undefined {
  switch (typ) {
    case '':
    case 'rsa':
      return { kind: 'rsa', key: generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey };
    case 'dsa': {
      const { privateKey } = generateKeyPairSync('dsa', {
        modulusLength: 2048,
        divisorLength: 256,
      });
      return {
        kind: 'dsa',
        dsa: dsaFromPkcs8(privateKey.export({ type: 'pkcs8', format: 'der' })),
      };
    }
    case 'ecdsa':
      return { kind: 'ecdsa', key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey };
    case 'ed25519':
      return { kind: 'ed25519', key: generateKeyPairSync('ed25519').privateKey };
    default:
      return undefined;
  }
}

/** An RSA key of the given size (genCA, genSelfSignedCert and genSignedCert use 2048). */
export function generateRsa(bits: number): PrivateKey {
  return { kind: 'rsa', key: generateKeyPairSync('rsa', { modulusLength: bits }).privateKey };
}

/** pem.EncodeToMemory(pemBlockForKey(priv)). */
export function keyToPem(k: PrivateKey): string {
  switch (k.kind) {
    case 'rsa':
      return pemEncode('RSA PRIVATE KEY', k.key.export({ type: 'pkcs1', format: 'der' }));
    case 'ecdsa':
      return pemEncode('EC PRIVATE KEY', k.key.export({ type: 'sec1', format: 'der' }));
    case 'dsa': {
      const { p, q, g, y, x } = k.dsa;
      return pemEncode(
        'DSA PRIVATE KEY',
        seq(integer(0n), integer(p), integer(q), integer(g), integer(y), integer(x)),
      );
    }
    default:
      return pemEncode('PRIVATE KEY', k.key.export({ type: 'pkcs8', format: 'der' }));
  }
}

function fromKeyObject(key: KeyObject): PrivateKey {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { kind: 'rsa', key };
    case 'ec':
      return { kind: 'ecdsa', key };
    case 'ed25519':
      return { kind: 'ed25519', key };
    case 'x25519':
      return { kind: 'x25519', key };
    default:
      throw new KeyError(
        `x509: PKCS#8 wrapping contained private key with unknown algorithm: ${key.asymmetricKeyType}`,
      );
  }
}

function parseWith(der: Buffer, type: 'pkcs1' | 'sec1' | 'pkcs8', what: string): PrivateKey {
  try {
    return fromKeyObject(createPrivateKey({ key: der, format: 'der', type }));
  } catch (e) {
    if (e instanceof KeyError) throw new KeyError(`${what}: ${e.message}`);
    throw new KeyError(`${what}: asn1: structure error: ${(e as Error).message}`);
  }
}

/** parsePrivateKeyPEM. Throws KeyError with sprig's messages. */
export function parsePrivateKeyPem(text: string): PrivateKey {
  const block = pemDecode(text);
  if (!block) throw new KeyError('no PEM data in input');
  if (block.type === 'PRIVATE KEY')
    return parseWith(block.bytes, 'pkcs8', 'decoding PEM as PKCS#8');
  if (!block.type.endsWith(' PRIVATE KEY'))
    throw new KeyError(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case 'RSA':
      return parseWith(block.bytes, 'pkcs1', 'parsing RSA private key from PEM');
    case 'EC':
      return parseWith(block.bytes, 'sec1', 'parsing EC private key from PEM');
    case 'DSA':
      try {
        const [, p, q, g, y, x] = children(readNode(block.bytes)).map((n) =>
          decodeInteger(n.content),
        );
        if (x === undefined) throw new DerError('asn1: structure error: too few fields');
        return { kind: 'dsa', dsa: { p, q, g, y, x } };
      } catch (e) {
        throw new KeyError(`parsing DSA private key from PEM: ${(e as Error).message}`);
      }
    default:
      throw new KeyError(`invalid private key type ${block.type}`);
  }
}

/** The SubjectPublicKeyInfo DER of a key (MarshalPKIXPublicKey); undefined for DSA, which Go rejects. */
export function publicKeyDer(k: PrivateKey): Buffer | undefined {
  if (k.kind === 'dsa') return undefined;
  return createPublicKey(k.key).export({ type: 'spki', format: 'der' });
}
