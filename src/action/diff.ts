/**
 * The line diff of the dry-run plan: jsdiff's Myers (O((n+m)·D)) bounded by MAX_EDIT_LENGTH, so
 * a huge rewrite costs no more than replacing the whole document; printed as a unified diff
 * with 3 lines of context. Pure.
 */
import { diffArrays } from 'diff';

type Op = { tag: ' ' | '-' | '+'; line: string; a: number; b: number };

/**
 * Past this many inserted + deleted lines the diff stops searching for a shorter script and
 * reports the document as replaced: bounds time and memory (a 16,000-line document with a few
 * changes takes milliseconds; two unrelated ones cost O(n + m)).
 */
export const MAX_EDIT_LENGTH = 4000;

/** The edit script turning `a` into `b` (shortest when within MAX_EDIT_LENGTH edits). */
export function diffLines(
  a: readonly string[],
  b: readonly string[],
  maxEditLength = MAX_EDIT_LENGTH,
): Op[] {
  const parts = diffArrays([...a], [...b], { maxEditLength }) ?? [
    { value: [...a], removed: true, added: false, count: a.length },
    { value: [...b], removed: false, added: true, count: b.length },
  ];
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const p of parts) {
    for (const line of p.value) {
      if (p.removed) ops.push({ tag: '-', line, a: i++, b: j });
      else if (p.added) ops.push({ tag: '+', line, a: i, b: j++ });
      else ops.push({ tag: ' ', line, a: i++, b: j++ });
    }
  }
  return ops;
}

const splitLines = (s: string): string[] => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));

/** `--- from`/`+++ to` and `@@ -l,n +l,n @@` hunks; `''` when the texts are equal. */
export function unifiedDiff(
  from: string,
  to: string,
  names: { from: string; to: string },
  context = 3,
): string {
  const ops = diffLines(splitLines(from), splitLines(to));
  const changed = ops.map((o, k) => (o.tag !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  const out = [`--- ${names.from}`, `+++ ${names.to}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = Math.min(ops.length, changed[k]! + context + 1);
    while (k + 1 < changed.length && changed[k + 1]! - context <= end) {
      k++;
      end = Math.min(ops.length, changed[k]! + context + 1);
    }
    k++;
    const hunk = ops.slice(start, end);
    const aLen = hunk.filter((o) => o.tag !== '+').length;
    const bLen = hunk.filter((o) => o.tag !== '-').length;
    const aStart = aLen === 0 ? hunk[0]!.a : hunk[0]!.a + 1;
    const bStart = bLen === 0 ? hunk[0]!.b : hunk[0]!.b + 1;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.tag}${o.line}`);
  }
  return `${out.join('\n')}\n`;
}
