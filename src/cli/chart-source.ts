/**
 * The chart argument of template/install/upgrade/pull: a local directory or archive, `oci://…`,
 * `REPO/CHART`, `--repo URL CHART`, or an https URL to a .tgz (see src/downloader), with Helm's
 * flags for choosing a version and reaching the source, and `--verify` against a keyring.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArchive } from '../chart/directory.js';
import type { Chart } from '../chart/types.js';
import { classifyChartRef, type ChartRef } from '../downloader/chart-ref.js';
// Types only: the downloader (HTTP, TLS, registry credentials, crypto) is imported when a
// command fetches a chart or updates dependencies, not by every `template` of a directory.
import type { ChartSourceOptions, FetchedChart } from '../downloader/resolve.js';
import { ProvenanceError, type Verification } from '../provenance/errors.js';
import type { FlagSpec, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';
import { loadChartArg, statChartPath } from './user-files.js';
import { beforeUntrackedWrites } from '../runtime/side-effects.js';

export const TLS_FLAGS: FlagSpec[] = [
  { name: 'ca-file', kind: 'string' },
  { name: 'cert-file', kind: 'string' },
  { name: 'key-file', kind: 'string' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'plain-http', kind: 'bool' },
];

export const CHART_SOURCE_FLAGS: FlagSpec[] = [
  ...TLS_FLAGS,
  { name: 'version', kind: 'string' },
  { name: 'devel', kind: 'bool' },
  { name: 'repo', kind: 'string' },
  { name: 'username', kind: 'string' },
  { name: 'password', kind: 'string' },
  { name: 'pass-credentials', kind: 'bool' },
  { name: 'verify', kind: 'bool' },
  { name: 'keyring', kind: 'string' },
  { name: 'dependency-update', kind: 'bool' },
];

export function sourceOptions(args: ParsedArgs, io: CliIo): ChartSourceOptions {
  const s = (n: string) => args.strings.get(n) || undefined;
  const file = (n: string) => (s(n) ? io.resolve(s(n)!) : undefined);
  return {
    version: s('version'),
    devel: args.bools.get('devel') ?? false,
    username: s('username'),
    password: s('password'),
    passCredentials: args.bools.get('pass-credentials') ?? false,
    plainHttp: args.bools.get('plain-http') ?? false,
    tls: {
      caFile: file('ca-file'),
      certFile: file('cert-file'),
      keyFile: file('key-file'),
      insecureSkipTlsVerify: args.bools.get('insecure-skip-tls-verify') ?? false,
    },
    withProv: args.bools.get('verify') ?? false,
    env: (n) => io.env(n),
    log: (m) => io.log(m),
  };
}

/** Helm's default keyring: `$GNUPGHOME/pubring.gpg`, else `~/.gnupg/pubring.gpg`. */
export function keyringPath(args: ParsedArgs, io: CliIo): string {
  const given = args.strings.get('keyring');
  if (given) return io.resolve(given);
  const home = io.env('GNUPGHOME') || join(io.env('HOME') ?? '', '.gnupg');
  return join(home, 'pubring.gpg');
}

export function chartRefOf(name: string, args: ParsedArgs, io: CliIo): ChartRef {
  return classifyChartRef(name, {
    repoUrl: args.strings.get('repo') || undefined,
    exists: (p) => existsSync(io.resolve(p)),
  });
}

/** Verify a fetched archive's provenance, printing what Helm's `--verify` reports. */
export async function verifyFetched(
  fetched: Pick<FetchedChart, 'archive' | 'prov' | 'fileName'>,
  keyring: string,
): Promise<Verification> {
  if (!fetched.prov) {
    throw new ProvenanceError(
      fetched.fileName,
      `failed to fetch provenance for ${fetched.fileName}: no .prov found`,
    );
  }
  // openpgp is loaded only when a signature is checked (it costs ~200 ms at startup).
  const { verifyProvenance } = await import(
    /* webpackMode: "eager" */ '../provenance/provenance.js'
  );
  return verifyProvenance({
    archive: fetched.archive,
    fileName: fetched.fileName,
    prov: fetched.prov,
    keyring: new Uint8Array(readFileSync(keyring)),
  });
}

export function formatVerification(v: Verification): string {
  return `Signed by: ${v.signedBy}\nUsing Key With Fingerprint: ${v.fingerprint}\nChart Hash Verified: ${v.fileHash}\n`;
}

/** Load the chart a command was given, fetching and verifying it when remote. */
export async function locateChart(name: string, args: ParsedArgs, io: CliIo): Promise<Chart> {
  const ref = chartRefOf(name, args, io);
  const verify = args.bools.get('verify') ?? false;
  if (ref.kind === 'local') {
    const { path, isFile } = statChartPath(io, ref.path);
    // install/upgrade/template --dependency-update: update a chart directory's charts/ first.
    if (args.bools.get('dependency-update') && !isFile) {
      beforeUntrackedWrites('--dependency-update writes charts/');
      const { dependencyUpdate } = await import('../downloader/manager.js');
      await dependencyUpdate(path, {
        ...sourceOptions(args, io),
        withProv: false,
        out: (t) => io.stdout(t),
      });
    }
    if (verify) {
      if (!isFile) {
        throw new ProvenanceError(
          ref.path,
          `--verify needs a packaged chart (.tgz) and its .prov, not the directory ${ref.path}`,
        );
      }
      if (!existsSync(`${path}.prov`))
        throw new ProvenanceError(ref.path, `could not load provenance file ${path}.prov`);
      await verifyFetched(
        {
          archive: new Uint8Array(readFileSync(path)),
          prov: new Uint8Array(readFileSync(`${path}.prov`)),
          fileName: path.split('/').pop() ?? path,
        },
        keyringPath(args, io),
      );
    }
    return loadChartArg(io, ref.path);
  }
  beforeUntrackedWrites('fetching a chart writes the download cache');
  const { fetchChart } = await import('../downloader/resolve.js');
  const fetched = await fetchChart(ref, sourceOptions(args, io));
  if (verify) await verifyFetched(fetched, keyringPath(args, io));
  return loadArchive(fetched.archive);
}
