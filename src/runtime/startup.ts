/**
 * Process settings the bin (src/cli.ts) makes before it loads its program, in a module of its
 * own: the bin loads nothing else of the program's (issue 10). Built-ins come from
 * process.getBuiltinModule, not imports, so the bin's bundle imports no shim chunks.
 */

/**
 * Whether stack traces should be source-mapped: HOOKLINE_TRACE (the CLI then prints them),
 * NODE_OPTIONS with --enable-source-maps, or a GitHub debug run (RUNNER_DEBUG / ACTIONS_STEP_DEBUG).
 */
export function traced(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    env.HOOKLINE_TRACE ||
    env.RUNNER_DEBUG === '1' ||
    env.ACTIONS_STEP_DEBUG === 'true' ||
    env.NODE_OPTIONS?.includes('--enable-source-maps'),
  );
}
