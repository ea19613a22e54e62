#!/usr/bin/env node
// The `hookline` bin. This module imports only Node built-ins and two tiny modules: the main
// thread answers `--help` itself, else it spawns the large-stack worker on this same file and
// waits; the worker imports the program (src/cli/main.ts) and runs it.
import * as nodeModule from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { usageOnly } from './cli/usage.js';
import { traced, withLargeStack } from './runtime/large-stack.js';

// Traces name the source files and lines when asked for (the bundle is minified; dist/ holds
// the maps; names are kept either way). Off by default: mapping costs ~30 ms at start-up.
if (traced(process.env)) process.setSourceMapsEnabled(true);
// Node's on-disk compile cache for the program the worker imports: later runs skip compiling
// (Node >= 22.1; the namespace import keeps the bundle loadable on older Node).
if (!isMainThread) nodeModule.enableCompileCache?.();
const argv = process.argv.slice(2);
const usage = isMainThread ? usageOnly(argv, (t) => void process.stdout.write(t)) : undefined;
process.exitCode =
  usage ??
  (await withLargeStack(new URL(import.meta.url), async () => {
    (await import('./node-environment.js')).installNodeEnvironment();
    return (await import('./cli/main.js')).main(argv);
  }));
