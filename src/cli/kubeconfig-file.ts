/**
 * The kubeconfig file a command reads, as Helm's EnvSettings finds it: `--kubeconfig`, else the
 * first path of `KUBECONFIG`, else ~/.kube/config; and the namespace of its context, which is
 * Helm's default namespace for every command, `template` included (`settings.Namespace()`:
 * `--namespace`, else the context's `namespace`, else `default`: kube/kubeconfig-namespace.ts).
 * No Kubernetes client here: `template` (dist/template.cjs) reads the namespace too.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** The kubeconfig's path, and its text when the file exists. */
export function readKubeconfig(args: ParsedArgs, io: CliIo): { path: string; text?: string } {
  const explicit = args.strings.get('kubeconfig') ?? io.env('KUBECONFIG')?.split(':')[0];
  const path = explicit || join(homedir(), '.kube', 'config');
  if (!existsSync(io.resolve(path))) return { path };
  return { path, text: new TextDecoder().decode(io.readFile(path)) };
}
