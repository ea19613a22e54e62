/**
 * The `hookline` bin's program for every command but `template` (src/cli.ts, which answers
 * `--help` itself, on the main thread, before any worker exists). A command that renders (or
 * only reads and writes through the latched paths of src/runtime/side-effects.ts) runs on the
 * main thread, and moves to the large-stack worker only when it overflows the stack before
 * writing anything; any other command runs on the worker at once (src/runtime/large-stack.ts).
 * scripts/build.mjs bundles it whole into dist/program.cjs, its lazy imports made static
 * (issue 10); run from the sources, the commands are imported when they run.
 */
import { runProgram } from './runtime/large-stack.js';

/**
 * Commands whose every write goes through the latch (stdout, CliIo files, the Kubernetes
 * client) or calls beforeUntrackedWrites first. The others (the simulator and its demo, the
 * repository and registry commands, pull, push, dependency) write files directly and run on
 * the worker as before.
 */
const MAIN_THREAD_COMMANDS = new Set([
  'template',
  'install',
  'upgrade',
  'rollback',
  'uninstall',
  'test',
  'status',
  'history',
  'recover-pending',
]);

/** Run `argv` (the bin's arguments); `entry` is the bin, the worker's entry. The exit code. */
export async function run(entry: URL, argv: string[]): Promise<number> {
  return runProgram(entry, { mainThread: MAIN_THREAD_COMMANDS.has(argv[0] ?? '') }, async () => {
    (await import('./node-environment.js')).installNodeEnvironment();
    return (await import('./cli/main.js')).main(argv);
  });
}
