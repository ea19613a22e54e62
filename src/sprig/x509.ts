/**
 * x509.CreateCertificate for sprig's certificate templates (golang/go:src/crypto/x509/x509.go
 * `CreateCertificate`, `buildCertExtensions`, `marshalKeyUsage`, `marshalBasicConstraints`,
 * `marshalSANs`; sprig crypto.go `getBaseCertTemplate`). The DER is built directly so field
 * order, criticality and string types match Go byte for byte; signatures come from node:crypto.
 */
import { createHash, createPublicKey, sign } from 'node:crypto';
import type { PrivateKey } from './crypto-keys.js';
import { publicKeyDer } from './crypto-keys.js';
import type { Node } from './der.js';
import {
  bitString,
  bool,
  children,
  decodeOid,
  explicit,
  goString,
  integer,
  nullDer,
  octets,
  oid,
  readNode,
  seq,
  set,
  time,
  tlv,
} from './der.js';

export class X509Error extends Error {}

/** The fields of sprig's base certificate template. */
export interface CertTemplate {
  readonly serial: bigint;
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCA: boolean;
  readonly dnsNames: readonly string[];
  /** 4-byte (IPv4) or 16-byte (IPv6) addresses, as net.IP.To4 leaves them. */
  readonly ipAddresses: readonly Buffer[];
}

/** The parts of a parent certificate CreateCertificate reads. */
export interface ParentCert {
  readonly rawSubject: Buffer;
  readonly subjectKeyId: Buffer | undefined;
  readonly publicKey: Buffer;
}

const KU_DIGITAL_SIGNATURE = 1;
const KU_KEY_ENCIPHERMENT = 4;
const KU_CERT_SIGN = 32;

function reverseBits(b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 1 << (7 - i);
  return r;
}

/** marshalKeyUsage: a critical BIT STRING trimmed after the last set bit. */
function keyUsageExt(ku: number): Buffer {
  const a = [reverseBits(ku & 0xff), reverseBits(ku >> 8)];
  const bytes = Buffer.from(a[1] !== 0 ? a : [a[0]]);
  const last = bytes[bytes.length - 1];
  let unused = 0;
  while (unused < 8 && !(last & (1 << unused))) unused++;
  return extension('2.5.29.15', true, bitString(bytes, unused));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function buildExtensions(
  t: CertTemplate,
  subjectIsEmpty: boolean,
  akid: Buffer | undefined,
  skid: Buffer | undefined,
): Buffer {
  const ku = KU_KEY_ENCIPHERMENT | KU_DIGITAL_SIGNATURE | (t.isCA ? KU_CERT_SIGN : 0);
  const exts = [
    keyUsageExt(ku),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    // basicConstraints{IsCA, MaxPathLen: -1}: false and -1 are omitted as defaults.
    extension('2.5.29.19', true, t.isCA ? seq(bool(true)) : seq()),
  ];
  if (skid) exts.push(extension('2.5.29.14', false, octets(skid)));
  if (akid) exts.push(extension('2.5.29.35', false, seq(tlv(0x80, akid))));
  if (t.dnsNames.length > 0 || t.ipAddresses.length > 0) {
    const names = [
      ...t.dnsNames.map((d) => tlv(0x82, Buffer.from(d, 'utf8'))),
      ...t.ipAddresses.map((ip) => tlv(0x87, ip)),
    ];
    exts.push(extension('2.5.29.17', subjectIsEmpty, seq(...names)));
  }
  return explicit(3, seq(...exts));
}

/** pkix.Name{CommonName: cn}.ToRDNSequence(), marshalled. */
export function subjectDer(cn: string): Buffer {
  return cn === '' ? seq() : seq(set(seq(oid('2.5.4.3'), goString(cn))));
}

/** Hash and AlgorithmIdentifier Go picks for a signing key (signingParamsForPublicKey). */
function signingParams(key: PrivateKey): { hash: string | null; algorithm: Buffer } {
  switch (key.kind) {
    case 'rsa':
      return { hash: 'sha256', algorithm: seq(oid('1.2.840.113549.1.1.11'), nullDer()) };
    case 'ed25519':
      return { hash: null, algorithm: seq(oid('1.3.101.112')) };
    case 'ecdsa': {
      const curve = key.key.asymmetricKeyDetails?.namedCurve;
      if (curve === 'secp384r1')
        return { hash: 'sha384', algorithm: seq(oid('1.2.840.10045.4.3.3')) };
      if (curve === 'secp521r1')
        return { hash: 'sha512', algorithm: seq(oid('1.2.840.10045.4.3.4')) };
      return { hash: 'sha256', algorithm: seq(oid('1.2.840.10045.4.3.2')) };
    }
    default:
      throw new X509Error('x509: certificate private key does not implement crypto.Signer');
  }
}

/** The BIT STRING payload of a SubjectPublicKeyInfo (what the SubjectKeyId hashes). */
function publicKeyBits(spki: Buffer): Buffer {
  return children(readNode(spki))[1].content.subarray(1);
}

/**
 * CreateCertificate(template, parent, signeeKey, signerKey). `parent` undefined means
 * self-signed (the template is its own parent).
 */
export function createCertificate(
  t: CertTemplate,
  signee: PrivateKey,
  signer: PrivateKey,
  parent: ParentCert | undefined,
): Buffer {
  const { hash, algorithm } = signingParams(signer);
  const spki = publicKeyDer(signee);
  if (!spki) throw new X509Error('x509: unsupported public key type: *dsa.PublicKey');
  const subject = subjectDer(t.commonName);
  const issuer = parent ? parent.rawSubject : subject;
  const akid = parent && !issuer.equals(subject) ? parent.subjectKeyId : undefined;
  const skid = t.isCA ? createHash('sha1').update(publicKeyBits(spki)).digest() : undefined;
  const signerSpki = publicKeyDer(signer);
  if (parent && signerSpki && !signerSpki.equals(parent.publicKey)) {
    throw new X509Error("x509: provided PrivateKey doesn't match parent's PublicKey");
  }
  const tbs = seq(
    explicit(0, integer(2n)),
    integer(t.serial),
    algorithm,
    issuer,
    seq(time(t.notBefore), time(t.notAfter)),
    subject,
    spki,
    buildExtensions(t, subject.equals(seq()), akid, skid),
  );
  if (signer.kind === 'dsa')
    throw new X509Error('x509: certificate private key does not implement crypto.Signer');
  const signature = sign(hash, tbs, signer.key);
  return seq(tbs, algorithm, bitString(signature));
}

/** x509.ParseCertificate, reduced to what CreateCertificate needs from a parent. */
export function parseParent(der: Buffer): ParentCert {
  const [tbs] = children(readNode(der));
  const fields = children(tbs);
  const offset = fields[0].tag === 0xa0 ? 1 : 0;
  const rawSubject = fields[offset + 4].raw;
  const spki = fields[offset + 5].raw;
  // Normalise the key encoding the way Go's parsed PublicKey compares.
  const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({
    type: 'spki',
    format: 'der',
  });
  let subjectKeyId: Buffer | undefined;
  const extField = fields.slice(offset + 6).find((f: Node) => f.tag === 0xa3);
  if (extField) {
    for (const ext of children(children(extField)[0])) {
      const parts = children(ext);
      if (decodeOid(parts[0].content) === '2.5.29.14') {
        subjectKeyId = readNode(parts[parts.length - 1].content).content;
      }
    }
  }
  return { rawSubject, subjectKeyId, publicKey };
}
