/**
 * The `quote` helper of Go's time package (golang/go:src/time/format.go), used in ParseError and
 * ParseDuration messages: double quotes, `"` and `\` escaped, and every byte of a non-ASCII or
 * control character written as `\xNN`.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}
