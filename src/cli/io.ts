/** What a CLI command may touch: its output streams and files relative to a working directory. */
import { mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sideEffect } from '../runtime/side-effects.js';

export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  /** Resolves once stdout takes more output (backpressure); absent: never waits. */
  drain?(): Promise<void>;
  stderr(text: string): void;
  /**
   * Log lines (Helm's log.Printf warnings). Separate from stderr because Helm writes them to
   * the process log, not to the command's error stream.
   */
  log(text: string): void;
  /** A path relative to cwd made absolute. */
  resolve(path: string): string;
  readFile(path: string): Uint8Array;
  /** Write (or append to) a file, creating its directory. */
  writeFile(path: string, text: string, opts: { append: boolean }): void;
  /** Standard input, for `-f -`. */
  readStdin(): Uint8Array;
  /** An environment variable, read when a command runs (never at import time). */
  env(name: string): string | undefined;
}

export function nodeIo(opts: {
  cwd: string;
  stdout: (s: string) => void;
  drain?: () => Promise<void>;
  stderr: (s: string) => void;
  log?: (s: string) => void;
  /** Overrides of the process environment (tests and the conformance harness). */
  env?: Readonly<Record<string, string>>;
}): CliIo {
  const abs = (p: string) => resolve(opts.cwd, p);
  return {
    cwd: opts.cwd,
    stdout: opts.stdout,
    ...(opts.drain ? { drain: opts.drain } : {}),
    stderr: opts.stderr,
    log: opts.log ?? opts.stderr,
    resolve: abs,
    readFile: (p) => readFileSync(abs(p)),
    writeFile: (p, text, { append }) => {
      sideEffect();
      mkdirSync(dirname(abs(p)), { recursive: true });
      if (append) appendFileSync(abs(p), text);
      else writeFileSync(abs(p), text);
    },
    readStdin: () => readFileSync(0),
    env: (name) => opts.env?.[name] ?? process.env[name],
  };
}
