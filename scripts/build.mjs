// `npm run build`: bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// ES modules for Node 24, tree-shaken and minified, with code splitting so that each command's
// code (and the Kubernetes client) is a chunk loaded only by the commands that import it.
// Linked source maps (without sources) keep stack traces readable: the entries turn on
// process.setSourceMapsEnabled. The output is deterministic (content-hashed chunk names, no
// timestamps), so CI can compare a fresh build with the committed dist/.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, resolve } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;
// `--outdir DIR` builds elsewhere (the cancellation tests bundle the CLI into a temporary dir).
const at = process.argv.indexOf('--outdir');
const root = resolve(import.meta.dirname, '..');
const outdir = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist');

/**
 * `import … from 'node:http'` in an ES module makes Node build an ES facade of the built-in,
 * which reads every export once: node:http's lazy `WebSocket`/`MessageEvent` getters then load
 * Node's internal undici (~40 ms), node:assert its colours, and so on, before the first request.
 * The bundle loads built-ins through `require()` instead (the banner's createRequire), as the
 * bundled CommonJS dependencies already do: an export is then read only when it is used.
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (args.kind !== 'import-statement' || !isBuiltin(args.path)) return undefined;
      const path = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      return { path, namespace: 'builtin-by-require' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Dependencies only a rare configuration uses, loaded when first used instead of with the
 * Kubernetes client: @kubernetes/client-node imports its SOCKS and HTTP-proxy agents eagerly
 * (~20-60 ms of evaluation before the first request), though only a kubeconfig with a
 * `proxy-url` needs them. Each maps to the named exports the bundle imports from it; the
 * shim's getters require the real module on first access.
 */
const LAZY_MODULES = {
  'socks-proxy-agent': ['SocksProxyAgent'],
  socks: ['SocksClient'],
  hpagent: ['HttpProxyAgent', 'HttpsProxyAgent'],
};
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: /^(socks-proxy-agent|socks|hpagent)$/ }, (args) => {
      if (args.kind !== 'import-statement') return undefined;
      return { path: args.path, namespace: 'lazy-module', pluginData: args.resolveDir };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
      const getters = LAZY_MODULES[args.path].map(
        (name) => `get ${name}() { return load().${name}; }`,
      );
      return {
        contents: `let m; const load = () => (m ??= require(${JSON.stringify(args.path)}));
module.exports = { ${getters.join(', ')} };`,
        loader: 'js',
        resolveDir: args.pluginData,
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
 * Checked against undici 8.12.4 (pinned in __tests__/kube/node-client-internals.test.ts).
 */
const CLIENT_NODE_UNDICI = `const fetchImpl = require('undici/lib/web/fetch').fetch;
function fetch(init, options) {
  return fetchImpl(init, options).catch((err) => {
    if (err && typeof err === 'object') Error.captureStackTrace(err, fetch);
    throw err;
  });
}
let proxyAgent;
module.exports = {
  fetch,
  Agent: require('undici/lib/dispatcher/agent'),
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

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  absWorkingDir: root,
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
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
  plugins: [builtinsByRequire, lazyModules, clientNodeSideEffectFree, clientNodeUndici],
  // CommonJS dependencies bundled into ES modules still call require() for Node built-ins.
  banner: {
    js: "import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);",
  },
});
chmodSync(join(outdir, 'cli.js'), 0o755);

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
for (const f of files(outdir).filter((f) => f.endsWith('.js'))) {
  const size = statSync(f).size;
  if (size > MAX_BYTES) throw new Error(`${f} is ${size} bytes, over the ${MAX_BYTES}-byte budget`);
  // clientNodeSideEffectFree's purpose: a client-node import that reaches the generated models
  // (CoreV1Api, KubernetesObjectApi, ...) would bring back ~1 MB of evaluation (issue 10).
  // keepNames writes each class's name as a string.
  if (readFileSync(f, 'utf8').includes('"ObjectSerializer"'))
    throw new Error(`${f} holds client-node's ObjectSerializer (see clientNodeSideEffectFree)`);
}
