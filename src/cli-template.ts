/**
 * The `hookline` bin's program for `template` (src/cli.ts): src/cli/template-main.ts on the main
 * thread, moved to the large-stack worker only when it overflows the stack before writing
 * anything (src/runtime/large-stack.ts), as src/cli-program.ts runs it. Everything it needs is
 * imported statically: scripts/build.mjs bundles it into one module, dist/template.cjs, which a
 * `template` run loads instead of the whole CLI's program (issue 10).
 */
import { installNodeEnvironment } from './node-environment.js';
import { main } from './cli/template-main.js';
import { runProgram } from './runtime/large-stack.js';

/** Run `argv` (the bin's arguments, `template` first); `entry` is the bin. The exit code. */
export function run(entry: URL, argv: string[]): Promise<number> {
  return runProgram(entry, { mainThread: true }, () => {
    installNodeEnvironment();
    return main(argv);
  });
}
