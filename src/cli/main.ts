/**
 * The `hookline` command line: Helm's verbs and flags. Errors print as `Error: <message>` with
 * exit code 1, like cobra; a user error never prints a stack trace.
 */
import { nodeIo, type CliIo } from './io.js';
import { templateCommand } from './template.js';
import { demoCommand } from './demo.js';
import { installCommand } from './install.js';
import { upgradeCommand } from './upgrade.js';
import { rollbackCommand } from './rollback.js';
import { uninstallCommand } from './uninstall.js';
import { testCommand } from './test.js';
import { statusCommand } from './status.js';
import { historyCommand } from './history.js';
import { recoverCommand } from './recover.js';
import { runSimulatorCommand } from '../simulator/cli.js';
import { goStringOutput } from '../util/go-bytes.js';

export interface CliStreams {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  log?(text: string): void;
  /** Environment overrides for this run (defaults to the process environment). */
  readonly env?: Readonly<Record<string, string>>;
}

const USAGE = `hookline: Helm's chart lifecycle, natively.

Usage:
  hookline template [NAME] CHART [flags]   render a chart exactly as \`helm template\`
  hookline install NAME CHART [flags]      install a chart (helm install)
  hookline upgrade NAME CHART [flags]      upgrade a release (helm upgrade; -i installs)
  hookline rollback NAME [REVISION]        roll a release back (helm rollback)
  hookline uninstall NAME [flags]          uninstall a release (helm uninstall)
  hookline test NAME [--logs]              run a release's test hooks (helm test)
  hookline status NAME [--revision N]      show a release (helm status)
  hookline history NAME [--max N]          list a release's revisions (helm history)
  hookline recover-pending NAME            mark a release stuck in pending-* as failed
  hookline simulator [--port N] [--kubeconfig-out FILE] [--speed X] [--faults SPEC]
                                           serve the simulated Kubernetes cluster
  hookline demo [CHART]                    a chart's whole lifecycle on the simulated cluster

Cluster commands take --kubeconfig FILE, --kube-context, -n/--namespace, or --simulate (an
in-process simulated cluster for this one command).
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  template: templateCommand,
  install: installCommand,
  upgrade: upgradeCommand,
  rollback: rollbackCommand,
  uninstall: uninstallCommand,
  test: testCommand,
  status: statusCommand,
  history: historyCommand,
  'recover-pending': recoverCommand,
  simulator: (argv) => runSimulatorCommand(argv),
  demo: demoCommand,
};

/** Run one CLI invocation; returns the exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const io = nodeIo({
    cwd: streams.cwd,
    stdout: (s) => streams.stdout(s),
    stderr: (s) => streams.stderr(s),
    log: (s) => (streams.log ?? streams.stderr)(s),
    ...(streams.env ? { env: streams.env } : {}),
  });
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Error: unknown command "${name}" for "hookline"\n`);
    return 1;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    io.stderr(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (io.env('HOOKLINE_TRACE') && err instanceof Error) io.stderr(`${err.stack}\n`);
    return 1;
  }
}

/**
 * Entry point for the bundled bin. Output is written as Go writes it: a rendered string may hold
 * raw non-UTF-8 bytes (escaped as U+DC80..U+DCFF, see src/util/go-bytes.ts), which reach the
 * stream as those bytes.
 */
export async function main(argv: string[]): Promise<number> {
  return runCli(argv, {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(goStringOutput(s)),
    stderr: (s) => process.stderr.write(goStringOutput(s)),
  });
}
