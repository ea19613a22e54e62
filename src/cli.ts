#!/usr/bin/env node
// The `hookline` bin: picks its program and loads nothing else. `template` runs
// src/cli-template.ts, bundled whole into dist/template.cjs and loaded with a code cache
// (src/runtime/code-cache.ts; one module instead of ~40 chunks, its functions compiled once:
// issue 10, scripts/build.mjs); `--help` (and the like) is answered here, from
// src/cli/usage.ts alone; every other command runs src/cli-program.ts.
// Both run on the main thread or the large-stack worker as src/runtime/large-stack.ts decides;
// the worker's entry is this module again, which picks the same program from the same arguments.
import type * as TemplateProgramModule from './cli-template.js';
import { requireWithCodeCache } from './runtime/code-cache.js';
import { keepYoungGenerationSmall, traced } from './runtime/startup.js';

// Traces name the source files and lines when asked for (the bundle is minified; dist/ holds
// the maps; names are kept either way). Off by default: mapping costs ~30 ms at start-up.
// Turned on before the program loads: only modules loaded afterwards are mapped.
if (traced(process.env)) process.setSourceMapsEnabled(true);
const argv = process.argv.slice(2);
const entry = new URL(import.meta.url);

type TemplateProgram = typeof TemplateProgramModule;

/** `template`'s program: the bundle beside this file, else (from the sources) the module. */
async function templateProgram(): Promise<TemplateProgram | undefined> {
  if (!('getBuiltinModule' in process)) return undefined;
  // Node's on-disk compile cache (the OS's temporary directory), on whichever thread runs the
  // program: later runs skip compiling (Node >= 22.1).
  process.getBuiltinModule('node:module').enableCompileCache?.();
  const bundle = process
    .getBuiltinModule('node:url')
    .fileURLToPath(new URL('./template.cjs', import.meta.url));
  if (!process.getBuiltinModule('node:fs').existsSync(bundle)) return import('./cli-template.js');
  // A cache is written after a run that rendered (exit code 0): it compiled what renders use.
  return requireWithCodeCache(bundle, () => process.exitCode === 0) as TemplateProgram | undefined;
}

/** Every other command: `--help` and the like answered here, the rest by the whole CLI. */
async function wholeProgram(): Promise<number> {
  const [{ usageOnly }, pipe] = await Promise.all([
    import('./cli/usage.js'),
    import('./runtime/closed-pipe.js'),
  ]);
  // `hookline --help | head`: the reader may be gone.
  pipe.tolerateClosedPipe(process.stdout);
  const usage = usageOnly(argv, (t) => {
    if (!pipe.readerGone(process.stdout)) process.stdout.write(t);
  });
  return usage ?? (await import('./cli-program.js')).run(entry, argv);
}

if (argv[0] === 'template') keepYoungGenerationSmall();
const program = argv[0] === 'template' ? await templateProgram() : undefined;
process.exitCode = program ? await program.run(entry, argv) : await wholeProgram();
