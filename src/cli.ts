#!/usr/bin/env node
// The `hookline` bin: picks its program and loads nothing else. `template` runs
// src/cli-template.ts (bundled whole into dist/template.js, one module to load: issue 10,
// scripts/build.mjs); every other command, and `--help`, runs src/cli-program.ts. Both run on
// the main thread or the large-stack worker as src/runtime/large-stack.ts decides; the worker's
// entry is this module again, which picks the same program from the same arguments.
import { traced } from './runtime/traced.js';

// Traces name the source files and lines when asked for (the bundle is minified; dist/ holds
// the maps; names are kept either way). Off by default: mapping costs ~30 ms at start-up.
// Turned on before the program loads: only modules loaded afterwards are mapped.
if (traced(process.env)) process.setSourceMapsEnabled(true);
const argv = process.argv.slice(2);
const entry = new URL(import.meta.url);
if (argv[0] === 'template') {
  // Node's on-disk compile cache (the OS's temporary directory) for the program, on whichever
  // thread imports it: later runs skip compiling (Node >= 22.1; getBuiltinModule >= 22.3).
  if ('getBuiltinModule' in process) process.getBuiltinModule('node:module').enableCompileCache?.();
  process.exitCode = await (await import('./cli-template.js')).run(entry, argv);
} else process.exitCode = await (await import('./cli-program.js')).run(entry, argv);
