// The GitHub Action's entry. This module imports only Node built-ins and src/runtime/large-stack.ts:
// the main thread spawns the large-stack worker on this same file and waits; the worker imports
// the action (src/main.ts) and runs it, so the bundle proper is evaluated once.
import * as nodeModule from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { traced, withLargeStack } from './runtime/large-stack.js';

// Traces name the source files and lines when asked for (the bundle is minified; dist/ holds
// the maps; names are kept either way). Off by default: mapping costs ~30 ms at start-up.
if (traced(process.env)) process.setSourceMapsEnabled(true);
if (!isMainThread) nodeModule.enableCompileCache?.();
process.exitCode = await withLargeStack(new URL(import.meta.url), async () => {
  (await import('./node-environment.js')).installNodeEnvironment();
  return (await import('./main.js')).run();
});
