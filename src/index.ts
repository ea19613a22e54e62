// The GitHub Action's entry: loads the action's program (src/action-program.ts), bundled whole
// into dist/action.cjs and required with a code cache of the functions a run of the same
// command compiled (src/runtime/code-cache.ts; issue 10). This module imports only
// src/runtime's loader and start-up settings. The large-stack worker's entry is this module
// again, which loads the same program there.
import type * as ActionProgramModule from './action-program.js';
import { loadProgram } from './runtime/code-cache.js';
import { traced } from './runtime/startup.js';

// Traces name the source files and lines when asked for (the bundle is minified; dist/ holds
// the maps; names are kept either way). Off by default: mapping costs ~30 ms at start-up.
// Turned on before the program loads: only modules loaded afterwards are mapped.
if (traced(process.env)) process.setSourceMapsEnabled(true);
const entry = new URL(import.meta.url);
// The `command` input (@actions/core reads it from INPUT_COMMAND) picks the code cache.
const program = await loadProgram<typeof ActionProgramModule>(
  entry,
  './action.cjs',
  process.env.INPUT_COMMAND?.trim() ?? '',
  () => import('./action-program.js'),
);
process.exitCode = await program.run(entry);
