// The GitHub Action's entry. This module imports only Node built-ins and src/runtime: the action
// runs on the main thread, and moves to the large-stack worker (the same file, which then
// imports the action there) only when rendering overflows the stack before anything was
// written (src/runtime/large-stack.ts, src/runtime/side-effects.ts).
import * as nodeModule from 'node:module';
import { runProgram, traced } from './runtime/large-stack.js';

// Traces name the source files and lines when asked for (the bundle is minified; dist/ holds
// the maps; names are kept either way). Off by default: mapping costs ~30 ms at start-up.
if (traced(process.env)) process.setSourceMapsEnabled(true);
// Node's on-disk compile cache for the program (the OS's temporary directory, RUNNER_TEMP's
// sibling on GitHub runners; Node >= 22.1).
nodeModule.enableCompileCache?.();
process.exitCode = await runProgram(new URL(import.meta.url), { mainThread: true }, async () => {
  (await import('./node-environment.js')).installNodeEnvironment();
  return (await import('./main.js')).run();
});
