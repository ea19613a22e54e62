/** Go's strings helpers where JavaScript's differ. */

/** unicode.IsSpace: what Go's strings.TrimSpace removes (JS's trim() also strips U+FEFF). */
function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** strings.TrimSpace, in linear time (a `\s+$` regex is quadratic on long text). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Go's RE2 `\s` class: `[\t\n\f\r ]` (no \v, no Unicode spaces). */
export const RE2_SPACE = '[\\t\\n\\f\\r ]';
