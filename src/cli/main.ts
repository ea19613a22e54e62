/**
 * The `hookline` command line: Helm's verbs and flags (src/cli/run.ts runs one of them).
 */
import { processStreams, runCommands, type CliStreams, type Command } from './run.js';

export type { CliStreams } from './run.js';

// Each command's module is imported when it runs; in dist/program.cjs those imports are static
// (scripts/build.mjs, issue 10), where a module's evaluation costs only its declarations.
const COMMANDS: Record<string, Command> = {
  template: async (a, io) =>
    (await import('./template.js')).templateCommand(a, io, async (args, cio) =>
      (await import('./template-validate.js')).openTemplateCluster(args, cio),
    ),
  install: async (a, io) => (await import('./install.js')).installCommand(a, io),
  upgrade: async (a, io) => (await import('./upgrade.js')).upgradeCommand(a, io),
  rollback: async (a, io) => (await import('./rollback.js')).rollbackCommand(a, io),
  uninstall: async (a, io) => (await import('./uninstall.js')).uninstallCommand(a, io),
  test: async (a, io) => (await import('./test.js')).testCommand(a, io),
  status: async (a, io) => (await import('./status.js')).statusCommand(a, io),
  history: async (a, io) => (await import('./history.js')).historyCommand(a, io),
  simulator: async (a) => (await import('../simulator/cli.js')).runSimulatorCommand(a),
  demo: async (a, io) => (await import('./demo.js')).demoCommand(a, io),
  pull: async (a, io) => (await import('./pull.js')).pullCommand(a, io),
  push: async (a, io) => (await import('./push.js')).pushCommand(a, io),
  repo: async (a, io) => (await import('./repo.js')).repoCommand(a, io),
  registry: async (a, io) => (await import('./registry.js')).registryCommand(a, io),
  dependency: async (a, io) => (await import('./dependency.js')).dependencyCommand(a, io),
  dep: async (a, io) => (await import('./dependency.js')).dependencyCommand(a, io),
  'recover-pending': async (a, io) => (await import('./recover.js')).recoverCommand(a, io),
};

/** Run one CLI invocation; returns the exit code. */
export function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  return runCommands(COMMANDS, argv, streams);
}

/** Entry point for the bundled bin (every command). */
export function main(argv: string[]): Promise<number> {
  return runCommands(COMMANDS, argv, processStreams());
}
