/**
 * Process settings the bin (src/cli.ts) makes before it loads its program, in a module of its
 * own: the bin loads nothing else of the program's (issue 10). Built-ins come from
 * process.getBuiltinModule, not imports, so the bin's bundle holds no shims of them.
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
 * `template`'s young generation stays at its initial size, like the large-stack worker's small
 * one (a thread's young generation can only be sized when it starts; the growth factor is read
 * at each scavenge). Measured: 50 MB of output peaks at ~145 MB instead of ~245 MB (issue 9's
 * bound is 300 MB), kube-prometheus-stack at ~105 MB instead of ~125 MB. A V8 flag is part of
 * what V8 checks a code cache against, so the bin sets it before it compiles `template`'s
 * program (src/runtime/code-cache.ts), which then finds the same flags when it reads the cache
 * as when it wrote it. The other commands do not set it: their renders end in a release record,
 * which the API server bounds at ~1 MiB.
 */
export function keepYoungGenerationSmall(): void {
  process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
}
