/**
 * Renders a summary with markdown-it (CommonMark + GFM tables, raw HTML allowed as GitHub
 * does) and describes what a reader sees: tables, `<details>` blocks and what they hold, fenced
 * code blocks, and the visible text (tags stripped, entities decoded once).
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true }).enable('table');

export interface Rendered {
  html: string;
  tables: number;
  /** Fenced code blocks: language and content. */
  fences: Array<{ lang: string; content: string; inDetails: boolean }>;
  /** `<details>` blocks opened and closed at the top level, and whether opened `open`. */
  details: Array<{ open: boolean; summary: string }>;
  detailsClosed: number;
  bulletItems: string[];
  /** The text a browser shows. */
  visible: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

export function render(markdown: string): Rendered {
  const tokens = md.parse(markdown, {});
  const out: Rendered = {
    html: md.render(markdown),
    tables: 0,
    fences: [],
    details: [],
    detailsClosed: 0,
    bulletItems: [],
    visible: '',
  };
  let depth = 0;
  tokens.forEach((t, i) => {
    if (t.type === 'table_open') out.tables++;
    if (t.type === 'fence')
      out.fences.push({ lang: t.info.trim(), content: t.content, inDetails: depth > 0 });
    if (t.type === 'html_block') {
      for (const m of t.content.matchAll(/<details( open)?><summary>(.*?)<\/summary>/g)) {
        out.details.push({ open: m[1] !== undefined, summary: visibleText(m[2]!) });
        depth++;
      }
      const closes = t.content.match(/<\/details>/g)?.length ?? 0;
      out.detailsClosed += closes;
      depth -= closes;
    }
    if (t.type === 'list_item_open') {
      const inline = tokens.slice(i).find((x) => x.type === 'inline');
      out.bulletItems.push(inline?.content ?? '');
    }
  });
  out.visible = visibleText(out.html);
  return out;
}
