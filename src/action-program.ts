/**
 * The GitHub Action's program (src/index.ts runs it): src/main.ts on the main thread, moved to
 * the large-stack worker only when rendering overflows the stack before anything was written
 * (src/runtime/large-stack.ts, src/runtime/side-effects.ts). scripts/build.mjs bundles it whole
 * into dist/action.cjs, every lazy import made static (issue 10): one module to load, with a
 * code cache, instead of ~70 chunks through Node's ES module loader (the split build's).
 */
import { installNodeEnvironment } from './node-environment.js';
import { run as runAction } from './main.js';
import { runProgram } from './runtime/large-stack.js';

/** Run the action; `entry` is the action's entry module, the worker's entry. The exit code. */
export function run(entry: URL): Promise<number> {
  return runProgram(entry, { mainThread: true }, () => {
    installNodeEnvironment();
    return runAction();
  });
}
