/**
 * libyaml does not check the indentation of lines inside flow collections, the `yaml` package
 * does (`Flow sequence in block collection must be sufficiently indented`). Inside a flow
 * collection leading whitespace is insignificant (line folding drops it in plain and quoted
 * scalars alike), so indenting those lines changes no value and keeps every line number:
 * the decoder retries with this text when that is the only complaint.
 */

/** Indent every line that starts inside an open flow collection past its opener's line. */
export function indentFlowContinuations(text: string): string {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let pad = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') {
        out.push(c, text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (depth > 0) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out.push(text.slice(i, stop));
      i = stop - 1;
      continue;
    } else if (c === '[' || c === '{') {
      if (depth === 0) pad = indentOf(text, lineStart) + 1;
      depth++;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
    out.push(c);
    if (c === '\n') {
      lineStart = i + 1;
      if (depth > 0) out.push(' '.repeat(pad));
    }
  }
  return out.join('');
}

function indentOf(text: string, start: number): number {
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}
