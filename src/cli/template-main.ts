/**
 * `hookline template` alone, statically imported: the program of dist/template.cjs, which the
 * bin runs for `template` (issue 10: one module to load instead of ~40 chunks;
 * scripts/build.mjs). Same behaviour as src/cli/main.ts's `template`.
 */
import { processStreams, runCommands, type Command } from './run.js';
import { templateCommand } from './template.js';

const COMMANDS: Record<string, Command> = { template: templateCommand };

/** Entry point for the bundled bin's `template`; `argv` starts with `template`. */
export function main(argv: string[]): Promise<number> {
  return runCommands(COMMANDS, argv, processStreams());
}
