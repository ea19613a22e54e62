/**
 * `hookline dependency build|update|list [CHART]`: helm dependency (cmd/helm/dependency*.go).
 */
import { dependencyBuild, dependencyStatuses, dependencyUpdate } from '../downloader/manager.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { sourceOptions, TLS_FLAGS } from './chart-source.js';
import type { CliIo } from './io.js';

const FLAGS: FlagSpec[] = [
  ...TLS_FLAGS,
  { name: 'username', kind: 'string' },
  { name: 'password', kind: 'string' },
  { name: 'skip-refresh', kind: 'bool' },
  { name: 'max-col-width', kind: 'string' },
];

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('\t'))
    .join('\n');
}

export async function dependencyCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, FLAGS);
  const dir = io.resolve(args.positionals[0] ?? '.');
  const opts = {
    ...sourceOptions(args, io),
    out: (t: string) => io.stdout(t),
    skipRefresh: args.bools.get('skip-refresh') ?? false,
  };
  switch (sub) {
    case 'update':
    case 'up':
      await dependencyUpdate(dir, opts);
      return 0;
    case 'build':
      await dependencyBuild(dir, opts);
      return 0;
    case 'list':
    case 'ls': {
      const statuses = dependencyStatuses(dir);
      if (statuses.length === 0) {
        io.stdout(`WARNING: no dependencies at ${dir}/charts\n`);
        return 0;
      }
      const rows = [['NAME', 'VERSION', 'REPOSITORY', 'STATUS']];
      for (const s of statuses) rows.push([s.dep.name, s.dep.version, s.dep.repository, s.status]);
      io.stdout(`${table(rows)}\n\n`);
      return 0;
    }
    default:
      throw new UsageError(
        `unknown command "${sub ?? ''}" for "hookline dependency" (build, update, list)`,
      );
  }
}
