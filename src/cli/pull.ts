/**
 * `hookline pull CHART`: helm pull (cmd/helm/pull.go, pkg/action/pull.go): download a chart
 * from an OCI registry, a repository or a URL into `-d DIR` (default `.`), with `--prov`,
 * `--verify`, `--untar`/`--untardir`. OCI pulls print `Pulled:` and `Digest:` as Helm does.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { loadArchiveFiles } from '../chart/archive.js';
import { loadArchive } from '../chart/directory.js';
import { fetchChart } from '../downloader/resolve.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import {
  CHART_SOURCE_FLAGS,
  chartRefOf,
  formatVerification,
  keyringPath,
  sourceOptions,
  verifyFetched,
} from './chart-source.js';
import type { CliIo } from './io.js';

const FLAGS: FlagSpec[] = [
  ...CHART_SOURCE_FLAGS,
  { name: 'destination', short: 'd', kind: 'string' },
  { name: 'untar', kind: 'bool' },
  { name: 'untardir', kind: 'string' },
  { name: 'prov', kind: 'bool' },
];

export async function pullCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.positionals.length < 1) {
    throw new UsageError(
      `"hookline pull" requires at least 1 argument\n\nUsage:  hookline pull [chart URL | repo/chartname] [...] [flags]`,
    );
  }
  const dest = io.resolve(args.strings.get('destination') ?? '.');
  const verify = args.bools.get('verify') ?? false;
  for (const name of args.positionals) {
    const ref = chartRefOf(name, args, io);
    if (ref.kind === 'local') throw new UsageError(`${name}: a local chart cannot be pulled`);
    const opts = {
      ...sourceOptions(args, io),
      withProv: verify || (args.bools.get('prov') ?? false),
    };
    const fetched = await fetchChart(ref, opts);
    if (ref.kind === 'oci') {
      // Helm's registry client writes these to stderr (ClientOptWriter(os.Stderr)).
      io.stderr(`Pulled: ${fetched.source}\nDigest: ${fetched.manifestDigest}\n`);
    }
    if (verify) io.stdout(formatVerification(await verifyFetched(fetched, keyringPath(args, io))));
    mkdirSync(dest, { recursive: true });
    if (args.bools.get('untar')) {
      const chart = loadArchive(fetched.archive);
      const root = join(dest, args.strings.get('untardir') ?? '.', chart.metadata.name);
      if (existsSync(root))
        throw new Error(
          `failed to untar: a file or directory with the name ${root} already exists`,
        );
      for (const f of loadArchiveFiles(fetched.archive)) {
        const target = normalize(join(root, f.name));
        if (!target.startsWith(`${root}/`)) continue;
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, f.data);
      }
    } else {
      writeFileSync(join(dest, fetched.fileName), fetched.archive);
    }
    if (fetched.prov && (verify || args.bools.get('prov'))) {
      writeFileSync(join(dest, `${fetched.fileName}.prov`), fetched.prov);
    }
  }
  return 0;
}
