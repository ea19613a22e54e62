/**
 * Chart provenance (helm pkg/provenance/sign.go): a `.prov` file is an OpenPGP clear-signed
 * message whose body is the chart's Chart.yaml, a `...` line, and a YAML `files:` map from the
 * archive's file name to `sha256:<hex>`. Verify checks the signature against a keyring (binary, as
 * `gpg --export` writes it, or armored) and the archive's sha256, as `helm verify` and `--verify` do.
 * OpenPGP comes from the openpgp package; nothing here touches files.
 */
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import YAML from 'yaml';
import { ProvenanceError, type Verification } from './errors.js';

export { ProvenanceError, type Verification } from './errors.js';

async function readKeyring(keyring: Uint8Array): Promise<openpgp.Key[]> {
  const text = new TextDecoder().decode(keyring.subarray(0, 64));
  if (text.includes('-----BEGIN PGP')) {
    return openpgp.readKeys({ armoredKeys: new TextDecoder().decode(keyring) });
  }
  return openpgp.readKeys({ binaryKeys: keyring });
}

/** parseMessageBlock: Chart.yaml, `\n...\n`, then the sums. */
export function parseMessageBlock(text: string): { files: Record<string, string> } {
  const parts = text.split('\n...\n');
  if (parts.length < 2) throw new Error('message block must have at least two parts');
  const sums = (YAML.parse(parts[1]!) ?? {}) as { files?: Record<string, string> };
  return { files: sums.files ?? {} };
}

/** messageBlock: the text Helm clear-signs for an archive. */
export function messageBlock(chartYaml: string, fileName: string, archive: Uint8Array): string {
  const hash = createHash('sha256').update(archive).digest('hex');
  const head = chartYaml.endsWith('\n') ? chartYaml : `${chartYaml}\n`;
  return `${head}\n...\nfiles:\n  ${fileName}: sha256:${hash}\n`;
}

/** Verify `prov` for `archive` (named `fileName`) with the keys of `keyring`. */
export async function verifyProvenance(opts: {
  archive: Uint8Array;
  fileName: string;
  prov: Uint8Array;
  keyring: Uint8Array;
}): Promise<Verification> {
  let keys: openpgp.Key[];
  try {
    keys = await readKeyring(opts.keyring);
  } catch (e) {
    throw new ProvenanceError(opts.fileName, `failed to load keyring: ${(e as Error).message}`);
  }
  let message: openpgp.CleartextMessage;
  try {
    message = await openpgp.readCleartextMessage({
      cleartextMessage: new TextDecoder().decode(opts.prov),
    });
  } catch {
    throw new ProvenanceError(opts.fileName, 'signature block not found');
  }
  let signedBy = '';
  let fingerprint = '';
  try {
    const result = await openpgp.verify({ message, verificationKeys: keys, expectSigned: true });
    const sig = result.signatures[0];
    if (!sig) throw new Error('no signature');
    await sig.verified;
    const key = keys.find((k) => k.getKeys(sig.keyID).length > 0);
    if (key) {
      fingerprint = key.getFingerprint().toUpperCase();
      signedBy = key.getUserIDs()[0] ?? '';
    }
  } catch (e) {
    throw new ProvenanceError(
      opts.fileName,
      `openpgp: signature made by unknown entity or invalid: ${(e as Error).message}`,
    );
  }
  let files: Record<string, string>;
  try {
    files = parseMessageBlock(message.getText()).files;
  } catch (e) {
    throw new ProvenanceError(opts.fileName, (e as Error).message);
  }
  const fileHash = `sha256:${createHash('sha256').update(opts.archive).digest('hex')}`;
  const sha = files[opts.fileName];
  if (sha === undefined) {
    throw new ProvenanceError(
      opts.fileName,
      `provenance does not contain a SHA for a file named ${JSON.stringify(opts.fileName)}`,
    );
  }
  if (sha !== fileHash) {
    throw new ProvenanceError(
      opts.fileName,
      `sha256 sum does not match for ${opts.fileName}: ${JSON.stringify(fileHash)} != ${JSON.stringify(sha)}`,
    );
  }
  return { signedBy, fingerprint, fileHash };
}

/** Clear-sign a message block with an (unlocked) private key: a `.prov` as `helm package --sign` makes. */
export async function signProvenance(opts: {
  chartYaml: string;
  fileName: string;
  archive: Uint8Array;
  privateKey: openpgp.PrivateKey;
}): Promise<string> {
  const text = messageBlock(opts.chartYaml, opts.fileName, opts.archive);
  const message = await openpgp.createCleartextMessage({ text });
  return openpgp.sign({ message, signingKeys: opts.privateKey });
}
