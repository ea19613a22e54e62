/**
 * Sprig certificate functions (sprig v3.2.3 crypto.go getBaseCertTemplate / getCertAndKey and
 * Go's x509.CreateCertificate). The PEMs are checked with OpenSSL (`openssl x509 -text`,
 * `openssl verify`) and node's X509Certificate.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuncError } from '../../src/gotemplate/functions.js';
import type { GoValue } from '../../src/gotemplate/values.js';
import { GoInt } from '../../src/gotemplate/values.js';
import { Certificate, parseIP } from '../../src/sprig/certs.js';
import { cryptoFuncs } from '../../src/sprig/crypto.js';
import { fixedClock } from '../../src/gotime/clock.js';

/** Certificates are dated by the injected clock: 2024-05-01T12:00:00Z. */
const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const F = Object.fromEntries(cryptoFuncs(fixedClock(NOW / 1000)).map((f) => [f.name, f]));
const call = (name: string, ...args: GoValue[]): Certificate =>
  F[name].impl(...args) as Certificate;
const days = (n: number): GoInt => new GoInt(n, 'int');
const OPENSSL = '/usr/bin/openssl';

function openssl(args: string[], files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-certs-'));
  try {
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    return execFileSync(OPENSSL, args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const text = (cert: string): string =>
  openssl(['x509', '-noout', '-text', '-in', 'c.pem'], { 'c.pem': cert });

describe('the certificate struct', () => {
  it('is a sprig.certificate with Cert and Key fields', () => {
    const ca = call('genCA', 'fz-ca', days(365));
    expect(ca.goType).toEqual({ name: 'sprig.certificate', kind: 'struct' });
    expect(ca.fieldNames).toEqual(['Cert', 'Key']);
    expect(ca.field('Cert')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(ca.field('Key')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
  });
});

describe.each([existsSync(OPENSSL)])(
  'certificates as OpenSSL reads them (openssl present: %s)',
  (present) => {
    it('has openssl available in this environment', () => {
      expect(present).toBe(true);
    });

    it('genCA: a self-signed RSA 2048 CA with SKID, critical CA basic constraints and key usage', () => {
      const ca = call('genCA', 'fz-ca', days(365));
      const t = text(ca.cert);
      expect(t).toContain('Version: 3 (0x2)');
      expect(t).toContain('Signature Algorithm: sha256WithRSAEncryption');
      expect(t).toMatch(/Issuer: CN ?= ?fz-ca/);
      expect(t).toMatch(/Subject: CN ?= ?fz-ca/);
      expect(t).toContain('Public-Key: (2048 bit)');
      expect(t).toMatch(
        /X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment, Certificate Sign\n/,
      );
      expect(t).toMatch(
        /X509v3 Extended Key Usage: \n\s+TLS Web Server Authentication, TLS Web Client Authentication\n/,
      );
      expect(t).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:TRUE\n/);
      expect(t).toContain('X509v3 Subject Key Identifier');
      expect(t).not.toContain('Authority Key Identifier');
      expect(t).not.toContain('Subject Alternative Name');
      const x = new X509Certificate(ca.cert);
      expect(x.ca).toBe(true);
      expect(Date.parse(x.validFrom)).toBe(NOW);
      expect(Date.parse(x.validTo) - Date.parse(x.validFrom)).toBe(365 * 86400 * 1000);
      expect(BigInt('0x' + x.serialNumber)).toBeLessThan(1n << 128n);
      expect(x.checkPrivateKey(createPrivateKey(ca.key))).toBe(true);
      expect(
        openssl(['verify', '-attime', String(NOW / 1000 + 3600), '-CAfile', 'ca.pem', 'ca.pem'], {
          'ca.pem': ca.cert,
        }),
      ).toContain('OK');
    });

    it('genSelfSignedCert: leaf usages, empty basic constraints, SANs in Go order', () => {
      const c = call(
        'genSelfSignedCert',
        'fz.local',
        ['10.0.0.1', '::1'],
        ['a.fz.local', 'b.fz.local'],
        days(30),
      );
      const t = text(c.cert);
      expect(t).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
      expect(t).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:FALSE\n/);
      expect(t).toMatch(
        /X509v3 Subject Alternative Name: \n\s+DNS:a.fz.local, DNS:b.fz.local, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1\n/,
      );
      expect(t).not.toContain('Subject Key Identifier');
      expect(new X509Certificate(c.cert).checkPrivateKey(createPrivateKey(c.key))).toBe(true);
    });

    it('marks the SAN extension critical when the subject is empty', () => {
      const c = call('genSelfSignedCert', '', null, ['x.example'], days(1));
      expect(text(c.cert)).toMatch(/X509v3 Subject Alternative Name: critical\n\s+DNS:x.example/);
    });

    it('genSignedCert: issued by the CA with its key id as AKID; openssl verify accepts it', () => {
      const ca = call('genCA', 'fz-ca', days(365));
      const leaf = call('genSignedCert', 'svc.fz', ['127.0.0.1'], ['svc.fz'], days(10), ca);
      const t = text(leaf.cert);
      expect(t).toMatch(/Issuer: CN ?= ?fz-ca/);
      expect(t).toMatch(/Subject: CN ?= ?svc.fz/);
      const skid = /Subject Key Identifier: ?\n\s+([0-9A-F:]+)/.exec(text(ca.cert))?.[1];
      expect(skid).toBeDefined();
      expect(t).toContain('X509v3 Authority Key Identifier');
      expect(t.replace(/keyid:/g, '')).toContain(skid);
      expect(
        openssl(['verify', '-attime', String(NOW / 1000 + 3600), '-CAfile', 'ca.pem', 'leaf.pem'], {
          'ca.pem': ca.cert,
          'leaf.pem': leaf.cert,
        }),
      ).toContain('leaf.pem: OK');
    });

    it('the *WithKey variants use the given ECDSA and Ed25519 keys and re-encode them like pemBlockForKey', () => {
      const ecKey = F.genPrivateKey.impl('ecdsa') as string;
      const edKey = F.genPrivateKey.impl('ed25519') as string;
      const ca = call('genCAWithKey', 'ec-ca', days(5), ecKey);
      expect(ca.key).toBe(ecKey);
      expect(text(ca.cert)).toContain('Signature Algorithm: ecdsa-with-SHA256');
      const leaf = call('genSignedCertWithKey', 'ed.leaf', null, null, days(5), ca, edKey);
      expect(leaf.key).toBe(edKey);
      expect(text(leaf.cert)).toMatch(/Public Key Algorithm: ED25519/i);
      expect(
        openssl(['verify', '-attime', String(NOW / 1000 + 3600), '-CAfile', 'ca.pem', 'leaf.pem'], {
          'ca.pem': ca.cert,
          'leaf.pem': leaf.cert,
        }),
      ).toContain('OK');
      const self = call('genSelfSignedCertWithKey', 'ed', null, null, days(1), edKey);
      expect(text(self.cert)).toContain('Signature Algorithm: ED25519');
      const pkcs8Rsa = createPrivateKey(F.genPrivateKey.impl('rsa') as string).export({
        type: 'pkcs8',
        format: 'pem',
      }) as string;
      expect(call('genCAWithKey', 'r', days(1), pkcs8Rsa).key).toMatch(
        /^-----BEGIN RSA PRIVATE KEY-----/,
      );
    });
  },
);

describe('certificate errors (sprig messages)', () => {
  it.each<[string, GoValue[], string]>([
    ['genCAWithKey', ['x', days(1), 'garbage'], 'parsing private key: no PEM data in input'],
    [
      'genCAWithKey',
      ['x', days(1), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
      'parsing private key: no private key data in PEM block of type CERTIFICATE',
    ],
    [
      'genCAWithKey',
      ['x', days(1), '-----BEGIN FOO PRIVATE KEY-----\nAAAA\n-----END FOO PRIVATE KEY-----\n'],
      'parsing private key: invalid private key type FOO PRIVATE KEY',
    ],
    ['genSelfSignedCert', ['x', ['not-an-ip'], null, days(1)], 'error parsing ip: not-an-ip'],
    [
      'genSelfSignedCert',
      ['x', [new GoInt(1, 'int')], null, days(1)],
      'error parsing ip: 1 is not a string',
    ],
    [
      'genSelfSignedCert',
      ['x', null, [true], days(1)],
      'error processing alternate dns name: true is not a string',
    ],
    ['buildCustomCert', ['%%%', 'AAAA'], 'unable to decode base64 certificate'],
    ['buildCustomCert', ['AAAA', '%%%'], 'unable to decode base64 private key'],
    ['buildCustomCert', ['AAAA', 'AAAA'], 'unable to decode certificate'],
  ])('%s case %#', (name, args, msg) => {
    expect(() => F[name].impl(...args)).toThrow(new FuncError(msg));
  });

  it('rejects a DSA key for certificates as x509.CreateCertificate does', () => {
    const dsa = F.genPrivateKey.impl('dsa') as string;
    expect(() => F.genCAWithKey.impl('x', days(1), dsa)).toThrow(
      new FuncError(
        'error creating certificate: x509: certificate private key does not implement crypto.Signer',
      ),
    );
  });

  it('refuses a CA whose key does not match its certificate', () => {
    const a = call('genCA', 'a', days(1));
    const b = call('genCA', 'b', days(1));
    const mixed = new Certificate(a.cert, b.key);
    expect(() => F.genSignedCert.impl('x', null, null, days(1), mixed)).toThrow(
      "error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey",
    );
  });

  it('buildCustomCert keeps a valid pair as is', () => {
    const ca = call('genCA', 'fz-ca', days(1));
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const c = F.buildCustomCert.impl(b64(ca.cert), b64(ca.key)) as Certificate;
    expect([c.cert, c.key]).toEqual([ca.cert, ca.key]);
  });
});

describe('net.ParseIP', () => {
  it.each<[string, string | undefined]>([
    ['10.0.0.1', '0a000001'],
    ['::1', '00000000000000000000000000000001'],
    ['::ffff:10.0.0.1', '0a000001'],
    ['fe80::1:2', 'fe800000000000000000000000010002'],
    ['256.0.0.1', undefined],
    ['01.2.3.4', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['host', undefined],
  ])('%j', (ip, hex) => {
    expect(parseIP(ip)?.toString('hex')).toBe(hex);
  });
});
