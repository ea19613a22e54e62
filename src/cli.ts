#!/usr/bin/env node
// The `hookline` bin: picks its program and loads nothing else (issue 10). `template` runs
// src/cli-template.ts, bundled whole into dist/template.cjs (but `template --validate`, which
// reads the cluster, runs in the whole program); `--help` (and the like) is
// answered here, from src/cli/usage.ts alone; every other command runs src/cli-program.ts,
// bundled whole into dist/program.cjs. Each is one module (split, they spanned 40-70 chunks),
// required with a code cache of the functions a run of the same command compiled
// (src/runtime/code-cache.ts, scripts/build.mjs).
// Both run on the main thread or the large-stack worker as src/runtime/large-stack.ts decides;
// the worker's entry is this module again, which picks the same program from the same arguments.
import type * as ProgramModule from './cli-program.js';
import type * as TemplateProgramModule from './cli-template.js';
import { loadProgram } from './runtime/code-cache.js';
import { keepYoungGenerationSmall, traced } from './runtime/startup.js';

// Traces name the source files and lines when asked for (the bundle is minified; dist/ holds
// the maps; names are kept either way). Off by default: mapping costs ~30 ms at start-up.
// Turned on before the program loads: only modules loaded afterwards are mapped.
if (traced(process.env)) process.setSourceMapsEnabled(true);
const argv = process.argv.slice(2);
const entry = new URL(import.meta.url);

/** `template`'s program. */
function templateProgram(): Promise<typeof TemplateProgramModule> {
  // Before the program is compiled: V8 checks a code cache against the flags.
  keepYoungGenerationSmall();
  return loadProgram(entry, './template.cjs', 'template', () => import('./cli-template.js'));
}

/** Every other command: `--help` and the like answered here, the rest by the whole CLI. */
async function wholeProgram(): Promise<number> {
  const [{ usageOnly }, pipe] = await Promise.all([
    import('./cli/usage.js'),
    import('./runtime/closed-pipe.js'),
  ]);
  const usage = usageOnly(argv, (t) => {
    // `hookline --help | head`: the reader may be gone. Only once usage is written: the
    // program has closed-pipe.ts of its own.
    pipe.tolerateClosedPipe(process.stdout);
    if (!pipe.readerGone(process.stdout)) process.stdout.write(t);
  });
  if (usage !== undefined) return usage;
  const program = await loadProgram<typeof ProgramModule>(
    entry,
    './program.cjs',
    argv[0] ?? '',
    () => import('./cli-program.js'),
  );
  return program.run(entry, argv);
}

/** `template --validate` reads the cluster: the whole program runs it (template.cjs cannot). */
const validates = argv.some((a) => a === '--validate' || a.startsWith('--validate='));

process.exitCode =
  argv[0] === 'template' && !validates
    ? await (await templateProgram()).run(entry, argv)
    : await wholeProgram();
