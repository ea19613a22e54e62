/**
 * Go's `path` package (golang/go:src/path/path.go): lexical operations on slash-separated
 * paths, with no file-system access. `path/filepath` behaves the same on Linux, where Helm runs,
 * so the chart loader, the engine and sprig's `base`/`osBase`… all use these.
 */

/** path.Clean: lexical processing of `.`, `..` and repeated slashes; "" → ".". */
export function pathClean(p: string): string {
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
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** path.Base: the last element, trailing slashes removed; "" → ".", all slashes → "/". */
export function pathBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** path.Dir: everything up to the last slash, cleaned. */
export function pathDir(p: string): string {
  return pathClean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** path.Ext: the suffix from the last dot of the last element, or "". */
export function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

/** path.IsAbs. */
export function pathIsAbs(p: string): boolean {
  return p.startsWith('/');
}
