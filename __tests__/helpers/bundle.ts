/**
 * A fresh bundle of the sources (scripts/build.mjs --outdir), for tests that run hookline as
 * users do (`node bundle/cli.js …`) without depending on a committed dist/ being current.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root. */
export const root = resolve(import.meta.dirname, '..', '..');

/** A new temporary directory `dir` holding the bundle in `dir/bundle`; the caller removes it. */
export function buildBundle(prefix: string): { dir: string; bundle: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const bundle = join(dir, 'bundle');
  const built = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'build.mjs'), '--outdir', bundle],
    { cwd: root, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`bundle failed: ${built.stderr}`);
  return { dir, bundle };
}
