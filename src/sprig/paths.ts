/**
 * Go's `path` package as sprig exposes it (base, dir, clean, ext, isAbs; golang/go:src/path/path.go)
 * and `path/filepath` (osBase ...), which on Linux, where Helm renders, behaves identically.
 * The operations themselves live in src/util/go-path.ts.
 */
import type { GoFuncValue } from '../gotemplate/values.js';
import { fn } from '../gotemplate/functions.js';
import { pathBase, pathClean, pathDir, pathExt, pathIsAbs } from '../util/go-path.js';

const s1 = { params: ['string'] } as const;

export const pathFuncs: GoFuncValue[] = [
  fn('base', s1, pathBase),
  fn('dir', s1, pathDir),
  fn('clean', s1, pathClean),
  fn('ext', s1, pathExt),
  fn('isAbs', s1, pathIsAbs),
  fn('osBase', s1, pathBase),
  fn('osClean', s1, pathClean),
  fn('osDir', s1, pathDir),
  fn('osExt', s1, pathExt),
  fn('osIsAbs', s1, pathIsAbs),
];
