/**
 * `hookline registry login|logout HOST`: helm registry login (cmd/helm/registry_login.go): check
 * the credentials against `/v2/`, then store them in Helm's registry config.json, where pull,
 * push and every chart reference find them.
 */
import { RegistryClient } from '../registry/client.js';
import {
  configPaths,
  readConfig,
  withAuth,
  withoutAuth,
  writeConfig,
} from '../registry/credentials.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { TLS_FLAGS } from './chart-source.js';
import type { CliIo } from './io.js';

const FLAGS: FlagSpec[] = [
  ...TLS_FLAGS,
  { name: 'username', short: 'u', kind: 'string' },
  { name: 'password', short: 'p', kind: 'string' },
  { name: 'password-stdin', kind: 'bool' },
  { name: 'insecure', kind: 'bool' },
];

export async function registryCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, FLAGS);
  if (args.positionals.length !== 1) {
    throw new UsageError(
      `"hookline registry ${sub ?? ''}" requires 1 argument\n\nUsage:  hookline registry login|logout [host] [flags]`,
    );
  }
  const host = args.positionals[0]!.replace(/^oci:\/\//, '');
  const file = configPaths((n) => io.env(n)).helm;
  if (sub === 'logout') {
    const { config, found } = withoutAuth(readConfig(file), host);
    if (!found) throw new Error(`not logged in to ${host}`);
    writeConfig(file, config);
    io.stderr(`Removing login credentials for ${host}\n`);
    return 0;
  }
  if (sub !== 'login')
    throw new UsageError(`unknown command "${sub ?? ''}" for "hookline registry"`);
  const username = args.strings.get('username') ?? '';
  let password = args.strings.get('password') ?? '';
  if (args.bools.get('password-stdin')) {
    password = new TextDecoder().decode(io.readStdin()).replace(/\r?\n$/, '');
  }
  if (username === '' || password === '')
    throw new UsageError('username and password are required');
  const cred = { username, password };
  const client = new RegistryClient({
    plainHttp: args.bools.get('plain-http') ?? false,
    tls: {
      caFile: args.strings.get('ca-file') ? io.resolve(args.strings.get('ca-file')!) : undefined,
      certFile: args.strings.get('cert-file')
        ? io.resolve(args.strings.get('cert-file')!)
        : undefined,
      keyFile: args.strings.get('key-file') ? io.resolve(args.strings.get('key-file')!) : undefined,
      insecureSkipTlsVerify: args.bools.get('insecure') ?? false,
    },
    credential: () => cred,
  });
  await client.ping(host);
  writeConfig(file, withAuth(readConfig(file), host, cred));
  io.stderr('Login Succeeded\n');
  return 0;
}
