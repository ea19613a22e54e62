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

/**
 * The main thread's young generation stays at its initial size, like the large-stack worker's
 * small one (its size can only be set when a thread starts; the growth factor is read at each
 * scavenge). Measured: kube-prometheus-stack peaks at ~110 MB instead of ~142 MB, CPU time
 * unchanged. A V8 flag, so it is part of what V8 checks a code cache against: the bin sets it
 * before it compiles `template`'s program (src/runtime/code-cache.ts), which then finds the
 * same flags when it reads the cache as when it wrote it. Setting it again changes nothing.
 */
export function keepYoungGenerationSmall(): void {
  // getBuiltinModule: Node >= 22.3 (older ones keep V8's default growth).
  if ('getBuiltinModule' in process)
    process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
}
