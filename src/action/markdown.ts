/**
 * Markdown building blocks that render as meant on GitHub (CommonMark + GFM): text escaped for
 * inline use (entities and backslashes, which the renderer turns back into the characters),
 * fenced code blocks whose fence is longer than any backtick run inside (the content is shown
 * verbatim, never entity-escaped), `<details>` blocks with the blank lines CommonMark needs
 * around Markdown inside HTML, and GFM tables. Pure.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** For text inside HTML (a `<summary>`): the browser decodes the entities. */
export function htmlText(s: string): string {
  return s.replace(/[&<>"]/g, (c) => HTML[c]!).replace(/\s*\n\s*/g, ' ');
}

/**
 * For text in a paragraph, list item or table cell: HTML metacharacters as entities, Markdown
 * punctuation backslash-escaped, line breaks as spaces. Renders as the original text.
 */
export function inline(s: string): string {
  return s
    .replace(/[&<>]/g, (c) => HTML[c]!)
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
    .replace(/\s*\n\s*/g, ' ');
}

/** `text` as inline code (a backtick run longer than any inside; spaces when needed). */
export function code(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fenced code block; `lang` e.g. `diff`, `yaml`, `text`, `mermaid`. */
export function fence(text: string, lang = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(Math.max(3, longest + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${f}${lang}\n${body}${f}`;
}

/** A `<details>` block (open or collapsed) around Markdown `body` lines. */
export function details(summary: string, body: readonly string[], open = false): string[] {
  return [
    `<details${open ? ' open' : ''}><summary>${htmlText(summary)}</summary>`,
    '',
    ...body,
    '',
    '</details>',
    '',
  ];
}

/** A GFM table; cells are escaped with `inline` unless they are already Markdown (`raw`). */
export function table(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | { raw: string }>>,
): string[] {
  const cell = (c: string | { raw: string }) => (typeof c === 'string' ? inline(c) : c.raw);
  return [
    `| ${head.map((h) => inline(h)).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

/** The last `maxLines` lines of `text` (all when negative), and whether lines were cut. */
export function tailLines(text: string, maxLines: number): { text: string; cut: number } {
  const ls = text.replace(/\n$/, '').split('\n');
  if (maxLines < 0 || ls.length <= maxLines) return { text, cut: 0 };
  return { text: ls.slice(ls.length - maxLines).join('\n'), cut: ls.length - maxLines };
}
