/**
 * `--post-renderer`: an executable that gets the rendered manifest on stdin and writes the
 * manifest to keep on stdout (kustomize and the like), as helm/helm pkg/postrender/exec.go
 * runs it (v3.15): the binary is found when the flag is read (exec.LookPath: a name without a
 * slash on PATH, else the path itself, executable), run with the given arguments, its stderr
 * kept for the error. An output that is only whitespace is refused, as Helm 4 refuses it
 * (Helm 3 keeps it: the release would then hold no object, and an upgrade would delete every
 * object the release had).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** The binary could not be found: `unable to find binary at <path>: exec: ...` (Go's text). */
export class PostRendererNotFoundError extends Error {
  constructor(binaryPath: string, reason: string) {
    super(`unable to find binary at ${binaryPath}: exec: ${JSON.stringify(binaryPath)}: ${reason}`);
    this.name = 'PostRendererNotFoundError';
  }
}

export interface PostRendererOptions {
  /** PATH, and the environment the binary runs with. */
  env: Record<string, string | undefined>;
  /** Where a relative path is found (the working directory). */
  cwd: string;
}

/** Why `file` is not an executable regular file (Go's findExecutable), or undefined. */
function notExecutable(file: string): string | undefined {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return 'is a directory';
    accessSync(file, constants.X_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `stat ${file}: no such file or directory`;
    if (code === 'EACCES') return 'permission denied';
    return (err as Error).message;
  }
}

/** exec.LookPath then filepath.Abs. */
function lookPath(binaryPath: string, opts: PostRendererOptions): string {
  if (binaryPath.includes('/')) {
    const file = resolve(opts.cwd, binaryPath);
    const why = notExecutable(file);
    if (why !== undefined)
      throw new PostRendererNotFoundError(binaryPath, why.replace(file, binaryPath));
    return file;
  }
  for (const dir of (opts.env.PATH ?? '').split(delimiter)) {
    const file = join(dir === '' ? '.' : dir, binaryPath);
    if (notExecutable(file) === undefined) return isAbsolute(file) ? file : resolve(opts.cwd, file);
  }
  throw new PostRendererNotFoundError(binaryPath, 'executable file not found in $PATH');
}

/**
 * The post-renderer of `binaryPath` with `args` (a PostRendererNotFoundError when the binary is
 * not there): a function from the manifest to the post-rendered manifest, throwing
 * `error while running command <path>. error output:\n<stderr>: <status>` when the binary fails.
 */
export function execPostRenderer(
  binaryPath: string,
  args: readonly string[],
  opts: PostRendererOptions,
): (manifest: string) => string {
  const fullPath = lookPath(binaryPath, opts);
  return (manifest) => {
    const r = spawnSync(fullPath, [...args], {
      input: manifest,
      cwd: opts.cwd,
      env: opts.env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (r.error || r.status !== 0) {
      // Go's *exec.ExitError / signal text.
      const status = r.error
        ? r.error.message
        : r.signal
          ? `signal: ${r.signal === 'SIGKILL' ? 'killed' : r.signal}`
          : `exit status ${r.status}`;
      throw new Error(
        `error while running command ${fullPath}. error output:\n${r.stderr ?? ''}: ${status}`,
      );
    }
    if (r.stdout.trim() === '')
      throw new Error(`post-renderer ${JSON.stringify(fullPath)} produced empty output`);
    return r.stdout;
  };
}
