/**
 * A CommonJS bundle loaded with a V8 code cache that holds every function it compiled (issue 10).
 * Node's compile cache (module.enableCompileCache) stores a module's code cache when the module
 * is compiled, before it runs: it holds the top-level code only, so each run of `template` still
 * parses and compiles, lazily, the ~900 functions it calls (~20 ms). Here the bundle is compiled
 * as a vm.Script, and when no usable cache was found, the process writes
 * script.createCachedData() as it exits: by then it holds every function the run compiled, and
 * the next runs skip compiling them. V8 checks a cache against its own version, flags and the
 * source's length, and rejects it (the run then compiles as usual and writes a fresh one); the
 * cache's name adds the bundle's size, modification time and inode, so a rebuilt bundle never
 * meets an old cache. The cache lives in Node's compile cache directory and is used only while
 * that cache is enabled (NODE_DISABLE_COMPILE_CACHE turns both off). With source maps enabled
 * (traced runs) the bundle is required as usual, so that Node maps its stack traces.
 */

const PARAMS = '(function (exports, require, module, __filename, __dirname) {';

/**
 * `require(file)`, through a vm.Script with the code cache described above. Undefined when this
 * Node cannot (no process.getBuiltinModule, Node < 22.3): the caller loads its program otherwise.
 * `worthKeeping` decides at exit whether this run's functions make a cache (a run that failed
 * early compiled few of them).
 */
export function requireWithCodeCache(file: string, worthKeeping: () => boolean): unknown {
  if (!('getBuiltinModule' in process)) return undefined;
  const { createRequire, getCompileCacheDir } = process.getBuiltinModule('node:module');
  const require = createRequire(file);
  const dir = getCompileCacheDir?.();
  if (dir === undefined || process.sourceMapsEnabled) return require(file);
  const fs = process.getBuiltinModule('node:fs');
  const { Script } = process.getBuiltinModule('node:vm');
  const st = fs.statSync(file);
  const name = `hookline-${process.version}-${process.arch}-${st.size}-${st.mtimeMs}-${st.ino}`;
  const cacheFile = `${dir}/${name.replace(/[^\w.-]/g, '_')}`;
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
      if (!worthKeeping()) return;
      // Unique per writer (a process and its large-stack worker share a pid).
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        fs.rmSync(tmp, { force: true }); // a read-only or full disk: no cache, as before
      }
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
