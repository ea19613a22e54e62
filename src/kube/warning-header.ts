/**
 * The API server's `Warning` response headers (deprecated APIs, unknown fields a server of
 * Kubernetes 1.25+ dropped, ...), read as client-go's ParseWarningHeaders reads them (RFC 7234
 * 5.5: `299 - "text"`, optionally a quoted date, several per header separated by commas; a
 * malformed one ends its header). client-go's default handler, which Helm keeps, shows the
 * text of every code-299 warning that has one. Pure.
 */

export interface WarningHeader {
  code: number;
  agent: string;
  text: string;
}

/** A quoted-string (backslash escapes): its text and what follows, or undefined. */
function quoted(s: string): { text: string; rest: string } | undefined {
  if (!s.startsWith('"')) return undefined;
  let text = '';
  let escaping = false;
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (escaping) {
      text += c;
      escaping = false;
    } else if (c === '\\') escaping = true;
    else if (c === '"') return { text, rest: s.slice(i + 1).trim() };
    else text += c;
  }
  return undefined;
}

// Control characters make a warning invalid (client-go refuses them too).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** One warning and the rest of the header, or undefined when it is malformed. */
function parseOne(header: string): { warning: WarningHeader; rest: string } | undefined {
  const h = header.trim();
  const first = h.indexOf(' ');
  const second = first < 0 ? -1 : h.indexOf(' ', first + 1);
  if (second < 0) return undefined;
  const code = h.slice(0, first);
  const agent = h.slice(first + 1, second);
  if (!/^[0-9]{3}$/.test(code) || agent === '' || CONTROL.test(agent)) return undefined;
  const text = quoted(h.slice(second + 1));
  if (!text || CONTROL.test(text.text)) return undefined;
  let rest = text.rest;
  if (rest.startsWith('"')) {
    const end = rest.indexOf('"', 1);
    if (end < 0) return undefined;
    rest = rest.slice(end + 1).trim();
  }
  if (rest !== '') {
    if (!rest.startsWith(',')) return undefined;
    rest = rest.slice(1).trim();
  }
  return { warning: { code: Number(code), agent, text: text.text }, rest };
}

/** Every well-formed warning of one header value (Node joins repeated headers with `, `). */
export function parseWarningHeaders(value: string): WarningHeader[] {
  const out: WarningHeader[] = [];
  let rest = value;
  while (rest.trim() !== '') {
    const one = parseOne(rest);
    if (!one) break;
    out.push(one.warning);
    rest = one.rest;
  }
  return out;
}

/** The texts client-go's default handler shows: code 299, not empty. */
export function shownWarnings(value: string | undefined): string[] {
  if (value === undefined) return [];
  return parseWarningHeaders(value)
    .filter((w) => w.code === 299 && w.text !== '')
    .map((w) => w.text);
}

/** `show` called once per distinct text (kubectl deduplicates the server's warnings so). */
export function onceEach(show: (text: string) => void): (text: string) => void {
  const seen = new Set<string>();
  return (text) => {
    if (seen.has(text)) return;
    seen.add(text);
    show(text);
  };
}
