/**
 * Splitting a rendered file into YAML documents (helm/helm pkg/releaseutil/manifest.go
 * `SplitManifests`, MP-2): trim the whole text, split on Helm's separator regex
 * `(?:^|\s*\n)---\s*` (a line starting with `---`, with the whitespace around it), drop empty
 * pieces, trim each piece.
 */
import { goTrimSpace } from '../util/go-strings.js';

/** RE2's `\s`: `[\t\n\f\r ]`. */
function isRe2Space(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/**
 * The pieces Go's `regexp.Split(text, -1)` gives with Helm's separator, in linear time (the
 * regex itself backtracks over every run of indentation). A match starts at the whitespace run
 * just before a `\n---` (or at `---` opening the text) and swallows the whitespace after it.
 */
export function splitOnSeparators(text: string): string[] {
  const pieces: string[] = [];
  let pieceStart = 0;
  let from = 0;
  const consumeSpace = (k: number) => {
    while (k < text.length && isRe2Space(text.charCodeAt(k))) k++;
    return k;
  };
  if (text.startsWith('---')) {
    pieces.push('');
    pieceStart = from = consumeSpace(3);
  }
  for (;;) {
    const nl = text.indexOf('\n---', from);
    if (nl < 0) break;
    let start = nl;
    while (start > pieceStart && isRe2Space(text.charCodeAt(start - 1))) start--;
    pieces.push(text.slice(pieceStart, start));
    pieceStart = from = consumeSpace(nl + 4);
  }
  pieces.push(text.slice(pieceStart));
  return pieces;
}

/** The documents of a rendered file, in file order. */
export function splitManifests(bigFile: string): string[] {
  const docs: string[] = [];
  for (const d of splitOnSeparators(goTrimSpace(bigFile))) {
    // Helm tests for "" before trimming, so a whitespace-only piece survives as "".
    if (d === '') continue;
    docs.push(goTrimSpace(d));
  }
  return docs;
}
