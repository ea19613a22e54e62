/**
 * Sprig's certificate functions (Masterminds/sprig v3.2.3 crypto.go): buildCustomCert, genCA,
 * genCAWithKey, genSelfSignedCert(WithKey), genSignedCert(WithKey). They return a
 * `sprig.certificate` struct with the PEM strings in its Cert and Key fields.
 */
import { randomBytes } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import { FuncError, fn } from '../gotemplate/functions.js';
import type { FuncSignature } from '../gotemplate/functions.js';
import type { GoFuncValue, GoInt, GoTypeInfo, GoValue } from '../gotemplate/values.js';
import { GoStruct } from '../gotemplate/values.js';
import { formatValue } from '../gotemplate/fmt.js';
import type { Clock } from '../gotime/clock.js';
import type { PrivateKey } from './crypto-keys.js';
import { KeyError, generateRsa, keyToPem, parsePrivateKeyPem } from './crypto-keys.js';
import { pemDecode, pemEncode } from './der.js';
import type { CertTemplate, ParentCert } from './x509.js';
import { X509Error, createCertificate, parseParent } from './x509.js';

const CERTIFICATE_TYPE: GoTypeInfo = { name: 'sprig.certificate', kind: 'struct' };

/** sprig's `certificate` struct. */
export class Certificate extends GoStruct {
  readonly goType = CERTIFICATE_TYPE;
  readonly fieldNames = ['Cert', 'Key'] as const;

  constructor(
    readonly cert: string,
    readonly key: string,
  ) {
    super();
  }

  field(name: string): GoValue {
    return name === 'Cert' ? this.cert : this.key;
  }
}

/** net.ParseIP: dotted IPv4 (4 bytes after To4) or IPv6 (16 bytes); undefined if invalid. */
export function parseIP(s: string): Buffer | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p, i) => p > 255 || (v4[i + 1].length > 1 && v4[i + 1][0] === '0')))
      return undefined;
    return Buffer.from(parts);
  }
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  let head = s;
  let tail4: Buffer | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    tail4 = parseIP(s.slice(lastColon + 1));
    if (!tail4 || tail4.length !== 4) return undefined;
    head = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): string[] => (h === '' ? [] : h.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const fill = 8 - left.length - right.length;
  if ((halves.length === 1 && fill !== 0) || (halves.length === 2 && fill < 1)) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  if (tail4) tail4.copy(out, 12);
  // net.IP.To4 turns IPv4-mapped IPv6 addresses back into 4 bytes.
  if (out.subarray(0, 10).every((b) => b === 0) && out[10] === 0xff && out[11] === 0xff)
    return out.subarray(12);
  return out;
}

function netIPs(ips: GoValue[] | null): Buffer[] {
  return (ips ?? []).map((ip) => {
    if (typeof ip !== 'string')
      throw new FuncError(`error parsing ip: ${formatValue(ip)} is not a string`);
    const parsed = parseIP(ip);
    if (!parsed) throw new FuncError(`error parsing ip: ${ip}`);
    return parsed;
  });
}

function dnsNames(names: GoValue[] | null): string[] {
  return (names ?? []).map((d) => {
    if (typeof d !== 'string') {
      throw new FuncError(`error processing alternate dns name: ${formatValue(d)} is not a string`);
    }
    return d;
  });
}

/** getBaseCertTemplate: random 128-bit serial, valid from now for daysValid days. */
function baseTemplate(
  clock: Clock,
  cn: string,
  ips: GoValue[] | null,
  dns: GoValue[] | null,
  days: GoInt,
  isCA: boolean,
): CertTemplate {
  const ipAddresses = netIPs(ips);
  const dnsList = dnsNames(dns);
  const t = clock.now();
  const now = t.sec * 1000 + Math.floor(t.nsec / 1e6);
  return {
    serial: BigInt('0x' + randomBytes(16).toString('hex')),
    commonName: cn,
    notBefore: new Date(now),
    notAfter: new Date(now + days.toNumber() * 86400000),
    isCA,
    dnsNames: dnsList,
    ipAddresses,
  };
}

/** getCertAndKey. */
function certAndKey(
  t: CertTemplate,
  signee: PrivateKey,
  signer: PrivateKey,
  parent?: ParentCert,
): Certificate {
  let der: Buffer;
  try {
    der = createCertificate(t, signee, signer, parent);
  } catch (e) {
    if (e instanceof X509Error) throw new FuncError(`error creating certificate: ${e.message}`);
    throw e;
  }
  return new Certificate(pemEncode('CERTIFICATE', der), keyToPem(signee));
}

function keyFromPem(pem: string, prefix: string): PrivateKey {
  try {
    return parsePrivateKeyPem(pem);
  } catch (e) {
    if (e instanceof KeyError) throw new FuncError(`${prefix}: ${e.message}`);
    throw e;
  }
}

function decodeCert(pem: string, what: string): Buffer {
  const block = pemDecode(pem);
  if (!block) throw new FuncError('unable to decode certificate');
  try {
    new X509Certificate(block.bytes);
  } catch (e) {
    throw new FuncError(
      `error parsing certificate: ${what}: x509: malformed certificate (${(e as Error).message})`,
    );
  }
  return block.bytes;
}

function buildCustomCert(b64cert: string, b64key: string): Certificate {
  const b64 = /^[A-Za-z0-9+/]*={0,2}$/;
  const clean = (s: string): string => s.replace(/[\r\n]/g, '');
  if (!b64.test(clean(b64cert)) || clean(b64cert).length % 4 !== 0) {
    throw new FuncError('unable to decode base64 certificate');
  }
  if (!b64.test(clean(b64key)) || clean(b64key).length % 4 !== 0) {
    throw new FuncError('unable to decode base64 private key');
  }
  const cert = Buffer.from(clean(b64cert), 'base64').toString('utf8');
  const key = Buffer.from(clean(b64key), 'base64').toString('utf8');
  decodeCert(cert, 'decodedCert.Bytes');
  keyFromPem(key, 'error parsing private key');
  return new Certificate(cert, key);
}

function signedCert(
  clock: Clock,
  cn: string,
  ips: GoValue[] | null,
  dns: GoValue[] | null,
  days: GoInt,
  ca: Certificate,
  key: PrivateKey,
): Certificate {
  const parent = parseParent(decodeCert(ca.cert, 'decodedSignerCert.Bytes'));
  const signer = keyFromPem(ca.key, 'error parsing private key');
  return certAndKey(baseTemplate(clock, cn, ips, dns, days, false), key, signer, parent);
}

const sig = (
  params: FuncSignature['params'],
  structTypes?: Record<number, string>,
): FuncSignature => ({
  params,
  returnsError: true,
  ...(structTypes ? { structTypes } : {}),
});
const CERT = 'sprig.certificate';
const rsa2048 = (): PrivateKey => generateRsa(2048);
const withKey = (pem: string): PrivateKey => keyFromPem(pem, 'parsing private key');

/** The certificate functions, valid from `clock`'s now (Helm's engine passes its clock). */
export function certFuncs(clock: Clock): GoFuncValue[] {
  return [
    fn('buildCustomCert', sig(['string', 'string']), buildCustomCert),
    fn('genCA', sig(['string', 'int']), (cn: string, days: GoInt) => {
      const key = rsa2048();
      return certAndKey(baseTemplate(clock, cn, null, null, days, true), key, key);
    }),
    fn('genCAWithKey', sig(['string', 'int', 'string']), (cn: string, days: GoInt, pem: string) => {
      const key = withKey(pem);
      return certAndKey(baseTemplate(clock, cn, null, null, days, true), key, key);
    }),
    fn(
      'genSelfSignedCert',
      sig(['string', 'slice', 'slice', 'int']),
      (cn: string, ips: GoValue[] | null, dns: GoValue[] | null, days: GoInt) => {
        const key = rsa2048();
        return certAndKey(baseTemplate(clock, cn, ips, dns, days, false), key, key);
      },
    ),
    fn(
      'genSelfSignedCertWithKey',
      sig(['string', 'slice', 'slice', 'int', 'string']),
      (cn: string, ips: GoValue[] | null, dns: GoValue[] | null, days: GoInt, pem: string) => {
        const key = withKey(pem);
        return certAndKey(baseTemplate(clock, cn, ips, dns, days, false), key, key);
      },
    ),
    fn(
      'genSignedCert',
      sig(['string', 'slice', 'slice', 'int', 'value'], { 4: CERT }),
      (cn: string, ips: GoValue[] | null, dns: GoValue[] | null, days: GoInt, ca: Certificate) =>
        signedCert(clock, cn, ips, dns, days, ca, rsa2048()),
    ),
    fn(
      'genSignedCertWithKey',
      sig(['string', 'slice', 'slice', 'int', 'value', 'string'], { 4: CERT }),
      (
        cn: string,
        ips: GoValue[] | null,
        dns: GoValue[] | null,
        days: GoInt,
        ca: Certificate,
        pem: string,
      ) => signedCert(clock, cn, ips, dns, days, ca, withKey(pem)),
    ),
  ];
}
