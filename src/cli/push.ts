/**
 * `hookline push CHART.tgz oci://REMOTE`: helm push (cmd/helm/push.go, pkg/pusher/ocipusher.go)
 * with Helm's media types and annotations, so `helm pull` reads what hookline pushed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadArchive } from '../chart/directory.js';
import { registryClient } from '../downloader/resolve.js';
import { isOci } from '../registry/reference.js';
import { pushChart, rfc3339Local } from '../registry/push.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { sourceOptions, TLS_FLAGS } from './chart-source.js';
import type { CliIo } from './io.js';

const FLAGS: FlagSpec[] = [
  ...TLS_FLAGS,
  { name: 'username', kind: 'string' },
  { name: 'password', kind: 'string' },
];

export async function pushCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.positionals.length !== 2) {
    throw new UsageError(
      `"hookline push" requires 2 arguments\n\nUsage:  hookline push [chart] [remote] [flags]`,
    );
  }
  const [chartArg, remote] = args.positionals as [string, string];
  if (!isOci(remote)) throw new UsageError(`scheme prefix missing from remote (e.g. "oci://")`);
  const path = io.resolve(chartArg);
  if (!existsSync(path)) throw new Error(`${chartArg}: no such file`);
  const stat = statSync(path);
  if (stat.isDirectory())
    throw new Error('cannot push directory, must provide chart archive (.tgz)');
  const archive = new Uint8Array(readFileSync(path));
  const chart = loadArchive(archive);
  const provPath = `${path}.prov`;
  const result = await pushChart({
    client: registryClient(sourceOptions(args, io)),
    archive,
    metadata: chart.metadata,
    prov: existsSync(provPath) ? new Uint8Array(readFileSync(provPath)) : undefined,
    remote,
    creationTime: rfc3339Local(stat.mtime),
  });
  // Helm's registry client writes these to stderr (ClientOptWriter(os.Stderr)).
  io.stderr(`Pushed: ${result.ref}\nDigest: ${result.manifestDigest}\n`);
  return 0;
}
