/**
 * Files a user names on the command line, read as Helm reads them (issue 9): a chart path that
 * does not exist is `path "./x" not found` (Helm's LocateChart), a chart archive is checked as a
 * stream against Helm's size limits before it is loaded (an archive bomb never inflates in
 * memory), and a `-f` values file is read with a size limit, its errors in Go's words
 * (`open x.yaml: no such file or directory`), never Node's `ENOENT`.
 */
import { statSync } from 'node:fs';
import { checkArchiveFile } from './archive-check.js';
import { MAX_DECOMPRESSED_FILE_SIZE } from '../chart/archive.js';
import { loadChart } from '../chart/directory.js';
import type { Chart } from '../chart/types.js';
import type { CliIo } from './io.js';
import { asError } from '../util/errors.js';

/** A `-f` file may be as large as a chart's values.yaml may be (MaxDecompressedFileSize). */
export const MAX_VALUES_FILE_SIZE = MAX_DECOMPRESSED_FILE_SIZE;

/** Go's text for the errno codes a file read meets (syscall.Errno.Error). */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
};

/** `<op> <path>: <errno text>` (Go's *fs.PathError), or the error itself. */
export function pathError(op: string, path: string, err: unknown): Error {
  const code = (err as { code?: unknown } | null)?.code;
  const text = typeof code === 'string' ? ERRNO_TEXT[code] : undefined;
  if (text === undefined) return asError(err);
  return new Error(`${code === 'EISDIR' ? 'read' : op} ${path}: ${text}`, { cause: err });
}

/** Where the chart argument `name` is and whether it is a file, with Helm's message when absent. */
export function statChartPath(io: CliIo, name: string): { path: string; isFile: boolean } {
  const path = io.resolve(name);
  try {
    return { path, isFile: statSync(path).isFile() };
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT')
      throw new Error(`path ${JSON.stringify(name)} not found`, { cause: err });
    throw pathError('stat', name, err);
  }
}

/** The chart at `name` (a directory or a .tgz), as Helm locates and loads it. */
export async function loadChartArg(io: CliIo, name: string): Promise<Chart> {
  const { path, isFile } = statChartPath(io, name);
  if (isFile) await checkArchiveFile(path);
  return loadChart(path);
}

/** A `-f`/`--set-file` file (or stdin for `-`), bounded and with Go's error texts. */
export function readUserFile(io: CliIo, path: string): Uint8Array {
  if (path === '-') return io.readStdin();
  let size: number;
  try {
    size = statSync(io.resolve(path)).size;
  } catch (err) {
    throw pathError('open', path, err);
  }
  if (size > MAX_VALUES_FILE_SIZE)
    throw new Error(
      `values file ${JSON.stringify(path)} is larger than the maximum file size ${MAX_VALUES_FILE_SIZE}`,
    );
  try {
    return io.readFile(path);
  } catch (err) {
    throw pathError('open', path, err);
  }
}
