/**
 * Running one CLI invocation against a table of commands: `Error: <message>` with exit code 1,
 * like cobra; a user error never prints a stack trace. src/cli/main.ts holds the table of every
 * command; src/cli/template-main.ts one of `template` alone, the program of dist/template.cjs
 * (issue 10: `template` loads one module, scripts/build.mjs).
 */
import { nodeIo, type CliIo } from './io.js';
import { usageOnly } from './usage.js';
import { PAUSE_ENV } from './pause.js';
import { goStringOutput } from '../util/go-bytes.js';
import { errorText } from '../util/errors.js';
import { sideEffect } from '../runtime/side-effects.js';
import { drained, readerGone, tolerateClosedPipe } from '../runtime/closed-pipe.js';
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

export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Run one CLI invocation with `commands`; returns the exit code. */
export async function runCommands(
  commands: Readonly<Record<string, Command>>,
  argv: readonly string[],
  streams: CliStreams,
): Promise<number> {
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
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
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
 * The process's streams, for the bundled bin. Output is written as Go writes it: a rendered
 * string may hold raw non-UTF-8 bytes (escaped as U+DC80..U+DCFF, see src/util/go-bytes.ts),
 * which reach the stream as those bytes. A stream whose reader went away (`… | head`) takes no
 * more output and the command goes on (src/runtime/closed-pipe.ts).
 */
export function processStreams(): CliStreams {
  tolerateClosedPipe(process.stdout);
  tolerateClosedPipe(process.stderr);
  const write = (stream: NodeJS.WriteStream, s: string): void => {
    if (!readerGone(stream)) stream.write(goStringOutput(s));
  };
  return {
    cwd: process.cwd(),
    stdout: (s) => {
      // The command's output closes the side-effect latch (src/runtime/side-effects.ts).
      sideEffect();
      write(process.stdout, s);
    },
    // On the large-stack worker (and to a pipe that is not synchronous) stdout is asynchronous:
    // a large output waits for it to drain rather than queueing whole (template output memory,
    // issue 9).
    drain: () => drained(process.stdout),
    stderr: (s) => write(process.stderr, s),
  };
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
