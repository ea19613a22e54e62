/**
 * Glob matching as gobwas/glob compiles it with '/' as the separator (what Helm's `.Files.Glob`
 * uses): `*` matches within one path segment, `**` across segments, `?` one non-separator
 * character, `[abc]`/`[!abc]`/`[a-z]` character classes, `{a,b}` alternatives, `\` escapes.
 */

/** Compile a glob to a RegExp; `null` when the pattern is invalid (Helm then matches all). */
export function compileGlob(pattern: string): RegExp | null {
  const out: string[] = [];
  let i = 0;
  let depth = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (i + 1 >= pattern.length) return null;
      out.push(escapeRegex(pattern[i + 1]!));
      i += 2;
      continue;
    }
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        out.push('.*');
        i += 2;
      } else {
        out.push('[^/]*');
        i += 1;
      }
      continue;
    }
    if (c === '?') {
      out.push('[^/]');
      i++;
      continue;
    }
    if (c === '[') {
      const cls = readClass(pattern, i);
      if (!cls) return null;
      out.push(cls.source);
      i = cls.end;
      continue;
    }
    if (c === '{') {
      depth++;
      out.push('(?:');
      i++;
      continue;
    }
    if (c === '}' && depth > 0) {
      depth--;
      out.push(')');
      i++;
      continue;
    }
    if (c === ',' && depth > 0) {
      out.push('|');
      i++;
      continue;
    }
    out.push(escapeRegex(c));
    i++;
  }
  if (depth !== 0) return null;
  return new RegExp(`^(?:${out.join('')})$`, 's');
}

function readClass(pattern: string, start: number): { source: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!') {
    negate = true;
    i++;
  }
  const parts: string[] = [];
  while (i < pattern.length && pattern[i] !== ']') {
    const lo = pattern[i]!;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      parts.push(`${escapeClassChar(lo)}-${escapeClassChar(pattern[i + 2]!)}`);
      i += 3;
    } else {
      parts.push(escapeClassChar(lo));
      i++;
    }
  }
  if (i >= pattern.length || parts.length === 0) return null;
  const body = parts.join('');
  return { source: negate ? `[^/${body}]` : `[${body}]`, end: i + 1 };
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return /[\]\\^-]/.test(c) ? `\\${c}` : c;
}
