/** Go's strings helpers where JavaScript's differ. */

/** unicode.IsSpace: the whitespace Go's strings.TrimSpace removes (JS's trim() also strips U+FEFF). */
const GO_SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const TRIM_RE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(TRIM_RE, '');
}

/** Go's RE2 `\s` class: `[\t\n\f\r ]` (no \v, no Unicode spaces). */
export const RE2_SPACE = '[\\t\\n\\f\\r ]';
