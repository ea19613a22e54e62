// The GitHub Action's entry. This module imports only Node built-ins and src/util/large-stack.ts:
// the main thread spawns the large-stack worker on this same file and waits; the worker imports
// the action (src/main.ts) and runs it, so the bundle proper is evaluated once.
import { enableCompileCache } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { withLargeStack } from './util/large-stack.js';

// Stack traces name the source files and lines (the bundle is minified; dist/ holds the maps).
process.setSourceMapsEnabled(true);
if (!isMainThread) enableCompileCache?.();
process.exitCode = await withLargeStack(new URL(import.meta.url), async () =>
  (await import('./main.js')).run(),
);
