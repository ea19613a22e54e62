// `npm run build`: bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// ES modules for Node 24, tree-shaken and minified, with code splitting so that each command's
// code (and the Kubernetes client) is a chunk loaded only by the commands that import it.
// Linked source maps (without sources) keep stack traces readable: the entries turn on
// process.setSourceMapsEnabled. The output is deterministic (content-hashed chunk names, no
// timestamps), so CI can compare a fresh build with the committed dist/.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;
// `--outdir DIR` builds elsewhere (the cancellation tests bundle the CLI into a temporary dir).
const at = process.argv.indexOf('--outdir');
const root = resolve(import.meta.dirname, '..');
const outdir = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist');
// `--metafile FILE` writes esbuild's metafile (which module imports which, chunk contents): the
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
      if (path === 'node:fs' && /[/\\]@actions[/\\](core|io)[/\\]/.test(args.importer))
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
 * In `template`'s CommonJS program, the built-ins Node has loaded before any user code runs are
 * plain requires: a lazy shim of them defers nothing, and esbuild's interop copies a shim's
 * getters (~100 for node:fs) into every module that imports it (~2 ms of start-up; issue 10).
 * The ES module bundles keep their shims: there an external import would make Node build the
 * built-in's ES facade, which reads every export (node:fs's `promises` getter included).
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
      return PRELOADED_BUILTINS.has(path) ? { path, external: true } : undefined;
    });
  },
};

/**
 * Dependencies evaluated only when first used. @kubernetes/client-node imports its SOCKS and
 * HTTP-proxy agents eagerly (~20-60 ms of evaluation before the first request), though only a
 * kubeconfig with a `proxy-url` needs them; values.schema.json validation (ajv, ~10 ms), the
 * `yaml` package (the values and manifests parse on their own fast paths first, ~8 ms), and
 * sprig's bcrypt and RE2 engines are needed only by the charts that use them; @actions/core
 * imports @actions/http-client for OIDC tokens, which evaluates undici and tunnel (~40 ms
 * before the action's first request) though the action never asks for a token. Every use of
 * these imports is a call or `new` at run time (none is extended or read at evaluation).
 */
const LAZY_FROM_ACTIONS_HTTP_CLIENT = ['undici', 'tunnel'];
const LAZY_MODULES = [
  'socks-proxy-agent',
  'socks',
  'hpagent',
  'ajv',
  'ajv/dist/2019.js',
  'ajv/dist/2020.js',
  'ajv-formats',
  'bcryptjs',
  're2js',
  'yaml',
  // @actions/core's platform.js (getDetails, unused by the action) imports @actions/exec, whose
  // @actions/io reads fs.promises and loads node:assert at evaluation (~8 ms).
  '@actions/exec',
];
const IMPORT_ONLY = ['@actions/exec'];
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: /^[a-z@]/ }, async (args) => {
      if (args.kind !== 'import-statement' || args.pluginData === 'lazy-module') return undefined;
      const lazy =
        LAZY_MODULES.includes(args.path) ||
        (LAZY_FROM_ACTIONS_HTTP_CLIENT.includes(args.path) &&
          /[/\\]@actions[/\\]http-client[/\\]/.test(args.importer));
      if (!lazy) return undefined;
      if (!IMPORT_ONLY.includes(args.path))
        return { path: args.path, namespace: 'lazy-module', pluginData: args.resolveDir };
      // A package exporting only an `import` condition is required by its file's path.
      const { resolveDir, importer, kind } = args;
      const r = await b.resolve(args.path, {
        kind,
        importer,
        resolveDir,
        pluginData: 'lazy-module',
      });
      if (r.errors.length > 0) return r;
      // The module's name relative to the checkout: an absolute one would make the source
      // maps (and so the chunk hashes) depend on where the checkout is.
      const path = relative(root, r.path).split(sep).join('/');
      return { path, namespace: 'lazy-module', pluginData: { dir: resolveDir, file: r.path } };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
      const { dir, file } =
        typeof args.pluginData === 'string'
          ? { dir: args.pluginData, file: args.path }
          : args.pluginData;
      return {
        contents: lazyShim(file, join(dir, 'x.js'), { callable: true }),
        loader: 'js',
        resolveDir: dir,
      };
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
 * Each is required on first use: the action's requests go over node:http(s)
 * (src/kube/node-client-transport.ts), so undici is evaluated only for a watch, a proxy or a
 * cluster without TLS settings (~45 ms before the first request otherwise; issue 10).
 * Checked against undici 8.12.4 (pinned in __tests__/kube/node-client-internals.test.ts).
 */
const CLIENT_NODE_UNDICI = `let fetchImpl;
function fetch(init, options) {
  fetchImpl ??= require('undici/lib/web/fetch').fetch;
  return fetchImpl(init, options).catch((err) => {
    if (err && typeof err === 'object') Error.captureStackTrace(err, fetch);
    throw err;
  });
}
let proxyAgent;
module.exports = {
  fetch,
  get Agent() {
    return require('undici/lib/dispatcher/agent');
  },
  get ProxyAgent() {
    if (proxyAgent === undefined) {
      const { prototype } = require('undici/lib/dispatcher/dispatcher');
      Object.assign(prototype, require('undici/lib/api'));
      proxyAgent = require('undici/lib/dispatcher/proxy-agent');
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
    b.onLoad({ filter: /.*/, namespace: 'client-node-undici' }, (args) => ({
      contents: CLIENT_NODE_UNDICI,
      loader: 'js',
      resolveDir: args.pluginData,
    }));
  },
};

/**
 * The template program's large dependencies that few runs need, each group a CommonJS file of
 * its own in dist/vendor/, required when an export is first used: openpgp (`--verify`), ajv
 * (values.schema.json), re2js (sprig's regular expressions), the `yaml` package (fallbacks of
 * the values and manifest parsers), bcryptjs. Loading a module costs ~10 ms per MB of source
 * even from the compile cache, and they are ~0.8 MB of dist/template.cjs's 1.2 MB (issue 10).
 * Each group holds every copy of its modules in the program (ajv-formats shares ajv's code),
 * and each entry of a group is evaluated only when first required.
 */
const VENDOR = {
  openpgp: ['openpgp'],
  ajv: ['ajv', 'ajv/dist/2019.js', 'ajv/dist/2020.js', 'ajv-formats'],
  re2js: ['re2js'],
  yaml: ['yaml'],
  bcryptjs: ['bcryptjs'],
};
const vendorGroup = new Map(
  Object.entries(VENDOR).flatMap(([group, specs]) => specs.map((s) => [s, group])),
);
const vendorModules = {
  name: 'vendor-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/vendor\// }, (args) =>
      args.namespace === 'vendor-module' ? { path: args.path, external: true } : undefined,
    );
    b.onResolve({ filter: /^[a-z@]/ }, (args) => {
      if (args.kind !== 'import-statement' || !vendorGroup.has(args.path)) return undefined;
      return { path: args.path, namespace: 'vendor-module', pluginData: args.resolveDir };
    });
    b.onLoad({ filter: /.*/, namespace: 'vendor-module' }, (args) => ({
      contents: lazyShim(args.path, join(args.pluginData, 'x.js'), {
        callable: true,
        loadExpr: `require(${JSON.stringify(`./vendor/${vendorGroup.get(args.path)}.cjs`)})[${JSON.stringify(args.path)}]`,
      }),
      loader: 'js',
      resolveDir: args.pluginData,
    }));
  },
};
const vendorBuild = (common, group, specs) =>
  build({
    ...common,
    stdin: {
      contents: `module.exports = { ${specs
        .map((s) => `get ${JSON.stringify(s)}() { return require(${JSON.stringify(s)}); }`)
        .join(', ')} };`,
      resolveDir: root,
      sourcefile: `vendor-${group}.cjs`,
      loader: 'js',
    },
    outfile: join(outdir, 'vendor', `${group}.cjs`),
    outdir: undefined,
    format: 'cjs',
    banner: undefined,
  });

/**
 * `template` as one module (issue 10): with code splitting, the modules `template` needs are
 * spread over ~40 chunks (each set of entries and lazy imports that reaches a module makes a
 * chunk of its own), and Node's ES module loader pays for each one (resolution, a stat, a
 * compile, linking: ~30 ms in all). src/cli-template.ts, `template`'s whole program, is
 * bundled a second time on its own, without splitting, as CommonJS into dist/template.cjs; the
 * bin (src/cli.ts) loads it for `template` with a code cache of every function a run compiles
 * (src/runtime/code-cache.ts), and imports the split program for everything else. The two
 * never meet in one process (nor on its worker, whose entry is the bin again), so no module
 * state (the side-effect latch, the signal relay, error classes) exists twice. The rare lazy
 * imports of its path (remote charts, provenance) are bundled in and evaluated on first use.
 * The bin's import of src/cli-template.ts (its way when run from the sources) becomes one of
 * dist/template.cjs.
 */
const TEMPLATE_PROGRAM = 'src/cli-template.ts';
const templateProgram = {
  name: 'template-program',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli-template\.js$/ }, (args) => {
      if (args.importer !== join(root, 'src', 'cli.ts')) return undefined;
      return { path: './template.cjs', external: true };
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
const [result, templateResult] = await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    plugins: [
      templateProgram,
      builtinsByRequire,
      lazyModules,
      clientNodeSideEffectFree,
      clientNodeUndici,
    ],
  }),
  build({
    ...common,
    entryPoints: { template: TEMPLATE_PROGRAM },
    splitting: false,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    banner: undefined,
    plugins: [
      vendorModules,
      preloadedBuiltins,
      builtinsByRequire,
      lazyModules,
      clientNodeSideEffectFree,
      clientNodeUndici,
    ],
  }),
  ...Object.entries(VENDOR).map(([group, specs]) => vendorBuild(common, group, specs)),
]);
if (metaAt > 0) {
  const meta = result.metafile;
  Object.assign(meta.inputs, templateResult.metafile.inputs);
  Object.assign(meta.outputs, templateResult.metafile.outputs);
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
