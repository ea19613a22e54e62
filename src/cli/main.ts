/**
 * The `hookline` command line: Helm's verbs and flags. Errors print as `Error: <message>` with
 * exit code 1, like cobra; a user error never prints a stack trace.
 */
import { nodeIo, type CliIo } from './io.js';
import { usageOnly } from './usage.js';
import { PAUSE_ENV } from './pause.js';
import { goStringOutput } from '../util/go-bytes.js';
import { errorText } from '../util/errors.js';
import { sideEffect } from '../runtime/side-effects.js';
import { restartOnOverflow } from '../runtime/stack-overflow.js';

export interface CliStreams {
  readonly cwd: string;
  stdout(text: string): void;
  /** Resolves once stdout takes more (a stream's `drain`); absent: never waits. */
  drain?(): Promise<void>;
  stderr(text: string): void;
  log?(text: string): void;
  /** Environment overrides for this run (defaults to the process environment). */
  readonly env?: Readonly<Record<string, string>>;
}

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Each command's module is imported when it runs: `template` and `--help` never load the
// Kubernetes client, and no command pays for the others (issue 10).
const COMMANDS: Record<string, Command> = {
  template: async (a, io) => (await import('./template.js')).templateCommand(a, io),
  install: async (a, io) => (await import('./install.js')).installCommand(a, io),
  upgrade: async (a, io) => (await import('./upgrade.js')).upgradeCommand(a, io),
  rollback: async (a, io) => (await import('./rollback.js')).rollbackCommand(a, io),
  uninstall: async (a, io) => (await import('./uninstall.js')).uninstallCommand(a, io),
  test: async (a, io) => (await import('./test.js')).testCommand(a, io),
  status: async (a, io) => (await import('./status.js')).statusCommand(a, io),
  history: async (a, io) => (await import('./history.js')).historyCommand(a, io),
  simulator: async (a) => (await import('../simulator/cli.js')).runSimulatorCommand(a),
  demo: async (a, io) => (await import('./demo.js')).demoCommand(a, io),
  pull: async (a, io) => (await import('./pull.js')).pullCommand(a, io),
  push: async (a, io) => (await import('./push.js')).pushCommand(a, io),
  repo: async (a, io) => (await import('./repo.js')).repoCommand(a, io),
  registry: async (a, io) => (await import('./registry.js')).registryCommand(a, io),
  dependency: async (a, io) => (await import('./dependency.js')).dependencyCommand(a, io),
  dep: async (a, io) => (await import('./dependency.js')).dependencyCommand(a, io),
  'recover-pending': async (a, io) => (await import('./recover.js')).recoverCommand(a, io),
};

/** Run one CLI invocation; returns the exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const io = nodeIo({
    cwd: streams.cwd,
    stdout: (s) => streams.stdout(s),
    ...(streams.drain ? { drain: streams.drain } : {}),
    stderr: (s) => streams.stderr(s),
    log: (s) => (streams.log ?? streams.stderr)(s),
    ...(streams.env ? { env: streams.env } : {}),
  });
  const [name = '', ...rest] = argv;
  const usage = usageOnly(argv, (t) => io.stdout(t));
  if (usage !== undefined) return usage;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (io.env(PAUSE_ENV) === 'start') await pausedForever(io);
  if (!command) {
    io.stderr(`Error: unknown command "${name}" for "hookline"\n`);
    return 1;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    // On the main thread, before anything was written: a stack overflow runs the command again
    // on the large-stack worker (src/runtime/large-stack.ts).
    restartOnOverflow(err);
    io.stderr(`Error: ${errorText(err)}\n`);
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
    stdout: (s) => {
      // The command's output closes the side-effect latch (src/runtime/side-effects.ts).
      sideEffect();
      process.stdout.write(goStringOutput(s));
    },
    // On the large-stack worker (and to a pipe that is not synchronous) stdout is asynchronous:
    // a large output waits for it to drain rather than queueing whole (template output memory,
    // issue 9).
    drain: () =>
      process.stdout.writableNeedDrain
        ? new Promise<void>((ok) => process.stdout.once('drain', () => ok()))
        : Promise.resolve(),
    stderr: (s) => process.stderr.write(goStringOutput(s)),
  });
}

/**
 * HOOKLINE_PAUSE_AT=start (testing only): stop before the command, listening to nothing, so a
 * test can signal a run that has not claimed the signals (src/runtime/large-stack.ts).
 */
async function pausedForever(io: CliIo): Promise<never> {
  sideEffect(); // the line must reach the test at once
  io.stderr('hookline: paused at start\n');
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
}
