// `npm run build`: bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild,
// tree-shaken and minified for Node 24: two small ES module entries, each program a CommonJS
// module of its own (dist/template.cjs, dist/program.cjs, dist/action.cjs; see PROGRAMS) and
// rarely needed large dependencies in dist/vendor/ (see VENDOR).
// Linked source maps (without sources) keep stack traces readable: the entries turn on
// process.setSourceMapsEnabled. The output is deterministic (no timestamps or absolute paths),
// so CI can compare a fresh build with the committed dist/.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join, resolve, sep } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;
// `--outdir DIR` builds elsewhere (the cancellation tests bundle the CLI into a temporary dir).
const at = process.argv.indexOf('--outdir');
const root = resolve(import.meta.dirname, '..');
const outdir = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist');
// `--metafile FILE` writes esbuild's metafile (which module imports which, each output's inputs): the
// input to checking what a command evaluates (issue 10).
const metaAt = process.argv.indexOf('--metafile');

/**
 * A module whose exports are getters requiring `specifier` on first access: the export names
 * are read here, at build time, from the real module (`load` requires it from `from`). A
 * function-valued module becomes a function forwarding calls and `new` (`callable`), else it
 * stays eager (a base class must be the real one). `loadExpr` is the expression loading it at run
 * time (by default `require(specifier)`); `forward`: see forwardingShim.
 */
function lazyShim(
  specifier,
  from,
  { callable, forward = false, loadExpr = `require(${JSON.stringify(specifier)})` },
) {
  const real = createRequire(from)(specifier);
  if (typeof real === 'function' && !callable) return `module.exports = ${loadExpr};`;
  if (forward) return forwardingShim(real, JSON.stringify(specifier));
  const getters = Object.keys(real).map((k) => {
    const key = JSON.stringify(k);
    return `${key}: { get() { return load()[${key}]; }, enumerable: true, configurable: true }`;
  });
  const target =
    typeof real === 'function'
      ? 'function lazy(...a) { return new.target ? Reflect.construct(load(), a, new.target) : load().apply(this, a); }'
      : '{}';
  return `let m; const load = () => (m ??= ${loadExpr});
module.exports = Object.defineProperties(${target}, { ${getters.join(', ')} });`;
}

/**
 * A built-in's lazy shim whose function exports are functions calling the real ones when
 * called, so that reading them loads nothing (client-node's ExecAuth keeps
 * `child_process.spawn`); `promises` (node:fs) forwards its functions the same way (@actions/
 * core's summary.js destructures them at evaluation, which loads fs/promises, ~4 ms). Other
 * exports are getters as in lazyShim.
 */
function forwardingShim(real, name) {
  const fns = (o) => Object.keys(o).filter((k) => typeof o[k] === 'function');
  const others = Object.keys(real).filter((k) => typeof real[k] !== 'function' && k !== 'promises');
  const promises = real.promises && typeof real.promises === 'object' ? fns(real.promises) : null;
  return `let m; const load = () => (m ??= require(${name}));
const forward = (get, k) => ({ value: function (...a) { return get()[k].apply(this, a); }, enumerable: true, configurable: true });
const e = {};
for (const k of ${JSON.stringify(fns(real))}) Object.defineProperty(e, k, forward(load, k));
for (const k of ${JSON.stringify(others)}) Object.defineProperty(e, k, { get() { return load()[k]; }, enumerable: true, configurable: true });
${
  promises
    ? `const p = {};
for (const k of ${JSON.stringify(promises)}) Object.defineProperty(p, k, forward(() => load().promises, k));
Object.defineProperty(e, 'promises', { value: p, enumerable: true, configurable: true });`
    : ''
}
module.exports = e;`;
}

/**
 * `import … from 'node:http'` in an ES module makes Node build an ES facade of the built-in,
 * which reads every export once: node:http's lazy `WebSocket`/`MessageEvent` getters then load
 * Node's internal undici (~40 ms), node:assert its colours, and so on, before the first request.
 * The bundle loads built-ins through `require()` instead (the banner's createRequire), as the
 * bundled CommonJS dependencies already do, and only when an export is first used (lazyShim;
 * callable built-ins such as node:events stay eager). So `template` loads no node:crypto
 * (~7 ms) for sprig's hash and key functions, nor zlib, HTTP or TLS, unless a chart uses them
 * (issue 10).
 */
const READS_FS_PROMISES = /[/\\]@actions[/\\](core|io)[/\\]/;
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z0-9_:/]+$/ }, (args) => {
      if (args.kind !== 'import-statement' || !isBuiltin(args.path)) return undefined;
      const path = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      // client-node's KubeConfig constructor reads child_process.spawn (ExecAuth): ~5-9 ms of
      // loading before the first request, though only exec-plugin users call it.
      if (path === 'node:child_process' && args.importer.includes(CLIENT_NODE))
        return { path: `${path}?forward`, namespace: 'builtin-by-require' };
      if (path === 'node:fs' && READS_FS_PROMISES.test(args.importer))
        return { path: `${path}?forward`, namespace: 'builtin-by-require' };
      return { path, namespace: 'builtin-by-require' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => {
      const [path, mode] = args.path.split('?');
      return {
        contents: lazyShim(path, import.meta.url, { callable: false, forward: mode === 'forward' }),
        loader: 'js',
      };
    });
  },
};

/**
 * In the CommonJS programs, the built-ins Node has loaded before any user code runs are plain
 * requires: a lazy shim of them defers nothing, and esbuild's interop copies a shim's getters
 * (~100 for node:fs) into every module that imports it (~2 ms of start-up; issue 10). Except
 * node:fs for @actions/core and @actions/io, which read its `promises` at evaluation: they keep
 * builtinsByRequire's forwarding shim (node:fs/promises loads readline, ~4 ms). The ES module
 * entries keep their shims: there an external import would make Node build the built-in's ES
 * facade, which reads every export (node:fs's `promises` getter included).
 */
const PRELOADED_BUILTINS = new Set([
  'node:fs',
  'node:path',
  'node:url',
  'node:util',
  'node:events',
]);
const preloadedBuiltins = {
  name: 'preloaded-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) => {
      if (args.kind !== 'import-statement') return undefined;
      const path = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      if (path === 'node:fs' && READS_FS_PROMISES.test(args.importer)) return undefined;
      return PRELOADED_BUILTINS.has(path) ? { path, external: true } : undefined;
    });
  },
};

/**
 * @kubernetes/client-node declares no `sideEffects`, so esbuild kept every module its index
 * reaches: config.js imports gen/index.js, which re-exports every generated model and API
 * class and ObjectSerializer (~2 MB, ~130 ms of evaluation before the first request; issue 10),
 * though hookline uses none of them (src/kube/node-client-internals.ts). Its modules only
 * declare classes and functions, so they are marked side-effect-free and esbuild keeps those
 * the bundle's imports reach. polyfill.js (globalThis.File for Node 18) is the exception and
 * stays as it is.
 */
const CLIENT_NODE = `${join('node_modules', '@kubernetes', 'client-node')}/`;
const clientNodeSideEffectFree = {
  name: 'client-node-side-effect-free',
  setup(b) {
    b.onResolve({ filter: /^(@kubernetes\/client-node$|\.)/ }, async (args) => {
      if (args.pluginData === 'client-node') return undefined;
      if (args.path.startsWith('.') && !args.importer.includes(CLIENT_NODE)) return undefined;
      const { kind, importer, resolveDir } = args;
      const r = await b.resolve(args.path, {
        kind,
        importer,
        resolveDir,
        pluginData: 'client-node',
      });
      if (r.errors.length > 0 || !r.path.includes(CLIENT_NODE) || r.path.endsWith('polyfill.js'))
        return r;
      return { ...r, sideEffects: false };
    });
  },
};

/**
 * client-node takes only fetch, Agent and ProxyAgent from undici, whose index requires all of it
 * (mock agents, caches, WebSocket, EventSource, interceptors, cookies) before the first request.
 * Its imports of undici get a shim that requires just those, as undici's index builds them:
 * fetch wraps lib/web/fetch's (capturing the caller's stack on failure); ProxyAgent, loaded when
 * a kubeconfig first names a proxy, needs the request API (CONNECT) on Dispatcher.prototype.
 * Each is required on first use: the action's requests and watches go over node:http(s)
 * (src/kube/node-client-transport.ts), so undici is evaluated only for a proxy or a cluster
 * without TLS settings (~45 ms before the first request otherwise; issue 10). Those parts are
 * bundled into dist/vendor/undici.cjs (from client-node's own undici, a version of its own
 * nested under it), so that the programs do not compile their ~420 KB on every fresh runner.
 * Checked against undici 8.12.4 (pinned in __tests__/kube/node-client-internals.test.ts).
 */
const UNDICI_PARTS = [
  'undici/lib/web/fetch',
  'undici/lib/dispatcher/agent',
  'undici/lib/dispatcher/dispatcher',
  'undici/lib/api',
  'undici/lib/dispatcher/proxy-agent',
];
const CLIENT_NODE_UNDICI = `const undici = (part) => require('./vendor/undici.cjs')[part];
let fetchImpl;
function fetch(init, options) {
  fetchImpl ??= undici('undici/lib/web/fetch').fetch;
  return fetchImpl(init, options).catch((err) => {
    if (err && typeof err === 'object') Error.captureStackTrace(err, fetch);
    throw err;
  });
}
let proxyAgent;
module.exports = {
  fetch,
  get Agent() {
    return undici('undici/lib/dispatcher/agent');
  },
  get ProxyAgent() {
    if (proxyAgent === undefined) {
      const { prototype } = undici('undici/lib/dispatcher/dispatcher');
      Object.assign(prototype, undici('undici/lib/api'));
      proxyAgent = undici('undici/lib/dispatcher/proxy-agent');
    }
    return proxyAgent;
  },
};`;
const clientNodeUndici = {
  name: 'client-node-undici',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) => {
      if (!args.importer.includes(CLIENT_NODE)) return undefined;
      return { path: 'undici', namespace: 'client-node-undici', pluginData: args.resolveDir };
    });
    b.onResolve({ filter: /^\.\/vendor\// }, (args) =>
      args.namespace === 'client-node-undici' ? { path: args.path, external: true } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'client-node-undici' }, (args) => ({
      contents: CLIENT_NODE_UNDICI,
      loader: 'js',
      resolveDir: args.pluginData,
    }));
  },
};

/**
 * The programs' large dependencies that few runs need, each group a CommonJS file of its own in
 * dist/vendor/, required when an export is first used (issue 10): openpgp (`--verify`), ajv
 * (values.schema.json), re2js (sprig's regular expressions), the `yaml` package (fallbacks of
 * the values and manifest parsers), bcryptjs; @actions/github (pull-request comments);
 * @actions/http-client's undici and tunnel (OIDC tokens, which the action never asks for);
 * @actions/core's @actions/exec (its platform details, which the action never asks for; its
 * @actions/io reads fs.promises and loads node:assert at evaluation, ~8 ms);
 * client-node's proxy agents (a kubeconfig's `proxy-url`) and its own undici (see
 * clientNodeUndici). A program compiles its whole source when it loads (~10 ms per MB even from
 * the compile cache, more on a fresh runner without one), and these are ~1.5 MB of it. `from`:
 * only that package's imports are vendored, and the group is resolved from its directory (its
 * dependencies are versions of its own). Each group holds every copy of its modules in the
 * program (ajv-formats shares ajv's code), and each entry of a group is evaluated only when
 * first required. Every use of them is a call or `new` at run time (none is extended or read
 * at evaluation).
 */
const VENDOR = {
  openpgp: { specs: ['openpgp'] },
  ajv: { specs: ['ajv', 'ajv/dist/2019.js', 'ajv/dist/2020.js', 'ajv-formats'] },
  re2js: { specs: ['re2js'] },
  yaml: { specs: ['yaml'] },
  bcryptjs: { specs: ['bcryptjs'] },
  // These two export only an `import` condition: their groups are resolved with it.
  github: { specs: ['@actions/github'], conditions: ['import'] },
  'actions-exec': { specs: ['@actions/exec'], from: '@actions/core', conditions: ['import'] },
  'http-client': { specs: ['undici', 'tunnel'], from: '@actions/http-client' },
  'proxy-agents': {
    specs: ['socks-proxy-agent', 'socks', 'hpagent'],
    from: '@kubernetes/client-node',
  },
  undici: { specs: UNDICI_PARTS, from: '@kubernetes/client-node' },
};
const vendorGroupOf = (spec, importer) =>
  Object.entries(VENDOR).find(
    ([, g]) =>
      g.specs.includes(spec) &&
      (g.from === undefined || importer.includes(`${join('node_modules', g.from)}${sep}`)),
  )?.[0];
const vendorModules = {
  name: 'vendor-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/vendor\// }, (args) =>
      args.namespace === 'vendor-module' ? { path: args.path, external: true } : undefined,
    );
    b.onResolve({ filter: /^[a-z@]/ }, async (args) => {
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      if (args.pluginData === 'vendor-module') return undefined;
      const group = vendorGroupOf(args.path, args.importer);
      if (group === undefined) return undefined;
      const { kind, importer, resolveDir } = args;
      // The shim's export names are read at build time from the module as the vendor file
      // requires it; a package exporting only an `import` condition, from its file.
      let source = args.path;
      try {
        createRequire(join(resolveDir, 'x.js'))(args.path);
      } catch {
        const r = await b.resolve(args.path, {
          kind,
          importer,
          resolveDir,
          pluginData: 'vendor-module',
        });
        if (r.errors.length > 0) return r;
        source = r.path;
      }
      return {
        path: args.path,
        namespace: 'vendor-module',
        pluginData: { dir: resolveDir, source, group },
      };
    });
    b.onLoad({ filter: /.*/, namespace: 'vendor-module' }, (args) => {
      const { dir, source, group } = args.pluginData;
      return {
        contents: lazyShim(source, join(dir, 'x.js'), {
          callable: true,
          loadExpr: `require(${JSON.stringify(`./vendor/${group}.cjs`)})[${JSON.stringify(args.path)}]`,
        }),
        loader: 'js',
        resolveDir: dir,
      };
    });
  },
};
const vendorBuild = (common, group, { specs, from, conditions }) =>
  build({
    ...common,
    ...(conditions ? { conditions } : {}),
    stdin: {
      contents: `module.exports = { ${specs
        .map((s) => `get ${JSON.stringify(s)}() { return require(${JSON.stringify(s)}); }`)
        .join(', ')} };`,
      resolveDir: from === undefined ? root : join(root, 'node_modules', from),
      sourcefile: `vendor-${group}.cjs`,
      loader: 'js',
    },
    outfile: join(outdir, 'vendor', `${group}.cjs`),
    outdir: undefined,
    format: 'cjs',
    banner: undefined,
  });

/**
 * Each program as one module (issue 10): with code splitting, the modules a command needs are
 * spread over dozens of chunks (each set of entries and lazy imports that reaches a module makes
 * a chunk of its own: ~40 for `template`, ~70 before the action's first request), and Node's ES
 * module loader pays for each one (resolution, a stat, a compile, linking: ~30 ms in all).
 * Each entry's program is bundled whole, without splitting, as CommonJS: src/cli-template.ts
 * (`template`) into dist/template.cjs, src/cli-program.ts (every other command) into
 * dist/program.cjs, src/action-program.ts (the action) into dist/action.cjs. The entries
 * (src/cli.ts, src/index.ts) require them with a code cache of every function a run of the same
 * command compiled (src/runtime/code-cache.ts). The entries are single ES modules too (no
 * chunks to load) holding only src/runtime's loader and start-up settings, and the bin the usage
 * text and closed-pipe guard it answers `--help` with; a process (or its worker, whose entry is
 * the same entry again) runs one program, so no module state a program relies on (the
 * side-effect latch, the signal relay, error classes) exists twice. An entry's import of its
 * program (its way when run from the sources) becomes one of the bundle beside it.
 */
const PROGRAMS = [
  { entry: 'src/cli.ts', source: './cli-template.js', bundle: 'template' },
  { entry: 'src/cli.ts', source: './cli-program.js', bundle: 'program' },
  { entry: 'src/index.ts', source: './action-program.js', bundle: 'action' },
];
const programBundles = {
  name: 'program-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z-]+-program\.js$|^\.\/cli-template\.js$/ }, (args) => {
      const p = PROGRAMS.find(
        (x) => args.importer === join(root, x.entry) && args.path === x.source,
      );
      return p ? { path: `./${p.bundle}.cjs`, external: true } : undefined;
    });
  },
};
const programEntry = (bundle) =>
  join('src', PROGRAMS.find((p) => p.bundle === bundle).source.replace(/\.js$/, '.ts'));

/**
 * In dist/program.cjs and dist/action.cjs every `import('./…')` of the sources is a static
 * import: in a bundle without splitting, esbuild wraps a module reached through import() in a
 * lazy initializer that runs all of its imports, and client-node's config.js imports its
 * generated index, so its ~1 MB of models and ObjectSerializer would come back (the guard
 * below) instead of being tree-shaken away. A program evaluates each of its modules once, at
 * start-up, and a module of hookline's declares at the top level (those with costly set-up,
 * such as the simulator's schema compiler, make it on first use). `template`'s program keeps
 * its lazy imports (remote charts, provenance): they reach no client-node module.
 * `typeof import('…')` is a type and stays.
 */
const DYNAMIC_IMPORT = /(typeof\s+)?\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\2\s*\)/g;
const staticImports = {
  name: 'static-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const heads = [];
      const contents = readFileSync(args.path, 'utf8').replace(
        DYNAMIC_IMPORT,
        (whole, typeOf, quote, specifier) => {
          if (typeOf) return whole;
          const name = `__static_import_${heads.length}`;
          heads.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
          return `Promise.resolve(${name})`;
        },
      );
      return { contents: `${heads.join('')}${contents}`, loader: 'ts' };
    });
  },
};

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  // Class and function names stay as written: error names and traces read as in the source.
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ES modules still call require() for Node built-ins.
  banner: {
    js: "import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);",
  },
  metafile: metaAt > 0,
};

rmSync(outdir, { recursive: true, force: true });
const cjsProgram = {
  ...common,
  splitting: false,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: undefined,
};
const programPlugins = [
  vendorModules,
  preloadedBuiltins,
  builtinsByRequire,
  clientNodeSideEffectFree,
  clientNodeUndici,
];
const [result, ...programResults] = await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
    plugins: [programBundles, builtinsByRequire],
  }),
  build({
    ...cjsProgram,
    entryPoints: { template: programEntry('template') },
    plugins: programPlugins,
  }),
  build({
    ...cjsProgram,
    entryPoints: { program: programEntry('program'), action: programEntry('action') },
    plugins: [staticImports, ...programPlugins],
  }),
  ...Object.entries(VENDOR).map(([group, g]) => vendorBuild(common, group, g)),
]);
if (metaAt > 0) {
  const meta = result.metafile;
  for (const { metafile } of programResults.slice(0, 2)) {
    Object.assign(meta.inputs, metafile.inputs);
    Object.assign(meta.outputs, metafile.outputs);
  }
  writeFileSync(resolve(process.argv[metaAt + 1]), JSON.stringify(meta));
}
chmodSync(join(outdir, 'cli.js'), 0o755);

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
for (const f of files(outdir).filter((f) => /\.c?js$/.test(f))) {
  const size = statSync(f).size;
  if (size > MAX_BYTES) throw new Error(`${f} is ${size} bytes, over the ${MAX_BYTES}-byte budget`);
  // clientNodeSideEffectFree's purpose: a client-node import that reaches the generated models
  // (CoreV1Api, KubernetesObjectApi, ...) would bring back ~1 MB of evaluation (issue 10).
  // keepNames writes each class's name as a string.
  if (readFileSync(f, 'utf8').includes('"ObjectSerializer"'))
    throw new Error(`${f} holds client-node's ObjectSerializer (see clientNodeSideEffectFree)`);
}
