/**
 * Provenance (helm pkg/provenance): `.prov` files clear-signed with OpenPGP, verified against a
 * keyring with the archive's sha256, on local archives (`--verify --keyring`) and on charts
 * fetched from a repository (the `.prov` next to the archive).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import {
  signProvenance,
  verifyProvenance,
  ProvenanceError,
} from '../../src/provenance/provenance.js';
import {
  cli,
  isolatedEnv,
  packageChart,
  startFileServer,
  tmp,
  writeChart,
  type FileServer,
} from './support.js';

describe('provenance (.prov) verification', () => {
  let root: string;
  let env: Record<string, string>;
  let tgz: string;
  let keyring: string;
  let otherKeyring: string;
  let srv: FileServer;
  beforeAll(async () => {
    root = tmp();
    env = isolatedEnv(root);
    const dir = writeChart(join(root, 'src'), 'signed', '1.0.0');
    tgz = packageChart(dir, root, 'signed', '1.0.0');
    const key = await openpgp.generateKey({
      userIDs: [{ name: 'Chart Signer', email: 'sign@example.com' }],
      type: 'ecc',
      format: 'object',
    });
    const other = await openpgp.generateKey({
      userIDs: [{ name: 'Someone Else' }],
      type: 'ecc',
      format: 'object',
    });
    keyring = join(root, 'pubring.gpg');
    writeFileSync(keyring, key.publicKey.write());
    otherKeyring = join(root, 'other.asc');
    writeFileSync(otherKeyring, other.publicKey.armor());
    const prov = await signProvenance({
      chartYaml: readFileSync(join(dir, 'Chart.yaml'), 'utf8'),
      fileName: 'signed-1.0.0.tgz',
      archive: new Uint8Array(readFileSync(tgz)),
      privateKey: key.privateKey,
    });
    writeFileSync(`${tgz}.prov`, prov);
    const data = new Uint8Array(readFileSync(tgz));
    srv = await startFileServer(
      new Map<string, Uint8Array | string>([
        [
          '/index.yaml',
          `apiVersion: v1\nentries:\n  signed:\n  - apiVersion: v2\n    name: signed\n    version: 1.0.0\n    urls:\n    - signed-1.0.0.tgz\n`,
        ],
        ['/signed-1.0.0.tgz', data],
        ['/signed-1.0.0.tgz.prov', prov],
      ]),
    );
  });
  afterAll(async () => {
    await srv?.stop();
  });

  test('a good signature over the right archive verifies (binary keyring)', async () => {
    const v = await verifyProvenance({
      archive: new Uint8Array(readFileSync(tgz)),
      fileName: 'signed-1.0.0.tgz',
      prov: new Uint8Array(readFileSync(`${tgz}.prov`)),
      keyring: new Uint8Array(readFileSync(keyring)),
    });
    expect(v.signedBy).toBe('Chart Signer <sign@example.com>');
    expect(v.fileHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('template --verify --keyring on a local archive; a different key is refused', async () => {
    const ok = await cli(['template', 'r', tgz, '--verify', '--keyring', keyring], root, env);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('name: r-signed');
    const bad = await cli(['template', 'r', tgz, '--verify', '--keyring', otherKeyring], root, env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('openpgp: signature made by unknown entity');
  });

  test('a modified archive fails the sha256 check', async () => {
    const archive = new Uint8Array(readFileSync(tgz));
    const changed = archive.slice();
    changed[changed.length - 1] ^= 1;
    await expect(
      verifyProvenance({
        archive: changed,
        fileName: 'signed-1.0.0.tgz',
        prov: new Uint8Array(readFileSync(`${tgz}.prov`)),
        keyring: new Uint8Array(readFileSync(keyring)),
      }),
    ).rejects.toThrow(/sha256 sum does not match for signed-1.0.0.tgz/);
    await expect(
      verifyProvenance({
        archive,
        fileName: 'renamed.tgz',
        prov: new Uint8Array(readFileSync(`${tgz}.prov`)),
        keyring: new Uint8Array(readFileSync(keyring)),
      }),
    ).rejects.toBeInstanceOf(ProvenanceError);
  });

  test('pull --verify from a repository fetches the .prov and reports the signer', async () => {
    const r = await cli(
      [
        'pull',
        'signed',
        '--repo',
        srv.url,
        '--verify',
        '--keyring',
        keyring,
        '-d',
        join(root, 'out'),
      ],
      root,
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Signed by: Chart Signer <sign@example.com>\n');
    expect(r.stdout).toContain('Chart Hash Verified: sha256:');
    expect(readFileSync(join(root, 'out', 'signed-1.0.0.tgz.prov'), 'utf8')).toContain(
      'BEGIN PGP SIGNED MESSAGE',
    );
    const denied = await cli(
      ['template', 'r', 'signed', '--repo', srv.url, '--verify', '--keyring', otherKeyring],
      root,
      env,
    );
    expect(denied.code).toBe(1);
  });
});
