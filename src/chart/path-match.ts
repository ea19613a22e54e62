/**
 * Go's path.Match / filepath.Match (on `/`-separated paths): `*` matches any run of non-`/`
 * characters, `?` one non-`/` character, `[...]` a class (with `^` negation and ranges), `\`
 * escapes. A malformed pattern is an error (`syntax error in pattern`), as ErrBadPattern.
 */

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
    this.name = 'BadPatternError';
  }
}

interface ClassResult {
  matched: boolean;
  next: number;
}

function matchClass(pattern: string, start: number, ch: string): ClassResult {
  let i = start;
  let negated = false;
  if (pattern[i] === '^') {
    negated = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (true) {
    if (i >= pattern.length) throw new BadPatternError();
    if (pattern[i] === ']' && !first) {
      i++;
      break;
    }
    first = false;
    let lo = pattern[i] as string;
    if (lo === '\\') {
      i++;
      if (i >= pattern.length) throw new BadPatternError();
      lo = pattern[i] as string;
    } else if (lo === '-' || lo === ']') {
      if (lo === '-') throw new BadPatternError();
    }
    i++;
    let hi = lo;
    if (pattern[i] === '-') {
      i++;
      if (i >= pattern.length) throw new BadPatternError();
      hi = pattern[i] as string;
      if (hi === '\\') {
        i++;
        if (i >= pattern.length) throw new BadPatternError();
        hi = pattern[i] as string;
      } else if (hi === ']') throw new BadPatternError();
      i++;
    }
    if (lo <= ch && ch <= hi) matched = true;
  }
  return { matched: matched !== negated, next: i };
}

/** Validate the whole pattern (Go reports ErrBadPattern even after a mismatch). */
function validate(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      if (i >= pattern.length) throw new BadPatternError();
    } else if (c === '[') {
      i = matchClass(pattern, i + 1, '\0').next - 1;
    }
  }
}

function matchFrom(pattern: string, pi: number, name: string, ni: number): boolean {
  while (pi < pattern.length) {
    const c = pattern[pi] as string;
    if (c === '*') {
      while (pattern[pi] === '*') pi++;
      for (let k = ni; k <= name.length; k++) {
        if (matchFrom(pattern, pi, name, k)) return true;
        if (name[k] === '/') return false;
      }
      return false;
    }
    if (ni >= name.length) return false;
    const ch = name[ni] as string;
    if (c === '?') {
      if (ch === '/') return false;
      pi++;
    } else if (c === '[') {
      if (ch === '/') return false;
      const r = matchClass(pattern, pi + 1, ch);
      if (!r.matched) return false;
      pi = r.next;
    } else if (c === '\\') {
      if (pattern[pi + 1] !== ch) return false;
      pi += 2;
    } else {
      if (c !== ch) return false;
      pi++;
    }
    ni++;
  }
  return ni === name.length;
}

/** path.Match(pattern, name). Throws BadPatternError for malformed patterns. */
export function pathMatch(pattern: string, name: string): boolean {
  validate(pattern);
  return matchFrom([...pattern].join(''), 0, name, 0);
}
