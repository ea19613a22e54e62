/**
 * Go's `path` package as sprig exposes it (base, dir, clean, ext, isAbs; golang/go:src/path/path.go)
 * and `path/filepath` (osBase ...), which on Linux, where Helm renders, behaves identically.
 */
import type { GoFuncValue } from '../gotemplate/values.js';
import { fn } from '../gotemplate/functions.js';

/** path.Clean: lexical processing of `.`, `..` and repeated slashes. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** path.Base: the last element, trailing slashes removed; "" → ".", all slashes → "/". */
export function base(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** path.Dir: everything up to the last slash, cleaned. */
export function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** path.Ext: the suffix from the last dot of the last element, or "". */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

export const isAbs = (p: string): boolean => p.startsWith('/');

const s1 = { params: ['string'] } as const;

export const pathFuncs: GoFuncValue[] = [
  fn('base', s1, base),
  fn('dir', s1, dir),
  fn('clean', s1, clean),
  fn('ext', s1, ext),
  fn('isAbs', s1, isAbs),
  fn('osBase', s1, base),
  fn('osClean', s1, clean),
  fn('osDir', s1, dir),
  fn('osExt', s1, ext),
  fn('osIsAbs', s1, isAbs),
];
