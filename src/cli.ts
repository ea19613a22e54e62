#!/usr/bin/env node
// The `hookline` bin. This module imports only Node built-ins and two tiny modules: the main
// thread answers `--help` itself, else it spawns the large-stack worker on this same file and
// waits; the worker imports the program (src/cli/main.ts) and runs it.
import { enableCompileCache } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { usageOnly } from './cli/usage.js';
import { withLargeStack } from './util/large-stack.js';

// Stack traces name the source files and lines (the bundle is minified; dist/ holds the maps).
process.setSourceMapsEnabled(true);
// Node's on-disk compile cache for the program the worker imports: later runs skip compiling.
if (!isMainThread) enableCompileCache?.();
const argv = process.argv.slice(2);
const usage = isMainThread ? usageOnly(argv, (t) => void process.stdout.write(t)) : undefined;
process.exitCode =
  usage ??
  (await withLargeStack(new URL(import.meta.url), async () =>
    (await import('./cli/main.js')).main(argv),
  ));
