/**
 * `hookline repo add|list|remove|update`: helm repo (cmd/helm/repo_*.go). repositories.yaml and
 * the `NAME-index.yaml` cache live where Helm keeps them, so Helm and hookline share them.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { downloadIndex, readRepoFile } from '../downloader/resolve.js';
import {
  findRepo,
  helmPaths,
  indexCachePath,
  newEntry,
  writeRepoFile,
  type RepoEntry,
  type RepoFile,
} from '../repo/repositories.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import type { CliIo } from './io.js';

const ADD_FLAGS: FlagSpec[] = [
  { name: 'username', kind: 'string' },
  { name: 'password', kind: 'string' },
  { name: 'password-stdin', kind: 'bool' },
  { name: 'pass-credentials', kind: 'bool' },
  { name: 'ca-file', kind: 'string' },
  { name: 'cert-file', kind: 'string' },
  { name: 'key-file', kind: 'string' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'force-update', kind: 'bool' },
];

function save(io: CliIo, f: RepoFile): void {
  const file = helmPaths((n) => io.env(n)).repositoryConfig;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, writeRepoFile(f), { mode: 0o600 });
}

function access(e: RepoEntry) {
  return {
    url: e.url,
    username: e.username,
    password: e.password,
    passCredentials: e.pass_credentials_all,
    tls: {
      caFile: e.caFile || undefined,
      certFile: e.certFile || undefined,
      keyFile: e.keyFile || undefined,
      insecureSkipTlsVerify: e.insecure_skip_tls_verify,
    },
  };
}

async function updateIndex(io: CliIo, e: RepoEntry): Promise<void> {
  const { text } = await downloadIndex(access(e));
  const file = indexCachePath(
    helmPaths((n) => io.env(n)),
    e.name,
  );
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function sameEntry(a: RepoEntry, b: RepoEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function add(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ADD_FLAGS);
  if (args.positionals.length !== 2) {
    throw new UsageError(
      `"hookline repo add" requires 2 arguments\n\nUsage:  hookline repo add [NAME] [URL] [flags]`,
    );
  }
  const [name, url] = args.positionals as [string, string];
  if (name.includes('/'))
    throw new Error(
      `repository name (${name}) contains '/', please specify a different name without '/'`,
    );
  let password = args.strings.get('password') ?? '';
  if (args.bools.get('password-stdin')) {
    password = new TextDecoder().decode(io.readStdin()).replace(/\r?\n$/, '');
  }
  const file = (n: string) => (args.strings.get(n) ? io.resolve(args.strings.get(n)!) : '');
  const entry = newEntry(name, url, {
    username: args.strings.get('username') ?? '',
    password,
    caFile: file('ca-file'),
    certFile: file('cert-file'),
    keyFile: file('key-file'),
    insecure_skip_tls_verify: args.bools.get('insecure-skip-tls-verify') ?? false,
    pass_credentials_all: args.bools.get('pass-credentials') ?? false,
  });
  const f = readRepoFile((n) => io.env(n));
  const existing = findRepo(f, name);
  if (existing && !args.bools.get('force-update')) {
    if (sameEntry(existing, entry)) {
      io.stdout(`"${name}" already exists with the same configuration, skipping\n`);
      return 0;
    }
    throw new Error(`repository name (${name}) already exists, please specify a different name`);
  }
  await updateIndex(io, entry);
  f.repositories = [...f.repositories.filter((r) => r.name !== name), entry];
  save(io, f);
  io.stdout(`"${name}" has been added to your repositories\n`);
  return 0;
}

function list(io: CliIo): number {
  const f = readRepoFile((n) => io.env(n));
  if (f.repositories.length === 0) throw new Error('no repositories to show');
  const width = Math.max(4, ...f.repositories.map((r) => r.name.length));
  io.stdout(`${'NAME'.padEnd(width)}\tURL\n`);
  for (const r of f.repositories) io.stdout(`${r.name.padEnd(width)}\t${r.url}\n`);
  return 0;
}

function remove(names: string[], io: CliIo): number {
  if (names.length === 0)
    throw new UsageError('need at least one argument, name of chart repository');
  const f = readRepoFile((n) => io.env(n));
  for (const name of names) {
    if (!findRepo(f, name)) throw new Error(`no repo named "${name}" found`);
    f.repositories = f.repositories.filter((r) => r.name !== name);
    save(io, f);
    const cache = indexCachePath(
      helmPaths((n) => io.env(n)),
      name,
    );
    if (existsSync(cache)) rmSync(cache);
    io.stdout(`"${name}" has been removed from your repositories\n`);
  }
  return 0;
}

async function update(names: string[], io: CliIo): Promise<number> {
  const f = readRepoFile((n) => io.env(n));
  if (f.repositories.length === 0)
    throw new Error('no repositories found. You must add one before updating');
  const chosen = names.length
    ? f.repositories.filter((r) => names.includes(r.name))
    : f.repositories;
  for (const n of names)
    if (!findRepo(f, n))
      throw new Error(`no repositories found matching '${n}'.  Nothing will be updated`);
  io.stdout('Hang tight while we grab the latest from your chart repositories...\n');
  const failed: string[] = [];
  for (const r of chosen) {
    try {
      await updateIndex(io, r);
      io.stdout(`...Successfully got an update from the "${r.name}" chart repository\n`);
    } catch (e) {
      io.stdout(
        `...Unable to get an update from the "${r.name}" chart repository (${r.url}):\n\t${(e as Error).message}\n`,
      );
      failed.push(r.url);
    }
  }
  if (failed.length)
    throw new Error(`Failed to update the following repositories: [${failed.join(' ')}]`);
  io.stdout('Update Complete. ⎈Happy Helming!⎈\n');
  return 0;
}

export async function repoCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add':
      return add(rest, io);
    case 'list':
    case 'ls':
      return list(io);
    case 'remove':
    case 'rm':
      return remove(parseArgs(rest, []).positionals, io);
    case 'update':
    case 'up':
      return update(parseArgs(rest, []).positionals, io);
    default:
      throw new UsageError(
        `unknown command "${sub ?? ''}" for "hookline repo" (add, list, remove, update)`,
      );
  }
}
