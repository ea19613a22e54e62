/**
 * Byte-level checks of the certificates x509.ts builds against the encodings Go's
 * crypto/x509 produces for sprig's templates (x509.go marshalKeyUsage, marshalBasicConstraints,
 * marshalExtKeyUsage; encoding/asn1 string and time rules).
 */
import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import type { PrivateKey } from '../../src/sprig/crypto-keys.js';
import { goString, integer, time } from '../../src/sprig/der.js';
import type { CertTemplate } from '../../src/sprig/x509.js';
import { createCertificate, parseParent, subjectDer } from '../../src/sprig/x509.js';

const key: PrivateKey = {
  kind: 'ecdsa',
  key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
};
const template = (over: Partial<CertTemplate>): CertTemplate => ({
  serial: 12345n,
  commonName: 'fz',
  notBefore: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
  notAfter: new Date(Date.UTC(2060, 0, 2, 3, 4, 5)),
  isCA: false,
  dnsNames: [],
  ipAddresses: [],
  ...over,
});
const hex = (b: Buffer): string => b.toString('hex');

describe('extension encodings', () => {
  const leaf = hex(createCertificate(template({}), key, key, undefined));
  const ca = hex(createCertificate(template({ isCA: true }), key, key, undefined));

  it('key usage: critical, trailing bits trimmed', () => {
    expect(leaf).toContain('300e0603551d0f0101ff0404030205a0');
    expect(ca).toContain('300e0603551d0f0101ff0404030202a4');
  });

  it('basic constraints: critical, CA flag omitted when false, no path length', () => {
    expect(leaf).toContain('300c0603551d130101ff04023000');
    expect(ca).toContain('300f0603551d130101ff040530030101ff');
  });

  it('extended key usage: serverAuth then clientAuth, not critical', () => {
    const eku = '301d0603551d250416301406082b0601050507030106082b06010505070302';
    expect(leaf).toContain(eku);
    expect(ca).toContain(eku);
  });

  it('subject key id only for CAs, authority key id only when issued by another subject', () => {
    expect(leaf).not.toContain('0603551d0e');
    expect(ca).toContain('0603551d0e');
    const parent = parseParent(Buffer.from(ca, 'hex'));
    expect(parent.subjectKeyId).toHaveLength(20);
    const issued = hex(createCertificate(template({ commonName: 'other' }), key, key, parent));
    expect(issued).toContain(
      '0603551d23041830168014' + hex(parent.subjectKeyId ?? Buffer.alloc(0)),
    );
    const sameName = hex(createCertificate(template({}), key, key, parent));
    expect(sameName).not.toContain('0603551d23');
  });

  it('SANs: DNS names then IPs', () => {
    const c = hex(
      createCertificate(
        template({ dnsNames: ['a.b'], ipAddresses: [Buffer.from([10, 0, 0, 1])] }),
        key,
        key,
        undefined,
      ),
    );
    expect(c).toContain('0603551d11040d300b8203612e6287040a000001');
  });
});

describe('encoding/asn1 details', () => {
  it('uses PrintableString when possible, else UTF8String', () => {
    expect(hex(goString('fz-ca'))).toBe('1305667a2d6361');
    expect(hex(goString('*.fz'))).toBe('0c042a2e667a');
    expect(hex(goString('é'))).toBe('0c02c3a9');
  });

  it('encodes times as UTCTime before 2050 and GeneralizedTime after, dropping fractions', () => {
    expect(time(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))).toString('latin1')).toBe(
      '\x17\x0d240102030405Z',
    );
    expect(time(new Date(Date.UTC(2060, 0, 2, 3, 4, 5))).toString('latin1')).toBe(
      '\x18\x0f20600102030405Z',
    );
  });

  it('encodes INTEGERs minimally with a sign byte', () => {
    expect(hex(integer(0n))).toBe('020100');
    expect(hex(integer(127n))).toBe('02017f');
    expect(hex(integer(128n))).toBe('02020080');
    expect(hex(integer((1n << 128n) - 1n))).toBe('021100' + 'ff'.repeat(16));
  });

  it('writes an empty RDNSequence for an empty common name', () => {
    expect(hex(subjectDer(''))).toBe('3000');
    expect(hex(subjectDer('x'))).toBe('300c310a30080603550403130178');
  });
});
