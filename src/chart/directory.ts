/**
 * Chart directory → BufferedFile[], mirroring helm pkg/chart/loader/directory.go (LoadDir, v3.21):
 * walks in lexical order, honours .helmignore (plus the default `templates/.?*`), skips ignored
 * directories whole, refuses irregular files and files over 5 MiB, strips a UTF-8 BOM.
 * Helm follows symlinks anywhere (sympath.Walk); hookline follows only links that resolve inside
 * the chart directory and refuses the others, so loading never reads outside the chart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadArchiveFiles, MAX_DECOMPRESSED_FILE_SIZE, stripBom } from './archive.js';
import { HELM_IGNORE, IgnoreRules, parseHelmIgnore } from './helmignore.js';
import { loadFiles, type LoadOptions } from './load.js';
import type { BufferedFile, Chart } from './types.js';

export class DirectoryLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryLoadError';
  }
}

function readRules(topdir: string): IgnoreRules {
  const ifile = path.join(topdir, HELM_IGNORE);
  const rules = fs.existsSync(ifile)
    ? parseHelmIgnore(fs.readFileSync(ifile, 'utf8'))
    : new IgnoreRules();
  return rules.addDefaults();
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + path.sep);
}

interface WalkContext {
  realRoot: string;
  rules: IgnoreRules;
  files: BufferedFile[];
  maxFileSize: number;
}

/** Resolve a symlink, refusing targets outside the chart directory. */
function resolveLink(ctx: WalkContext, full: string, rel: string): string {
  let target: string;
  try {
    target = fs.realpathSync(full);
  } catch (e) {
    throw new DirectoryLoadError(`error evaluating symlink ${full}: ${(e as Error).message}`);
  }
  if (!inside(ctx.realRoot, target)) {
    throw new DirectoryLoadError(
      `symlink ${rel} resolves to ${target}, outside the chart directory`,
    );
  }
  return target;
}

function walk(ctx: WalkContext, dir: string, relDir: string): void {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = relDir === '' ? name : `${relDir}/${name}`;
    let real = full;
    let st = fs.lstatSync(full);
    if (st.isSymbolicLink()) {
      real = resolveLink(ctx, full, rel);
      st = fs.statSync(real);
    }
    if (st.isDirectory()) {
      if (!ctx.rules.ignore(rel, true)) walk(ctx, real, rel);
      continue;
    }
    if (ctx.rules.ignore(rel, false)) continue;
    if (!st.isFile()) {
      throw new DirectoryLoadError(
        `cannot load irregular file ${full} as it has file mode type bits set`,
      );
    }
    if (st.size > ctx.maxFileSize) {
      throw new DirectoryLoadError(
        `chart file ${JSON.stringify(name)} is larger than the maximum file size ${ctx.maxFileSize}`,
      );
    }
    // A plain Uint8Array view of the Buffer read (no copy of the chart's bytes).
    const buf = fs.readFileSync(real);
    const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    ctx.files.push({ name: rel, data: stripBom(data) });
  }
}

/** The files of a chart directory, named relative to it. */
export function loadDirFiles(
  dir: string,
  maxFileSize = MAX_DECOMPRESSED_FILE_SIZE,
): BufferedFile[] {
  const topdir = path.resolve(dir);
  const ctx: WalkContext = {
    realRoot: fs.realpathSync(topdir),
    rules: readRules(topdir),
    files: [],
    maxFileSize,
  };
  walk(ctx, ctx.realRoot, '');
  return ctx.files;
}

/** LoadDir: a chart directory → Chart. */
export function loadDir(dir: string, opts: LoadOptions = {}): Chart {
  return loadFiles(loadDirFiles(dir), opts);
}

/** Load a chart from a directory or a packaged `.tgz` file. */
export function loadChart(p: string, opts: LoadOptions = {}): Chart {
  if (fs.statSync(p).isDirectory()) return loadDir(p, opts);
  return loadArchive(new Uint8Array(fs.readFileSync(p)), opts);
}

/** LoadArchive: .tgz bytes → Chart. */
export function loadArchive(tgz: Uint8Array, opts: LoadOptions = {}): Chart {
  return loadFiles(loadArchiveFiles(tgz), opts);
}
