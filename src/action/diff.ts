/**
 * A small line diff (longest common subsequence) printed as a unified diff with 3 lines of
 * context, for the dry-run plan. Pure.
 */

type Op = { tag: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The edit script turning `a` into `b` (LCS table, O(n*m): documents are small). */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ tag: ' ', line: a[i]!, a: i++, b: j++ });
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ tag: '-', line: a[i]!, a: i++, b: j });
    } else {
      ops.push({ tag: '+', line: b[j]!, a: i, b: j++ });
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
