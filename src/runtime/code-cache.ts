/**
 * A CommonJS bundle loaded with a V8 code cache that holds every function it compiled (issue 10).
 * Node's compile cache (module.enableCompileCache) stores a module's code cache when the module
 * is compiled, before it runs: it holds the top-level code only, so each run of a program still
 * parses and compiles, lazily, the ~900 to ~3,000 functions it calls (~20-40 ms). Here the bundle is compiled
 * as a vm.Script, and when no usable cache was found, the process writes
 * script.createCachedData() as it exits: by then it holds every function the run compiled, and
 * the next runs skip compiling them. V8 checks a cache against its own version, flags and the
 * source's length, and rejects it (the run then compiles as usual and writes a fresh one); the
 * cache's name adds the bundle's size, modification time and inode, so a rebuilt bundle never
 * meets an old cache, and the run's variant (the command: `history` compiles other functions
 * than `install`). The cache lives in Node's compile cache directory and is used only while
 * that cache is enabled (NODE_DISABLE_COMPILE_CACHE turns both off). With source maps enabled
 * (traced runs) the bundle is required as usual, so that Node maps its stack traces.
 */

const PARAMS = '(function (exports, require, module, __filename, __dirname) {';

export interface CodeCacheOptions {
  /**
   * Which kind of run this is, when the runs of one bundle compile different functions (the
   * command): each kind gets a cache of its own, holding what that kind of run compiles.
   */
  readonly variant?: string;
  /** Decides at exit whether this run's functions make a cache (a run that failed early compiled few). */
  readonly worthKeeping: () => boolean;
}

/** A variant as part of a file name: a command's name, else `other`. */
function variantName(variant: string | undefined): string {
  if (variant === undefined) return '';
  return `-${/^[a-z][a-z-]{0,31}$/.test(variant) ? variant : 'other'}`;
}

const sanitized = (name: string): string => name.replace(/[^\w.-]/g, '_');
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a cache may be left in the directory for at most: it is written once, never updated. */
const MAX_CACHE_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Once a cache is written: the caches of other copies of the same build for the same variant
 * (a self-hosted runner extracts the action anew for every job; a rebuilt bundle of the same
 * size) and any of hookline's written more than 30 days ago, which would otherwise pile up in
 * the directory (~1 MB each). A copy still in use writes its cache again after its next run.
 */
function pruneStale(dir: string, own: string, sameBuild: RegExp): void {
  const fs = process.getBuiltinModule('node:fs');
  const oldest = Date.now() - MAX_CACHE_AGE_MS;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // the directory went away meanwhile: nothing to prune
  }
  for (const name of names) {
    const path = `${dir}/${name}`;
    if (!name.startsWith('hookline-') || path === own) continue;
    try {
      if (sameBuild.test(name) || fs.statSync(path).mtimeMs < oldest)
        fs.rmSync(path, { force: true });
    } catch {
      // removed meanwhile by another process
    }
  }
}

/** `require(file)`, through a vm.Script with the code cache described above. */
export function requireWithCodeCache(file: string, opts: CodeCacheOptions): unknown {
  const { createRequire, getCompileCacheDir } = process.getBuiltinModule('node:module');
  const require = createRequire(file);
  const dir = getCompileCacheDir?.();
  if (dir === undefined || process.sourceMapsEnabled) return require(file);
  const fs = process.getBuiltinModule('node:fs');
  const { Script } = process.getBuiltinModule('node:vm');
  const st = fs.statSync(file);
  const build = `hookline-${process.version}-${process.arch}-${st.size}-`;
  const variant = variantName(opts.variant);
  const cacheFile = `${dir}/${sanitized(`${build}${st.mtimeMs}-${st.ino}${variant}`)}`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // none yet: this run writes it
  }
  const script = new Script(`${PARAMS}${fs.readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    // Stack traces count the bundle's first line from its own first column.
    columnOffset: -PARAMS.length,
    ...(cachedData ? { cachedData } : {}),
  });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once('exit', () => {
      if (!opts.worthKeeping()) return;
      // Unique per writer (a process and its large-stack worker share a pid).
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        fs.rmSync(tmp, { force: true }); // a read-only or full disk: no cache, as before
        return;
      }
      pruneStale(
        dir,
        cacheFile,
        new RegExp(`^${escaped(sanitized(build))}[\\d._]+-\\d+${variant}$`),
      );
    });
  }
  const module = { exports: {} as unknown };
  const { dirname } = process.getBuiltinModule('node:path');
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    require,
    module,
    file,
    dirname(file),
  );
  return module.exports;
}

/**
 * An entry's program (issue 10): the CommonJS bundle `bundle` beside the entry (dist/*.cjs, see
 * scripts/build.mjs), required with a code cache per `variant` that a run ending with exit code
 * 0 writes; run from the sources (no bundle beside the entry), `fromSources()`. Node's compile
 * cache is enabled first, on whichever thread loads the program: its directory holds the code
 * caches, and the entry's own modules are cached there too.
 */
export async function loadProgram<T>(
  entry: URL,
  bundle: string,
  variant: string,
  fromSources: () => Promise<T>,
): Promise<T> {
  process.getBuiltinModule('node:module').enableCompileCache?.();
  const file = process.getBuiltinModule('node:url').fileURLToPath(new URL(bundle, entry));
  if (!process.getBuiltinModule('node:fs').existsSync(file)) return fromSources();
  return requireWithCodeCache(file, {
    variant,
    worthKeeping: () => process.exitCode === 0,
  }) as T;
}
