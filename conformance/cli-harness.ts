/**
 * Runs hookline's CLI in-process, capturing stdout and stderr (and both interleaved).
 *
 * Goldens hold the bytes Helm wrote and the suites read them as UTF-8 text (invalid bytes become
 * U+FFFD). Captured output is made comparable the same way: it is turned into the bytes the bin
 * writes (src/util/go-bytes.ts: raw non-UTF-8 bytes are held as U+DC80..U+DCFF) and those bytes
 * are read back as UTF-8, so equal bytes give equal text.
 */
import { runCli } from '../src/cli/main.js';
import { goStringBytes, hasEscapedBytes } from '../src/util/go-bytes.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr in write order: what Helm's own test harness compares. */
  readonly combined: string;
}

const utf8 = new TextDecoder('utf-8');

/** `s` written as the bin writes it, then read back as UTF-8 text like a golden file. */
export function asWrittenText(s: string): string {
  return hasEscapedBytes(s) ? utf8.decode(goStringBytes(s)) : s;
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
  // Converted once at the end: bytes split over two writes still join into their rune.
  return {
    code,
    stdout: asWrittenText(stdout),
    stderr: asWrittenText(stderr),
    combined: asWrittenText(combined),
  };
}
