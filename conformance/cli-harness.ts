/** Runs hookline's CLI in-process, capturing stdout and stderr (and both interleaved). */
import { runCli } from '../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr in write order: what Helm's own test harness compares. */
  readonly combined: string;
}

export async function runCliCaptured(
  argv: string[],
  cwd: string,
  env?: Readonly<Record<string, string>>,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let combined = '';
  const code = await runCli(argv, {
    cwd,
    ...(env ? { env } : {}),
    stdout: (s) => {
      stdout += s;
      combined += s;
    },
    stderr: (s) => {
      stderr += s;
      combined += s;
    },
  });
  return { code, stdout, stderr, combined };
}
