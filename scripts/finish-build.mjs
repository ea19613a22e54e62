// Moves ncc's bundles to their committed names: dist/cli.js (bin) and dist/index.js (the
// action). ncc writes each entry as <dir>/index.js; we keep one file per entry.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
const entries = [
  { dir: 'dist/cli-build', out: 'dist/cli.js', shebang: true },
  { dir: 'dist/index-build', out: 'dist/index.js', shebang: false },
];
for (const { dir, out, shebang } of entries) {
  if (!existsSync(`${dir}/index.js`)) throw new Error(`missing bundle ${dir}/index.js`);
  let code = readFileSync(`${dir}/index.js`, 'utf8');
  if (shebang && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
  writeFileSync(out, code);
  if (shebang) chmodSync(out, 0o755);
  rmSync(dir, { recursive: true, force: true });
}
