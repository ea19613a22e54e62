// `npm run build`: bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// ES modules for Node 24, tree-shaken and minified, with code splitting so that each command's
// code (and the Kubernetes client) is a chunk loaded only by the commands that import it.
// Linked source maps (without sources) keep stack traces readable: the entries turn on
// process.setSourceMapsEnabled. The output is deterministic (content-hashed chunk names, no
// timestamps), so CI can compare a fresh build with the committed dist/.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;
// `--outdir DIR` builds elsewhere (the cancellation tests bundle the CLI into a temporary dir).
const at = process.argv.indexOf('--outdir');
const root = resolve(import.meta.dirname, '..');
const outdir = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist');

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
}
